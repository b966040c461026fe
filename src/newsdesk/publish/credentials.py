"""Application Passwords in the system keyring (the `keyring` package), never in the project file
or the settings. Where no keyring backend exists (a server without a Secret Service), the
functions raise PublishError `publish.no_keyring` and the caller asks for the password each time.
"""

from __future__ import annotations

from newsdesk.errors import PublishError

SERVICE = "Newsdesk WordPress"


def _account(site_url: str, user: str) -> str:
    return f"{user}@{site_url.strip().rstrip('/')}"


def _keyring():
    try:
        import keyring
        import keyring.errors
        from keyring.backends import fail, null
    except ImportError:
        raise _no_keyring("the keyring package is not installed") from None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise _no_keyring("no system keyring is available")
    return keyring


def _no_keyring(reason: str) -> PublishError:
    return PublishError(
        f"passwords cannot be kept: {reason}", code="publish.no_keyring", reason=reason
    )


def load_password(site_url: str, user: str) -> str | None:
    """The stored Application Password for `user` on the site, or None."""
    keyring = _keyring()
    try:
        return keyring.get_password(SERVICE, _account(site_url, user))
    except keyring.errors.KeyringError as exc:
        raise _no_keyring(str(exc)) from None


def store_password(site_url: str, user: str, password: str) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, _account(site_url, user), password)
    except keyring.errors.KeyringError as exc:
        raise _no_keyring(str(exc)) from None


def forget_password(site_url: str, user: str) -> None:
    """Remove a stored password (after WordPress refused it); nothing stored is fine."""
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, _account(site_url, user))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise _no_keyring(str(exc)) from None
