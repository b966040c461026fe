"""`newsdesk publish FILE [--site NAME]`: the command line's publish, around publisher.py.

The site comes from the publication profile NAME, or the article's chosen publication without
--site (`wordpress_url`, `wordpress_user`, see newsdesk/publication.py); the Application Password
from the system keyring (given once with `--password-stdin`, which stores it). The check runs
first: with errors the command stops unless `--force`. The project file is locked like the window
locks it, and the publish record is written to it after every step, so that a run killed half way
can simply be started again.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from newsdesk.errors import PublishError
from newsdesk.publish.credentials import load_password, store_password
from newsdesk.publish.publisher import PublishOptions, PublishResult, publish_article
from newsdesk.publish.records import SiteRecord, store_record
from newsdesk.publish.wordpress import WordPressClient, site_key


def site_connection(site_name: str) -> tuple[str, str]:
    """(wordpress_url, wordpress_user) of the publication profile `site_name`."""
    from newsdesk.publication import load_publications

    profile = load_publications().get(site_name)  # PublicationError when there is none
    if not profile.wordpress_url or not profile.wordpress_user:
        raise PublishError(
            f"the publication {site_name!r} has no WordPress address and user",
            code="publish.no_wordpress",
            site=site_name,
        )
    return profile.wordpress_url, profile.wordpress_user


def password_for(url: str, user: str, *, from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().strip()
        if not password:
            raise PublishError(
                "no password on standard input", code="publish.no_password", user=user, url=url
            )
        # Without a keyring the password serves this run only.
        with contextlib.suppress(PublishError):
            store_password(url, user, password)
        return password
    try:
        password = load_password(url, user)
    except PublishError as exc:
        raise PublishError(
            f"{exc.message}; give the Application Password with --password-stdin at each publish",
            code=exc.code,
            **exc.params,
        ) from None
    if not password:
        raise PublishError(
            f"no Application Password stored for {user} on {url}; "
            "give it once with --password-stdin",
            code="publish.no_password",
            user=user,
            url=url,
        )
    return password


def run_publish(
    path: Path,
    site_name: str,
    *,
    options: PublishOptions,
    force: bool = False,
    password_from_stdin: bool = False,
    say: Callable[[str], None] = print,
) -> PublishResult | None:
    """Publish the project at `path` to the publication `site_name` (the article's chosen one
    when empty); None when the check found errors and `force` is not set."""
    from newsdesk.model.preflight import preflight
    from newsdesk.store import ProjectLock, open_project

    lock = ProjectLock(path)
    lock.acquire()
    try:
        with open_project(path) as project:
            article = project.load()
            if not site_name:
                from newsdesk.publication import article_publication

                site_name = article_publication(article)
            if not site_name:
                raise PublishError(
                    "the article has no publication chosen; name one with --site",
                    code="publish.no_site",
                )
            url, user = site_connection(site_name)
            password = password_for(url, user, from_stdin=password_from_stdin)
            errors = [f for f in preflight(article) if f.level == "error"]
            for finding in errors:
                say(f"error: {finding.message} [{finding.code}, {finding.where}]")
            if errors and not force:
                say(f"{len(errors)} errors found by the check; publish anyway with --force")
                return None
            site = site_key(url)

            def keep(record: SiteRecord) -> None:
                store_record(article, site, record)
                project.save(article)

            def progress(step: str, done: int, total: int) -> None:
                if step == "connect":
                    say(f"connecting to {url}")
                elif step == "photo" and done < total:
                    say(f"photo {done + 1} of {total}")
                elif step == "post" and done == 0:
                    say("sending the post")

            with WordPressClient(url, user, password) as client:
                result = publish_article(article, client, options, keep=keep, progress=progress)
    finally:
        lock.release()
    say(f"{result.status}: {result.link}")
    return result
