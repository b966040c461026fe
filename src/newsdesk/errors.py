"""Typed errors that core code raises and the user interfaces turn into one-line messages.

Core code (model, store, formats, imaging) never prints or opens dialogs. It raises one of these
with a message written for the journalist; `cli` prints it and exits 2, `gui` shows it in a dialog.

Each error may also carry a `code` (a stable, dotted name such as ``"image.not_supported"``) and the
`params` its wording needs. The English `message` is what the command line prints; the window looks
the code up in its own catalogue of translated templates and fills in the params, so the German
window never shows the core's English. An error without a code is worded from its message.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base for every error whose message is meant for the user."""

    def __init__(self, message: str, *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return self.message


def os_error_reason(exc: OSError) -> str:
    """The system's words for a failed file operation ("No space left on device"), in one line:
    the one rule every core message and the command line use (the window words errno itself)."""
    return " ".join((exc.strerror or str(exc) or type(exc).__name__).split())


class ProjectError(NewsdeskError):
    """A project file cannot be opened or written."""


class NotAProjectError(ProjectError):
    """The file is not SQLite, or is another program's SQLite database."""


class ProjectDamagedError(ProjectError):
    """The file is a Newsdesk project but its contents are damaged."""


class ProjectTooNewError(ProjectError):
    """The file was written by a newer Newsdesk than this one."""


class ProjectLockedError(ProjectError):
    """Another running Newsdesk has the file open."""


class ProjectChangedOnDiskError(ProjectError):
    """Another program changed the file since we last read or wrote it."""


class PhotoUnavailableError(ProjectError):
    """A photo's original bytes, kept in the project file until needed, cannot be read from it
    (the file is gone, or the photo in it is missing or damaged)."""


class SaveError(ProjectError):
    """Writing failed (disk full, no permission, ...); the file on disk is unchanged."""


class ImportFormatError(NewsdeskError):
    """A source file cannot be imported (unknown type, bad encoding, malformed content)."""


class ImageError(NewsdeskError):
    """An image is refused: not an accepted format, damaged, or too large."""


class ExportError(NewsdeskError):
    """The export could not be written."""


class LayoutError(ExportError):
    """A house layout cannot be used: an unknown name, or a stylesheet the page may not carry
    (too big, not text, unparseable, loading from the network, ending the <style> element)."""


class PublicationError(NewsdeskError):
    """The publication profiles (the user's publications.json) cannot be read, or a profile is
    refused (a name used twice, an address that is not a web address)."""


class PublishError(NewsdeskError):
    """Publishing to a site (WordPress) failed: no network, a timeout, a refused password, a
    photo too large for the server, a TLS error, a site that is not WordPress. The article is
    unchanged; what the site already received is found again by the next try."""


class PublishConflictError(PublishError):
    """The post was changed on the site since Newsdesk last published it; overwriting it needs
    the user's word (params: `link`, `modified_gmt`)."""


class PostGoneError(PublishError):
    """The post Newsdesk published before is gone from the site (deleted or in the trash);
    publishing anew makes a new post (params: `post_id`)."""


class PublishCancelledError(PublishError):
    """The user stopped the publish; it stops before its next request to the site. What the
    site already has is recorded, so publishing again continues without duplicates."""


class WordListError(NewsdeskError, ValueError):
    """A word cannot be added to the personal word list: the word is not one a list can hold
    (`spelling.word_invalid`, params `word`), or the list cannot be written
    (`spelling.list_write_failed`, params `path`, `reason`); the word is still accepted for the
    session in the second case."""
