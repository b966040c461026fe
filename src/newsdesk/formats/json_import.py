"""JSON import: exactly the shape `newsdesk info --json` prints, so scripts can write articles.

`info --json` -> import -> `info --json` gives the same article, ids included. On top of that shape
an image may bring its bytes, as `path` (relative to the JSON file) or `data` (a `data:` URI with
base64 content); width and height then come from the bytes, and the bytes must be a JPEG, PNG or
WebP that decodes. Counts ("words", "stats") are derived and ignored on input.

Only what the JSON leaves out is filled in: `language` is detected from the text when the field is
missing or empty. A missing `slug` stays empty, which means "follows the headline" (the Details
pane's switch): the page's address is made from the headline as it is when exported, so editing
the headline after the import moves the address with it. Text is kept exactly as written: JSON is
UTF-8 by definition (RFC 8259), and a script's strings are not ours to normalise.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path
from typing import Any

from newsdesk.errors import ImageError, ImportFormatError
from newsdesk.formats.language import detect_language
from newsdesk.formats.source_files import load_image_file
from newsdesk.imaging import inspect_image
from newsdesk.model.article import Article, Image
from newsdesk.model.counts import plain_text
from newsdesk.model.serialize import article_from_dict, invalid_json

_DATA_URI = re.compile(r"^data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(?:;[\w.+-]+=[^;,]*)*)"
                       r"(?P<base64>;base64)?,(?P<payload>.*)$", re.DOTALL)  # fmt: skip


def _decode_json_bytes(data: bytes, name: str) -> str:
    """JSON text is UTF-8 (RFC 8259); a BOM, which some Windows tools write, is tolerated."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            data, encoding = data[len(bom) :], codec
            break
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"{name} is not {encoding.upper()} (byte 0x{data[exc.start]:02X} at position "
            f"{exc.start}); JSON must be UTF-8",
            code="import.json_encoding",
            name=name,
            detail=f"byte 0x{data[exc.start]:02X} at position {exc.start}",
        ) from exc


def parse_json(text: str, name: str = "the JSON file") -> Any:
    """Parse JSON text, turning every parser complaint into one line naming line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            code="import.json_syntax",
            name=name,
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from exc
    except RecursionError as exc:  # the C parser guards its recursion and raises this
        raise ImportFormatError(
            f"{name} nests too deeply to be an article", code="import.json_too_deep", name=name
        ) from exc


def decode_data_uri(uri: str, where: str) -> bytes:
    """The bytes of a `data:` URI; only base64 payloads make sense for photos."""
    match = _DATA_URI.match(uri.strip())
    if not match:
        raise invalid_json(f"{where}.data must be a data: URI (data:image/jpeg;base64,...)")
    if not match["base64"]:
        raise invalid_json(f"{where}.data must be base64-encoded (data:...;base64,...)")
    try:
        return base64.b64decode("".join(match["payload"].split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid_json(f"{where}.data is not valid base64") from exc


def _attach_bytes(image: Image, source: dict, where: str, base_dir: Path | None) -> None:
    path, data = source.get("path"), source.get("data")
    if path is not None and data is not None:
        raise invalid_json(f"{where} has both path and data; give one of them")
    if path is not None:
        if not isinstance(path, str) or not path.strip():
            raise invalid_json(f"{where}.path must be a file name")
        if base_dir is None:
            raise invalid_json(f"{where}.path needs a JSON file to be relative to")
        loaded = load_image_file(path, base_dir)
        image.data, info = loaded.data, loaded.info
        image.filename = image.filename or loaded.filename
    elif data is not None:
        if not isinstance(data, str):
            raise invalid_json(f"{where}.data must be a data: URI")
        image.data = decode_data_uri(data, where)
        try:
            info = inspect_image(image.data)
        except ImageError as exc:
            raise ImageError(f"{where}.data: {exc}", code=exc.code, **exc.params) from exc
    else:
        return
    image.width, image.height = info.width, info.height


def import_json_data(data: Any, base_dir: Path | None = None) -> Article:
    """Build an Article from parsed JSON in the `info --json` shape, loading image bytes."""
    article = article_from_dict(data)
    # article_from_dict has checked that these are lists of objects of the right length.
    for n, (image, source) in enumerate(zip(article.images, data.get("images") or [], strict=True)):
        _attach_bytes(image, source, f"images[{n}]", base_dir)
    if not data.get("language"):
        text = "\n".join(
            [article.headline, article.subheadline]
            + [f"{s.heading}\n{plain_text(s.markdown)}" for s in article.walk_sections()]
        )
        article.language = detect_language(text)
    return article


def import_json(
    source: bytes | str, base_dir: Path | None = None, name: str = "the JSON file"
) -> Article:
    """Build an Article from JSON text or bytes; `base_dir` resolves image `path`s."""
    text = _decode_json_bytes(source, name) if isinstance(source, bytes) else source
    data = parse_json(text, name)
    _refuse_lone_surrogates(data, name)
    return import_json_data(data, base_dir)


def _refuse_lone_surrogates(data: Any, name: str) -> None:
    """JSON may spell half a character ("\\ud800"); it could be neither saved nor exported."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(exc.object[exc.start])
        raise ImportFormatError(
            f"{name} contains a broken character (a lone \\u{code:04x} escape); "
            "fix the program that wrote it",
            code="import.json_broken_character",
            name=name,
        ) from None
    except (RecursionError, ValueError):
        pass  # too deep or not serialisable: import_json_data says what is wrong with it
