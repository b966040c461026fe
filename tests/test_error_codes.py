"""Every error the core raises carries a code the window can word, in German too.

The core's errors have an English message (the command line prints it) and a stable `code` with
`params`; the window words the code from its catalogue (gui/dialogs/error_messages.py). These
tests read the source (AST) rather than trigger each error: a raise site added tomorrow without a
code, or a code without a German text, fails here before any journalist sees English.
"""

from __future__ import annotations

import ast
import inspect
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import newsdesk.errors
from newsdesk.cli import UsageError
from newsdesk.model.commands import EditRefusedError

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsdesk"
GERMAN_TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "newsdesk_de.ts"

# The namespaces of error and note codes ("project.damaged", "import.tracked_insertions", ...).
CODE = re.compile(
    r"^(cli|edit|export|file|image|import|photo|project|publication|publish|spelling)"
    r"\.[a-z][a-z0-9_]*$"
)
# Strings of that shape that are no message codes: settings keys, a status without a message.
NOT_CODES = {"spelling.ignore", "spelling.languages", "spelling.ok"}


def _error_class_names() -> set[str]:
    classes = [
        value
        for value in vars(newsdesk.errors).values()
        if inspect.isclass(value) and issubclass(value, newsdesk.errors.NewsdeskError)
    ]
    classes += [UsageError, EditRefusedError]
    names = {cls.__name__ for cls in classes}
    # Subclasses defined anywhere in the core (found by their bases' names).
    for path in _core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {_name(base) for base in node.bases}
                if bases & names:
                    names.add(node.name)
    return names


def _core_sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts)


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _constructions() -> list[tuple[str, int, ast.Call]]:
    """Every call that makes a NewsdeskError in the core: `raise X(...)`, `return X(...)`,
    helpers that build one. Calls of a class passed in (`error(...)`) are found by the
    parameter's annotation `type[NewsdeskError]`, see read_bounded."""
    names = _error_class_names()
    found = []
    for path in _core_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        passed_in = {
            arg.arg
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for arg in node.args.args + node.args.kwonlyargs
            if arg.annotation is not None and "Error" in ast.unparse(arg.annotation)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in names | passed_in:
                found.append((str(path.relative_to(PACKAGE)), node.lineno, node))
    return found


def test_the_walk_finds_the_raise_sites():
    sites = _constructions()
    files = {path for path, _, _ in sites}
    assert len(sites) > 150
    assert {"store/opening.py", "imaging.py", "formats/json_import.py", "cli.py"} <= files


def test_every_error_the_core_makes_carries_a_code():
    missing = [
        f"{path}:{line}"
        for path, line, call in _constructions()
        if not any(keyword.arg == "code" for keyword in call.keywords)
    ]
    assert missing == [], "give these errors a code= and the params their wording needs"


def test_no_error_passes_english_words_as_a_code():
    literal_codes = [
        (f"{path}:{line}", keyword.value.value)
        for path, line, call in _constructions()
        for keyword in call.keywords
        if keyword.arg == "code" and isinstance(keyword.value, ast.Constant)
    ]
    assert literal_codes
    assert [(where, code) for where, code in literal_codes if not CODE.match(code)] == []


def _codes_in_core() -> dict[str, str]:
    """Every code-shaped string literal in the core (codes also reach errors and notes through
    helpers: `_refuse(name, why, "import.not_text")`, `result.note("import.tables", ...)`)."""
    codes: dict[str, str] = {}
    for path in _core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and CODE.match(node.value) and node.value not in NOT_CODES:
                codes.setdefault(node.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return codes


def _german() -> dict[str, str]:
    root = ElementTree.parse(GERMAN_TS).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "CoreError":
            return {
                m.findtext("source"): m.findtext("translation") or ""
                for m in context.iter("message")
            }
    pytest.fail("newsdesk_de.ts has no CoreError context")


def test_every_code_has_a_template_with_a_german_translation():
    from newsdesk.gui.dialogs.error_messages import REASONS, TEMPLATES

    codes = _codes_in_core()
    assert len(codes) > 100
    without = {code: where for code, where in codes.items() if code not in TEMPLATES}
    assert without == {}, "add these codes to gui/dialogs/error_messages.py"
    german = _german()
    for template in [*TEMPLATES.values(), *REASONS.values()]:
        translation = german.get(template, "")
        assert translation.strip(), f"no German for {template!r}"
        assert translation != template, f"the German of {template!r} is the English"
        placeholders = set(re.findall(r"\{(\w+)\}", template))
        assert set(re.findall(r"\{(\w+)\}", translation)) == placeholders, template


def test_every_template_names_only_params_its_errors_carry():
    """A template's {name} must be a keyword the raise sites pass, or the window would fall back
    to the English message. Checked where the code is a literal beside literal keywords."""
    from newsdesk.gui.dialogs.error_messages import TEMPLATES

    wrong = []
    for path, line, call in _constructions():
        keywords = {k.arg for k in call.keywords}
        code = next(
            (
                k.value.value
                for k in call.keywords
                if k.arg == "code" and isinstance(k.value, ast.Constant)
            ),
            None,
        )
        if code is None or None in keywords:  # `**params` passes names the AST cannot see
            continue
        wanted = set(re.findall(r"\{(\w+)\}", TEMPLATES[code]))
        if not wanted <= keywords:
            wrong.append(f"{path}:{line} {code} lacks {sorted(wanted - keywords)}")
    assert wrong == []
