"""Word lists beside the dictionary: the personal list, the newsroom list, an article's ignores.

The personal list is the user's "Add to dictionary": a plain UTF-8 text file, one word a line, in
the user data folder (the caller passes the path), shared by all articles. The newsroom list is
the same format at a path in the settings (often on a shared drive) and is only ever read: names,
places, house spellings every colleague's Newsdesk accepts.

Reading never fails on content: lines that are not a word (undecodable bytes, blanks inside, far
too long, control characters) are skipped and counted, and the caller reports them once. A list
that cannot be read at all (missing, no permission) reads as empty with one problem. Files are
bounded: beyond MAX_LIST_BYTES the rest is ignored and reported.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.errors import WordListError, os_error_reason

MAX_LIST_BYTES = 8 * 1024 * 1024
# A newsroom list of names and house spellings has thousands of words; beyond this many the rest
# of a list is not read (each word is also taught to every loaded dictionary, ~10 µs apiece).
MAX_LIST_WORDS = 100_000
MAX_WORD_CHARS = 64


@dataclass(frozen=True)
class WordListProblem:
    """Something to say once about a word list: `code` `spelling.list_missing`,
    `spelling.list_unreadable` (the file cannot be read), `spelling.list_lines_skipped`
    (`count` lines skipped, the first at `line`) or `spelling.list_truncated`."""

    code: str
    path: str
    message: str
    params: dict[str, object] = field(default_factory=dict)


def normalise_word(word: str) -> str:
    """The form words are compared in: NFC, typographic apostrophe as straight one."""
    return unicodedata.normalize("NFC", word).replace("’", "'")


def valid_entry(word: str) -> bool:
    """A word a list may hold: one line without inner whitespace or control characters."""
    if not word or len(word) > MAX_WORD_CHARS:
        return False
    # Not printable: Unicode's "Other" (control, format, ...) and "Separator" (spaces) classes.
    return word.isprintable() and " " not in word


class WordSet:
    """Words accepted as Hunspell accepts a dictionary entry: exactly, and a lower-case entry
    also capitalised at a sentence start or in ALL CAPS; "McDonald" also as "MCDONALD"."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self._exact: set[str] = set()
        self._folded: set[str] = set()
        for entry in entries:
            self.add(entry)

    def add(self, word: str) -> None:
        word = normalise_word(word)
        self._exact.add(word)
        self._folded.add(word.casefold())

    def discard(self, word: str) -> None:
        word = normalise_word(word)
        self._exact.discard(word)
        self._folded = {each.casefold() for each in self._exact}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self._exact:
            return True
        if word[:1].isupper() and word[:1].lower() + word[1:] in self._exact:
            return True
        return word.isupper() and word.casefold() in self._folded

    def __len__(self) -> int:
        return len(self._exact)

    def __iter__(self):
        return iter(sorted(self._exact))


def read_word_list(
    path: Path, *, missing_ok: bool = False
) -> tuple[list[str], list[WordListProblem]]:
    """The words of a list file and what went wrong reading it (both possibly empty). A missing
    file is a problem unless `missing_ok` (a personal list nobody has added to yet)."""
    problems: list[WordListProblem] = []
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_LIST_BYTES + 1)
    except FileNotFoundError:
        if missing_ok:
            return [], []
        message = f"The word list {path} does not exist"
        return [], [
            WordListProblem("spelling.list_missing", str(path), message, {"path": str(path)})
        ]
    except OSError as exc:
        message = f"The word list {path} cannot be read ({os_error_reason(exc)})"
        code = "spelling.list_unreadable"
        return [], [WordListProblem(code, str(path), message, {"path": str(path)})]
    if len(data) > MAX_LIST_BYTES:
        data = data[:MAX_LIST_BYTES].rsplit(b"\n", 1)[0]
        problems.append(
            WordListProblem(
                "spelling.list_truncated",
                str(path),
                f"The word list {path} is longer than {MAX_LIST_BYTES // 1024 // 1024} MB; "
                "the rest is not read",
                {"path": str(path)},
            )
        )
    found: list[str] = []
    skipped = 0
    first_skipped = 0
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        try:
            word = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            word = None
        if word == "" or (word is not None and word.startswith("#")):
            continue  # blank lines and comments
        if word is None or not valid_entry(word):
            skipped += 1
            first_skipped = first_skipped or number
            continue
        if len(found) == MAX_LIST_WORDS:
            problems.append(
                WordListProblem(
                    "spelling.list_truncated",
                    str(path),
                    f"The word list {path} has more than {MAX_LIST_WORDS:,} words; "
                    "the rest is not read",
                    {"path": str(path)},
                )
            )
            break
        found.append(normalise_word(word))
    if skipped:
        problems.append(
            WordListProblem(
                "spelling.list_lines_skipped",
                str(path),
                f"The word list {path} has {skipped} unreadable line(s) (the first is line "
                f"{first_skipped}); they were skipped",
                {"path": str(path), "count": skipped, "line": first_skipped},
            )
        )
    return found, problems


def append_word(path: Path, word: str) -> None:
    """Add a word to a personal list file (created with its folder when missing), keeping every
    line already there. The file is rewritten through a temporary file and a rename, so a crash
    never leaves it half written. Raises WordListError (`spelling.word_invalid` for a word no list
    can hold, `spelling.list_write_failed` when the file cannot be written)."""
    word = checked_word(word)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            existing = path.read_bytes()
        except FileNotFoundError:
            existing = b""
        if existing and not existing.endswith(b"\n"):
            existing += b"\n"
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(existing + word.encode("utf-8") + b"\n")
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = os_error_reason(exc)
        raise WordListError(
            f"The word list {path} cannot be written ({reason})",
            code="spelling.list_write_failed",
            path=str(path),
            reason=reason,
        ) from exc


def checked_word(word: str) -> str:
    """The word as a list keeps it; WordListError (`spelling.word_invalid`) when no list can."""
    normal = normalise_word(word.strip())
    if not valid_entry(normal):
        raise WordListError(
            f"{word[:80]!r} cannot be added to a word list",
            code="spelling.word_invalid",
            word=word[:80],
        )
    return normal
