"""ArticleState as the window makes it, for tests that build panes without a window."""

from __future__ import annotations

from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.editor.markdown_bridge import document_to_markdown
from newsdesk.gui.editor.section_editor import new_section_document
from newsdesk.model.article import Article


def bridged_state(article: Article, **kwargs) -> ArticleState:
    """An ArticleState whose section documents come from the editor's Markdown bridge (with the
    editor's font and spacing), as the window makes it; keyword arguments override either part."""
    kwargs.setdefault("document_factory", new_section_document)
    kwargs.setdefault("to_markdown", document_to_markdown)
    return ArticleState(article, **kwargs)
