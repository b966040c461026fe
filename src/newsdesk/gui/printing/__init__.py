"""Printing: the exported page rendered to PDF by Qt WebEngine, the same Chromium as the preview.

`export_pdf(article, out_path, options)` is what `newsdesk export -o OUT.pdf` calls (the command
line imports this package only for a PDF); File > Print… prints the same page (print_article).
"""

from newsdesk.gui.printing.pdf_export import export_pdf, page_size_for_locale, render_pdf

__all__ = ["export_pdf", "page_size_for_locale", "render_pdf"]
