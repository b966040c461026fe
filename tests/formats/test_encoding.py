"""Decoding imported text: the right characters or a clear refusal, never mojibake."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdesk.errors import ImportFormatError
from newsdesk.formats.encoding import decode_text, normalise_text

GERMAN = "Grüße aus Köln: „Äpfel“ – süß & ‚teuer‘ für 5 €…\nÖl, Übel, Maß."


@pytest.mark.parametrize(
    "data",
    [
        GERMAN.encode("utf-8"),
        codecs.BOM_UTF8 + GERMAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"),
        GERMAN.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252"],
)
def test_supported_encodings_decode_to_the_same_text(data):
    assert decode_text(data) == GERMAN


def test_cp1252_umlauts_and_typographic_quotes():
    data = "Die „Bürgerinitiative“ sagt: ‚Nein‘ – „so nicht“.".encode("cp1252")
    assert b"\x84" in data and b"\x93" in data  # „ and “ in cp1252's own range
    assert decode_text(data) == "Die „Bürgerinitiative“ sagt: ‚Nein‘ – „so nicht“."


def test_latin1_text_reads_correctly():
    data = "Ärger über die Straße, Café, Señor, ½ Preis".encode("latin-1")
    assert decode_text(data) == "Ärger über die Straße, Café, Señor, ½ Preis"


def test_bom_less_utf16_is_recognised():
    assert decode_text("Übersicht der Wahl\nZweite Zeile".encode("utf-16-le")) == (
        "Übersicht der Wahl\nZweite Zeile"
    )
    assert decode_text("Overview".encode("utf-16-be")) == "Overview"


def test_newlines_are_normalised_and_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Bär\r\nMöwe\rSüd")
    assert decode_text(decomposed.encode("utf-8")) == "Bär\nMöwe\nSüd"
    assert normalise_text("\ufeffa\u2028b\u2029c") == "a\nb\n\nc"


def test_doubly_encoded_utf8_is_repaired():
    mojibake = "Grüße aus Köln".encode().decode("cp1252")  # "GrÃ¼ÃŸe aus KÃ¶ln"
    assert decode_text(mojibake.encode("utf-8")) == "Grüße aus Köln"


def test_correct_text_that_merely_contains_a_capital_a_tilde_is_left_alone():
    assert decode_text("São Paulo, Ãgua e Ü".encode()) == "São Paulo, Ãgua e Ü"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Text\x00mit NUL", "NUL bytes"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (b"PK\x03\x04rest of a docx", "ZIP archive"),
        (b"%PDF-1.7\n", "PDF"),
        (b"{\\rtf1\\ansi Text}", "RTF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),
        (bytes(range(1, 32)) * 20, "control characters"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "damaged"),
    ],
)
def test_binary_and_document_files_are_refused(data, message):
    with pytest.raises(ImportFormatError, match=message):
        decode_text(data, "entwurf.txt")


def test_bytes_no_8bit_table_explains_are_refused_not_guessed():
    # 0x81 is undefined in cp1252 (it is "ü" in the DOS code page 850).
    with pytest.raises(ImportFormatError, match="UTF-8"):
        decode_text("Gr\x81\xe1e".encode("latin-1"))


def test_dos_code_page_text_is_refused_instead_of_mojibake():
    # "Mädchen hören" in cp850 reads as "M„dchen h”ren" in cp1252: refuse, do not guess.
    with pytest.raises(ImportFormatError, match="encoding"):
        decode_text("Mädchen hören".encode("cp850"))


def test_a_stray_control_character_is_dropped_but_many_mean_binary():
    text = "Ein langer Absatz mit ganz normalem Text. " * 30
    assert decode_text((text + "\x1a").encode()) == text
    with pytest.raises(ImportFormatError):
        decode_text(("\x01\x02\x03" + text[:20]).encode())


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(codec="cp1252", exclude_categories=("Cc", "Cs"))))
def test_any_cp1252_text_decodes_to_itself_or_is_refused_never_garbled(text):
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assume(False)  # bytes that are valid UTF-8 (such as plain ASCII) are read as UTF-8
    # "þÿ" and "ÿþ" are, as bytes, the marks UTF-16 text starts with; a file that starts with
    # one is read as UTF-16, as every editor reads it (hypothesis found "þÿ0000": two wavy dashes).
    assume(not data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)))
    try:
        decoded = decode_text(data)
    except ImportFormatError:
        return
    assert decoded == normalise_text(text)


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cs"))))
def test_any_utf8_text_decodes_to_itself(text):
    decoded = decode_text(text.encode("utf-8"))
    # Text that happens to look like doubly encoded UTF-8 is repaired; everything else is kept.
    if decoded != normalise_text(text):
        assert decoded.encode("utf-8") == normalise_text(text).encode("cp1252")
