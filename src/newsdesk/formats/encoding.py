"""Bytes to text for the importers: the right characters or a clear refusal, never mojibake.

Journalists' drafts arrive as UTF-8 (with or without the BOM that Windows editors add), as UTF-16
(Word's "Unicode text"), or as legacy 8-bit text from older Windows tools (cp1252, of which Latin-1
text is a subset in its printable range). What we do, in this order:

1. A byte-order mark decides: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE.
2. Office documents, PDFs and RTF are recognised by their magic and refused with a hint.
3. NUL bytes without a BOM mean BOM-less UTF-16 (when every other byte is NUL) or binary (refused).
4. Valid UTF-8 is UTF-8. Pure ASCII is both, so this is also the common case.
5. Otherwise cp1252. Bytes cp1252 leaves undefined, or its punctuation glued inside words (what
   a DOS code page such as cp850 looks like when read as cp1252: "M„dchen"), are refused instead
   of guessed: a refusal the journalist can act on beats a text full of wrong letters.

Text that UTF-8 was decoded *twice* ("FÃ¼r" for "Für") is repaired when the whole text undoes
cleanly. Finally newlines become "\\n" and the text is NFC-normalised (macOS writes "ü" as u +
combining diaeresis; the model, search and counting want one character).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsdesk.errors import ImportFormatError

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NOT_TEXT_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or LibreOffice document)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
)

# Control characters that plain text does not contain (tab, newline, carriage return, form feed
# and vertical tab are fine). C1 controls only appear when bytes were decoded with the wrong table.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A stray control character now and then (an old editor's leftovers) is dropped; more means binary.
_MAX_CONTROL_RATIO = 0.001

# cp1252 punctuation from the 0x80-0x9F range that never sits between two letters in real text.
# (Apostrophes, dashes, ellipses and the letters Š, Ž, Œ ... of that range legitimately do.) In
# cp850, German's ä, ö and Ö are exactly „ ” ™ here.
_GLUED_PUNCTUATION = re.compile(r"(?<=[^\W\d_])[ƒ„†‡ˆ‰‹›•™”](?=[^\W\d_])")

# UTF-8 read as cp1252: a lead byte shown as Â/Ã/Å/Ä... followed by a continuation byte.
_DOUBLE_ENCODED = re.compile(r"[ÂÃÄÅÆÐÑâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def _refuse(name: str, why: str, code: str, **params: object) -> ImportFormatError:
    return ImportFormatError(f"{name} {why}", code=code, name=name, **params)


def _bom_less_utf16(data: bytes) -> str | None:
    """The codec for BOM-less UTF-16 text (NULs in every other byte), or None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    # Mostly Latin text in UTF-16: the high byte of nearly every code unit is NUL.
    if odd_nuls >= 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _repair_double_encoding(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 and saved as UTF-8 again, if the whole text undoes."""
    if not _DOUBLE_ENCODED.search(text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def _check_controls(text: str, name: str) -> str:
    found = _CONTROL.findall(text)
    if not found:
        return text
    if "\x00" in found:
        raise _refuse(name, "contains NUL bytes, so it is not a text file", "import.not_text")
    if len(found) > max(1, _MAX_CONTROL_RATIO * len(text)):
        raise _refuse(
            name, "contains control characters, so it is not a text file", "import.not_text"
        )
    return _CONTROL.sub("", text)


def normalise_text(text: str) -> str:
    """One newline convention ("\\n") and NFC, without a leading BOM character."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def _decode_legacy(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        # Latin-1 would "decode" these bytes as invisible C1 controls: wrong either way.
        raise _refuse(
            name,
            f"is neither UTF-8 nor Windows-1252/Latin-1 text (byte 0x{data[exc.start]:02X} at "
            f"position {exc.start}); save it as UTF-8 and import it again",
            "import.unknown_encoding",
        ) from exc
    glued = _GLUED_PUNCTUATION.search(text)
    if glued:
        start = max(0, glued.start() - 12)
        raise _refuse(
            name,
            f"is in an encoding Newsdesk cannot tell apart (it reads as "
            f"{text[start : glued.end() + 12]!r}); save it as UTF-8 and import it again",
            "import.unknown_encoding",
        )
    visible = [c for c in text if not c.isspace()]
    foreign = sum(1 for c in visible if ord(c) > 0x7F)
    if len(visible) >= 4 and foreign > 0.6 * len(visible):
        # Western European text is mostly ASCII; mostly accents and signs means another
        # script's code page (Big5, KOI8-R, ...) read as cp1252: "¨£¥XÆ»" for "見出し".
        sample = " ".join(text.split())[:24]
        raise _refuse(
            name,
            f"is in an encoding Newsdesk cannot tell apart (it reads as {sample!r}); "
            "save it as UTF-8 and import it again",
            "import.unknown_encoding",
        )
    return text


def decode_text(data: bytes, name: str = "the file") -> str:
    """Decode a text file's bytes to normalised text, or raise ImportFormatError saying why not.

    `name` is how the message refers to the source (usually its file name).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _refuse(
                    name,
                    f"starts like {codec.upper()} text but is damaged",
                    "import.text_damaged",
                    encoding=codec.upper(),
                ) from exc
            return normalise_text(_check_controls(text, name))
    for magic, what in _NOT_TEXT_MAGIC:
        if data.startswith(magic):
            raise _refuse(
                name,
                f"is {what}, not plain text; save it as text and import that",
                "import.binary_file",
                detail=what,
            )
    if b"\x00" in data:
        utf16 = _bom_less_utf16(data)
        if utf16 is None:
            raise _refuse(name, "contains NUL bytes, so it is not a text file", "import.not_text")
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise _refuse(
                name, "contains NUL bytes, so it is not a text file", "import.not_text"
            ) from exc
        return normalise_text(_check_controls(text, name))
    try:
        text = _repair_double_encoding(data.decode("utf-8"))
    except UnicodeDecodeError:
        text = _decode_legacy(data, name)
    return normalise_text(_check_controls(text, name))
