"""Fetch a page or feed over HTTP(S), refusing addresses the user did not mean to reach.

A URL handed to storybrief may come from a feed or a colleague, so it is not
trusted to point at the public web: a host that resolves to a loopback,
private, link-local or otherwise non-public address (a router's admin page, a
cloud metadata service at 169.254.169.254) is refused unless the user allows
it. The check is made on every redirect hop, and the connection goes to the
very address that was checked, so a name that resolves differently a second
time (DNS rebinding) cannot slip past it. Bodies are read up to a size limit
and never decompressed, so a hostile server cannot make the fetch exhaust
memory.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import SplitResult, urljoin, urlsplit

from storybrief.settings import LIMITS

TIMEOUT = LIMITS.read_seconds  # seconds to connect, and between two reads of the body
MAX_REDIRECTS = 5
USER_AGENT = "storybrief/0.1"
# How a user of the command line or the API allows private addresses; the web app
# replaces it with what its own users can do.
PRIVATE_HINT = "pass --allow-private (allow_private=True) to fetch it"
_REDIRECTS = {301, 302, 303, 307, 308}
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
    "application/atom+xml, application/xml;q=0.9, text/*;q=0.8",
    "Accept-Encoding": "identity",
}


class FetchError(Exception):
    """A URL that could not be fetched; the message is the reason, for the user."""


@dataclass(frozen=True)
class Page:
    """A fetched body, with the URL it was finally served from."""

    url: str
    content_type: str  # media type without parameters, lower case ("" when not sent)
    charset: str | None
    data: bytes


def is_url(item: str) -> bool:
    """Whether an input names a web address rather than a path."""
    return item.lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int,
    timeout: float = TIMEOUT,
    deadline: float = LIMITS.fetch_seconds,
) -> Page:
    """GET ``url``, following redirects; raise ``FetchError`` saying why there is no page.

    ``timeout`` bounds the connect and each wait for data; ``deadline`` the
    whole fetch, redirects included, so a server that sends a byte every few
    seconds cannot hold it for longer.
    """
    clock = _Deadline(time.monotonic() + deadline, deadline)
    for _ in range(MAX_REDIRECTS + 1):
        served = _timed_hop(url, allow_private, max_bytes, timeout, clock)
        if isinstance(served, Page):
            return served
        url = served
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


@dataclass(frozen=True)
class _Deadline:
    """When a fetch must be over (monotonic time), and the limit it was set from."""

    ends: float
    seconds: float

    def left(self) -> float:
        return self.ends - time.monotonic()

    def error(self) -> FetchError:
        return FetchError(f"the fetch took over {self.seconds:g} s, the limit for one URL")


def _timed_hop(
    url: str, allow_private: bool, max_bytes: int, timeout: float, clock: _Deadline
) -> Page | str:
    """``_hop`` of ``url``, its connection cut when ``clock`` runs out."""
    left = clock.left()
    if left <= 0:
        raise clock.error()
    parts, host, port = _target(url)
    address = _checked_address(host, port, allow_private)
    connection = _connection(parts.scheme.lower(), host, port, address, min(timeout, left))
    # A blocked read ends when its socket is shut: the watchdog does that at the deadline.
    watchdog = threading.Timer(max(left, 0.0), _cut, [connection])
    watchdog.start()
    try:
        return _hop(url, connection, host, max_bytes, clock)
    finally:
        watchdog.cancel()
        connection.close()


def _cut(connection: http.client.HTTPConnection) -> None:
    if connection.sock is not None:
        with contextlib.suppress(OSError):
            connection.sock.shutdown(socket.SHUT_RDWR)


def _hop(
    url: str,
    connection: http.client.HTTPConnection,
    host: str,
    max_bytes: int,
    clock: _Deadline,
) -> Page | str:
    """One GET of ``url`` on ``connection``: the page served, or the URL a redirect sends on to."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", path, headers=_HEADERS)
        response = connection.getresponse()
        if response.status in _REDIRECTS and response.getheader("Location"):
            return urljoin(url, response.getheader("Location", ""))
        if response.status != 200:
            raise FetchError(f"HTTP {response.status} {response.reason}".strip())
        data = response.read(max_bytes + 1)
    except (OSError, http.client.HTTPException) as exc:
        if clock.left() <= 0:
            raise clock.error() from exc
        raise FetchError(f"cannot fetch {host} ({reason(exc)})") from exc
    if clock.left() <= 0:
        raise clock.error()
    if len(data) > max_bytes:
        raise FetchError(f"response too large (over {max_bytes:,} bytes)")
    return _page(url, response.getheader("Content-Type", ""), data)


def _page(url: str, content_type: str, data: bytes) -> Page:
    """The page of a body, its media type and charset read from its Content-Type header."""
    header = Message()
    header["Content-Type"] = content_type
    return Page(
        url=url,
        content_type=header.get_content_type() if header["Content-Type"] else "",
        charset=header.get_param("charset") if header["Content-Type"] else None,
        data=data,
    )


def _target(url: str) -> tuple[SplitResult, str, int]:
    """The parts, host and port of an http(s) URL; raise ``FetchError`` for any other."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    try:
        return parts, parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"bad port in URL: {url}") from exc


def _checked_address(host: str, port: int, allow_private: bool) -> str:
    """An address of ``host`` to connect to, after checking every address it has."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host} ({reason(exc)})") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not allow_private:
        # Every address is checked, not just the first: the connection could use any of them.
        for address in addresses:
            if not _is_public(address):
                raise FetchError(
                    f"refused: {host} is a private or local address ({address}); {PRIVATE_HINT}"
                )
    return addresses[0]


# IPv6 prefixes whose last 32 bits are an IPv4 address the packet reaches: IPv4-compatible
# (deprecated), SIIT's translated form and NAT64's well-known prefix. A gateway would
# carry ``64:ff9b::7f00:1`` to 127.0.0.1, so the IPv4 address is what must be public.
_LOW_32_PREFIXES = tuple(
    ipaddress.IPv6Network(net) for net in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96")
)
# NAT64 for local use (RFC 8215): the IPv4 address may sit anywhere in it, and it is
# private by definition, though Python counts it global.
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped, compatible, 6to4, NAT64, Teredo."""
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in net for net in _LOW_32_PREFIXES):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [v4 for v4 in found if v4 is not None]


def _is_public(address: str) -> bool:
    """Whether ``address`` and every IPv4 address it embeds are on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone id is not part of it
    if isinstance(ip, ipaddress.IPv4Address):
        return ip.is_global and not ip.is_multicast
    embedded = embedded_ipv4(ip)
    if ip.ipv4_mapped is None and (not ip.is_global or ip.is_multicast or ip in _LOCAL_NAT64):
        return False
    return all(v4.is_global and not v4.is_multicast for v4 in embedded)


def _connection(
    scheme: str, host: str, port: int, address: str, timeout: float
) -> http.client.HTTPConnection:
    """A connection to ``host`` made to ``address`` (checked); TLS is verified for ``host``."""
    kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    connection = kind(host, port, timeout=timeout)

    def connect_to_checked(
        _: tuple[str, int], timeout: float | None = None, source: tuple[str, int] | None = None
    ) -> socket.socket:
        return socket.create_connection((address, port), timeout, source)

    # http.client opens its socket through this attribute, for HTTP and HTTPS
    # alike (TLS then wraps it, still verified against ``host``).
    connection._create_connection = connect_to_checked  # type: ignore[attr-defined]
    return connection


def reason(exc: BaseException) -> str:
    """An OS or network error in a few words, for a skip reason ("Connection refused")."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
