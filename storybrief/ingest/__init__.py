"""Ingest: turn paths, directories and glob patterns into ``Article`` objects.

Every input yields at least one ``Article``; one that cannot be used (missing,
empty, binary, too large, unreadable, a bad JSONL line) is kept with
``status="skipped"`` and a one-line reason instead of raising, so a batch of
fifty files is never lost to one bad one.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storybrief.ingest.decode import NotText, decode, normalise_newlines
from storybrief.models import Article, InputKind

MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
_KINDS: dict[str, InputKind] = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
}
_GLOB_CHARS = frozenset("*?[")


class Unusable(Exception):
    """A file that cannot be read as an article; the message is the skip reason."""


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    on_read: Callable[[Article], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Article]:
    """Read every input into articles, in input order then sorted path order.

    A file reached twice (say, by a directory and a glob) is read once. Ids are
    made unique within the batch, because sentence ids are built from them.
    """
    articles: list[Article] = []
    seen_files: set[Path] = set()
    seen_ids: set[str] = set()
    for item in inputs:
        for path, missing_reason in _expand(str(item)):
            if missing_reason is None:
                if path.resolve() in seen_files:
                    continue
                seen_files.add(path.resolve())
                produced = read_file(path, max_bytes=max_bytes)
            else:
                produced = [_skipped(path.name or str(path), str(path), missing_reason)]
            for article in produced:
                article.id = _unique(article.id, seen_ids)
                articles.append(article)
                if on_read is not None:
                    on_read(article)
    return articles


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> list[Article]:
    """Read one file: a single article, or one per line for JSONL."""
    # A file named explicitly is read whatever its suffix, as text by default.
    kind = _kind_of(path) or "text"
    article_id = _stem(path)
    try:
        text = decode_file(path, max_bytes=max_bytes)
    except Unusable as exc:
        return [_skipped(article_id, str(path), str(exc), kind)]
    if kind == "jsonl":
        return list(parse_jsonl(text, path))
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    return [Article(id=article_id, source=str(path), kind=kind, raw=text)]


def decode_file(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of ``path``; raise ``Unusable`` saying why it has none."""
    try:
        size = path.stat().st_size
        # Checked before reading so a huge file is refused without loading it.
        if size > max_bytes:
            raise Unusable(f"file too large ({_size(size)} > {_size(max_bytes)} limit)")
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise Unusable(f"cannot read file ({_os_reason(exc)})") from exc
    if len(data) > max_bytes:
        raise Unusable(f"file too large (over {_size(max_bytes)} limit once decompressed)")
    if not data:
        raise Unusable("empty file")
    try:
        text = decode(data)
    except NotText as exc:
        raise Unusable(str(exc)) from exc
    if not text.strip():
        raise Unusable("empty file (only whitespace)")
    return text


def parse_jsonl(text: str, path: Path) -> Iterator[Article]:
    """Yield one article per non-blank line; a bad line is skipped, the rest go on."""
    stem = _stem(path)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        fallback_id = f"{stem}:{lineno}"
        try:
            yield _jsonl_article(json.loads(line), where, fallback_id)
        except json.JSONDecodeError as exc:
            yield _skipped(fallback_id, where, f"{where}: invalid JSON ({exc.msg})")
        except Unusable as exc:
            yield _skipped(fallback_id, where, f"{where}: {exc}")


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
            setattr(article, name, value.strip())
    return article


def _expand(item: str) -> Iterator[tuple[Path, str | None]]:
    """Yield ``(file, None)`` for each file an input names, or ``(path, reason)`` for none."""
    path = Path(item)
    if path.is_dir():
        files = list(_walk(path))
        if not files:
            yield path, "directory holds no article files (.txt, .md, .html, .jsonl)"
        for found in files:
            yield found, None
    elif path.is_file():
        yield path, None
    elif path.exists():
        yield path, "not a regular file"
    elif _GLOB_CHARS & set(item):
        # The shell leaves a pattern alone when it matches nothing, or when quoted.
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield path, "no file matches this pattern"
        for match in matches:
            yield from _expand(match)
    else:
        yield path, "no such file or directory"


def _walk(directory: Path) -> Iterator[Path]:
    """Article files under ``directory``, sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            candidate = Path(root, name)
            if not name.startswith(".") and _kind_of(candidate):
                yield candidate


def _unzipped(path: Path) -> Path:
    """The name the file has inside its gzip wrapper (``a.html.gz`` → ``a.html``)."""
    return path.with_suffix("") if path.suffix.lower() == ".gz" else path


def _kind_of(path: Path) -> InputKind | None:
    """The kind its suffix says, or None for a suffix that is not an article's."""
    return _KINDS.get(_unzipped(path).suffix.lower())


def _stem(path: Path) -> str:
    return _unzipped(path).stem


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


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
