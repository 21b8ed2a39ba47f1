"""Ingest: turn paths, directories, glob patterns and URLs into ``Article`` objects.

Every input yields at least one ``Article``; one that cannot be used (missing,
empty, binary, too large, unreadable, a bad JSONL line, a refused or failed
fetch) is kept with ``status="skipped"`` and a one-line reason instead of
raising, so a batch of fifty inputs is never lost to one bad one. A feed (a
URL or an ``.rss``/``.atom``/``.xml`` file) yields one article per entry, its
page fetched from the entry's link.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from storybrief.ingest.decode import NotText, decode, normalise_newlines
from storybrief.ingest.feeds import Entry, NotAFeed, looks_like_feed, parse_feed
from storybrief.ingest.web import FetchError, Page, fetch, is_url, reason
from storybrief.models import Article, InputKind

MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_KINDS: dict[str, InputKind] = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys(FEED_SUFFIXES, "feed"),
}
ARTICLE_SUFFIXES = tuple(_KINDS)
# Every suffix read, from the same table as the reader: said of a folder with none of them,
# and of the files the web form takes.
SUFFIXES_READ = f"{', '.join(ARTICLE_SUFFIXES)}, each also gzipped .gz"
_NO_ARTICLE_FILES = f"directory holds no article files ({SUFFIXES_READ})"
_GLOB_CHARS = frozenset("*?[")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
FETCHERS = 8  # pages of a feed fetched at once: the wait is the network's, not the CPU's


class Unusable(Exception):
    """A file that cannot be read as an article; the message is the skip reason."""


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    on_read: Callable[[Article], None] | None = None,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
) -> list[Article]:
    """Read every input into articles, in input order then sorted path order.

    A file or URL reached twice (say, by a directory and a glob) is read once.
    Ids are made unique within the batch, because sentence ids are built from
    them. URLs on loopback, private or link-local addresses are refused unless
    ``allow_private``.
    """
    articles: list[Article] = []
    seen: set[Path | str] = set()
    seen_ids: set[str] = set()
    for item in inputs:
        for path, missing_reason in _expand(str(item)):
            key = str(path) if isinstance(path, str) else path.resolve()
            if missing_reason is None and key in seen:
                continue
            seen.add(key)
            for article in _read_found(path, missing_reason, max_bytes, allow_private):
                article.id = _unique(article.id, seen_ids)
                articles.append(article)
                if on_read is not None:
                    on_read(article)
    return articles


def _read_found(
    path: Path | str, missing_reason: str | None, max_bytes: int, allow_private: bool
) -> list[Article]:
    """The articles of one input ``_expand`` found: a URL's, a file's, or a skipped one."""
    if isinstance(path, str):
        return read_url(path, max_bytes=max_bytes, allow_private=allow_private)
    if missing_reason is None:
        return read_file(path, max_bytes=max_bytes, allow_private=allow_private)
    return [_skipped(path.name or str(path), str(path), missing_reason)]


def read_file(
    path: Path, *, max_bytes: int = MAX_BYTES, allow_private: bool = False
) -> list[Article]:
    """Read one file: a single article, one per line for JSONL, one per entry for a feed."""
    # A file named explicitly is read whatever its suffix, as text by default.
    kind = _kind_of(path) or "text"
    article_id = _stem(path)
    if kind == "jsonl":
        return _jsonl_file(path)
    try:
        data = read_bytes(path, max_bytes=max_bytes)
        text = _text_of(data)
    except Unusable as exc:
        return [_skipped(article_id, str(path), str(exc), kind)]
    if kind == "feed" or looks_like_feed(text):
        return _feed_articles(data, article_id, str(path), max_bytes, allow_private)
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    return [Article(id=article_id, source=str(path), kind=kind, raw=text)]


def read_url(url: str, *, max_bytes: int = MAX_BYTES, allow_private: bool = False) -> list[Article]:
    """Fetch one URL: a page is one article, a feed one article per entry."""
    try:
        page, text = _get(url, max_bytes, allow_private)
    except Unusable as exc:
        return [_skipped(_url_id(url), url, str(exc), "html")]
    if looks_like_feed(text):
        return _feed_articles(page.data, _url_id(url), url, max_bytes, allow_private, page.url)
    return [_page_article(url, page, text)]


def _get(url: str, max_bytes: int, allow_private: bool) -> tuple[Page, str]:
    """A fetched page and its text; raise ``Unusable`` saying why there is none."""
    try:
        page = fetch(url, allow_private=allow_private, max_bytes=max_bytes)
    except FetchError as exc:
        raise Unusable(str(exc)) from exc
    return page, _text_of(page.data, page.charset, "page")


def _page_article(url: str, page: Page, text: str) -> Article:
    """The article of one fetched page, or a skipped one if the page is not an article."""
    if page.content_type in _HTML_TYPES or _looks_like_html(text):
        kind: InputKind = "html"
    elif page.content_type in ("", "text/plain"):
        kind = "text"
    else:
        return _skipped(_url_id(url), url, f"not an article page ({page.content_type})", "html")
    article = Article(id=_url_id(page.url), source=url, kind=kind, raw=text)
    article.url = page.url
    return article


def _feed_articles(
    data: bytes,
    feed_id: str,
    source: str,
    max_bytes: int,
    allow_private: bool,
    url: str | None = None,
) -> list[Article]:
    try:
        entries = parse_feed(data, url=url)
    except NotAFeed as exc:
        return [_skipped(feed_id, source, str(exc), "feed")]
    read_entry = partial(
        _entry_article,
        feed_id=feed_id,
        feed=source,
        max_bytes=max_bytes,
        allow_private=allow_private,
    )
    with ThreadPoolExecutor(FETCHERS) as pool:
        return list(pool.map(read_entry, entries, range(1, len(entries) + 1)))


def _entry_article(
    entry: Entry, number: int, *, feed_id: str, feed: str, max_bytes: int, allow_private: bool
) -> Article:
    """A feed entry's article: its linked page, or the entry's own text when it has no link."""
    if entry.link:
        try:
            page, text = _get(entry.link, max_bytes, allow_private)
            if looks_like_feed(text):
                raise Unusable("entry links to a feed, not a page")
        except Unusable as exc:
            return _skipped(_url_id(entry.link), entry.link, str(exc), "html")
        article = _page_article(entry.link, page, text)
    elif entry.text:
        article = Article(id=f"{feed_id}-{number}", source=f"{feed}#{number}", raw=entry.text)
    else:
        return _skipped(f"{feed_id}-{number}", f"{feed}#{number}", "entry has no link and no text")
    # The feed's own metadata is the publisher's; the page's fills what it lacks.
    article.title = entry.title
    article.published = entry.published
    article.byline = entry.author
    return article


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Return the bytes of ``path``, unzipped; raise ``Unusable`` saying why it has none."""
    try:
        status = path.stat()
        # A FIFO or a device would block the read, or never end.
        if not stat.S_ISREG(status.st_mode):
            raise Unusable("not a regular file")
        size = status.st_size
        # Checked before reading so a huge file is refused without loading it.
        if size > max_bytes:
            raise Unusable(f"file too large ({_over(size, max_bytes)})")
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise Unusable(f"cannot read file ({reason(exc)})") from exc
    if len(data) > max_bytes:
        raise Unusable(f"file too large (over {_size(max_bytes)} limit once decompressed)")
    return data


def _text_of(data: bytes, charset: str | None = None, what: str = "file") -> str:
    """The text of a file or page; the charset a server declares is tried first."""
    if not data:
        raise Unusable(f"empty {what}" if what == "file" else f"the {what} has no body")
    text = None
    if charset:
        try:
            text = normalise_newlines(data.decode(charset))
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown declaration: guess, as for a file
    if text is None:
        try:
            text = decode(data)
        except NotText as exc:
            raise Unusable(str(exc)) from exc
    if not text.strip():
        raise Unusable(f"empty {what} (only whitespace)")
    return text


class BadLine(ValueError):
    """A JSON Lines line that holds no JSON value a program can use; the message says why."""


# A lone surrogate: as an escape (``"\\ud800"``) or as a character given from Python.
_SURROGATE_HINT = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_line(line: str) -> object:
    """The JSON value of one line of a JSON Lines file; raise ``BadLine`` saying why there is none.

    The one parser of every JSONL line storybrief reads (``storybrief stories
    --jsonl``, ``storybrief summarize``, ``.jsonl`` inputs): Python's parser
    raises more than ``JSONDecodeError`` on a hostile line (``RecursionError``
    on thousands of nested arrays, ``ValueError`` on a number of thousands of
    digits), and accepts a lone surrogate (``"\\ud800"``), which is no Unicode
    text and fails only later, when the output is written. Each is the line's
    error, never the run's.
    """
    try:
        value = json.loads(line)
    except RecursionError as error:
        raise BadLine("nested too deeply") from error
    except json.JSONDecodeError as error:
        raise BadLine(f"{error.msg} (column {error.colno})") from error
    except ValueError as error:
        raise BadLine(str(error)) from error
    if _SURROGATE_HINT.search(line) and _holds_surrogate(value):
        raise BadLine("a string holds a lone surrogate, which is not text")
    return value


def _holds_surrogate(value: object) -> bool:
    """Whether a string anywhere in ``value`` holds a lone surrogate (walked without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def jsonl_lines(path: Path) -> Iterator[str]:
    """The lines of a JSON Lines file (gzipped or not), one at a time, however big the file.

    Lines end at "\\n" only, as JSON Lines says (``str.splitlines`` would also
    cut at a U+2028 or a form feed, which JSON allows raw inside a string);
    bytes that are not UTF-8 become U+FFFD, so that line alone fails to parse.
    """
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as handle:
        for number, data in enumerate(handle):
            if number == 0:
                data = data.removeprefix(b"\xef\xbb\xbf")
            yield data.decode("utf-8", errors="replace").removesuffix("\n").removesuffix("\r")


def _jsonl_file(path: Path) -> list[Article]:
    """The articles of a JSON Lines file, read a line at a time: no size limit but the disk's."""
    try:
        articles = list(parse_jsonl(jsonl_lines(path), path))
    except (OSError, EOFError) as exc:
        return [_skipped(_stem(path), str(path), f"cannot read file ({reason(exc)})", "jsonl")]
    return articles or [_skipped(_stem(path), str(path), "empty file (no JSON lines)", "jsonl")]


def parse_jsonl(text: str | Iterable[str], path: Path) -> Iterator[Article]:
    """Yield one article per non-blank line (of ``text``, or the lines given); a bad line is
    skipped, the rest go on."""
    stem = _stem(path)
    lines = text.split("\n") if isinstance(text, str) else text
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            yield jsonl_article(line, f"{path}:{lineno}", f"{stem}:{lineno}")[1]


def jsonl_article(line: str, where: str, fallback_id: str) -> tuple[object, Article]:
    """The line's ``"id"`` (None if it has none) and its article, skipped if it cannot be used.

    ``where`` names the line for a reader (the article's source, which every
    listing of a skip prints before its reason, so the reason does not repeat
    it); ``fallback_id`` is the article's id if the line gives none.
    """
    record: object = None
    try:
        record = parse_line(line)
        return _line_id(record), _jsonl_article(record, where, fallback_id)
    except BadLine as exc:
        return None, _skipped(fallback_id, where, f"invalid JSON ({exc})")
    except Unusable as exc:
        return _line_id(record), _skipped(fallback_id, where, str(exc))


def _line_id(record: object) -> object:
    """A line's ``"id"``, if it is a JSON scalar (an id is a name, not a structure)."""
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, str | int | float | bool) else None


def _jsonl_article(record: object, where: str, fallback_id: str) -> Article:
    if not isinstance(record, dict):
        raise Unusable("line is not a JSON object")
    kind: InputKind
    if isinstance(record.get("html"), str):
        kind, raw = "html", record["html"]
    elif isinstance(record.get("text"), str):
        kind, raw = "text", record["text"]
    else:
        raise Unusable('no "text" or "html" string field')
    if not raw.strip():
        raise Unusable(f'empty "{kind}" field')
    article = Article(
        id=str(record.get("id") or fallback_id),
        source=where,
        kind=kind,
        raw=normalise_newlines(raw),
    )
    for name in ("title", "url", "outlet", "published"):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            setattr(article, name, normalise_newlines(value).strip())
    return article


def _expand(item: str) -> Iterator[tuple[Path | str, str | None]]:
    """Yield ``(file, None)`` for each file an input names, or ``(path, reason)`` for none.

    A URL is yielded as it is, a string. A path the system cannot look at (a
    name too long, a folder it may not enter) is yielded with its reason.
    """
    if is_url(item):
        yield item, None
        return
    try:
        yield from _expand_path(item)
    except OSError as exc:
        yield Path(item[:255]), f"cannot read ({reason(exc)})"


def _expand_path(item: str) -> Iterator[tuple[Path, str | None]]:
    path = Path(item)
    if path.is_dir():
        found = list(_walk(path))
        if not found:
            yield path, _NO_ARTICLE_FILES
        yield from found
    elif path.is_file():
        yield path, None
    elif path.exists():
        yield path, "not a regular file"
    elif _GLOB_CHARS & set(item):
        # The shell leaves a pattern alone when it matches nothing, or when quoted.
        matches = _glob(item)
        if not matches:
            yield path, "no file matches this pattern"
        for match in matches:
            yield from _expand_path(str(match))
    else:
        yield path, "no such file or directory"


def _glob(pattern: str) -> list[Path]:
    """The paths ``pattern`` matches, sorted; ``**`` never follows a symbolic link.

    ``glob.glob`` follows links to folders under ``**``: a link to ``..``
    makes it walk the same tree again and again, for ever with two such links.
    """
    parts = Path(pattern).parts
    fixed = next((n for n, p in enumerate(parts) if _GLOB_CHARS & set(p)), len(parts))
    base = Path(*parts[:fixed]) if fixed else Path()
    rest = Path(*parts[fixed:]) if fixed < len(parts) else None
    if rest is None:
        return [base]
    try:
        return sorted(m for m in base.glob(str(rest)) if _shown(rest, m.relative_to(base)))
    except ValueError:  # a pattern pathlib cannot read ("a**b"): it matches nothing
        return []


def _shown(pattern: Path, match: Path) -> bool:
    """Like the shell's, a wildcard does not match a hidden name; a pattern may name one."""
    pairs = zip(pattern.parts, match.parts, strict=False)
    return all(wanted.startswith(".") or not name.startswith(".") for wanted, name in pairs)


def _walk(directory: Path) -> Iterator[tuple[Path, str | None]]:
    """Article files under ``directory``, sorted, skipping hidden files and folders.

    A folder that cannot be listed is yielded with its reason. Links to
    folders are not followed (``os.walk``'s default), so a loop ends.
    """
    unreadable: list[tuple[Path, str | None]] = []

    def note(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or directory), f"cannot list folder ({reason(exc)})"))

    for root, dirs, files in os.walk(directory, onerror=note):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            candidate = Path(root, name)
            if not name.startswith(".") and _kind_of(candidate):
                yield candidate, None
    yield from unreadable


def _unzipped(path: Path) -> Path:
    """The name the file has inside its gzip wrapper (``a.html.gz`` → ``a.html``)."""
    return path.with_suffix("") if path.suffix.lower() == ".gz" else path


def _kind_of(path: Path) -> InputKind | None:
    """The kind its suffix says, or None for a suffix that is not an article's."""
    return _KINDS.get(_unzipped(path).suffix.lower())


def is_article_file(name: str) -> bool:
    """Whether a file of this name is read, as a folder's file is, by its suffix (``_KINDS``,
    gzipped or not)."""
    return _kind_of(Path(name)) is not None


def _stem(path: Path) -> str:
    return _unzipped(path).stem


def _url_id(url: str) -> str:
    """A readable id for a URL: the last part of its path, else its host."""
    parts = urlsplit(url)
    last = next((p for p in reversed(parts.path.split("/")) if p), "")
    name = re.sub(r"\.(?:s?html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
    return (name or parts.hostname or url)[:80]


def _looks_like_html(text: str) -> bool:
    """Markup saved under a text or unknown suffix is still HTML."""
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html"))


def _unique(article_id: str, seen: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{article_id}~{n}"
    seen.add(candidate)
    return candidate


def _skipped(article_id: str, source: str, reason: str, kind: InputKind = "text") -> Article:
    article = Article(id=article_id, source=source, kind=kind)
    article.skip(reason)
    return article


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def _over(size: int, limit: int) -> str:
    """A size over the limit, in units that show the difference: "10.2 MB > 10.0 MB limit"."""
    shown, most = _size(size), _size(limit)
    if shown == most:  # "10.0 MB > 10.0 MB limit" reads as no excess: give the bytes
        shown, most = f"{size:,} bytes", f"{limit:,}-byte ({most})"
    return f"{shown} > {most} limit"
