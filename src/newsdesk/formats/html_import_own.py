"""A page that Newsdesk exported (formats/html_body.py) read back into the same article.

The export marks its parts (`header.article-header`, `section[data-kind]`, `aside.box`,
`figure[data-image-id]`, `aside.related`), so nothing has to be guessed: each part goes back to its
field, sections keep their ids, kinds and nesting, and every figure its caption, credit, copyright
and symbol-image disclaimer (with the labels the export added taken off again). Importing an
exported page and exporting it again gives the same page (tests/formats/test_html_import.py).
"""

from __future__ import annotations

from newsdesk.formats.html_import_markdown import Block, MarkdownConverter, escape_text
from newsdesk.formats.html_import_tree import Element, ParsedPage
from newsdesk.formats.html_labels import NBSP, labels_for
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section


def _disclaimer(element: Element | None) -> str:
    """The notice as one line: the export shows its label apart ("Symbolbild" + the text)."""
    if element is None:
        return ""
    label = _by_class(element, "span", "figure-label")
    if label is None:
        return element.text()
    label_text = label.text()
    label.remove()
    rest = element.text()
    return f"{label_text}: {rest}" if rest else label_text


def is_own_export(page: ParsedPage) -> bool:
    generator = page.meta.get("generator", "")
    header = any("article-header" in e.classes() for e in page.root.iter() if e.tag == "header")
    return generator.startswith("Newsdesk") and header


def _by_class(root: Element, tag: str, css_class: str) -> Element | None:
    return next((e for e in root.iter() if e.tag == tag and css_class in e.classes()), None)


def _text(root: Element, tag: str, css_class: str) -> str:
    element = _by_class(root, tag, css_class)
    return element.text() if element is not None else ""


def _strip_label(text: str, label_format: str) -> str:
    before, _, after = label_format.partition("{}")
    if text.startswith(before) and text.endswith(after):
        return text[len(before) : len(text) - len(after)] if after else text[len(before) :]
    return text


def _figure_image(figure: Element, images, language: str) -> str | None:
    """The Image of an exported figure (a photo, or a missing one), by the figure's id."""
    labels = labels_for(language)
    img = figure.find("img")
    caption = figure.find("figcaption")
    image_id = figure.attrs.get("data-image-id", "")
    if img is not None:
        img.attrs["data-image-id"] = image_id
        found = images.on_image(img, None)
    else:
        found = images.add_missing(Image(id=image_id) if image_id else Image())
    image: Image = images.images[found]
    if caption is not None:
        image.caption = _text(caption, "span", "caption")
        image.credit = _strip_label(_text(caption, "span", "credit"), labels.photo_credit)
        image.copyright = _text(caption, "span", "copyright").replace(NBSP, " ")
        image.disclaimer = _disclaimer(_by_class(caption, "span", "disclaimer"))
    image.symbolic = "symbolic" in figure.classes()
    return found


class _OwnConverter(MarkdownConverter):
    """The export's figures stand for `![](image:ID)` lines; they are read by their ids."""

    def __init__(self, images, language: str) -> None:
        super().__init__(images.on_image)
        self.images, self.language = images, language

    def _figure(self, element: Element) -> list[Block]:
        found = _figure_image(element, self.images, self.language)
        return [Block("image", found)] if found else []


def _section(element: Element, converter: _OwnConverter, images, depth: int = 1) -> Section:
    kind = element.attrs.get("data-kind", "body")
    section = Section(kind=kind if kind in ("body", "opinion", "box") else "body")
    if element.attrs.get("data-section-id"):
        section.id = element.attrs["data-section-id"]
    anchor = element.attrs.get("id", "")
    body = Element("div")
    for child in element.children:
        if isinstance(child, Element) and child.attrs.get("id") == f"{anchor}-heading":
            section.heading = child.text()
        elif isinstance(child, Element) and child.attrs.get("id") == f"{anchor}-label":
            continue  # the opinion label the export adds
        elif isinstance(child, Element) and "data-kind" in child.attrs:
            section.children.append(_section(child, converter, images, depth + 1))
        else:
            body.children.append(child)
    blocks = converter.blocks(body)
    parts = []
    for block in blocks:
        if block.kind == "image":
            parts.append(f"![](image:{block.markdown})")
        elif block.kind == "heading":
            # The page shifts a nested section's subheadings one level down per depth.
            level = min(max(block.level - (depth - 1), 3), 6)
            parts.append("#" * level + " " + escape_text(block.markdown))
        else:
            parts.append(block.markdown)
    section.markdown = "\n\n".join(parts)
    return section


def read_own_export(page: ParsedPage, images) -> Article:
    root = page.root
    html = root.find("html")
    language = html.attrs.get("lang", "") if html is not None else ""
    article = Article(language=language or "en")
    header = _by_class(root, "header", "article-header") or Element("header")
    article.kicker = _text(header, "p", "kicker")
    h1 = header.find("h1")
    article.headline = h1.text() if h1 is not None else ""
    article.subheadline = _text(header, "p", "subheadline")
    article.byline = _text(header, "span", "byline")
    article.dateline = _text(header, "span", "dateline")
    time = header.find("time")
    article.published = time.attrs.get("datetime", "") if time is not None else ""
    article.published = article.published or _text(header, "span", "published")
    article.description = page.meta.get("description", "")
    article.tags = [t.strip() for t in page.meta.get("keywords", "").split(",") if t.strip()]
    body = _by_class(root, "article", "article") or root
    converter = _OwnConverter(images, article.language)
    placed: list[str] = []
    for child in body.children:
        if not isinstance(child, Element):
            continue
        if "data-kind" in child.attrs:
            article.sections.append(_section(child, converter, images))
        elif child.tag == "figure":
            found = _figure_image(child, images, article.language)
            if found:
                images.images[found].role = "lead" if "lead-figure" in child.classes() else "inline"
                placed.append(found)
        elif child.tag == "aside" and "related" in child.classes():
            heading = child.find("h2")
            links = []
            for item in child.find_all("li"):
                link = item.find("a")
                url = link.attrs.get("href", "") if link is not None else ""
                links.append(RelatedLink(title=item.text(), url=url))
            article.related = RelatedLinks(heading=heading.text() if heading else "", links=links)
    referenced = [i for i in images.images if i not in placed]
    for image_id in referenced:
        images.images[image_id].role = "inline"
    article.images = (
        [images.images[i] for i in placed[:1]]
        + [images.images[i] for i in referenced]
        + [images.images[i] for i in placed[1:]]
    )
    return article
