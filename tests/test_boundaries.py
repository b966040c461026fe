"""Qt stays in `newsdesk.gui`: everything else must import and run without PySide6."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsdesk"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_gui_imports_pyside6():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for name in _imported_modules(path):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == [], offenders


def test_core_runs_without_qt_loaded():
    # The CLI and every core package import without pulling PySide6 in behind our back.
    code = (
        "import sys, newsdesk.cli, newsdesk.model, newsdesk.store, newsdesk.formats, "
        "newsdesk.imaging\n"
        "import newsdesk.formats.html_export, newsdesk.formats.importers\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_model_imports_no_formats():
    # The model is the article and its rules; formats read and write it, never the other way.
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "model").rglob("*.py")
        for name in _imported_modules(path)
        if name == "newsdesk.formats" or name.startswith("newsdesk.formats.")
    ]
    assert offenders == [], offenders
