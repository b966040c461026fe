"""`run`: one `newsdesk` command in this process, as the command-line tests call it."""

from __future__ import annotations

from newsdesk.cli import main


def run(capsys, *argv):
    """`newsdesk ARGV`: (exit status, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
