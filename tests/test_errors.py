"""The one rule for an OSError in a core message or the command line's one line."""

import errno

from newsdesk.cli import main
from newsdesk.errors import os_error_reason


def test_reason_is_the_systems_words_without_the_file_name():
    error = OSError(errno.ENOSPC, "No space left on device", "/tmp/Bericht-Müller.newsdesk")
    assert os_error_reason(error) == "No space left on device"


def test_reason_without_strerror_is_the_message_on_one_line():
    assert os_error_reason(OSError("Die Platte\nist voll")) == "Die Platte ist voll"
    assert os_error_reason(PermissionError()) == "PermissionError"


def test_cli_says_a_missing_file_in_one_line(tmp_path, capsys):
    missing = tmp_path / "Straßenfest.newsdesk"
    assert main(["info", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("newsdesk: ") and "Straßenfest" in err
