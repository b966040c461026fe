"""What spelling says in the status bar and in messages, in the interface language.

The core (newsdesk.spelling) words its statuses and problems in English and gives each a stable
`code` with `params`; here each code has a text for translation, filled from the params. A code
without an entry keeps the core's English message: an untranslated line is better than none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.spelling import DictionaryStatus, WordListProblem
from newsdesk.spelling.dictionaries import LANGUAGE_NAMES, REGION_NAMES, normalise_tag

CONTEXT = "Spelling"

# The languages and regions the window names, for lupdate (the core's English names are the keys).
_NAMES = (
    QT_TRANSLATE_NOOP("SpellingLanguages", "German"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "English"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "French"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Italian"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Spanish"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Dutch"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Polish"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Portuguese"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Danish"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Swedish"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Turkish"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Ukrainian"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Russian"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Germany"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Austria"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Switzerland"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Liechtenstein"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Luxembourg"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "US"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "UK"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Australia"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Canada"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "Ireland"),
    QT_TRANSLATE_NOOP("SpellingLanguages", "New Zealand"),
)

_STATUS = {
    "spelling.no_dictionary": QT_TRANSLATE_NOOP(
        "Spelling", "No dictionary for %1; spelling is not checked"
    ),
    "spelling.fallback": QT_TRANSLATE_NOOP(
        "Spelling", "No dictionary for %1; spelling is checked with the %2 dictionary"
    ),
}
_SWISS = QT_TRANSLATE_NOOP("Spelling", "%1 (ß read as ss)")

_PROBLEMS = {
    "spelling.list_missing": QT_TRANSLATE_NOOP("Spelling", "The word list %1 does not exist"),
    "spelling.list_unreadable": QT_TRANSLATE_NOOP("Spelling", "The word list %1 cannot be read"),
    "spelling.list_truncated": QT_TRANSLATE_NOOP(
        "Spelling", "The word list %1 is too long; the rest is not read"
    ),
    "spelling.list_lines_skipped": QT_TRANSLATE_NOOP(
        "Spelling",
        "The word list %1 has unreadable lines (the first is line %2); they were skipped",
    ),
}

_ERRORS = {
    "spelling.word_invalid": QT_TRANSLATE_NOOP(
        "Spelling", "“%1” cannot be added to the dictionary"
    ),
    "spelling.list_write_failed": QT_TRANSLATE_NOOP(
        "Spelling", "Your word list %1 cannot be written; the word is accepted until you quit"
    ),
}


def _tr(text: str, context: str = CONTEXT) -> str:
    return QCoreApplication.translate(context, text)


def _fill(template: str, *values: object) -> str:
    # Backwards, so that %1 does not eat the start of %10 (and a value holding "%2" stays).
    result = template
    for number in range(len(values), 0, -1):
        result = result.replace(f"%{number}", "\0" + str(number) + "\0")
    for number, value in enumerate(values, start=1):
        result = result.replace("\0" + str(number) + "\0", str(value))
    return result


def language_label(tag: str) -> str:
    """'Deutsch (Österreich)' / 'German (Austria)' for de-AT; unknown languages as their tag."""
    primary, _, region = normalise_tag(tag).partition("_")
    name = LANGUAGE_NAMES.get(primary)
    label = _tr(name, "SpellingLanguages") if name else (primary or tag)
    if region:
        region_name = REGION_NAMES.get(region)
        label += f" ({_tr(region_name, 'SpellingLanguages') if region_name else region})"
    return label


def status_text(status: DictionaryStatus) -> str:
    """The status bar's line for a dictionary status ("" when the language is checked as asked)."""
    template = _STATUS.get(status.code)
    if template is None:
        return status.message
    named = language_label(status.language)
    if named != status.language:
        named = f"{named} ({status.language})"
    if status.code == "spelling.no_dictionary":
        return _fill(_tr(template), named)
    dictionary = language_label(status.params.get("dictionary", ""))
    text = _fill(_tr(template), language_label(status.language), dictionary)
    return _fill(_tr(_SWISS), text) if status.swiss else text


def problem_text(problem: WordListProblem) -> str:
    """One word-list problem (missing, unreadable, lines skipped) as a line."""
    template = _PROBLEMS.get(problem.code)
    if template is None:
        return problem.message
    return _fill(_tr(template), problem.path, problem.params.get("line", ""))


def error_text(code: str, params: dict, fallback: str) -> str:
    """A WordListError ("Add to Dictionary" refused) as one line."""
    template = _ERRORS.get(code)
    if template is None:
        return fallback
    value = params.get("word") if code == "spelling.word_invalid" else params.get("path")
    return _fill(_tr(template), value or "")
