"""Publication profiles: one per site a journalist writes for, kept in the user's settings.

A profile says where an article is published: the site's name and base URL (the page's canonical
address is the base URL plus the article's slug), the publisher and its logo, the author's profile
page, the Twitter/X handle, the default language, the WordPress connection and the house layout.
The exporter reads it for the page's canonical link, Open Graph, Twitter card and JSON-LD; the
WordPress client reads `wordpress_url` and `wordpress_user` (passwords live in the system keyring,
never here). The article stores only the chosen profile's name (see docs/FILE_FORMAT.md).

The profiles are one JSON file, `$XDG_CONFIG_HOME/newsdesk/publications.json`
(`~/.config/newsdesk/publications.json` without XDG_CONFIG_HOME; `%APPDATA%` on Windows):

    {"format": 1, "profiles": [{"name": "Tagesblatt", "site_name": "Tagesblatt", ...}]}

Keys this version does not know, in the file or in a profile, are kept and written back, so a
newer Newsdesk's settings survive an older one. A file that is not such JSON, is too large, or
holds an invalid profile raises PublicationError (code ``publication.damaged``); nothing is
guessed. Writing is atomic (temporary file, fsync, rename).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from newsdesk.errors import PublicationError, os_error_reason
from newsdesk.formats.safe_write import write_atomic
from newsdesk.model.article import Article

if TYPE_CHECKING:  # the check is imported by the function that adds to it
    from newsdesk.model.preflight import Finding

FILE_NAME = "publications.json"
# The article property (Article.properties, the project file's `properties` table) that names the
# article's chosen profile.
PUBLICATION_PROPERTY = "publication"
FILE_FORMAT = 1
MAX_FILE_BYTES = 1_000_000  # a few hundred profiles are a few dozen kB
MAX_PROFILES = 500
MAX_VALUE_CHARS = 2_000
MAX_NAME_CHARS = 120

# The optional text fields of a profile, in the order a settings dialog shows them.
PROFILE_FIELDS: tuple[str, ...] = (
    "site_name",
    "base_url",
    "publisher_name",
    "publisher_logo_url",
    "author_url",
    "twitter_handle",
    "language",
    "wordpress_url",
    "wordpress_user",
    "house_layout",
)
# Fields that must be web addresses (http or https with a host) when they are set.
URL_FIELDS: tuple[str, ...] = ("base_url", "publisher_logo_url", "author_url", "wordpress_url")

_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass
class PublicationProfile:
    """Where an article is published. Every field but `name` may be empty ("not set")."""

    name: str
    site_name: str = ""
    base_url: str = ""
    publisher_name: str = ""
    publisher_logo_url: str = ""
    author_url: str = ""
    twitter_handle: str = ""
    language: str = ""
    wordpress_url: str = ""
    wordpress_user: str = ""
    house_layout: str = ""
    # Keys a newer Newsdesk wrote into this profile; kept as they were and written back.
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def page_url(self, slug: str) -> str | None:
        """The article's canonical address: the base URL plus the slug (None without either)."""
        if not self.base_url or not slug.strip():
            return None
        return f"{self.base_url.rstrip('/')}/{quote(slug.strip(), safe='-._~')}"

    @property
    def twitter_site(self) -> str:
        """The handle as Twitter cards want it ("@name"), or "" when none is set."""
        match = _HANDLE.fullmatch(self.twitter_handle.strip())
        return f"@{match.group(1)}" if match else ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data["name"] = self.name
        for name in PROFILE_FIELDS:
            data[name] = getattr(self, name)
        return data

    @classmethod
    def from_json(cls, data: Any) -> PublicationProfile:
        """A profile from its JSON object; raises PublicationError for a wrong shape or value."""
        if not isinstance(data, dict):
            raise _damaged("a profile is not a JSON object")
        values: dict[str, str] = {}
        for name in ("name", *PROFILE_FIELDS):
            value = data.get(name, "")
            if not isinstance(value, str):
                raise _damaged(f"the {name} of a profile is not text")
            values[name] = value
        known = {"name", *PROFILE_FIELDS}
        extra = {key: value for key, value in data.items() if key not in known}
        profile = cls(**values, extra=extra)
        check_profile(profile)
        return profile


def check_profile(profile: PublicationProfile) -> None:
    """Refuse a profile the settings cannot hold or the export could not use.

    Raises PublicationError with code ``publication.no_name``, ``publication.too_long``,
    ``publication.invalid_url``, ``publication.invalid_handle`` or
    ``publication.invalid_language``; the params name the profile and the field.
    """
    name = profile.name.strip() if isinstance(profile.name, str) else ""
    if not name:
        raise PublicationError("a publication needs a name", code="publication.no_name")
    if len(name) > MAX_NAME_CHARS:
        raise PublicationError(
            f"the publication name is longer than {MAX_NAME_CHARS} characters",
            code="publication.too_long",
            profile=name[:MAX_NAME_CHARS],
            field="name",
            limit=MAX_NAME_CHARS,
        )
    for each in PROFILE_FIELDS:
        value = getattr(profile, each)
        if not isinstance(value, str):
            raise PublicationError(
                f"{name}: the {each} is not text", code="publication.damaged", reason=each
            )
        if len(value) > MAX_VALUE_CHARS:
            raise PublicationError(
                f"{name}: the {each} is longer than {MAX_VALUE_CHARS} characters",
                code="publication.too_long",
                profile=name,
                field=each,
                limit=MAX_VALUE_CHARS,
            )
    for each in URL_FIELDS:
        value = getattr(profile, each)
        if value and not is_web_address(value):
            raise PublicationError(
                f"{name}: the {each.replace('_', ' ')} {value!r} is not a web address "
                "(http:// or https://)",
                code="publication.invalid_url",
                profile=name,
                field=each,
                value=value,
            )
    if profile.twitter_handle.strip() and not profile.twitter_site:
        raise PublicationError(
            f"{name}: {profile.twitter_handle!r} is not a Twitter/X handle",
            code="publication.invalid_handle",
            profile=name,
            value=profile.twitter_handle,
        )
    if profile.language and not _LANGUAGE.fullmatch(profile.language):
        raise PublicationError(
            f"{name}: {profile.language!r} is not a language code such as de or en-GB",
            code="publication.invalid_language",
            profile=name,
            value=profile.language,
        )


def is_web_address(value: str) -> bool:
    """http or https with a host, and nothing a page could not carry in an attribute."""
    if any(ord(c) <= 0x20 or ord(c) == 0x7F or c in '\\"<>' for c in value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


@dataclass
class Publications:
    """All profiles of one settings file, in the user's order, and the file's unknown keys."""

    profiles: list[PublicationProfile] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def find(self, name: str) -> PublicationProfile | None:
        """The profile called `name` (exactly, else ignoring case), or None."""
        for profile in self.profiles:
            if profile.name == name:
                return profile
        folded = name.strip().casefold()
        return next((p for p in self.profiles if p.name.strip().casefold() == folded), None)

    def get(self, name: str) -> PublicationProfile:
        """The profile called `name`; PublicationError ``publication.unknown`` if there is none."""
        profile = self.find(name)
        if profile is None:
            raise PublicationError(
                f"there is no publication called {name!r} in the publication settings",
                code="publication.unknown",
                name=name,
            )
        return profile

    def put(self, profile: PublicationProfile, *, replacing: str | None = None) -> None:
        """Add `profile`, or replace the one called `replacing` (a rename) or of the same name."""
        check_profile(profile)
        old = self.find(replacing if replacing is not None else profile.name)
        clash = self.find(profile.name)
        if clash is not None and clash is not old:
            raise PublicationError(
                f"there is already a publication called {clash.name!r}",
                code="publication.duplicate",
                name=profile.name,
            )
        if old is None:
            if len(self.profiles) >= MAX_PROFILES:
                raise PublicationError(
                    f"at most {MAX_PROFILES} publications can be kept",
                    code="publication.too_many",
                    limit=MAX_PROFILES,
                )
            self.profiles.append(profile)
        else:
            self.profiles[self.profiles.index(old)] = profile

    def remove(self, name: str) -> None:
        profile = self.get(name)
        self.profiles.remove(profile)

    def names(self) -> list[str]:
        return [profile.name for profile in self.profiles]


def default_profiles_path(environ: dict[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/newsdesk/publications.json` (~/.config without it; %APPDATA% on
    Windows)."""
    env = os.environ if environ is None else environ
    if os.name == "nt" and env.get("APPDATA"):
        return Path(env["APPDATA"]) / "newsdesk" / FILE_NAME
    base = env.get("XDG_CONFIG_HOME", "")
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return folder / "newsdesk" / FILE_NAME


def load_publications(path: Path | None = None) -> Publications:
    """The profiles kept in `path` (default: the user's settings); none when it does not exist."""
    path = default_profiles_path() if path is None else path
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Publications()
    except OSError as exc:
        raise PublicationError(
            f"the publication settings {path} cannot be read: {os_error_reason(exc)}",
            code="publication.unreadable",
            path=str(path),
            reason=os_error_reason(exc),
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _damaged(f"the file is larger than {MAX_FILE_BYTES // 1000} kB", path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged("it is not valid JSON", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("profiles", []), list):
        raise _damaged("it does not hold a list of profiles", path)
    version = data.setdefault("format", FILE_FORMAT)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged("its format number is invalid", path)
    publications = Publications(extra={k: v for k, v in data.items() if k != "profiles"})
    if version == FILE_FORMAT:
        del publications.extra["format"]  # written again by every save
    try:
        for item in data.get("profiles", []):
            profile = PublicationProfile.from_json(item)
            if publications.find(profile.name) is not None:
                raise _damaged(f"two profiles are called {profile.name!r}")
            publications.put(profile)
    except PublicationError as exc:
        raise _damaged(exc.message, path) from None
    return publications


def save_publications(publications: Publications, path: Path | None = None) -> None:
    """Write all profiles to `path` (default: the user's settings) at once."""
    path = default_profiles_path() if path is None else path
    for profile in publications.profiles:
        check_profile(profile)
    data = dict(publications.extra)
    data["format"] = max(FILE_FORMAT, _int_or(data.get("format"), FILE_FORMAT))
    data["profiles"] = [profile.to_json() for profile in publications.profiles]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise PublicationError(
            f"the publication settings {path} cannot be written: {os_error_reason(exc)}",
            code="publication.unwritable",
            path=str(path),
            reason=os_error_reason(exc),
        ) from None


def lookup_profile(name: str, path: Path | None = None) -> PublicationProfile | None:
    """The profile an article names (its stored choice), or None when it names none."""
    if not name:
        return None
    return load_publications(path).get(name)


def article_publication(article: Article) -> str:
    """The name of the profile the article is published with ("" for none chosen)."""
    return article.properties.get(PUBLICATION_PROPERTY, "")


def set_article_publication(article: Article, name: str) -> None:
    """Choose the article's profile by name ("" for none)."""
    if name:
        article.properties[PUBLICATION_PROPERTY] = name
    else:
        article.properties.pop(PUBLICATION_PROPERTY, None)


def page_language(article: Article, profile: PublicationProfile | None) -> str:
    """The language the page is in: the article's own, else the publication's default ("" when
    neither says; the page then reads as English and the check asks for one)."""
    own = article.language.strip()
    return own or (profile.language.strip() if profile is not None else "")


def page_article(article: Article, profile: PublicationProfile | None) -> Article:
    """The article as its outputs and the check see it: without a language of its own it takes
    the publication's default (html lang, og:locale, inLanguage, headings, typography). A shallow
    copy when that changes anything; the article itself (and so the file) keeps none."""
    language = page_language(article, profile)
    if language == article.language:
        return article
    return replace(article, language=language)


def profile_field_names() -> tuple[str, ...]:
    """All of a profile's settable fields, `name` first (for dialogs and `--json` output)."""
    return tuple(f.name for f in fields(PublicationProfile) if f.name != "extra")


def _int_or(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _damaged(reason: str, path: Path | None = None) -> PublicationError:
    where = f"the publication settings {path}" if path else "the publication settings"
    return PublicationError(
        f"{where} are damaged: {reason}",
        code="publication.damaged",
        path=str(path or ""),
        reason=reason,
    )


def missing_social_data(profile: PublicationProfile | None, page_url: str | None) -> list[str]:
    """What social networks and search engines will lack on the page, a few words each."""
    missing = []
    if page_url is None:
        missing.append("its own address (canonical link, og:url)")
        missing.append("an image address social networks can fetch (og:image)")
    if profile is None or not profile.site_name.strip():
        missing.append("the site name (og:site_name)")
    if profile is None or not (profile.publisher_name.strip() or profile.site_name.strip()):
        missing.append("the publisher (JSON-LD publisher)")
    return missing


def publication_findings(article: Article, path: Path | None = None) -> list[Finding]:
    """The check's word on the article's publication: none chosen, one the settings do not know
    (or cannot be read), or what the page will lack with the chosen one. Kept beside preflight
    (which reads no settings) and added by `newsdesk check` and `newsdesk export`."""
    from newsdesk.formats.slug import effective_slug
    from newsdesk.model.preflight import Finding

    name = article_publication(article)
    profile = None
    if name:
        try:
            profile = load_publications(path).get(name)
        except PublicationError as exc:
            return [Finding("warning", "publication-unavailable", exc.message, "publication")]
    page_url = profile.page_url(effective_slug(article)) if profile is not None else None
    missing = missing_social_data(profile, page_url)
    if not missing:
        return []
    why = "no publication is chosen" if profile is None else f"the publication {name!r} lacks data"
    return [
        Finding(
            "info",
            "publication-missing" if profile is None else "publication-incomplete",
            f"{why}: the page will lack {', '.join(missing)}",
            "publication",
            details={"missing": missing},
        )
    ]
