"""Core errors in the interface language: one catalogue, error code -> translatable template.

Core code raises `NewsdeskError`s with an English `message` (what the command line prints), a
stable dotted `code` and the `params` the wording needs (see `newsdesk.errors`). The window never
shows the English: it looks the code up here, translates the template ("CoreError" context in
resources/translations/newsdesk_de.ts) and fills in the params by name, so the German window says
"„notiz.txt“ ist kein Newsdesk-Artikel." where the core says "notiz.txt is not a Newsdesk project
(not an SQLite database)".

Two params are special: `detail` is technical English (SQLite's complaint, the place in a JSON
file) that no template quotes; the message box shows it, with the English message, only under
"Show Details…". `reason` is a stable key ("disk_full", ...) worded by REASONS.

Import notes (`formats.import_notes.ImportNote`), word-list problems and dictionary statuses carry
codes too and are worded by `coded_text`. tests/test_error_codes.py fails when core code raises an
error without a code, or uses a code that has no template here or no German translation.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from newsdesk.errors import NewsdeskError
from newsdesk.gui.translatable import QT_TRANSLATE_NOOP

CONTEXT = "CoreError"
translate = QCoreApplication.translate

# A param longer than this is cut: a hostile file name must not make a dialog screen-wide.
MAX_PARAM_CHARS = 200

TEMPLATES: dict[str, str] = {
    "project.is_folder": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is a folder, not a Newsdesk article."
    ),
    "project.not_a_file": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is not a regular file, not a Newsdesk article."
    ),
    "project.missing": QT_TRANSLATE_NOOP("CoreError", "“{name}” does not exist."),
    "project.unreadable": QT_TRANSLATE_NOOP("CoreError", "“{name}” cannot be read."),
    "project.empty": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is empty; it is not a Newsdesk article."
    ),
    "project.damaged": QT_TRANSLATE_NOOP("CoreError", "“{name}” is damaged and cannot be opened."),
    "project.not_sqlite": QT_TRANSLATE_NOOP("CoreError", "“{name}” is not a Newsdesk article."),
    "project.foreign_database": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is another program’s database, not a Newsdesk article."
    ),
    "project.not_a_project": QT_TRANSLATE_NOOP("CoreError", "“{name}” is not a Newsdesk article."),
    "project.too_new": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” was saved by a newer Newsdesk (file version {version}; this one reads up to {supported}). Please update Newsdesk to open it.",  # noqa: E501
    ),
    "project.too_new_meanwhile": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” has been saved by a newer Newsdesk meanwhile."
    ),
    "project.unknown_version": QT_TRANSLATE_NOOP(
        "CoreError", "The article file has an unknown version ({version})."
    ),
    "project.no_migration": QT_TRANSLATE_NOOP(
        "CoreError", "This Newsdesk cannot upgrade article files of version {version}."
    ),
    "project.busy": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is busy: another program is writing it."
    ),
    "project.cannot_open": QT_TRANSLATE_NOOP("CoreError", "“{name}” cannot be opened."),
    "project.cannot_write": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” cannot be opened for writing: {reason}."
    ),
    "project.upgrade_failed": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” cannot be upgraded to this version of Newsdesk."
    ),
    "project.closed": QT_TRANSLATE_NOOP("CoreError", "“{name}” is closed."),
    "project.no_revision": QT_TRANSLATE_NOOP("CoreError", "“{name}” has no revision {revision}."),
    "project.read_only": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is open read-only; save a copy under another name."
    ),
    "project.article_invalid": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” cannot be saved: the article contains something a file cannot hold."
    ),
    "project.changed_on_disk": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” was changed by another program since Newsdesk last read it."
    ),
    "project.save_failed": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” could not be saved: {reason}. The file is unchanged."
    ),
    "project.create_failed": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” could not be created: {reason}."
    ),
    "project.exists": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” already exists; choose another name."
    ),
    "project.not_writable": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” cannot be written here (read-only file or folder); open it read-only or save a copy elsewhere.",  # noqa: E501
    ),
    "project.lock_failed": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” cannot be reserved for this window."
    ),
    "project.locked": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” is open in Newsdesk by {user} on {host} (process {pid}) since {since}.",
    ),
    "project.locked_unknown": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is open in another program."
    ),
    "photo.unavailable": QT_TRANSLATE_NOOP("CoreError", "A photo in “{name}” cannot be read."),
    "photo.project_gone": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” no longer exists, and with it a photo it held."
    ),
    "image.too_large": QT_TRANSLATE_NOOP(
        "CoreError", "The image is {megabytes} MB; Newsdesk accepts up to {limit} MB."
    ),
    "image.too_many_pixels": QT_TRANSLATE_NOOP(
        "CoreError",
        "The image is {width}×{height} pixels; Newsdesk accepts up to {limit} megapixels.",
    ),
    "image.bomb": QT_TRANSLATE_NOOP("CoreError", "The image has too many pixels to be a photo."),
    "image.not_supported": QT_TRANSLATE_NOOP("CoreError", "This is not a JPEG, PNG or WebP image."),
    "image.unreadable": QT_TRANSLATE_NOOP("CoreError", "The image cannot be read."),
    "image.damaged": QT_TRANSLATE_NOOP("CoreError", "The image is damaged."),
    "image.not_local": QT_TRANSLATE_NOOP(
        "CoreError",
        "The image “{reference}” is not a local file; save the photo beside the source file and refer to it by its file name.",  # noqa: E501
    ),
    "file.missing": QT_TRANSLATE_NOOP("CoreError", "“{path}” does not exist."),
    "file.unreadable": QT_TRANSLATE_NOOP("CoreError", "“{path}” cannot be read."),
    "file.not_regular": QT_TRANSLATE_NOOP("CoreError", "“{path}” is not a regular file."),
    "file.too_large": QT_TRANSLATE_NOOP(
        "CoreError", "“{path}” is {megabytes} MB; Newsdesk reads up to {limit} MB."
    ),
    "import.unsupported_type": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” cannot be imported: Newsdesk imports Word documents, web pages, text, Markdown and JSON.",  # noqa: E501
    ),
    "import.text_too_long": QT_TRANSLATE_NOOP(
        "CoreError", "The text is longer than {limit} million characters; that is no article."
    ),
    "import.file_too_large": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is larger than {limit} MB; that is no article."
    ),
    "import.too_large": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is larger than {limit_mb} MB; that is no article."
    ),
    "import.not_text": QT_TRANSLATE_NOOP("CoreError", "“{name}” is not a text file."),
    "import.unknown_encoding": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” is in an encoding Newsdesk cannot recognise; save it as UTF-8 and import it again.",  # noqa: E501
    ),
    "import.text_damaged": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” starts like {encoding} text but is damaged."
    ),
    "import.binary_file": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is not plain text; save it as text and import that."
    ),
    "import.json_structure": QT_TRANSLATE_NOOP(
        "CoreError", "The JSON file does not describe an article."
    ),
    "import.json_encoding": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is not UTF-8 text; JSON must be UTF-8."
    ),
    "import.json_syntax": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is not valid JSON (line {line}, column {column})."
    ),
    "import.json_too_deep": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” nests too deeply to be an article."
    ),
    "import.json_too_new": QT_TRANSLATE_NOOP(
        "CoreError",
        "This JSON uses format version {version}; this Newsdesk reads up to {supported}.",
    ),
    "import.json_broken_character": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” contains a broken character; fix the program that wrote it."
    ),
    "import.text_empty": QT_TRANSLATE_NOOP(
        "CoreError", "The text is empty; there is nothing to import."
    ),
    "import.markdown_empty": QT_TRANSLATE_NOOP(
        "CoreError", "The Markdown file is empty; there is nothing to import."
    ),
    "import.front_matter": QT_TRANSLATE_NOOP(
        "CoreError", "The {kind} front matter at the top of the file cannot be read."
    ),
    "import.docx_damaged": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is damaged or not a Word document."
    ),
    "import.docx_encrypted": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” is password-protected; open it in Word, remove the password and save it again.",
    ),
    "import.docx_macros": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” contains macros; Newsdesk imports no documents with macros. Save it as a plain .docx first.",  # noqa: E501
    ),
    "import.docx_old_word": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” is an old Word 97–2003 document; save it as .docx in Word or LibreOffice first.",
    ),
    "import.docx_too_large": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is packed like a zip bomb; that is no article."
    ),
    "import.docx_empty": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is empty; there is nothing to import."
    ),
    "import.docx_no_text": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” holds only pictures and no text; there is no article to import."
    ),
    "import.odt_damaged": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is damaged or not an OpenDocument text."
    ),
    "import.odt_encrypted": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” is password-protected; open it in LibreOffice, remove the password and save it again.",  # noqa: E501
    ),
    "import.odt_macros": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” contains macros; Newsdesk imports no documents with macros. Save it without them first.",  # noqa: E501
    ),
    "import.odt_too_complex": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{name}” nests its text more than {limit} deep or holds too many parts; that is no article.",  # noqa: E501
    ),
    "import.not_this_article": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” was not made from this article; nothing was changed."
    ),
    "import.html_binary": QT_TRANSLATE_NOOP("CoreError", "“{name}” is not a web page."),
    "import.html_empty": QT_TRANSLATE_NOOP("CoreError", "“{name}” holds no article text."),
    "import.html_too_deep": QT_TRANSLATE_NOOP(
        "CoreError", "The page nests its elements more than {limit} deep; that is no article."
    ),
    "import.html_too_many_elements": QT_TRANSLATE_NOOP(
        "CoreError", "The page has more than {limit} elements; that is no article."
    ),
    "import.tracked_insertions": QT_TRANSLATE_NOOP(
        "CoreError", "Tracked insertions accepted: {count}"
    ),
    "import.tracked_deletions": QT_TRANSLATE_NOOP(
        "CoreError", "Tracked deletions accepted: {count}"
    ),
    "import.comments_as_notes": QT_TRANSLATE_NOOP(
        "CoreError", "Comments kept as private notes: {count}"
    ),
    "import.footnotes": QT_TRANSLATE_NOOP("CoreError", "Footnotes kept as source notes: {count}"),
    "import.tables": QT_TRANSLATE_NOOP("CoreError", "Tables imported: {count}"),
    "import.pictures_refused": QT_TRANSLATE_NOOP("CoreError", "Pictures not imported: {count}"),
    "import.picture_refused": QT_TRANSLATE_NOOP(
        "CoreError", "The picture “{name}” was left out; the text was imported."
    ),
    "import.photos_missing": QT_TRANSLATE_NOOP(
        "CoreError", "Photos still to be added (the check lists them): {count}"
    ),
    "import.headline_from_bold_line": QT_TRANSLATE_NOOP(
        "CoreError", "The first bold line became the headline."
    ),
    "export.asset_mode": QT_TRANSLATE_NOOP(
        "CoreError", "“{mode}” is not a way to store the page’s photos."
    ),
    "export.missing_image_mode": QT_TRANSLATE_NOOP(
        "CoreError", "“{mode}” is not a way to handle missing photos."
    ),
    "export.no_folder": QT_TRANSLATE_NOOP("CoreError", "The folder “{folder}” does not exist."),
    "export.is_folder": QT_TRANSLATE_NOOP(
        "CoreError", "“{path}” is a folder, not a file name for the export."
    ),
    "export.broken_character": QT_TRANSLATE_NOOP(
        "CoreError",
        "The article contains a broken character that cannot be written; retype the text around it.",  # noqa: E501
    ),
    "export.disk_full": QT_TRANSLATE_NOOP(
        "CoreError", "The disk is full; “{path}” was not written."
    ),
    "export.no_permission": QT_TRANSLATE_NOOP(
        "CoreError", "No permission to write “{path}”; choose another folder."
    ),
    "export.write_failed": QT_TRANSLATE_NOOP("CoreError", "“{path}” could not be written."),
    "export.unknown_format": QT_TRANSLATE_NOOP(
        "CoreError", "“{format}” is not an export format Newsdesk knows."
    ),
    "export.unknown_suffix": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}”: the export file name ends in .html, .pdf, .docx, .md or .txt."
    ),
    "export.line_width": QT_TRANSLATE_NOOP(
        "CoreError", "The line width must be between {minimum} and {maximum} characters."
    ),
    "export.docx_failed": QT_TRANSLATE_NOOP("CoreError", "The Word file could not be made."),
    "export.pdf_engine": QT_TRANSLATE_NOOP("CoreError", "The PDF could not be made."),
    "export.pdf_sandbox": QT_TRANSLATE_NOOP(
        "CoreError", "The PDF could not be made: the page renderer cannot start here."
    ),
    "print.failed": QT_TRANSLATE_NOOP("CoreError", "The article could not be printed."),
    "edit.section_gone": QT_TRANSLATE_NOOP("CoreError", "This section no longer exists."),
    "edit.too_deep": QT_TRANSLATE_NOOP(
        "CoreError", "Sections cannot nest deeper than {levels} levels."
    ),
    "edit.no_position": QT_TRANSLATE_NOOP("CoreError", "There is no such position."),
    "edit.section_exists": QT_TRANSLATE_NOOP(
        "CoreError", "This section is already part of the article."
    ),
    "edit.into_itself": QT_TRANSLATE_NOOP("CoreError", "A section cannot be moved into itself."),
    "edit.section_kind": QT_TRANSLATE_NOOP(
        "CoreError", "A section is body text, opinion or a box."
    ),
    "edit.section_label": QT_TRANSLATE_NOOP(
        "CoreError", "A label is one line of at most {max_chars} characters."
    ),
    "edit.photo_role": QT_TRANSLATE_NOOP(
        "CoreError", "A photo is the lead image, in the text or in the gallery."
    ),
    "edit.photo_field_unknown": QT_TRANSLATE_NOOP(
        "CoreError", "A photo has no detail called “{field}”."
    ),
    "edit.photo_field_text": QT_TRANSLATE_NOOP(
        "CoreError", "This detail of the photo must be text."
    ),
    "edit.photo_symbolic": QT_TRANSLATE_NOOP(
        "CoreError", "The symbol-image switch is either on or off."
    ),
    "edit.photo_rotation": QT_TRANSLATE_NOOP(
        "CoreError", "A photo turns in quarter turns: 0, 90, 180 or 270 degrees."
    ),
    "edit.photo_crop": QT_TRANSLATE_NOOP("CoreError", "This is not one of the photo’s crops."),
    "edit.photo_focal": QT_TRANSLATE_NOOP(
        "CoreError", "The focal point must lie inside the photo."
    ),
    "edit.photo_gone": QT_TRANSLATE_NOOP(
        "CoreError", "This photo is no longer part of the article."
    ),
    "edit.photo_exists": QT_TRANSLATE_NOOP(
        "CoreError", "This photo is already part of the article."
    ),
    "edit.photo_nothing": QT_TRANSLATE_NOOP("CoreError", "Nothing to change on this photo."),
    "edit.link_gone": QT_TRANSLATE_NOOP("CoreError", "This related link no longer exists."),
    "edit.link_exists": QT_TRANSLATE_NOOP("CoreError", "This related link is already in the list."),
    "cli.usage": QT_TRANSLATE_NOOP(
        "CoreError", "The command line is not complete (see “newsdesk --help”)."
    ),
    "cli.project_suffix": QT_TRANSLATE_NOOP(
        "CoreError", "“{path}”: an article file name ends in .newsdesk."
    ),
    "cli.exists": QT_TRANSLATE_NOOP(
        "CoreError", "“{path}” exists already; use --force to replace it."
    ),
    "cli.pdf_unavailable": QT_TRANSLATE_NOOP(
        "CoreError", "PDF export needs Qt WebEngine, which cannot be loaded."
    ),
    "cli.window_unavailable": QT_TRANSLATE_NOOP("CoreError", "The window cannot start."),
    "publication.damaged": QT_TRANSLATE_NOOP("CoreError", "The publication settings are damaged."),
    "publication.unreadable": QT_TRANSLATE_NOOP(
        "CoreError", "The publication settings cannot be read."
    ),
    "publication.unwritable": QT_TRANSLATE_NOOP(
        "CoreError", "The publication settings cannot be written."
    ),
    "publication.duplicate": QT_TRANSLATE_NOOP(
        "CoreError", "There is already a publication called “{name}”."
    ),
    "publication.unknown": QT_TRANSLATE_NOOP(
        "CoreError", "There is no publication called “{name}”."
    ),
    "publication.no_name": QT_TRANSLATE_NOOP("CoreError", "A publication needs a name."),
    "publication.too_long": QT_TRANSLATE_NOOP(
        "CoreError", "{profile}: the {field} is longer than {limit} characters."
    ),
    "publication.too_many": QT_TRANSLATE_NOOP(
        "CoreError", "At most {limit} publications can be kept."
    ),
    "publication.invalid_url": QT_TRANSLATE_NOOP(
        "CoreError", "{profile}: “{value}” is not a web address (http:// or https://)."
    ),
    "publication.invalid_handle": QT_TRANSLATE_NOOP(
        "CoreError", "{profile}: “{value}” is not a Twitter/X handle."
    ),
    "publication.invalid_language": QT_TRANSLATE_NOOP(
        "CoreError", "{profile}: “{value}” is not a language code such as de or en-GB."
    ),
    "export.layout_unknown": QT_TRANSLATE_NOOP(
        "CoreError", "There is no page layout called “{name}”."
    ),
    "export.layout_too_big": QT_TRANSLATE_NOOP(
        "CoreError", "The stylesheet “{name}” is larger than {limit} kB."
    ),
    "export.layout_not_text": QT_TRANSLATE_NOOP(
        "CoreError", "“{name}” is not a stylesheet (not UTF-8 text)."
    ),
    "export.layout_unparseable": QT_TRANSLATE_NOOP(
        "CoreError", "The stylesheet “{name}” cannot be read as CSS (line {line})."
    ),
    "export.layout_style_end": QT_TRANSLATE_NOOP(
        "CoreError", "The stylesheet “{name}” contains “</style”, which would end it early."
    ),
    "export.layout_import": QT_TRANSLATE_NOOP(
        "CoreError",
        "The stylesheet “{name}” imports another one (@import); a page carries one stylesheet.",
    ),
    "export.layout_remote": QT_TRANSLATE_NOOP(
        "CoreError",
        "The stylesheet “{name}” loads “{address}” from the network; the page loads nothing from elsewhere.",  # noqa: E501
    ),
    "export.layout_unreadable": QT_TRANSLATE_NOOP(
        "CoreError", "The stylesheet “{name}” cannot be read."
    ),
    "export.layout_damaged": QT_TRANSLATE_NOOP(
        "CoreError", "The article’s page layout is damaged."
    ),
    "publish.bad_address": QT_TRANSLATE_NOOP(
        "CoreError", "“{url}” is not a web address (https://…)."
    ),
    "publish.insecure": QT_TRANSLATE_NOOP(
        "CoreError", "{url} does not use HTTPS: the password would be sent readable."
    ),
    "publish.moved": QT_TRANSLATE_NOOP(
        "CoreError", "{url} has moved to {location}; publish to that address."
    ),
    "publish.no_network": QT_TRANSLATE_NOOP("CoreError", "{host} cannot be reached."),
    "publish.timeout": QT_TRANSLATE_NOOP(
        "CoreError", "{host} did not answer within {seconds} seconds."
    ),
    "publish.tls": QT_TRANSLATE_NOOP("CoreError", "The secure connection to {host} failed."),
    "publish.unauthorized": QT_TRANSLATE_NOOP(
        "CoreError", "{host} refused the user name or Application Password."
    ),
    "publish.forbidden": QT_TRANSLATE_NOOP(
        "CoreError", "{host} does not allow this user to do that."
    ),
    "publish.not_found": QT_TRANSLATE_NOOP("CoreError", "{host} has no {route}."),
    "publish.too_large": QT_TRANSLATE_NOOP(
        "CoreError", "{host} refuses a photo: it is larger than the server accepts."
    ),
    "publish.server_error": QT_TRANSLATE_NOOP(
        "CoreError", "{host} failed with server error {status}."
    ),
    "publish.rejected": QT_TRANSLATE_NOOP("CoreError", "{host} refused the request."),
    "publish.not_wordpress": QT_TRANSLATE_NOOP(
        "CoreError", "{url} does not answer like a WordPress site."
    ),
    "publish.no_keyring": QT_TRANSLATE_NOOP(
        "CoreError", "Passwords cannot be kept: no system keyring is available."
    ),
    "publish.no_password": QT_TRANSLATE_NOOP(
        "CoreError", "No Application Password is stored for {user} on {url}."
    ),
    "publish.no_site": QT_TRANSLATE_NOOP("CoreError", "The article has no publication chosen."),
    "publish.no_wordpress": QT_TRANSLATE_NOOP(
        "CoreError", "The publication “{site}” has no WordPress address and user."
    ),
    "publish.bad_status": QT_TRANSLATE_NOOP("CoreError", "“{status}” is not a publishing status."),
    "publish.future_needs_date": QT_TRANSLATE_NOOP(
        "CoreError", "A scheduled post needs a publish date and time in the future."
    ),
    "publish.conflict": QT_TRANSLATE_NOOP(
        "CoreError", "The post was changed on the site since Newsdesk published it."
    ),
    "publish.post_gone": QT_TRANSLATE_NOOP("CoreError", "Post {post_id} is no longer on {site}."),
    "publish.cancelled": QT_TRANSLATE_NOOP("CoreError", "Publishing to {host} was stopped."),
    "publish.unknown_category": QT_TRANSLATE_NOOP(
        "CoreError", "The site has no category “{category}”."
    ),
    "spelling.word_invalid": QT_TRANSLATE_NOOP(
        "CoreError", "“{word}” cannot be added to a word list."
    ),
    "spelling.list_write_failed": QT_TRANSLATE_NOOP(
        "CoreError",
        "The word list {path} cannot be written; the word is accepted for this session.",
    ),
    "spelling.ignore_refused": QT_TRANSLATE_NOOP(
        "CoreError", "“{word}” cannot be ignored (already ignored, or not a word)."
    ),
    "spelling.list_missing": QT_TRANSLATE_NOOP("CoreError", "The word list {path} does not exist."),
    "spelling.list_unreadable": QT_TRANSLATE_NOOP(
        "CoreError", "The word list {path} cannot be read."
    ),
    "spelling.list_truncated": QT_TRANSLATE_NOOP(
        "CoreError", "The word list {path} is too long; the rest is not read."
    ),
    "spelling.list_lines_skipped": QT_TRANSLATE_NOOP(
        "CoreError",
        "The word list {path} has {count} unreadable lines (the first is line {line}); they were skipped.",  # noqa: E501
    ),
    "spelling.fallback": QT_TRANSLATE_NOOP(
        "CoreError",
        "No dictionary for “{language}”; spelling is checked with the “{dictionary}” dictionary.",
    ),
    "spelling.no_dictionary": QT_TRANSLATE_NOOP(
        "CoreError", "No dictionary for “{language}”; spelling is not checked."
    ),
}

REASONS: dict[str, str] = {
    "disk_full": QT_TRANSLATE_NOOP("CoreError", "the disk is full"),
    "busy": QT_TRANSLATE_NOOP("CoreError", "another program is using the file"),
    "read_only": QT_TRANSLATE_NOOP("CoreError", "the file or its folder cannot be written"),
    "io_error": QT_TRANSLATE_NOOP("CoreError", "the disk reported an error while writing"),
    "bad_text": QT_TRANSLATE_NOOP(
        "CoreError", "the text contains characters that cannot be stored"
    ),
    "other": QT_TRANSLATE_NOOP("CoreError", "an unexpected error"),
}


def coded_text(code: str, params: Mapping[str, object], fallback: str) -> str:
    """The template for `code` in the interface language with `params` filled in; `fallback`
    (the core's English) for a code without a template or params that do not fit it."""
    template = TEMPLATES.get(code)
    if template is None:
        return fallback
    values = {key: _param_text(key, value) for key, value in params.items()}
    try:
        return translate(CONTEXT, template).format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback


def _param_text(key: str, value: object) -> str:
    if key == "reason" and isinstance(value, str) and value in REASONS:
        return translate(CONTEXT, REASONS[value])
    text = str(value)
    return text if len(text) <= MAX_PARAM_CHARS else text[: MAX_PARAM_CHARS - 1] + "…"


def error_text(error: BaseException | str) -> str:
    """What the window says about `error`, in its language, in one line."""
    if isinstance(error, str):
        return error
    if isinstance(error, NewsdeskError):
        return coded_text(error.code, error.params, error.message)
    if isinstance(error, OSError):
        return _os_error_text(error)
    return str(error) or type(error).__name__


def error_details(error: BaseException | str) -> str:
    """The core's English message for the box's "Show Details…" part, when the sentence left out
    something technical (the `detail` param); "" otherwise."""
    if isinstance(error, NewsdeskError) and error.params.get("detail"):
        return error.message
    if isinstance(error, OSError) and not isinstance(error, NewsdeskError):
        return str(error)
    return ""


def _os_error_text(error: OSError) -> str:
    name = str(error.filename or "")
    if error.errno == errno.ENOENT:
        template = QT_TRANSLATE_NOOP("CoreError", "“{name}” does not exist.")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        template = QT_TRANSLATE_NOOP("CoreError", "No permission to use “{name}”.")
    elif error.errno == errno.ENOSPC:
        template = QT_TRANSLATE_NOOP("CoreError", "The disk is full.")
    elif name:
        template = QT_TRANSLATE_NOOP("CoreError", "“{name}” cannot be read or written.")
    else:
        template = QT_TRANSLATE_NOOP("CoreError", "A file cannot be read or written.")
    return translate(CONTEXT, template).format_map({"name": _param_text("name", name)})
