"""Spell checking in the article's language, without Qt: dictionaries, words, word lists.

The window's highlighter, its context menu and F7 walk, and `newsdesk check` all use this:

    spelling = Spelling(personal_list=data_dir / "personal-words.txt", newsroom_lists=[...])
    checker = spelling.checker("de-AT", ignored=ignored_words(article))
    checker.status.message          # "" or the status-bar line ("No dictionary for Dutch (nl)...")
    checker.misspelt(paragraph, markdown=False)   # [WordSpan(start, end, word), ...]
    checker.suggestions("Bürgermiester")          # up to six, best first
    spelling.add_to_personal("Weißmüller")        # "Add to dictionary"

See dictionaries.py (which dictionary serves which language tag), tokens.py (which words are
looked at), word_lists.py (the personal and newsroom lists) and checker.py.
"""

from newsdesk.spelling.checker import MAX_SUGGESTIONS, LanguageChecker, Speller, Spelling
from newsdesk.spelling.dictionaries import (
    DictionaryFiles,
    DictionaryFinder,
    DictionaryStatus,
    language_name,
)
from newsdesk.spelling.tokens import WordSpan, utf16_offsets, words
from newsdesk.spelling.word_lists import WordListProblem, WordSet, read_word_list

__all__ = [
    "MAX_SUGGESTIONS",
    "DictionaryFiles",
    "DictionaryFinder",
    "DictionaryStatus",
    "LanguageChecker",
    "Speller",
    "Spelling",
    "WordListProblem",
    "WordSet",
    "WordSpan",
    "language_name",
    "read_word_list",
    "utf16_offsets",
    "words",
]
