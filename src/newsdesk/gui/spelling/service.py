"""The window's spell checking: one `Spelling` for the window, checkers per part, and the switch.

`SpellingService` owns the core's `Spelling` (dictionaries, the personal list in the user data
folder, the newsroom list from the settings). It is made after the window's first paint
(`start()`, GUI thread only: Hunspell handles are not shared across threads), so a start is not
slowed by finding and reading word lists. Until then, and while View > Check Spelling is off,
`checker(part)` is None and nothing is marked.

Checkers are kept per part language and made again when the article's ignore list or a part's
language changes (the IgnoreWord / SetPartLanguage commands, undo included) or a word is added;
`changed` then tells the highlighters to mark again and the Check pane to check again.
`message(text)` carries a line for the status bar, in the interface language, said once each.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from newsdesk.errors import NewsdeskError, WordListError
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.settings import Settings
from newsdesk.model.commands import Changes, EditRefusedError
from newsdesk.model.spelling_commands import IgnoreWord, SetPartLanguage
from newsdesk.model.spelling_settings import IGNORE_KEY, LANGUAGES_KEY, language_of

# The spell checker's own modules (~5 ms) are imported by start(), after the window's first
# paint; the window makes its service before that.
if TYPE_CHECKING:
    from newsdesk.spelling import LanguageChecker, Spelling

PERSONAL_LIST_NAME = "personal-words.txt"
# Article changes after which the checkers are made again (ignored words, part languages).
_SPELLING_FIELDS = frozenset({IGNORE_KEY, LANGUAGES_KEY, "language"})


class SpellingService(QObject):
    """See the module docstring."""

    changed = Signal()  # mark again, check again (a word added, ignored, a language, the switch)
    message = Signal(str)  # one line for the status bar

    def __init__(
        self,
        state: ArticleState,
        settings: Settings,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        search_dirs: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = state
        self._settings = settings
        self._data_dir = data_dir
        self._search_dirs = search_dirs
        self.spelling: Spelling | None = None
        self._enabled = settings.check_spelling
        self._checkers: dict[str, LanguageChecker] = {}
        self._said: set[str] = set()  # status lines shown once per language
        self.generation = 0  # grows whenever the marks must be made again
        state.article_changed.connect(self._article_changed)

    # --- the service --------------------------------------------------------------------------

    @property
    def personal_list(self) -> Path:
        return self._data_dir / PERSONAL_LIST_NAME

    @property
    def started(self) -> bool:
        return self.spelling is not None

    def start(self) -> None:
        """Make the Spelling (after the first paint); reports word-list problems once."""
        from newsdesk.gui.spelling.messages import problem_text
        from newsdesk.spelling import Spelling

        newsroom = self._settings.newsroom_word_list
        self.spelling = Spelling(
            personal_list=self.personal_list,
            newsroom_lists=[Path(newsroom)] if newsroom else [],
            search_dirs=self._search_dirs,
        )
        for problem in self.spelling.take_problems():
            self.message.emit(problem_text(problem))
        self._invalidate()

    def set_newsroom_list(self, path: str) -> None:
        """The newsroom word list changed in the settings: read the lists again."""
        self._settings.newsroom_word_list = path
        if self.spelling is not None:
            self._said.clear()
            self.start()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """View > Check Spelling (remembered)."""
        self._settings.check_spelling = enabled
        if enabled != self._enabled:
            self._enabled = enabled
            self._invalidate()

    @property
    def active(self) -> Spelling | None:
        """The Spelling while marking is on and started (what the check runs with)."""
        return self.spelling if self._enabled else None

    def checker(self, part: str) -> LanguageChecker | None:
        """The checker for a part of the article (`section:<id>`, `headline`, ...), or None
        while marking is off or not started yet."""
        spelling = self.active
        if spelling is None:
            return None
        article = self._state.article
        language = language_of(article, part)
        checker = self._checkers.get(language)
        if checker is None:
            from newsdesk.gui.spelling.messages import status_text
            from newsdesk.model.spelling_check import checker_for

            checker = self._checkers[language] = checker_for(article, spelling, part)
            if checker.status.message and language not in self._said:
                self._said.add(language)
                self.message.emit(status_text(checker.status))
        return checker

    # --- what the context menu and the dialog do ----------------------------------------------

    def suggestions(self, part: str, word: str) -> list[str]:
        checker = self.checker(part)
        return checker.suggestions(word) if checker is not None else []

    def add_to_dictionary(self, word: str) -> bool:
        """Add to Dictionary; a refusal is said in the status bar (False)."""
        if self.spelling is None:
            return False
        try:
            self.spelling.add_to_personal(word)
        except WordListError as exc:
            from newsdesk.gui.spelling.messages import error_text

            self.message.emit(error_text(exc.code, exc.params, str(exc)))
            if exc.code != "spelling.list_write_failed":  # that word is accepted all the same
                return False
        self._invalidate()
        return True

    def ignore_in_article(self, word: str) -> bool:
        """Ignore in This Article: one undo step, saved with the article."""
        try:
            self._state.push_command(IgnoreWord(word))
        except EditRefusedError:
            return False
        return True

    def set_part_language(self, part: str, language: str | None) -> None:
        """Language of This Section / Field (None: the article's)."""
        try:
            self._state.push_command(SetPartLanguage(part, language))
        except NewsdeskError as exc:
            self.message.emit(str(exc))

    def part_language(self, part: str) -> str:
        return language_of(self._state.article, part)

    # --- keeping up ---------------------------------------------------------------------------

    def _article_changed(self, changes: Changes) -> None:
        if changes.everything or changes.fields & _SPELLING_FIELDS:
            if changes.everything:
                self._said.clear()
            self._invalidate()

    def _invalidate(self) -> None:
        self._checkers.clear()
        self.generation += 1
        self.changed.emit()
