"""The local web app: a form and a JSON API over ``storybrief.pipeline.run``.

Inputs are article data from whoever can reach the server, so a pasted text is
passed as a ``Text`` (never read as a path), a URL must be http(s), uploads
are size-limited, and URLs on private addresses stay refused unless the server
was started to allow them. A brief that cannot be made at all is an error page
that keeps what the user typed; a part of a brief that fails is a warning on
the brief page.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storybrief import pipeline
from storybrief.ingest import MAX_BYTES, SUFFIXES_READ, is_article_file
from storybrief.ingest.web import PRIVATE_HINT, is_url
from storybrief.models import Brief, Text
from storybrief.pipeline import DEFAULT_WORDS, read
from storybrief.render import render
from storybrief.settings import LIMITS, Limits
from storybrief.web.pages import (
    BRIEF_POLICY,
    FORM_POLICY,
    MAX_WORDS,
    MIN_WORDS,
    brief_page,
    form_page,
)
from storybrief.web.workers import Busy, JobError, Stopped, WorkerPool

if TYPE_CHECKING:  # the language model is optional
    from storybrief.llm import LLMSpec

MAX_UPLOAD = MAX_BYTES  # per file: the limit the command line applies to a file
MAX_REQUEST = 100 * 1024 * 1024
MAX_INPUTS = 50
_SEPARATOR = re.compile(r"^[ \t]*---[ \t]*\r?$", re.MULTILINE)  # browsers send CRLF
_MB = 1024 * 1024
_USAGE = 'Send JSON like {"texts": ["<article text>"], "urls": ["https://…"], "words": 120}.'
# Names a browser on this machine reaches the server by; a Host header naming anything
# else is refused, so a web page cannot reach the app by a DNS name it rebinds to it.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# What a web user reads instead of the command line's "pass --allow-private".
_PRIVATE_FOR_WEB = "this server does not fetch private addresses (started without --allow-private)"
_WARM_TEXT = "The minister said on Monday that the talks in Geneva had failed. Both sides left."


class BriefError(Exception):
    """A request the app makes no brief of; the message tells the user why, and what to do."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


class BriefRequest(BaseModel):
    """The body of ``POST /api/brief``."""

    model_config = ConfigDict(extra="forbid")

    texts: list[str] = Field(default_factory=list, description="Article texts.")
    urls: list[str] = Field(default_factory=list, description="Pages or RSS/Atom feeds.")
    words: int = Field(DEFAULT_WORDS, ge=MIN_WORDS, le=MAX_WORDS, description="Summary length.")


def split_texts(boxes: Iterable[str]) -> list[str]:
    """The article texts in text boxes, where a line of ``---`` separates two articles."""
    return [text for box in boxes for text in _SEPARATOR.split(box) if text.strip()]


def gather(texts: Iterable[str], urls: Iterable[str]) -> list[str | Text]:
    """Pipeline inputs from article texts and URLs; raise ``BriefError`` on a bad URL."""
    inputs: list[str | Text] = [Text(text) for text in texts if text.strip()]
    for url in filter(None, (u.strip() for u in urls)):
        # The pipeline reads any other string as a path: none may name a file on the server.
        if not (is_url(url) and url.isprintable() and " " not in url):
            raise BriefError(f"Not a web address: {url[:200]!r}. Give http:// or https:// URLs.")
        inputs.append(url)
    return inputs


def _check_count(count: int) -> None:
    if not count:
        raise BriefError(
            "No articles given: paste the texts of articles about one story, "
            "upload article files or give the URLs of their pages."
        )
    if count > MAX_INPUTS:
        raise BriefError(f"{count} inputs given; a brief takes at most {MAX_INPUTS}.")


def _upload_name(filename: str | None) -> str:
    """The file name an upload is saved under: its own, made safe for a path."""
    name = re.sub(r"[^\w.-]", "_", PurePath(filename or "").name).lstrip(".")
    if not is_article_file(name):
        raise BriefError(
            f"Cannot read {filename or 'an unnamed file'!r}: upload files ending"
            f" {SUFFIXES_READ}, or paste the article text."
        )
    return name


def make_brief(
    inputs: list[str | Text],
    uploads: list[tuple[str, bytes]],
    words: int,
    allow_private: bool,
    llm: LLMSpec | None = None,
) -> Brief:
    """The brief of texts, URLs and uploaded ``(file name, content)`` pairs."""
    with tempfile.TemporaryDirectory(prefix="storybrief-") as tmp:
        saved: dict[str, str] = {}
        # A folder per upload keeps two files of the same name apart under their own names.
        for n, (filename, data) in enumerate(uploads):
            path = Path(tmp, str(n), _upload_name(filename))
            path.parent.mkdir()
            path.write_bytes(data)
            saved[str(path)] = PurePath(filename).name
        articles = read([*saved, *inputs], allow_private=allow_private)
        brief = pipeline.brief_within(articles, words=words, llm=llm, budget=LIMITS.brief_seconds)
    # Readers know an upload by its name, not by the temporary folder it was read from.
    names = {**saved, PRIVATE_HINT: _PRIVATE_FOR_WEB}
    for article in brief.articles:
        for path, name in names.items():
            article.source = article.source.replace(path, name)
            if article.reason:
                article.reason = article.reason.replace(path, name)
    return brief


def warm() -> None:
    """Load the pipeline's models once, before the workers are forked: they share them."""
    pipeline.run([Text(_WARM_TEXT)])


async def _read_uploads(files: Iterable[UploadFile]) -> list[tuple[str, bytes]]:
    uploads = []
    for upload in files:
        if not upload.filename:
            continue  # the file box left empty
        _upload_name(upload.filename)  # refuse a file the pipeline would not read first
        data = await upload.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise BriefError(
                f"{upload.filename} is over {MAX_UPLOAD // _MB} MB, the limit for one file: "
                "split it, or give the articles' URLs instead.",
                413,
            )
        uploads.append((upload.filename, data))
    return uploads


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _words(value: str) -> int:
    words = value.strip() or str(DEFAULT_WORDS)
    # isdecimal, not isdigit: "²" is a digit that int() refuses, as it does a number of over
    # 4,300 digits (Python's limit, leading zeros counted): those are read as no number.
    number = words.lstrip("0") or "0"
    if not (
        words.isdecimal()
        and len(number) <= len(str(MAX_WORDS))
        and MIN_WORDS <= int(number) <= MAX_WORDS
    ):
        raise BriefError(f"The summary length must be a number of words, {MIN_WORDS}–{MAX_WORDS}.")
    return int(number)


def _limit_body(app: ASGIApp) -> ASGIApp:
    """Wrap ``app`` so that no request body over ``MAX_REQUEST`` bytes is read."""

    async def limited(scope: Scope, receive: Receive, send: Send) -> None:
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_REQUEST:
                raise HTTPException(
                    413,
                    f"The request is over {MAX_REQUEST // _MB} MB: send fewer or smaller files.",
                )
            return message

        await app(scope, counted, send)

    return limited


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _page(html: str, policy: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": policy})


def _error(request: Request, message: str, status: int) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return _page(form_page(error=message), FORM_POLICY, status)


async def _brief_error(request: Request, exc: BriefError) -> Response:
    return _error(request, str(exc), exc.status)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return _error(request, str(exc.detail), exc.status_code)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(_problem(e) for e in exc.errors())
    return _error(request, f"{problems}. {_USAGE}", 422)


def _problem(error: Any) -> str:
    """One validation error in words, led by the field it is about.

    A JSON syntax error's location is a character offset, not a field: "0: JSON
    decode error" would read as a field named 0.
    """
    if error["type"] == "json_invalid":
        why = error.get("ctx", {}).get("error", error["msg"])
        return f"the body is not JSON ({why} at character {error['loc'][-1]})"
    return f"{'.'.join(str(p) for p in error['loc'][1:]) or 'body'}: {error['msg']}"


def _host_name(host: str) -> str:
    """The name in a Host header or URL netloc, without its port: "[::1]:8000" → "[::1]"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _refusal(scope: Scope, hosts: frozenset[str]) -> tuple[int, str] | None:
    """Why a request is refused before it is read: an unknown host, or a cross-site POST."""
    headers = Headers(scope=scope)
    host = headers.get("host", "")
    if "*" not in hosts and _host_name(host) not in hosts:
        return 421, (
            f"This server does not answer to the name {host[:100]!r}: use "
            f"{' or '.join(sorted(hosts))}, or start it with --allowed-host for another name."
        )
    # A browser names the page a POST comes from; a page of another site may not drive the
    # app. Clients that are not browsers (curl, scripts) send neither header.
    origin = headers.get("origin") or headers.get("referer")
    if scope["method"] == "POST" and origin and urlsplit(origin).netloc.lower() != host.lower():
        return 403, "Cross-site request refused: send the form from this server's own page."
    return None


def _guard(app: ASGIApp, hosts: Iterable[str]) -> ASGIApp:
    """Wrap ``app`` so that requests naming an unknown host, or cross-site POSTs, are refused."""
    allowed = frozenset(_host_name(h) if h != "*" else h for h in hosts)

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        refused = _refusal(scope, allowed) if scope["type"] == "http" else None
        if refused is None:
            await app(scope, receive, send)
            return
        status, message = refused
        await _error(Request(scope), message, status)(scope, receive, send)

    return guarded


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> list[str]:
    """The names the app answers to when it listens on ``bound``: localhost's and ``extra``."""
    own = [] if bound in ("0.0.0.0", "::", "") else [f"[{bound}]" if ":" in bound else bound]
    return [*LOCAL_HOSTS, *own, *extra]


Briefer = Callable[[Request, list[str | Text], list[tuple[str, bytes]], int], Awaitable[Brief]]


async def _brief_form(request: Request, brief_of: Briefer) -> HTMLResponse:
    """The brief page of a submitted form, or the form again with what was typed and why not."""
    async with request.form(max_files=MAX_INPUTS, max_part_size=MAX_UPLOAD) as form:
        boxes = [v for v in form.getlist("text") if isinstance(v, str)]
        urls, words = _field(form, "urls"), _field(form, "words")
        try:
            inputs = gather(split_texts(boxes), urls.splitlines())
            uploads = await _read_uploads(
                v for v in form.getlist("files") if isinstance(v, UploadFile)
            )
            brief = await brief_of(request, inputs, uploads, _words(words))
        except BriefError as exc:
            # Shown again with what was typed, so a fix does not mean pasting it all again.
            page = form_page(texts=boxes, urls=urls, words=words, error=str(exc))
            return _page(page, FORM_POLICY, exc.status)
    return _page(brief_page(brief), BRIEF_POLICY)


def _briefer(workers: WorkerPool, allow_private: bool, llm: LLMSpec | None) -> Briefer:
    """How the app's routes get a brief: on ``workers``, errors as pages a user can read."""

    async def brief_of(
        request: Request, inputs: list[str | Text], uploads: list[tuple[str, bytes]], words: int
    ) -> Brief:
        _check_count(len(inputs) + len(uploads))
        try:
            brief: Brief = await workers.run(
                make_brief, inputs, uploads, words, allow_private, llm, gone=request.is_disconnected
            )
        except Busy as exc:
            raise BriefError(
                "The server is busy with other briefs: try again in a minute.", 503
            ) from exc
        except (Stopped, JobError) as exc:  # the user gets a page, not a bare 500
            raise BriefError(f"The brief could not be made: {exc}.", 500) from exc
        return brief

    return brief_of


def create_app(
    *,
    allow_private: bool = False,
    hosts: Iterable[str] = LOCAL_HOSTS,
    limits: Limits = LIMITS,
    llm: LLMSpec | None = None,
) -> FastAPI:
    """The web app; URLs on private or loopback addresses are fetched only if ``allow_private``.

    It answers to the host names in ``hosts`` ("*" for any) and makes briefs in
    ``limits.web_workers`` worker processes, each within its deadline. With
    ``llm``, each summary is written in prose by that model (``storybrief.llm``).
    """
    workers = WorkerPool(limits, warm)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        workers.start()
        yield
        workers.close()

    app = FastAPI(title="storybrief", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.add_exception_handler(BriefError, _brief_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    brief_of = _briefer(workers, allow_private, llm)

    @app.get("/", response_class=HTMLResponse)
    async def index() -> HTMLResponse:
        return _page(form_page(), FORM_POLICY)

    @app.post("/brief", response_class=HTMLResponse)
    async def brief_form(request: Request) -> HTMLResponse:
        return await _brief_form(request, brief_of)

    @app.post("/api/brief")
    async def brief_api(request: Request, body: BriefRequest) -> Response:
        brief = await brief_of(request, gather(body.texts, body.urls), [], body.words)
        return Response(render(brief, "json"), media_type="application/json")

    app.add_middleware(_limit_body)
    app.add_middleware(_guard, hosts=hosts)
    return app
