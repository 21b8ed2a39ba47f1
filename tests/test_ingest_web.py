"""URLs and feeds: fetched from a server on this machine's loopback, refused unless allowed.

The server below only ever listens on 127.0.0.1 and answers a fixed set of
paths; every test stops it when done.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import FIXTURES

from storybrief.clean import clean
from storybrief.ingest import read_inputs, web

ARTICLE = (FIXTURES / "html" / "article.html").read_bytes()
PAGE_TWO = (
    b"<html><head><title>Ferry timetable doubled</title></head><body><article>"
    b"<h1>Ferry timetable doubled</h1><p>The harbour ferry will run every ten minutes from Monday"
    b" while the bridge is closed for repairs, the operator said on Wednesday.</p>"
    b"<p>Extra crews have been hired for the six weeks of the closure, and fares stay the same"
    b" for season ticket holders.</p></article></body></html>"
)


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Lakeside Courier</title><link>https://courier.example/</link>"
        "<description>News</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def item(title: str, link: str | None = None, text: str | None = None) -> str:
    parts = [f"<title>{title}</title>", "<pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if text:
        parts.append(f"<description><![CDATA[{text}]]></description>")
    return "<item>" + "".join(parts) + "</item>"


class Site:
    """A tiny web site on 127.0.0.1: path → (status, headers, body); counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (200, {"Content-Type": content_type}, body)
        return self.base + path

    def redirect(self, path: str, to: str) -> str:
        self.routes[path] = (302, {"Location": to}, b"")
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def only(articles: list) -> object:
    assert len(articles) == 1, articles
    return articles[0]


def test_loopback_url_is_refused_by_default_without_a_request(site: Site) -> None:
    url = site.add("/news/bridge.html", ARTICLE)
    article = only(read_inputs([url]))
    assert not article.ok
    assert "private or local address (127.0.0.1)" in article.reason
    assert "--allow-private" in article.reason
    assert site.requests == []


def test_a_name_that_resolves_to_a_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list:
        assert host == "intranet.example"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    def no_connection(*_: object, **__: object) -> socket.socket:
        raise AssertionError("a refused address must not be connected to")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    article = only(read_inputs(["https://intranet.example/wiki/plans"]))
    assert (article.ok, article.id) == (False, "plans")
    assert "10.1.2.3" in article.reason


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.0.0.8", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata services
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_which_addresses_count_as_public(address: str, public: bool) -> None:
    assert web._is_public(address) is public


def test_page_is_fetched_and_extracted_when_private_addresses_are_allowed(site: Site) -> None:
    url = site.add("/news/harbour-bridge-closure.html", ARTICLE)
    article = only(clean(read_inputs([url], allow_private=True)))
    assert article.ok, article.reason
    assert (article.id, article.kind, article.source, article.url) == (
        "harbour-bridge-closure",
        "html",
        url,
        url,
    )
    assert article.title == "Harbour bridge to close for six weeks of repairs"
    assert article.paragraphs[0].startswith("The city council will close the Harbour Bridge")


def test_redirects_are_followed_and_the_final_url_kept(site: Site) -> None:
    final = site.add("/2024/ferry.html", PAGE_TWO)
    start = site.redirect("/short/f", "/2024/ferry.html")
    article = only(read_inputs([start], allow_private=True))
    assert (article.ok, article.source, article.url) == (True, start, final)


@pytest.mark.parametrize(
    ("target", "reason"),
    [("file:///etc/passwd", "not an http(s) URL"), ("/loop", "more than 5 redirects")],
)
def test_bad_redirects_are_refused(site: Site, target: str, reason: str) -> None:
    url = site.redirect("/loop", target)
    article = only(read_inputs([url], allow_private=True))
    assert not article.ok
    assert reason in article.reason


def test_errors_and_oversized_or_binary_responses_are_skipped_with_their_reason(
    site: Site,
) -> None:
    big = site.add("/big.html", b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>")
    image = site.add("/photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
    pdf = site.add("/report.pdf", b"%PDF-1.4 text-like", "application/pdf")
    articles = read_inputs(
        [site.base + "/missing.html", big, image, pdf], allow_private=True, max_bytes=10_000
    )
    assert [a.ok for a in articles] == [False] * 4
    reasons = [a.reason for a in articles]
    assert reasons[0] == "HTTP 404 Not Found"
    assert reasons[1] == "response too large (over 10,000 bytes)"
    assert "binary" in reasons[2]
    assert reasons[3] == "not an article page (application/pdf)"


def test_the_declared_charset_is_used(site: Site) -> None:
    page = "<html><body><article><p>Les élus ont voté à Besançon.</p></article></body></html>"
    url = site.add("/fr.html", page.encode("cp1252"), "text/html; charset=windows-1252")
    assert "élus ont voté à Besançon" in only(read_inputs([url], allow_private=True)).raw


def test_feed_url_gives_one_article_per_entry_with_the_feed_metadata(site: Site) -> None:
    bridge = site.add("/news/bridge.html", ARTICLE)
    ferry = site.add("/news/ferry.html", PAGE_TWO)
    feed = site.add(
        "/rss.xml",
        rss(
            item("Bridge to close", bridge),
            item("Gone", site.base + "/news/gone.html"),
            item("Ferry doubled", ferry),
        ),
        "application/rss+xml",
    )
    articles = clean(read_inputs([feed], allow_private=True))
    assert [(a.id, a.ok) for a in articles] == [("bridge", True), ("gone", False), ("ferry", True)]
    assert [a.title for a in articles] == ["Bridge to close", None, "Ferry doubled"]
    assert articles[0].published == "2024-03-05T08:30:00Z"
    assert articles[1].reason == "HTTP 404 Not Found"
    assert articles[2].paragraphs[0].startswith("The harbour ferry will run every ten minutes")


def test_feed_file_entries_are_fetched_through_the_same_guard(tmp_path: Path, site: Site) -> None:
    path = tmp_path / "courier.rss"
    text = "<p>The harbour ferry will run every ten minutes from Monday, the operator said.</p>"
    path.write_bytes(
        rss(
            item("Bridge to close", site.add("/news/bridge.html", ARTICLE)),
            item("Ferry doubled", text=text),
            item("Nothing here"),
        )
    )
    refused, own_text, empty = read_inputs([path])
    assert not refused.ok and "--allow-private" in refused.reason
    assert (own_text.ok, own_text.kind, own_text.id, own_text.source) == (
        True,
        "text",
        "courier-2",
        f"{path}#2",
    )
    assert (
        own_text.raw
        == "The harbour ferry will run every ten minutes from Monday, the operator said."
    )
    assert (empty.ok, empty.reason) == (False, "entry has no link and no text")
    assert site.requests == []
    assert read_inputs([path], allow_private=True)[0].ok


def test_a_file_that_is_no_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    article = only(read_inputs([path]))
    assert (article.ok, article.kind) == (False, "feed")
    assert article.reason.startswith("no feed entries")


def test_cli_refuses_a_loopback_url_unless_allowed(site: Site) -> None:
    url = site.add("/news/bridge.html", ARTICLE)

    def run(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "storybrief", "clean", url, *flags],
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = run()
    assert refused.returncode == 1
    assert f"skipped {url}: refused" in refused.stderr
    allowed = run("--allow-private")
    assert allowed.returncode == 0, allowed.stderr
    assert "Title: Harbour bridge to close for six weeks of repairs" in allowed.stdout


def test_an_atom_entry_with_an_id_but_no_link_is_read_from_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Courier</title><id>urn:courier</id><updated>2024-03-05T10:00:00Z</updated>"
        "<entry><title>Bridge closes</title><id>urn:uuid:1</id>"
        "<updated>2024-03-05T09:00:00Z</updated><author><name>Maria Okafor</name></author>"
        '<content type="html">&lt;p&gt;The Harbour Bridge closes on Monday.&lt;/p&gt;'
        "&lt;p&gt;Ferries run &lt;b&gt;every&lt;/b&gt; hour.&lt;/p&gt;</content>"
        "</entry></feed>",
        encoding="utf-8",
    )
    article = only(clean(read_inputs([path])))
    assert (article.ok, article.id, article.title, article.byline) == (
        True,
        "feed-1",
        "Bridge closes",
        "Maria Okafor",
    )
    assert article.published == "2024-03-05T09:00:00Z"
    # A snippet this short is still the article's text: read as plain text, not as a page.
    assert article.paragraphs == ["The Harbour Bridge closes on Monday.", "Ferries run every hour."]


def test_relative_entry_links_are_read_against_the_feed_url(site: Site) -> None:
    site.add("/news/bridge.html", ARTICLE)
    site.add("/feeds/ferry.html", PAGE_TWO)
    # The channel names another site: the address the feed came from is the base.
    feed = site.add(
        "/feeds/rss.xml",
        rss(item("Bridge to close", "/news/bridge.html"), item("Ferry doubled", "ferry.html")),
        "application/rss+xml",
    )
    bridge, ferry = read_inputs([feed], allow_private=True)
    assert (bridge.ok, bridge.url, ferry.ok, ferry.url) == (
        True,
        site.base + "/news/bridge.html",
        True,
        site.base + "/feeds/ferry.html",
    )


def test_relative_entry_links_of_a_feed_file_are_read_against_its_site(
    tmp_path: Path, site: Site
) -> None:
    site.add("/news/bridge.html", ARTICLE)
    path = tmp_path / "courier.rss"
    text = "<p>The harbour ferry will run every ten minutes from Monday, the operator said.</p>"
    channel = rss(item("Bridge to close", "/news/bridge.html")).decode()
    path.write_text(
        channel.replace("https://courier.example/", site.base + "/").replace(
            "</channel>",
            # An entry's id is no page, even where feedparser gives it as the link.
            f"<item><guid>ferry-2024</guid><description>{text}</description></item></channel>",
        ),
        encoding="utf-8",
    )
    refused, _ = read_inputs([path])
    assert "--allow-private" in refused.reason
    bridge, ferry = read_inputs([path], allow_private=True)
    assert (bridge.ok, bridge.url, ferry.ok, ferry.id) == (
        True,
        site.base + "/news/bridge.html",
        True,
        "courier-2",
    )
    assert site.requests == ["/news/bridge.html"]
