"""Application Passwords in the keyring (a file backend from keyrings.alt here), and a clear
error where no keyring exists."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from newsdesk.errors import PublishError
from newsdesk.publish.credentials import forget_password, load_password, store_password


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    backend = PlaintextKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_a_password_is_kept_per_site_and_user_and_can_be_forgotten(file_keyring, tmp_path):
    store_password("https://blatt.example/", "jörg", "abcd efgh ijkl")
    assert load_password("https://blatt.example", "jörg") == "abcd efgh ijkl"
    assert load_password("https://blatt.example", "anna") is None
    assert load_password("https://other.example", "jörg") is None
    assert "Newsdesk_20WordPress" in "".join(p.read_text() for p in tmp_path.rglob("*.cfg"))
    forget_password("https://blatt.example", "jörg")
    assert load_password("https://blatt.example", "jörg") is None
    forget_password("https://blatt.example", "jörg")  # twice is fine


def test_without_a_keyring_the_error_says_so():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(PublishError) as raised:
            load_password("https://blatt.example", "jörg")
    finally:
        keyring.set_keyring(previous)
    assert raised.value.code == "publish.no_keyring"
