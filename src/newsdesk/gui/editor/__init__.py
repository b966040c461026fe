"""Writing: the section editor, its blocks and Markdown bridge, typography, inline photos, the
headline bar, the link dialog and find/replace."""
