"""Deterministic, newsroom-flavoured filler prose for the benchmark article.

The words are our own small lexicon put together by a seeded random generator: the text reads like
a long local-affairs investigation (councils, harbours, budgets, witnesses) without being anyone's
writing. What matters for the benchmark is its shape: paragraphs of realistic length with emphasis,
links, lists, quotes and subheadings in the proportions a long piece has.
"""

from __future__ import annotations

import random

SUBJECTS = (
    "the council", "the harbour board", "the ferry operator", "the mayor", "the auditors",
    "the island school", "a spokeswoman", "the regional court", "the fishing cooperative",
    "the planning office", "two former employees", "the contractor", "the treasurer",
    "the opposition group", "the port authority", "local shop owners", "the night shift",
    "the district nurse", "the pilots' union", "a retired engineer", "the inspectors",
    "the water utility", "the youth club", "the coast guard", "the finance committee",
)  # fmt: skip
VERBS = (
    "approved", "questioned", "delayed", "reviewed", "rejected", "funded", "documented",
    "disputed", "confirmed", "estimated", "published", "requested", "postponed", "examined",
    "defended", "criticised", "recalculated", "signed", "withdrew", "promised", "audited",
    "compared", "challenged", "announced", "ignored", "revised",
)  # fmt: skip
OBJECTS = (
    "the budget for the new pier", "the timetable", "a second tender", "the repair invoices",
    "the safety report", "the contract with the shipyard", "the winter schedule",
    "the cost of the breakwater", "the minutes of the March meeting", "the insurance claim",
    "the dredging permit", "the ticket prices", "the staff rota", "the fuel subsidy",
    "the harbour fees", "the loan agreement", "the inspection records", "the emergency plan",
    "the grant application", "the passenger figures", "the maintenance log", "the land lease",
)  # fmt: skip
ADVERBIALS = (
    "last autumn", "in a closed session", "without a vote", "after months of delay",
    "according to internal emails", "in a letter to residents", "twice in one week",
    "before the storm season", "despite earlier warnings", "under pressure from the islands",
    "at the end of the financial year", "in the presence of a notary", "for the third time",
    "with a narrow majority", "on the morning of the hearing", "shortly before the election",
)  # fmt: skip
CLAUSES = (
    "which residents had asked for since spring",
    "although nobody could say who had signed it first",
    "while the ferries kept running half empty",
    "as the documents obtained by this newspaper show",
    "even though the figures did not add up",
    "because the old crane had failed an inspection",
    "so that the islands would not be cut off at night",
    "a decision that surprised several members",
    "which cost far more than the first estimate",
    "and the minutes record no objection",
)  # fmt: skip
QUOTES = (
    "We were told the money was already there",
    "Nobody asked the people who actually use the boat",
    "The numbers in the report are not the numbers we saw",
    "It is a small harbour, but it is the only road we have",
    "I signed what was put in front of me",
    "Every winter we hear the same promise",
    "The repairs were urgent, the paperwork was not",
)  # fmt: skip
EMPHASIS_WORDS = (
    "never", "twice", "before", "all", "only", "not", "three", "every", "after", "again",
)  # fmt: skip
LINK_TEXTS = (
    "the published audit", "the council's minutes", "an earlier report", "the court ruling",
    "the tender documents", "the ferry timetable", "the budget plan", "our first story",
)  # fmt: skip
HEADING_WORDS = (
    "Pier", "Budget", "Timetable", "Witnesses", "Invoices", "Breakwater", "Tender", "Night Ferry",
    "Audit", "Islands", "Inspection", "Contract", "Storm", "Minutes", "Loan", "Subsidy", "Crane",
)  # fmt: skip
HEADING_FORMS = (
    "What the {0} files show", "The {0} question", "Who decided on the {0}",
    "A closer look at the {0}", "Why the {0} matters", "Inside the {0} dispute",
    "How the {0} changed", "The {0} and the islands",
)  # fmt: skip
NAMES = (
    "Jonas Weller", "Mira Holm", "Ansgar Lind", "Tove Berg", "Paul Ekdahl", "Karin Sundqvist",
    "Lea Brandt", "Omar Haddad", "Ines Kovač", "Rasmus Nyberg",
)  # fmt: skip


class ProseWriter:
    """Seeded generator of sentences, paragraphs and whole section bodies (Markdown)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._links = 0

    def sentence(self) -> str:
        rng = self.rng
        parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
        if rng.random() < 0.6:
            parts.append(rng.choice(ADVERBIALS))
        text = " ".join(parts)
        if rng.random() < 0.35:
            text += ", " + rng.choice(CLAUSES)
        words = text.split(" ")
        roll = rng.random()
        if roll < 0.12:  # a word in italics
            i = rng.randrange(1, len(words))
            words[i] = f"*{words[i]}*"
        elif roll < 0.18:  # or in bold
            i = rng.randrange(1, len(words))
            words[i] = f"**{words[i]}**"
        elif roll < 0.22:
            words.insert(rng.randrange(1, len(words)), f"*{rng.choice(EMPHASIS_WORDS)}*")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def link(self) -> str:
        self._links += 1
        text = self.rng.choice(LINK_TEXTS)
        return f"[{text}](https://example.org/archive/{self._links:05d})"

    def paragraph(self, words: int) -> str:
        sentences: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence()
            if self.rng.random() < 0.08:
                quote = self.rng.choice(QUOTES)
                sentence = f"“{quote},” said {self.rng.choice(NAMES)}."
            sentences.append(sentence)
            count += len(sentence.split())
        if self.rng.random() < 0.45:  # about every other paragraph links a source
            i = self.rng.randrange(len(sentences))
            sentences[i] = sentences[i][:-1] + f", as {self.link()} shows."
        return " ".join(sentences)

    def bullet_list(self, numbered: bool) -> str:
        items = []
        for n in range(self.rng.randint(3, 6)):
            item = (
                f"{self.rng.choice(SUBJECTS)} {self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"
            )
            if self.rng.random() < 0.3:
                item += f" ({self.link()})"
            marker = f"{n + 1}." if numbered else "-"
            items.append(f"{marker} {item[0].upper()}{item[1:]}")
        return "\n".join(items)

    def heading(self, index: int) -> str:
        # 17 words x 8 forms: unique for the first 136 sections (17 and 8 are coprime).
        word = HEADING_WORDS[index % len(HEADING_WORDS)].lower()
        return HEADING_FORMS[index % len(HEADING_FORMS)].format(word)

    def body(self, words: int, index: int) -> str:
        """A section body of about `words` words; `index` varies which structures it carries."""
        blocks: list[str] = []
        count = 0
        n = 0
        while count < words:
            # Sentences overshoot a paragraph's target by half a sentence on average.
            size = min(max(20, words - count - 10), self.rng.randint(70, 160))
            added = [self.paragraph(size)]
            n += 1
            if n == 2 and index % 3 == 0:
                added.append(self.bullet_list(numbered=index % 2 == 0))
            if n == 3 and index % 11 == 0:
                added.append("> " + self.rng.choice(QUOTES) + ".")
            if n == 2 and index % 9 == 0:
                added.append(f"### {self.rng.choice(HEADING_WORDS)} in detail")
            blocks += added
            count += sum(len(block.split()) for block in added)
        return "\n\n".join(blocks)

    def name(self) -> str:
        return self.rng.choice(NAMES)
