"""Spell checking in the article's language, without Qt: dictionaries, words, word lists.

The window's highlighter, its context menu and F7 walk, and `newsdesk check` all use this:

    spelling = Spelling(personal_list=data_dir / "personal-words.txt", newsroom_lists=[...])
    checker = spelling.checker("de-AT", ignored=ignored_words(article))
    checker.status.message          # "" or the status-bar line ("No dictionary for Dutch (nl)...")
    checker.misspelt(paragraph, markdown=False)   # [WordSpan(start, end, word), ...]
    checker.suggestions("Bürgermiester")          # up to six, best first
    spelling.add_to_personal("Weißmüller")        # "Add to dictionary"

For the window (the work left for it is in issue 12):

- make one `Spelling` after the first paint (loading a dictionary takes ~0.2 s), with the
  personal list in the user data folder and the newsroom list from the settings; show
  `take_problems()` once in the status bar;
- a QSyntaxHighlighter's `highlightBlock(text)` calls
  `checker.misspelt_utf16(text, skip=code_ranges)` (UTF-16 positions, what `setFormat` takes;
  0.2 ms for a paragraph of known words) with the checker of the section's part, from
  `newsdesk.model.spelling_check.checker_for(article, spelling, "section:<id>")`, made again
  when the article's ignore list or the part's language changes;
- the context menu: `checker.suggestions(word)`, `spelling.add_to_personal(word)` (may raise
  WordListError), `newsdesk.model.spelling_settings.ignore_word(article, word)` and
  `set_language(article, part, tag)`, then rehighlight;
- F7: `newsdesk.model.spelling_check.misspellings(article, spelling)` walks the article;
- the Check pane: `preflight(article, spelling)` while marking is on.

All calls run on the thread that made the `Spelling` (Hunspell handles are not shared across
threads). See dictionaries.py (which dictionary serves which language tag), tokens.py (which
words are looked at), word_lists.py (the personal and newsroom lists) and checker.py.
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
