"""The ``storybrief`` command: a thin shell over ``storybrief.pipeline`` and ``runners``.

Exit status: 0 when every input was used, 1 when any input could not be used
(the others are still processed and reported), 2 for usage errors. A part of
a brief that could not be made (a warning, one line on stderr) does not change
it: the brief is written, and says what it lacks.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from storybrief import pipeline, runners
from storybrief.clean import clean as clean_articles
from storybrief.cluster import stories_told
from storybrief.errors import time_budget
from storybrief.ingest import read_inputs
from storybrief.models import Article, StageWarning
from storybrief.render import render
from storybrief.render.common import headline
from storybrief.render.index import to_index
from storybrief.render.jsondoc import article_dict
from storybrief.settings import LIMITS

app = typer.Typer(
    help="Turn many news articles about one story into one cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


class CleanFormat(StrEnum):
    txt = "txt"
    json = "json"


def _format(description: str) -> typer.models.OptionInfo:
    return typer.Option("--format", "-f", help=description)


Inputs = Annotated[
    list[str],
    typer.Argument(help="Files, directories, glob patterns or URLs (pages or RSS/Atom feeds)."),
]
Words = Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget of a summary.")]
Dask = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="SCHEDULER",
        help='Run on a Dask cluster: its scheduler address, or "local" for this machine.',
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Fetch URLs on loopback, private and link-local addresses (refused by default).",
    ),
]


@contextmanager
def _progress(
    label: str, total: int | None = None, *, thread: bool = True
) -> Iterator[Callable[..., None]]:
    """A progress bar on stderr when it is a terminal; yields the function that advances it.

    With ``thread=False`` the bar is redrawn as it advances, not by rich's
    refresh thread: a process with a second thread cannot safely fork, so
    batch workers would have to start from a fresh interpreter instead.
    """
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
        auto_refresh=thread,
    ) as progress:
        task = progress.add_task(label, total=total)

        def advance(*_: object) -> None:
            progress.advance(task)
            if not thread:
                progress.refresh()

        yield advance


def _report(articles: list[Article]) -> int:
    """Say on stderr what was read and skipped; return the exit status."""
    skipped = [a for a in articles if not a.ok]
    for a in skipped:
        err.print(f"storybrief: skipped {a.source}: {a.reason}", markup=False)
    removed = sum(len(a.removed) for a in articles)
    err.print(
        f"storybrief: read {len(articles)} input{'s' * (len(articles) != 1)}: "
        f"{len(articles) - len(skipped)} used, {len(skipped)} skipped; "
        f"{removed} boilerplate line{'s' * (removed != 1)} removed.",
        markup=False,
    )
    return 1 if skipped or not articles else 0


def _warn(warnings: list[StageWarning], where: str = "") -> None:
    """Say on stderr, a line each, what parts of a brief could not be made."""
    for w in warnings:
        on = f" (article {w.article})" if w.article else ""
        err.print(f"storybrief: warning: {where}{w.stage} left out{on}: {w.message}", markup=False)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"storybrief: wrote {output}", markup=False)


@app.command()
def brief(
    inputs: Inputs,
    fmt: Annotated[BriefFormat, _format("Output format.")] = BriefFormat.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    words: Words = pipeline.DEFAULT_WORDS,
    allow_private: AllowPrivate = False,
) -> None:
    """Write the brief of the story the INPUTS tell: summary, agreements, conflicts, quotes."""
    with _progress("Reading articles") as advance:
        articles = pipeline.read(inputs, on_read=advance, allow_private=allow_private)
    with time_budget(LIMITS.brief_seconds):
        result = pipeline.brief_of(articles, words=words)
    _write(render(result, fmt.value), output)
    _warn(result.warnings)
    # One brief of several stories mixes them up; say so, and what to run instead.
    if (told := stories_told(result.articles)) > 1:
        err.print(
            f"storybrief: warning: these articles seem to tell {told} different stories;"
            " `storybrief stories` writes a brief of each.",
            markup=False,
        )
    raise typer.Exit(_report(result.articles))


@app.command()
def stories(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", help="Directory to write the briefs into.")],
    fmt: Annotated[BriefFormat, _format("Format of each brief.")] = BriefFormat.html,
    words: Words = pipeline.DEFAULT_WORDS,
    allow_private: AllowPrivate = False,
    dask: Dask = None,
) -> None:
    """Split a pile of articles (a feed, a crawl) into stories and write a brief of each."""
    with _progress("Reading articles") as advance:
        articles = pipeline.read(inputs, on_read=advance, allow_private=allow_private)
    stories = pipeline.stories_of(articles)
    with _progress("Writing briefs", len(stories)) as advance:
        briefs = runners.brief_stories(stories, words=words, on_done=advance, scheduler=dask)
    skipped = [a for a in articles if not a.ok]
    out.mkdir(parents=True, exist_ok=True)
    named = [
        (f"{n:02d}-{_slug(headline(b))}.{fmt.value}", b) for n, b in enumerate(briefs, start=1)
    ]
    for name, brief in named:
        (out / name).write_text(render(brief, fmt.value), encoding="utf-8")
        _warn(brief.warnings, f"{name}: ")
    _write(to_index(named, skipped, fmt.value), out / f"index.{fmt.value}")
    err.print(f"storybrief: {len(briefs)} stories in {out}", markup=False)
    raise typer.Exit(_report([a for b in briefs for a in b.articles] + skipped))


def _slug(title: str) -> str:
    """A file-name-safe form of a headline: its first words, lower case, joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", title.casefold())[:8]) or "story"


def _as_text(article: Article) -> str:
    fields = [
        ("Title", article.title),
        ("Dek", article.dek),
        ("Byline", article.byline),
        ("Published", article.published),
        ("Outlet", article.outlet),
        ("URL", article.url),
    ]
    head = [f"== {article.id} ({article.source}) =="]
    if not article.ok:
        return "\n".join([*head, f"Skipped: {article.reason}", ""])
    head += [f"{name}: {value}" for name, value in fields if value]
    return "\n".join([*head, "", *(p + "\n" for p in article.paragraphs)])


@app.command()
def clean(
    inputs: Inputs,
    fmt: Annotated[CleanFormat, _format("Output format.")] = CleanFormat.txt,
    allow_private: AllowPrivate = False,
) -> None:
    """Print each article as read and cleaned: title, metadata and body paragraphs."""
    with _progress("Reading articles") as advance:
        articles = clean_articles(read_inputs(inputs, on_read=advance, allow_private=allow_private))
    if fmt is CleanFormat.json:
        docs = [
            {
                **article_dict(a),
                "paragraphs": a.paragraphs,
                "removed": [{"line": r.line, "why": r.why} for r in a.removed],
            }
            for a in articles
        ]
        sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(_as_text(a) for a in articles))
    raise typer.Exit(_report(articles))


@app.command()
def summarize(
    jsonl: Annotated[
        Path,
        typer.Option(
            "--jsonl", exists=True, dir_okay=False, help='Clusters, one a line: {"id", "docs"}.'
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Where to write {id, summary} lines.")],
    words: Words = 250,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 2,
    dask: Dask = None,
) -> None:
    """Summarize many clusters from a JSONL file, for research and evaluation."""
    with jsonl.open("rb") as handle:
        total = sum(1 for _ in handle)  # one output line per input line, blank or not
    with _progress("Summarizing clusters", total, thread=dask is not None) as advance:
        if dask is None:
            from storybrief.batch import summarize_jsonl

            counts = summarize_jsonl(jsonl, out, words=words, workers=workers, on_done=advance)
        else:
            from storybrief.distributed import summarize_jsonl_dask

            counts = summarize_jsonl_dask(jsonl, out, words, scheduler=dask, on_done=advance)
    err.print(
        f"storybrief: wrote {counts.clusters} summaries to {out}"
        + (
            f'; {counts.failed} clusters could not be used (see their "error")'
            if counts.failed
            else ""
        ),
        markup=False,
    )
    raise typer.Exit(1 if counts.failed else 0)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_private: AllowPrivate = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Another host name the app answers to (repeatable; '*' for any). "
            "By default only localhost's names and the --host address."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Briefs made at once, each in its own process.")
    ] = LIMITS.web_workers,
    deadline: Annotated[
        float, typer.Option(min=1, help="Seconds a brief may take before it is stopped.")
    ] = LIMITS.web_deadline,
) -> None:
    """Start the local web app: paste, upload or link articles, get their brief in a browser."""
    # Imported here: the web stack is only needed by this command.
    import uvicorn

    from storybrief.web import create_app
    from storybrief.web.app import allowed_hosts

    limits = dataclasses.replace(LIMITS, web_workers=workers, web_deadline=deadline)
    web = create_app(
        allow_private=allow_private, hosts=allowed_hosts(host, allowed_host or []), limits=limits
    )
    err.print(f"storybrief: serving on http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


# Libraries that log their own workings at INFO or ERROR (a page with no article
# text, say); storybrief reports each input's fate itself, once, in plain words.
_CHATTY = ("trafilatura", "readability", "htmldate", "courlan", "absl")


def main() -> None:
    """Console entry point: a one-line error instead of a traceback, whatever happens."""
    # wordllama sets the root logger to INFO on import: stderr is for the user, not libraries.
    logging.basicConfig(
        level=logging.WARNING, format="storybrief: %(name)s: %(message)s", force=True
    )
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        app()
    except Exception as exc:  # the last line of defence; inputs fail softly before this
        err.print(f"storybrief: error: {exc}", markup=False)
        sys.exit(1)
