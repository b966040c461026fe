"""OpenDocument texts built at test time (no committed binaries): the XML written here, in the
shape LibreOffice writes it (automatic styles P1/T1 over named styles, list styles, frames with
pictures under Pictures/, annotations, notes, tracked changes)."""

from __future__ import annotations

import io
import zipfile

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)

# Named styles as LibreOffice's default template has them (spaces encoded as _20_).
NAMED_STYLES = """
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
  style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"/>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"/>
<style:style style:name="Quotations" style:family="paragraph"/>
<style:style style:name="Caption" style:family="paragraph"/>
<style:style style:name="Illustration" style:family="paragraph"
  style:parent-style-name="Caption"/>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis"
  style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
"""

# Automatic styles as LibreOffice names them: each points at a named style or sets marks.
AUTOMATIC_STYLES = """
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Subtitle"/>
<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Text_20_body">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="T3" style:family="text">
  <style:text-properties style:text-line-through-style="solid"/></style:style>
<text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
</text:list-style>
<text:list-style style:name="L2">
  <text:list-level-style-number text:level="1" style:num-format="1"/>
</text:list-style>
"""


def content_xml(body: str, automatic: str = AUTOMATIC_STYLES) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def styles_xml(named: str = NAMED_STYLES) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}>'
        f"<office:styles>{named}</office:styles></office:document-styles>"
    )


def meta_xml(title: str = "", creator: str = "", keywords: tuple[str, ...] = ()) -> str:
    words = "".join(f"<meta:keyword>{k}</meta:keyword>" for k in keywords)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
        f"<office:meta><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>{words}"
        "</office:meta></office:document-meta>"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt(
    body: str,
    *,
    pictures: dict[str, bytes] | None = None,
    meta: str = "",
    extra: dict[str, bytes | str] | None = None,
    mimetype: str = "application/vnd.oasis.opendocument.text",
    **replace: str,
) -> bytes:
    """An .odt with `body` as the text; `replace` swaps a part ("content.xml"=...)."""
    parts: dict[str, bytes | str] = {
        "mimetype": mimetype,
        "content.xml": content_xml(body),
        "styles.xml": styles_xml(),
        "META-INF/manifest.xml": MANIFEST,
    }
    if meta:
        parts["meta.xml"] = meta
    for name, data in (pictures or {}).items():
        parts[f"Pictures/{name}"] = data
    parts.update(extra or {})
    parts.update({name.replace("_", "."): value for name, value in replace.items()})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()
