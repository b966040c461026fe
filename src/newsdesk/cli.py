"""The `newsdesk` command: the window, and the same article operations without it.

    newsdesk [FILE]                       open the window (on the sample article without FILE)
    newsdesk new FILE                     create an empty project file
    newsdesk import SRC -o FILE           import .txt .md .json .docx .odt .html into a project file
    newsdesk export FILE -o OUT.html      write the finished web page (or .pdf .docx .md .txt)
    newsdesk info FILE [--json]           show the article's parts and counts
    newsdesk check FILE [--json]          preflight: exit 0 without errors, 1 with errors
                [--no-spelling] [--words LIST]  unknown words as hints; lists of accepted words
    newsdesk publish FILE --site NAME     publish to the publication's WordPress (or update it)

Bad input or usage gets a one-line message on stderr and exit status 2, never a traceback, and
nothing is written. Qt is imported only when the window is asked for.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from newsdesk import __version__
from newsdesk.errors import NewsdeskError, os_error_reason

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
LAYOUT_HELP = (
    "the page layout: standard, broadsheet, tabloid, magazine or a .css file (default: the "
    "article's choice, else its publication's)"
)
SUBCOMMANDS = ("new", "import", "export", "info", "check", "publish")


class UsageError(NewsdeskError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's hook; one line instead of usage + message
        raise UsageError(f"{message} (see '{self.prog} --help')", code="cli.usage", detail=message)


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command`, only that subcommand's (each of the ~40
    arguments costs argparse a help formatter: ~2 ms of a quick command such as an export)."""
    parser = _Parser(prog="newsdesk", description="Desktop article editor for journalists.")
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, add in _SUBCOMMAND_PARSERS.items():
        if command is None or name == command:
            add(commands, name)
    return parser


def _add_new(commands: argparse._SubParsersAction, name: str) -> None:
    new = commands.add_parser(name, help="create an empty project file")
    new.add_argument("file", type=Path)
    new.add_argument("--headline", default="")


def _add_import(commands: argparse._SubParsersAction, name: str) -> None:
    imp = commands.add_parser(name, help="import a .txt, .md, .json, .docx, .odt or .html article")
    imp.add_argument("source", type=Path)
    imp.add_argument(
        "--images-from",
        type=Path,
        default=None,
        metavar="DIR",
        help="the folder that root-relative image paths (/images/a.png) of a Markdown file are in",
    )
    imp.add_argument("-o", "--output", type=Path, required=True, help="the .newsdesk file to write")
    imp.add_argument("--force", action="store_true", help="replace an existing output file")


def _add_export(commands: argparse._SubParsersAction, name: str) -> None:
    exp = commands.add_parser(name, help="export as a web page, PDF, Word, Markdown or text")
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "-o", "--output", type=Path, required=True, help="OUT.html, .pdf, .docx, .md or .txt"
    )
    exp.add_argument(
        "--format",
        choices=("html", "pdf", "docx", "md", "txt"),
        help="the format (default: from the output file's suffix)",
    )
    exp.add_argument("--force", action="store_true", help="replace an existing output file")
    exp.add_argument(
        "--no-photo-credits",
        action="store_true",
        help="write no credit, copyright or caption into the exported photos (IPTC metadata)",
    )
    exp.add_argument(
        "--line-width",
        "--width",
        dest="width",
        type=int,
        metavar="N",
        help="agency text: wrap lines at N characters (30-100; default: no wrapping)",
    )
    exp.add_argument(
        "--paper", choices=("a4", "letter"), help="PDF: the paper size (default: the system's)"
    )
    exp.add_argument("--assets", choices=("embed", "folder"), default="embed")
    exp.add_argument("--layout", metavar="NAME|FILE", help=LAYOUT_HELP)
    exp.add_argument(
        "--strict",
        action="store_true",
        help="refuse to export (exit 1, nothing written) while the check finds errors",
    )
    exp.add_argument(
        "--missing-images",
        choices=("placeholder", "omit"),
        default="placeholder",
        help="a photo not added yet: a marked frame with its caption, credit and disclaimer "
        "(default; `check` reports it as an error), or leave the figure out",
    )


def _add_info_or_check(commands: argparse._SubParsersAction, name: str) -> None:
    text = {"info": "show the article's parts", "check": "preflight the article"}[name]
    sub = commands.add_parser(name, help=text)
    sub.add_argument("file", type=Path)
    sub.add_argument("--json", action="store_true", help="machine-readable output")
    if name == "check":
        sub.add_argument(
            "--no-spelling", action="store_true", help="leave out the unknown-word hints"
        )
        sub.add_argument(
            "--words",
            type=Path,
            action="append",
            default=[],
            metavar="LIST",
            help="a word list (one word a line) whose words are accepted; may be repeated",
        )
        sub.add_argument("--layout", metavar="NAME|FILE", help=LAYOUT_HELP)


def _add_publish(commands: argparse._SubParsersAction, name: str) -> None:
    pub = commands.add_parser(name, help="publish to WordPress, or update the post")
    pub.add_argument("file", type=Path)
    pub.add_argument(
        "--site", default="", help="the publication profile (default: the article's own)"
    )
    pub.add_argument("--status", choices=("draft", "pending", "publish", "future"), default="draft")
    pub.add_argument("--category", action="append", default=[], help="a category (repeatable)")
    pub.add_argument("--force", action="store_true", help="publish although the check found errors")
    pub.add_argument(
        "--overwrite", action="store_true", help="replace changes made to the post on the site"
    )
    pub.add_argument("--anew", action="store_true", help="the post is gone: make a new one")
    pub.add_argument(
        "--password-stdin", action="store_true", help="read the Application Password, keep it"
    )


_SUBCOMMAND_PARSERS = {
    "new": _add_new,
    "import": _add_import,
    "export": _add_export,
    "info": _add_info_or_check,
    "check": _add_info_or_check,
    "publish": _add_publish,
}


def _require_project_suffix(path: Path) -> None:
    if path.suffix != ".newsdesk":
        raise UsageError(
            f"{path}: a project file name ends in .newsdesk",
            code="cli.project_suffix",
            path=str(path),
        )


def _cmd_new(args: argparse.Namespace) -> int:
    from newsdesk.model import Article, Section
    from newsdesk.store import create_project

    _require_project_suffix(args.file)
    article = Article(headline=args.headline, sections=[Section()])
    create_project(args.file, article).close()
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from newsdesk.formats.importing import import_document
    from newsdesk.store import create_project

    _require_project_suffix(args.output)
    if args.output.exists() and not args.force:
        raise UsageError(
            f"{args.output} exists already; use --force to replace it",
            code="cli.exists",
            path=str(args.output),
        )
    result = import_document(args.source, images_from=args.images_from)
    create_project(args.output, result.article, overwrite=args.force).close()
    # What the journalist should know (tracked changes, missing photos) is said on stderr, like
    # every other remark of the command line: stdout stays for what a command was asked for.
    for note in result.notes:
        print(f"{args.source.name}: {note.message}", file=sys.stderr)
    for field, value in result.suggestions.items():
        print(f"{args.source.name}: the document suggests {field}: {value}", file=sys.stderr)
    return EXIT_OK


def _load(path: Path):
    from newsdesk.store import open_project

    with open_project(path, read_only=True) as project:
        return project.load()


def _cmd_export(args: argparse.Namespace) -> int:
    from newsdesk.store.early_check import start_early_check

    start_early_check(args.file)  # on another core while the exporter is imported
    from newsdesk.formats.exporters import export_format, load_exporter

    fmt = export_format(args.output, args.format)
    load_exporter(fmt)
    if args.output.exists() and not args.force:
        raise UsageError(
            f"{args.output} exists already; use --force to replace it",
            code="cli.exists",
            path=str(args.output),
        )
    with _derived_sizes_kept_in(args.file) as cache:
        # The file opened once: the article from the opening that keeps the sizes, if it may.
        article = cache.project.load() if cache is not None else _load(args.file)
        return _export_loaded(args, fmt, article, cache)


def _export_loaded(args: argparse.Namespace, fmt: str, article, cache) -> int:
    from newsdesk.formats.exporters import PDF, ExportOptions, export_article

    profile = _warn_about_findings(article, args.file, strict=args.strict)
    if profile is False:
        return EXIT_FINDINGS
    from newsdesk.cli_layout import page_layout, warn_about_layout

    # The page's house layout (exit 2 when it cannot be used) and what it hides (issue 18).
    # Only the page and its PDF have a layout: Word, Markdown and text are not held up by one.
    layout = page_layout(article, profile or None, args.layout) if fmt in ("html", PDF) else None
    if layout is not None and not warn_about_layout(
        article, profile or None, layout, args.file.name, strict=args.strict
    ):
        return EXIT_FINDINGS
    options = ExportOptions(
        assets=args.assets,
        missing_images=args.missing_images,
        photo_credits=not args.no_photo_credits,
        line_width=args.width,
        paper=args.paper or "",
        profile=profile or None,
        layout=layout,
    )
    if fmt != PDF:
        export_article(article, args.output, fmt, options, cache=cache)
        return EXIT_OK
    try:  # Qt's web engine renders the PDF; it is imported only when a PDF is asked for
        from newsdesk.gui.printing import export_pdf
    except ImportError as exc:
        raise UsageError(
            f"PDF export needs Qt WebEngine, which cannot be loaded: {exc}",
            code="cli.pdf_unavailable",
            detail=str(exc),
        ) from exc
    export_pdf(article, args.output, options, cache=cache)  # the page's photos and text too
    return EXIT_OK


@contextlib.contextmanager
def _derived_sizes_kept_in(path: Path):
    """The project file's table of derived photo sizes as the export's cache, as the window
    keeps them: the second export of a file is then warm. None (nothing kept) when the file is
    open in a Newsdesk window or cannot be written. Keeping them is no change of the article:
    the page's dateModified is the article's last change (model/last_change.py) anyway, and the
    file's modification time is put back afterwards for backups and file managers."""
    from newsdesk.derived_cache import ProjectCache
    from newsdesk.store import open_project
    from newsdesk.store.lock import ProjectLock

    lock = ProjectLock(path)
    try:
        before = path.stat()
        lock.acquire()  # as the window does: refused while a Newsdesk has the file open
    except (NewsdeskError, OSError):
        yield None
        return
    try:
        project = open_project(path)
    except (NewsdeskError, OSError):
        lock.release()
        yield None
        return
    try:
        yield ProjectCache(project)
    finally:
        project.close()
        lock.release()
        with contextlib.suppress(OSError):
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _warn_about_findings(article, path: Path, *, strict: bool):
    """Print each error the check finds as a warning line on stderr; with `strict`, refuse (False).
    Otherwise the article's publication profile (None without one, or when it is unavailable)."""
    from newsdesk.model.preflight import preflight
    from newsdesk.publication import page_article, publication_findings

    profile = _chosen_profile(article)
    # As the page is: without a language of its own, the article is in the profile's.
    found = preflight(page_article(article, profile)) + publication_findings(article)
    errors = [f for f in found if f.level == "error"]
    for finding in errors:
        print(f"newsdesk: warning: {finding.message} [{finding.code}, {finding.where}]",
              file=sys.stderr)  # fmt: skip
    for finding in found:
        if finding.code.startswith("publication-") and finding.level == "warning":
            print(f"newsdesk: warning: {finding.message}", file=sys.stderr)
    if strict and errors:
        print(f"newsdesk: {path.name}: not exported: the check found {len(errors)} error(s) "
              "(--strict)", file=sys.stderr)  # fmt: skip
        return False
    return profile


def _chosen_profile(article):
    """The article's publication profile; None without one, or when the settings cannot give it
    (the check's publication finding says why)."""
    from newsdesk.errors import PublicationError
    from newsdesk.publication import article_publication, lookup_profile

    try:
        return lookup_profile(article_publication(article))
    except PublicationError:
        return None


def _leave_out_private_notes(sections: list[dict]) -> None:
    from newsdesk.model.markdown_notes import without_private_notes

    for section in sections:
        section["markdown"] = without_private_notes(section["markdown"])
        _leave_out_private_notes(section["children"])


def _cmd_info(args: argparse.Namespace) -> int:
    from newsdesk.model.serialize import article_to_dict

    data = article_to_dict(_load(args.file))
    if args.json:
        # The JSON leaves Newsdesk: private notes stay in the project file (issue 14).
        _leave_out_private_notes(data["sections"])
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(data["headline"] or "(no headline)")
    if data["subheadline"]:
        print(data["subheadline"])
    print(f"{data['stats']['words']} words, {data['stats']['characters']} characters")

    def show(sections, depth):
        for section in sections:
            heading = section["heading"] or "(lead)"
            kind = "" if section["kind"] == "body" else f" [{section['kind']}]"
            print(f"{'  ' * depth}- {heading}{kind}: {section['words']} words")
            show(section["children"], depth + 1)

    show(data["sections"], 0)
    for image in data["images"]:
        size = f"{image['width']}x{image['height']}" if image["width"] else "photo missing"
        print(f"image ({image['role']}, {size}): credit {image['credit'] or '-'}")
    if data["related"]["links"]:
        print(f"{data['related']['heading'] or 'Related'}: {len(data['related']['links'])} links")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from newsdesk.model.preflight import preflight

    spelling = None
    if not args.no_spelling:
        from newsdesk.spelling import Spelling

        spelling = Spelling(newsroom_lists=args.words)
        for problem in spelling.take_problems():
            print(f"newsdesk: {problem.message}", file=sys.stderr)
    from newsdesk.publication import page_article, publication_findings

    article = _load(args.file)
    page = page_article(article, _chosen_profile(article))
    findings = preflight(page, spelling, suggestions=args.json)
    findings += publication_findings(article)
    from newsdesk.cli_layout import check_findings

    findings += check_findings(article, _chosen_profile(article), args.layout)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{finding.level}: {finding.message} [{finding.code}, {finding.where}]")
        if not findings:
            print("no findings")
    return EXIT_FINDINGS if any(f.level == "error" for f in findings) else EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from newsdesk.publish.command import run_publish
    from newsdesk.publish.publisher import PublishOptions

    _require_project_suffix(args.file)
    options = PublishOptions(
        status=args.status,
        categories=tuple(args.category),
        overwrite=args.overwrite,
        anew=args.anew,
    )
    result = run_publish(
        args.file, args.site, options=options, force=args.force,
        password_from_stdin=args.password_stdin,
    )  # fmt: skip
    return EXIT_OK if result is not None else EXIT_FINDINGS


_COMMANDS = {
    "new": _cmd_new,
    "import": _cmd_import,
    "export": _cmd_export,
    "info": _cmd_info,
    "check": _cmd_check,
    "publish": _cmd_publish,
}


def _run_window(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        raise UsageError(
            f"unknown arguments {' '.join(argv)!r} (see 'newsdesk --help')",
            code="cli.usage",
            detail=" ".join(argv),
        )
    try:
        from newsdesk.gui.app import main as gui_main
    except ImportError as exc:
        raise UsageError(
            f"the window cannot start: {exc}", code="cli.window_unavailable", detail=str(exc)
        ) from exc
    return gui_main(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
            args = _build_parser(argv[0] if argv[0] in SUBCOMMANDS else None).parse_args(argv)
            return _COMMANDS[args.command](args)
        return _run_window(argv)
    except NewsdeskError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        # Files that vanish, folders we may not write to: still one line, never a traceback.
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"newsdesk: {name}{os_error_reason(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The `newsdesk` program: `main` on the arguments it was started with, then exit.

    A command that did not start Qt ends with `os._exit` once its output is flushed, as mypy's
    command line does. Everything it wrote is closed and synced by then; Python's orderly teardown
    of ~190 modules and the article's objects only cost time (~10 ms of every export, 6 % of a
    warm one). The window and the PDF keep the orderly exit: Qt and its web engine shut down
    their own processes and settings.
    """
    code = main()
    if "PySide6.QtCore" in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader that has gone (`| head`)
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
