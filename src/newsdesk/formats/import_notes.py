"""What an import tells the journalist besides the article: notes and suggested field values.

Each note carries a stable `code` and the `params` its wording needs, like the errors in
`newsdesk.errors`: the command line prints the English `message`, the window words the code in its
own language ("3 tracked changes were accepted" / "3 Änderungen wurden übernommen").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.model.article import Article


@dataclass(frozen=True)
class ImportNote:
    code: str
    message: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class ImportResult:
    """The imported article, the notes about it, and suggestions for its empty fields.

    `suggestions` maps an article field ("headline", "byline", "description", "tags", ...) to a
    value the source's properties offer; the importer never fills a field from them itself (a
    template's title or "Microsoft Office User" must not reach the page unasked).
    """

    article: Article
    notes: list[ImportNote] = field(default_factory=list)
    suggestions: dict[str, str] = field(default_factory=dict)

    def note(self, code: str, message: str, **params: object) -> None:
        self.notes.append(ImportNote(code, message, params))


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
