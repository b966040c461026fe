"""Section › Opinion Label…: the label shown above an opinion section on the page.

Newsrooms label their opinion pieces in their own words ("Kommentar", "Leitartikel", "Editorial");
the page shows the section's label, or the language's default ("Meinung", "Opinion") when it has
none. The dialog offers the usual words of the article's language and takes any other; an empty
label means the default.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from newsdesk.formats.html_labels import labels_for
from newsdesk.model.article import Section
from newsdesk.model.serialize import MAX_SECTION_LABEL_CHARS

translate = QCoreApplication.translate

LABEL_PRESETS: dict[str, tuple[str, ...]] = {
    "de": ("Kommentar", "Meinung", "Leitartikel", "Gastkommentar", "Kolumne", "Editorial"),
    "en": ("Opinion", "Commentary", "Editorial", "Column", "Op-Ed"),
}


def label_presets(language: str) -> list[str]:
    """The usual labels for the article's language, its default first."""
    primary = labels_for(language).language
    default = labels_for(language).opinion
    words = LABEL_PRESETS.get(primary, LABEL_PRESETS["en"])
    return [default, *(word for word in words if word != default)]


def choose_opinion_label(parent: QWidget | None, section: Section, language: str) -> str | None:
    """Ask for the label; the chosen text ("" for the default), or None when cancelled."""
    presets = label_presets(language)
    current = section.label.strip()
    items = presets if not current or current in presets else [current, *presets]
    text, accepted = QInputDialog.getItem(
        parent,
        translate("OpinionLabel", "Opinion Label"),
        translate("OpinionLabel", "Label shown above “%1”:").replace(
            "%1", section.heading or translate("OpinionLabel", "this section")
        ),
        items,
        items.index(current) if current in items else 0,
        True,
    )
    if not accepted:
        return None
    text = " ".join(text.split())[:MAX_SECTION_LABEL_CHARS]
    return "" if text == labels_for(language).opinion else text
