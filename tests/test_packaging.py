"""Desktop integration files in packaging/: they parse, agree with each other and with the code.

The reverse-DNS id names the desktop file, the AppStream component and the application icon; the
MIME type in the desktop file is the one the shared-mime-info XML defines, and that file's magic
matches a project file written by the real store. Where the freedesktop tools are installed
(Debian: desktop-file-utils, appstream, shared-mime-info, libglib2.0-bin, librsvg2-bin), the files
are also run through them; only those tool calls are skipped on a machine without the tool.
"""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from newsdesk import __version__
from newsdesk.model import Article, Section
from newsdesk.store import APPLICATION_ID, create_project

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
APP_ID = "io.github.newsdesk.Newsdesk"
MIME_TYPE = "application/x-newsdesk"
MIME_ICON = "application-x-newsdesk"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
HICOLOR = PACKAGING / "icons" / "hicolor"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME_FILE = PACKAGING / "newsdesk-mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive (Name, Name[de])
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def semicolon_list(value: str) -> list[str]:
    assert value.endswith(";"), f"{value!r}: a desktop-entry list ends with ';'"
    return value[:-1].split(";")


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def write_project(path: Path) -> Path:
    create_project(path, Article(headline="Fähre fällt aus", sections=[Section()])).close()
    return path


def write_plain_sqlite(path: Path) -> Path:
    """Some other program's SQLite database: no application_id."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    return path


# --- the desktop entry ---------------------------------------------------------------------------


def test_desktop_entry_launches_newsdesk_with_one_file():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Newsdesk"
    assert entry["Exec"] == "newsdesk %f"
    assert entry["TryExec"] == "newsdesk"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID
    assert {"Office", "WordProcessor"} <= set(semicolon_list(entry["Categories"]))
    assert entry["Comment[de]"] and entry["GenericName[de]"]


def test_desktop_entry_opens_exactly_our_mime_type():
    assert semicolon_list(desktop_entry()["MimeType"]) == [MIME_TYPE]


def test_desktop_entry_passes_desktop_file_validate():
    tool = need_tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no warnings or hints either


# --- AppStream metainfo ---------------------------------------------------------------------------


def test_metainfo_names_the_same_app_binary_and_mime_type():
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    launchable = component.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert component.findtext("icon[@type='stock']") == desktop_entry()["Icon"]
    assert component.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert [m.text for m in component.iterfind("provides/mediatype")] == [MIME_TYPE]
    assert component.find("content_rating").get("type") == "oars-1.1"
    assert component.find("description/p") is not None


def test_metainfo_newest_release_is_this_version():
    releases = ET.parse(METAINFO_FILE).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__  # newest first, as AppStream wants
    first = releases[-1]
    assert (first.get("version"), first.get("date")) == ("0.1.0", "2026-11-29")


def test_metainfo_screenshots_are_the_guides_images():
    images = [i.text for i in ET.parse(METAINFO_FILE).getroot().iterfind("screenshots/*/image")]
    assert images, "the metainfo has no screenshot"
    for url in images:
        assert url.startswith("https://") and "/docs/screenshots/" in url and url.endswith(".png")


def test_metainfo_passes_appstreamcli_validate():
    tool = need_tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the MIME type --------------------------------------------------------------------------------


def mime_type_element() -> ET.Element:
    root = ET.parse(MIME_FILE).getroot()
    types = root.findall("m:mime-type", MIME_NS)
    assert [t.get("type") for t in types] == [MIME_TYPE]
    return types[0]


def test_mime_type_globs_newsdesk_files_and_is_an_sqlite_database():
    mime = mime_type_element()
    assert [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)] == ["*.newsdesk"]
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/vnd.sqlite3"
    assert mime.find("m:icon", MIME_NS).get("name") == MIME_ICON


def test_mime_magic_matches_a_real_project_file(tmp_path):
    """Both nested matches hold for a file written by the store, and fail for plain SQLite."""
    magic = mime_type_element().find("m:magic", MIME_NS)
    assert int(magic.get("priority")) > 50  # above the generic SQLite magic
    (outer,) = magic.findall("m:match", MIME_NS)
    (inner,) = outer.findall("m:match", MIME_NS)
    assert (outer.get("type"), outer.get("offset")) == ("string", "0")
    header = outer.get("value").replace("\\0", "\0").encode("ascii")
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    app_id = int(inner.get("value"), 16)
    assert app_id == APPLICATION_ID

    def matches(data: bytes) -> bool:
        return data.startswith(header) and int.from_bytes(data[68:72], "big") == app_id

    assert matches(write_project(tmp_path / "ours.newsdesk").read_bytes())
    plain = tmp_path / "plain.db"
    write_plain_sqlite(plain)
    assert plain.read_bytes().startswith(header)
    assert not matches(plain.read_bytes())


def test_mime_database_detects_project_files_by_name_and_by_content(tmp_path):
    """update-mime-database compiles our XML; GIO then recognises a project file even renamed."""
    update = need_tool("update-mime-database")
    gio = need_tool("gio")
    packages = tmp_path / "data" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_FILE, packages)
    subprocess.run([update, str(packages.parent)], check=True, capture_output=True)
    ours = write_project(tmp_path / "ours.newsdesk")
    renamed = tmp_path / "sent-by-mail"
    shutil.copy(ours, renamed)
    plain = tmp_path / "plain"
    write_plain_sqlite(plain)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_DATA_DIRS": "/usr/share"}

    def content_type(path: Path) -> str:
        result = subprocess.run(
            [gio, "info", "--attributes=standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return result.stdout.rsplit("standard::content-type:", 1)[1].strip()

    assert content_type(ours) == MIME_TYPE
    assert content_type(renamed) == MIME_TYPE
    assert content_type(plain) != MIME_TYPE


# --- icons ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "name"), [("apps", APP_ID), ("mimetypes", MIME_ICON)])
def test_icons_exist_as_square_svg_and_every_png_size(kind, name):
    svg = ET.parse(HICOLOR / "scalable" / kind / f"{name}.svg").getroot()
    assert svg.get("viewBox") == "0 0 128 128"
    for size in ICON_SIZES:
        with Image.open(HICOLOR / f"{size}x{size}" / kind / f"{name}.png") as png:
            assert png.format == "PNG"
            assert png.size == (size, size)
            assert png.mode == "RGBA"


def test_committed_pngs_are_rendered_from_the_current_svgs(tmp_path):
    """Re-render into a scratch copy: an SVG edited without re-running render_icons.sh fails."""
    need_tool("rsvg-convert")
    scratch = tmp_path / "packaging"
    (scratch / "icons" / "hicolor").mkdir(parents=True)
    shutil.copy(PACKAGING / "render_icons.sh", scratch)
    shutil.copytree(HICOLOR / "scalable", scratch / "icons" / "hicolor" / "scalable")
    subprocess.run(["bash", str(scratch / "render_icons.sh")], check=True, capture_output=True)
    for committed in sorted(HICOLOR.glob("*x*/*/*.png")):
        fresh = scratch / "icons" / "hicolor" / committed.relative_to(HICOLOR)
        with Image.open(committed) as old, Image.open(fresh) as new:
            difference = ImageChops.difference(old.convert("RGBA"), new.convert("RGBA"))
            # Renderer differences between librsvg versions are fine; a changed drawing is not.
            assert max(ImageStat.Stat(difference).mean) < 2.0, committed


# --- the bundle's entry script and its desktop installer ------------------------------------------


def test_bundle_entry_script_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launcher.py"), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"newsdesk {__version__}"


def fake_bundle(root: Path) -> Path:
    """The layout newsdesk.spec gives dist/newsdesk/, with a stand-in program."""
    bundle = root / "Newsdesk bundle"
    share = bundle / "share"
    for folder in ("applications", "metainfo", "mime/packages"):
        (share / folder).mkdir(parents=True)
    shutil.copy(DESKTOP_FILE, share / "applications")
    shutil.copy(METAINFO_FILE, share / "metainfo")
    shutil.copy(MIME_FILE, share / "mime" / "packages")
    shutil.copytree(PACKAGING / "icons", share / "icons")
    shutil.copy(PACKAGING / "install-bundle.sh", bundle)
    program = bundle / "newsdesk"
    program.write_text("#!/bin/sh\necho newsdesk\n")
    program.chmod(0o755)
    return bundle


def test_install_bundle_registers_menu_entry_icons_and_file_type_and_uninstalls(tmp_path):
    bundle = fake_bundle(tmp_path)
    home, data = tmp_path / "home", tmp_path / "home" / "data"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    script = bundle / "install-bundle.sh"
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True)

    assert (home / ".local" / "bin" / "newsdesk").resolve() == (bundle / "newsdesk").resolve()
    installed = data / "applications" / DESKTOP_FILE.name
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{bundle}/newsdesk" %f\n' in text
    assert f"TryExec={bundle}/newsdesk\n" in text
    assert "MimeType=application/x-newsdesk;\n" in text
    assert (data / "mime" / "packages" / MIME_FILE.name).is_file()
    assert (data / "metainfo" / METAINFO_FILE.name).is_file()
    assert (data / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons/hicolor/scalable/mimetypes" / f"{MIME_ICON}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
        assert check.returncode == 0, check.stdout

    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists()
    assert not (home / ".local" / "bin" / "newsdesk").exists()
    assert not (data / "mime" / "packages" / MIME_FILE.name).exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.*"))
    assert not list((data / "icons").rglob(f"{MIME_ICON}.*"))


def test_install_bundle_refuses_to_run_outside_a_bundle(tmp_path):
    shutil.copy(PACKAGING / "install-bundle.sh", tmp_path)
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        ["sh", str(tmp_path / "install-bundle.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "inside the Newsdesk bundle" in result.stderr
    assert not (tmp_path / "home").exists()


def test_every_package_of_the_source_is_listed_for_the_wheel_and_bundle():
    """pyproject.toml lists packages one by one: a new one left out would be missing from a wheel
    and from `make package`'s bundle while every test in the checkout still passes."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = root / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")
    }
    assert found - listed == set()
