"""A small client for WordPress's REST API (wp/v2), authenticated by an Application Password.

Standard library only (http.client, one kept-alive connection per site): the requests Newsdesk
makes are few and simple, and a persistent connection keeps a republish fast.

Every failure is a PublishError with a stable code and its params, so that the window can word it
in German and the command line prints one line:

    publish.insecure        an http:// site that is not on this computer (loopback)
    publish.bad_address     the site address is not an http(s) address with a host
    publish.no_network      the site cannot be reached (name unknown, connection refused, ...)
    publish.timeout         the site did not answer in time
    publish.tls             the site's certificate or TLS handshake failed
    publish.not_wordpress   the address answers, but not with WordPress's REST API
    publish.moved           the address redirects elsewhere (http to https, another host)
    publish.unauthorized    401: user name or Application Password refused
    publish.forbidden       403: the user may not do this (rights missing)
    publish.not_found       404 for something other than the post
    publish.too_large       413 (or PHP's upload limit): the photo is too large for the server
    publish.rejected        WordPress refused the request (4xx with its own message)
    publish.server_error    5xx
    publish.cancelled       the user stopped the publish (checked before each request)
Responses are read up to MAX_RESPONSE_BYTES; anything larger is refused as not WordPress.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import json
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from newsdesk.errors import PublishCancelledError, PublishError, os_error_reason

DEFAULT_TIMEOUT = 30.0  # seconds for one request; an upload of a large photo is one request
MAX_RESPONSE_BYTES = 16_000_000
BODY_TIMEOUTS = 4  # reading one answer may take this many timeouts in all
USER_AGENT = "Newsdesk (WordPress publishing)"
_LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return None


def is_loopback(host: str) -> bool:
    """Whether `host` is this computer (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def site_key(url: str) -> str:
    """The site's address as records key it: scheme, lower-case host, port and path, no '/' end."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def check_site_address(url: str, *, allow_insecure: bool = False) -> None:
    """Refuse an address that is not http(s) with a host, or plain http off this computer
    (unless the user confirmed it: `allow_insecure`). The password would travel readable."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(
            f"{url!r} is not a web address (https://...)", code="publish.bad_address", url=url
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_insecure:
        raise PublishError(
            f"{url} does not use HTTPS: the password would be sent readable",
            code="publish.insecure",
            url=url,
        )


class WordPressClient:
    """Requests to one WordPress site as one user. Not thread-safe; close() when done."""

    def __init__(
        self,
        site_url: str,
        user: str,
        password: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        allow_insecure: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """`cancelled()` is asked before each request: True stops there (PublishCancelledError)."""
        check_site_address(site_url, allow_insecure=allow_insecure)
        self._cancelled = cancelled
        self.site_url = site_url.strip().rstrip("/")
        parts = urlsplit(self.site_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._base_path = parts.path.rstrip("/")
        self._timeout = timeout
        self._ssl_context = ssl_context or ssl.create_default_context()
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._auth = f"Basic {token}"
        self._connection: http.client.HTTPConnection | None = None
        self._api_prefix: str | None = None  # "/wp-json" or "/?rest_route="

    # --- connection --------------------------------------------------------------------------

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> WordPressClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            if self._https:
                self._connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeout, context=self._ssl_context
                )
            else:
                self._connection = http.client.HTTPConnection(
                    self._host, self._port, timeout=self._timeout
                )
        return self._connection

    def _send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]):
        """One exchange; a kept-alive connection the server closed is opened again once."""
        if self._cancelled is not None and self._cancelled():
            raise PublishCancelledError(
                f"publishing to {self._host} was stopped", code="publish.cancelled", host=self._host
            )
        for attempt in (1, 2):
            connection = self._connect()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                data = self._read_body(response)
                result = Response(
                    response.status, {k.lower(): v for k, v in response.getheaders()}, data
                )
                if response.will_close:
                    self.close()
                return result
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2 or method not in ("GET", "HEAD"):
                    raise PublishError(
                        f"{self._host} closed the connection",
                        code="publish.no_network",
                        host=self._host,
                    ) from None
            except TimeoutError:
                self.close()
                raise PublishError(
                    f"{self._host} did not answer within {self._timeout:g} seconds",
                    code="publish.timeout",
                    host=self._host,
                    seconds=self._timeout,
                ) from None
            except ssl.SSLError as exc:
                self.close()
                raise PublishError(
                    f"secure connection to {self._host} failed: {exc.reason or exc}",
                    code="publish.tls",
                    host=self._host,
                    reason=str(exc.reason or exc),
                ) from None
            except http.client.HTTPException as exc:
                self.close()
                raise self._not_wordpress(f"it does not speak HTTP properly ({exc})") from None
            except OSError as exc:
                self.close()
                raise PublishError(
                    f"{self._host} cannot be reached: {os_error_reason(exc)}",
                    code="publish.no_network",
                    host=self._host,
                    reason=os_error_reason(exc),
                ) from None
        raise AssertionError("unreachable")

    def _read_body(self, response: http.client.HTTPResponse) -> bytes:
        """The answer's body, bounded in size and in total time (a server that trickles a byte
        now and then would pass every single socket timeout)."""
        deadline = time.monotonic() + self._timeout * BODY_TIMEOUTS
        chunks, size = [], 0
        while chunk := response.read1(65536):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                self.close()
                raise self._not_wordpress("its answer is far too large")
            if time.monotonic() > deadline:
                self.close()
                raise TimeoutError
        return b"".join(chunks)

    def _not_wordpress(self, reason: str) -> PublishError:
        return PublishError(
            f"{self.site_url} is not a WordPress site Newsdesk can publish to: {reason}",
            code="publish.not_wordpress",
            url=self.site_url,
            reason=reason,
        )

    # --- the REST API ------------------------------------------------------------------------

    def discover(self) -> dict[str, Any]:
        """Find the REST API (pretty permalinks or ?rest_route=) and check it is WordPress's."""
        for prefix in ("/wp-json", "/?rest_route="):
            path = f"{self._base_path}{prefix}/"
            response = self._send("GET", path, None, self._headers(auth=False))
            location = response.headers.get("location", "")
            if response.status in (301, 302, 307, 308) and location:
                raise PublishError(
                    f"{self.site_url} has moved to {location[:200]}; publish to that address",
                    code="publish.moved",
                    url=self.site_url,
                    location=location[:200],
                )
            index = response.json() if response.status == 200 else None
            if isinstance(index, dict) and "wp/v2" in (index.get("namespaces") or []):
                self._api_prefix = prefix
                return index
        raise self._not_wordpress("it has no WordPress REST API (wp/v2)")

    def _headers(self, *, auth: bool = True, extra: dict[str, str] | None = None):
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if auth:
            headers["Authorization"] = self._auth
        headers.update(extra or {})
        return headers

    def _path(self, route: str, params: dict[str, Any] | None) -> str:
        if self._api_prefix is None:
            self.discover()
        query = urlencode({k: _query_value(v) for k, v in (params or {}).items() if v is not None})
        if self._api_prefix == "/wp-json":
            path = f"{self._base_path}/wp-json/{route.lstrip('/')}"
            return f"{path}?{query}" if query else path
        path = f"{self._base_path}/?rest_route=/{route.lstrip('/')}"
        return f"{path}&{query}" if query else path

    def request(
        self,
        method: str,
        route: str,
        *,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        accept: tuple[int, ...] = (),
    ) -> Response:
        """A REST request (`route` like "wp/v2/posts"); JSON `data` or raw `body`.

        Raises PublishError for every answer that is not 2xx, unless its status is in `accept`.
        """
        extra = dict(headers or {})
        if data is not None:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            extra["Content-Type"] = "application/json; charset=utf-8"
        response = self._send(method, self._path(route, params), body, self._headers(extra=extra))
        if 200 <= response.status < 300 or response.status in accept:
            return response
        raise self.error_for(response, route)

    def json(self, method: str, route: str, **kwargs: Any) -> Any:
        response = self.request(method, route, **kwargs)
        value = response.json()
        if value is None:
            raise self._not_wordpress(f"{route} did not answer with JSON")
        return value

    def error_for(self, response: Response, route: str) -> PublishError:
        """The PublishError for a non-2xx answer to `route`."""
        answer = response.json()
        wp_code = answer.get("code", "") if isinstance(answer, dict) else ""
        wp_message = answer.get("message", "") if isinstance(answer, dict) else ""
        wp_message = str(wp_message)[:300]
        status, host = response.status, self._host
        if status == 401:
            return PublishError(
                f"{host} refused the user name or Application Password",
                code="publish.unauthorized",
                host=host,
                wp_code=wp_code,
            )
        if status == 403:
            return PublishError(
                f"{host} does not allow this user to do that ({wp_message or wp_code})",
                code="publish.forbidden",
                host=host,
                wp_code=wp_code,
            )
        if status == 413 or wp_code in ("rest_upload_file_too_big", "rest_upload_limited_space"):
            return PublishError(
                f"{host} refuses the photo: it is larger than the server accepts",
                code="publish.too_large",
                host=host,
            )
        if status == 404:
            return PublishError(
                f"{host} has no {route}", code="publish.not_found", host=host, route=route
            )
        if status >= 500:
            return PublishError(
                f"{host} failed with server error {status}",
                code="publish.server_error",
                host=host,
                status=status,
            )
        if not isinstance(answer, dict):
            return self._not_wordpress(f"{route} answered {status} without WordPress's JSON")
        return PublishError(
            f"{host} refused the request: {wp_message or wp_code or status}",
            code="publish.rejected",
            host=host,
            status=status,
            wp_code=wp_code,
            wp_message=wp_message,
        )


def id_of(item: Any, what: str, site: str) -> int:
    """The positive integer id of a post, media item or term WordPress answered with."""
    value = item.get("id") if isinstance(item, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise PublishError(
            f"{site} answered without the id of the {what}",
            code="publish.not_wordpress",
            url=site,
            reason=f"no {what} id",
        )
    return value


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(each) for each in value)
    return str(value)
