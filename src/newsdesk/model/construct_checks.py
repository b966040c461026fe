"""The check's findings about a section's constructs (issue 14): tables, source notes, notes.

- a table without a `Table:` caption, or whose header row is empty (a reader of the page, and a
  screen reader most of all, cannot tell what the columns hold);
- a source note nothing refers to (it is listed at the section's end without a way back), and a
  `[^x]` reference without its note (shown as literal text);
- a private note opened with `<!--` and never closed: everything after it in the section is
  hidden from the page.
"""

from __future__ import annotations

from newsdesk.model.article import Section
from newsdesk.model.markdown_notes import note_problems
from newsdesk.model.markdown_text import pipe_tables
from newsdesk.model.preflight import Finding


def construct_findings(section: Section, name: str, where: str) -> list[Finding]:
    """Findings for one section; `name` words it ("section 'Kosten'"), `where` locates it."""
    markdown = section.markdown
    found: list[Finding] = []
    if "|" in markdown:
        for number, table in enumerate(pipe_tables(markdown.split("\n")), 1):
            if not any(table.header_cells):
                found.append(
                    Finding(
                        "warning",
                        "table-header-missing",
                        f"table {number} in {name} has no header row",
                        where,
                        {"table": number},
                    )
                )
            if table.caption is None:
                found.append(
                    Finding(
                        "warning",
                        "table-caption-missing",
                        f"table {number} in {name} has no caption (a 'Table: ...' line after it)",
                        where,
                        {"table": number},
                    )
                )
    if "[^" not in markdown and "<!--" not in markdown:
        return found
    problems = note_problems(markdown)
    if problems.unclosed_note:
        found.append(
            Finding(
                "warning",
                "private-note-unclosed",
                f"an editor's note in {name} is not closed with -->: the rest of it is hidden",
                where,
            )
        )
    for label in problems.unreferenced:
        found.append(
            Finding(
                "warning",
                "source-note-unreferenced",
                f"the source note [^{label}] in {name} is referred to nowhere in its text",
                where,
                {"label": label},
            )
        )
    for label in problems.undefined:
        found.append(
            Finding(
                "warning",
                "source-note-missing",
                f"{name} refers to a source note [^{label}] that is not there",
                where,
                {"label": label},
            )
        )
    return found
