"""Checking words: a cached Hunspell per dictionary, a checker per language, the service.

- `Speller` is one loaded dictionary (libhunspell through chunspell) with a per-word cache: a
  Hunspell call costs about 60 µs for a German word (compound analysis), a cache hit well under
  one; a text is mostly words already seen, so re-checking a paragraph on every keystroke is
  nearly free. Suggestions are cached too (a German one costs 0.1 to 0.6 s).
- `LanguageChecker` is what the window and the check use for one language: the speller plus the
  personal, newsroom and "ignore in this article" words; `misspelt(text)` gives the spans to mark.
- `Spelling` is the long-lived service: it finds and loads dictionaries once, holds the word
  lists, adds to the personal list, and collects the problems to report once.

Nothing here raises for a word or a text: a word the dictionary's encoding cannot hold (a Polish
name in a Latin-1 dictionary) is simply unknown, and a missing dictionary is a status.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsdesk.spelling.dictionaries import DictionaryFiles, DictionaryFinder, DictionaryStatus
from newsdesk.spelling.tokens import (
    WordSpan,
    from_utf16_offsets,
    parts,
    utf16_offsets,
    words,
)
from newsdesk.spelling.word_lists import (
    MAX_WORD_CHARS,
    WordListProblem,
    WordSet,
    append_word,
    checked_word,
    normalise_word,
    read_word_list,
)

MAX_SUGGESTIONS = 6
# Past this many cached words (a hostile text of random strings) the cache starts afresh.
MAX_CACHED_WORDS = 300_000
# A Swiss word is tried with ß in place of each "ss", at most this many of them (2^n lookups).
_MAX_SWISS_SS = 3


class Speller:
    """One Hunspell dictionary, loaded once (about 0.2 s for de_DE), with cached answers."""

    def __init__(self, files: DictionaryFiles, *, swiss: bool = False) -> None:
        import hunspell  # chunspell; imported here so that starting the window does not load it

        self.files = files
        self.swiss = swiss
        self._hunspell = hunspell.Hunspell(files.name, hunspell_data_dir=str(files.folder))
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}
        self.lookups = 0  # Hunspell calls made (the cache's misses), for tests and the bench

    def knows(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= MAX_CACHED_WORDS:
                self._known.clear()
            known = self._known[word] = self._lookup(word)
        return known

    def _lookup(self, word: str) -> bool:
        key = normalise_word(word).replace("\u00ad", "")
        if not key or len(key) > MAX_WORD_CHARS:
            return False
        if self.swiss and "ß" in key:
            return False  # Swiss German writes no ß
        if self._spell(key):
            return True
        if self.swiss and "ss" in key.lower():
            return any(self._spell(variant) for variant in _eszett_variants(key))
        return False

    def _spell(self, key: str) -> bool:
        self.lookups += 1
        try:
            return bool(self._hunspell.spell(key))
        except UnicodeError:
            return False  # a character the dictionary's encoding cannot hold

    def suggest(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Up to `limit` corrections, best first (Hunspell's order); fragments ("-trasse") are
        left out, and in Swiss mode ß is written ss."""
        cached = self._suggested.get(word)
        if cached is None:
            key = normalise_word(word).replace("\u00ad", "")
            try:
                found = self._hunspell.suggest(key) if len(key) <= MAX_WORD_CHARS else ()
            except UnicodeError:
                found = ()
            seen: dict[str, None] = {}
            for each in found:
                if self.swiss:
                    each = each.replace("ß", "ss")
                if each and not each.startswith("-") and not each.endswith("-") and each != key:
                    seen.setdefault(each, None)
            if len(self._suggested) >= MAX_CACHED_WORDS:
                self._suggested.clear()
            cached = self._suggested[word] = tuple(seen)
        return list(cached[:limit])

    def add(self, word: str) -> None:
        """Accept `word` from now on (a personal or newsroom word; also offered as a suggestion)."""
        with contextlib.suppress(UnicodeError):  # the word lists accept it all the same
            self._hunspell.add(normalise_word(word))
        self._known = {w: True for w, known in self._known.items() if known}


def _eszett_variants(key: str) -> Iterable[str]:
    """'Strasse' -> 'Straße'; each "ss" (up to three) as ß or not, but the original."""
    pieces = key.split("ss")
    gaps = len(pieces) - 1
    if gaps > _MAX_SWISS_SS:
        return ()
    variants = []
    for choice in itertools.product(("ss", "ß"), repeat=gaps):
        if "ß" in choice:
            joined = zip(choice, pieces[1:], strict=True)
            variants.append(pieces[0] + "".join(c + p for c, p in joined))
    return variants


class LanguageChecker:
    """Spell checking in one language: what the highlighter, the F7 walk and the check call.

    `accepted` (personal and newsroom words, shared and live) and `ignored` (this article's
    "ignore" words) are consulted before the dictionary. Without a dictionary (see `status`),
    nothing is marked.
    """

    def __init__(
        self,
        status: DictionaryStatus,
        speller: Speller | None,
        accepted: WordSet,
        ignored: Iterable[str] = (),
    ) -> None:
        self.status = status
        self.speller = speller
        self.accepted = accepted
        self.ignored = WordSet(ignored)

    @property
    def language(self) -> str:
        return self.status.language

    def is_correct(self, word: str) -> bool:
        """True when the word is known: dictionary, word lists, ignored, or each hyphenated part."""
        if self.speller is None or self.speller.knows(word):
            return True
        if word in self.accepted or word in self.ignored:
            return True
        if "-" in word:
            return all(self._part_correct(part) for _, part in parts(word))
        return False

    def _part_correct(self, part: str) -> bool:
        assert self.speller is not None
        return part in self.accepted or part in self.ignored or self.speller.knows(part)

    def misspelt(
        self, text: str, *, markdown: bool = True, skip: Iterable[tuple[int, int]] = ()
    ) -> list[WordSpan]:
        """The spans of `text` to mark, in order. For a hyphenated word only its unknown parts
        are marked ("Corona-Krsie" marks "Krsie"). `markdown=False` for plain fields and for the
        editor's paragraphs (pass code-formatted fragments as `skip`)."""
        if self.speller is None:
            return []
        found: list[WordSpan] = []
        for span in words(text, markdown=markdown, skip=skip):
            word = span.word
            if self.is_correct(word):
                continue
            if text[span.end : span.end + 1] == "." and self.speller.knows(word + "."):
                continue  # an abbreviation the dictionary has with its dot: "Dr.", "Nr."
            if "-" in word:
                bad = [(o, p) for o, p in parts(word) if not self._part_correct(p)]
                if bad:
                    start = span.start
                    found.extend(WordSpan(start + o, start + o + len(p), p) for o, p in bad)
                    continue
            found.append(span)
        return found

    def misspelt_utf16(
        self, text: str, skip: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """What a QSyntaxHighlighter needs for one block: `misspelt(text, markdown=False)` with
        `skip` (e.g. the block's code-formatted fragments) and the result in UTF-16 positions,
        which Qt counts (an emoji is two)."""
        spans = self.misspelt(text, markdown=False, skip=from_utf16_offsets(text, skip))
        return utf16_offsets(text, spans)

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Up to `limit` (at most six) corrections for a marked word, best first."""
        if self.speller is None:
            return []
        return self.speller.suggest(word, min(limit, MAX_SUGGESTIONS))


class Spelling:
    """The spell-checking service: dictionaries by language, the personal and newsroom lists.

    Make one and keep it (loading a dictionary takes a fifth of a second). `personal_list` is the
    file "Add to dictionary" writes (None: adding keeps words for this session only);
    `newsroom_lists` are read-only. `problems` holds what went wrong reading the lists, for the
    caller to report once (`take_problems`).
    """

    def __init__(
        self,
        *,
        personal_list: Path | None = None,
        newsroom_lists: Sequence[Path] = (),
        search_dirs: Sequence[Path | str] | None = None,
    ) -> None:
        self.finder = DictionaryFinder(search_dirs)
        self.personal_list = personal_list
        self.newsroom_lists = list(newsroom_lists)
        self.accepted = WordSet()
        self.problems: list[WordListProblem] = []
        self._spellers: dict[tuple[DictionaryFiles, bool], Speller] = {}
        self._statuses: dict[str, DictionaryStatus] = {}
        # Results callers keep per text (the check's counts per part), valid while `generation`
        # is unchanged: adding a word starts a new one.
        self.generation = 0
        self.memo: dict[object, object] = {}
        self._load_lists()

    def _load_lists(self) -> None:
        paths = [(self.personal_list, True)] if self.personal_list is not None else []
        for path, missing_ok in [*paths, *((each, False) for each in self.newsroom_lists)]:
            entries, problems = read_word_list(path, missing_ok=missing_ok)
            for entry in entries:
                self.accepted.add(entry)
            self.problems.extend(problems)

    def take_problems(self) -> list[WordListProblem]:
        """The word-list problems not yet reported; each is handed out once."""
        problems, self.problems = self.problems, []
        return problems

    def status(self, language: str) -> DictionaryStatus:
        """Which dictionary checks `language`, and the status-bar line when it is not the one
        asked for or there is none."""
        status = self._statuses.get(language)
        if status is None:
            status = self._statuses[language] = self.finder.status(language)
        return status

    def checker(self, language: str, ignored: Iterable[str] = ()) -> LanguageChecker:
        """The checker for a language tag, with an article's ignored words. Loads the dictionary
        the first time it is needed; a dictionary that fails to load counts as missing."""
        status = self.status(language)
        speller = None
        if status.dictionary is not None:
            key = (status.dictionary, status.swiss)
            speller = self._spellers.get(key)
            if speller is None:
                try:
                    speller = Speller(status.dictionary, swiss=status.swiss)
                except Exception as exc:  # a damaged dictionary file: not checked, said once
                    message = f"The dictionary {status.dictionary.name} cannot be loaded ({exc})"
                    status = DictionaryStatus(
                        language,
                        None,
                        False,
                        "spelling.no_dictionary",
                        message,
                        dict(status.params),
                    )
                    self._statuses[language] = status
                else:
                    for word in self.accepted:
                        speller.add(word)
                    self._spellers[key] = speller
        return LanguageChecker(status, speller, self.accepted, ignored)

    def add_to_personal(self, word: str) -> None:
        """Add to dictionary: accepted at once in every language, and written to the personal
        list (when there is one) for every article and session. Raises WordListError:
        `spelling.list_write_failed` when the list cannot be written (the word is still accepted
        for this session), `spelling.word_invalid` for a word no list can hold (whitespace,
        control characters, over 64 characters)."""
        word = checked_word(word)
        self.accepted.add(word)
        self.generation += 1
        self.memo.clear()
        for speller in self._spellers.values():
            speller.add(word)
        if self.personal_list is not None:
            append_word(self.personal_list, word)
