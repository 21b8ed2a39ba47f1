"""The ``storybrief`` command: a thin shell over ``storybrief.pipeline`` and ``runners``.

Exit status: 0 when every input was used, 1 when any input could not be used
(the others are still processed and reported), 2 for usage errors. A part of
a brief that could not be made (a warning, one line on stderr) does not change
it: the brief is written, and says what it lacks.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from storybrief import pipeline, runners
from storybrief.clean import clean as clean_articles
from storybrief.cluster import stories_told
from storybrief.errors import describe
from storybrief.ingest import jsonl_lines, read_inputs
from storybrief.models import Article, Brief, StageWarning
from storybrief.nlp.english import plural
from storybrief.pile import (
    Pile,
    copies_phrase,
    fail_story,
    group_pile,
    read_lines,
    stories_phrase,
    write_lines,
)
from storybrief.render import render
from storybrief.render.common import headline
from storybrief.render.index import Entry, to_index, with_back_link
from storybrief.render.jsondoc import article_dict
from storybrief.settings import DEFAULT, LIMITS, ClusterSettings
from storybrief.terminal import json_text, shown

if TYPE_CHECKING:
    from storybrief.distributed import DaskPile
    from storybrief.llm import LLMSpec

app = typer.Typer(
    help="Turn many news articles about one story into one cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def _say(message: str) -> None:
    """Print ``message`` on stderr, as one line of text: a path or id in it is shown, its
    control characters never reach the terminal (``terminal.shown``)."""
    err.print(shown(message), markup=False)


class BriefFormat(StrEnum):
    md = "md"
    json = "json"
    html = "html"


class Grain(StrEnum):
    """What a story is (``ClusterSettings.grain``): a day's event, or a storyline's topic."""

    event = "event"
    topic = "topic"


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

# The options only `stories` takes: its JSONL pile and where its results go.
JsonlPile = Annotated[
    Path | None,
    typer.Option(
        "--jsonl",
        exists=True,
        dir_okay=False,
        help='Articles, one a line: {"id", "text" | "html", "title", "published", "outlet", '
        '"url"}; --out gets {"id", "story", "duplicate_of"} lines, in the same order.',
    ),
]
GroupOnly = Annotated[
    bool, typer.Option("--group-only", help="With --jsonl: group only, write no briefs.")
]
BriefsDir = Annotated[
    Path | None,
    typer.Option(help="With --jsonl: directory of the briefs (default: OUT's name + -briefs)."),
]
Workers = Annotated[
    int, typer.Option(min=1, help="Worker processes writing the briefs (without --dask).")
]

StoryGrain = Annotated[
    Grain,
    typer.Option(
        help="What a story is: one event (a day's feed: a storyline's days apart) or a topic"
        " (an archive: a storyline over days or weeks, one story)."
    ),
]
UseLLM = Annotated[
    bool,
    typer.Option(
        "--llm",
        help="Write the summary in prose with a language model, every sentence checked against"
        " its sources (the packaged Qwen2.5-Coder-1.5B unless --llm-model or --llm-url).",
    ),
]
LLMUrl = Annotated[
    str | None,
    typer.Option(
        "--llm-url",
        metavar="URL",
        help="An OpenAI-compatible endpoint to ask (http://localhost:11434/v1); implies --llm.",
    ),
]
LLMModel = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        metavar="PATH",
        help="A GGUF model file, or with --llm-url the model's name there; implies --llm.",
    ),
]


def _llm(use: bool, url: str | None, model: str | None) -> LLMSpec | None:
    """The model asked for, if any; the optional package is imported only then."""
    if not (use or url or model):
        return None
    from storybrief.llm import LLMSpec

    _say("storybrief: the language model writes the summary; this takes a minute")
    return LLMSpec(model=model, url=url)


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
        _say(f"storybrief: skipped {a.source}: {a.reason}")
    removed = sum(len(a.removed) for a in articles)
    _say(
        f"storybrief: read {plural(len(articles), 'input')}: "
        f"{len(articles) - len(skipped)} used, {len(skipped)} skipped; "
        f"{plural(removed, 'boilerplate line')} removed."
    )
    return 1 if skipped or not articles else 0


def _warn(warnings: list[StageWarning], where: str = "") -> None:
    """Say on stderr, a line each, what parts of a brief could not be made."""
    for w in warnings:
        on = f" (article {w.article})" if w.article else ""
        _say(f"storybrief: warning: {where}{w.stage} left out{on}: {w.message}")


def _in_a_folder(path: Path | None) -> Path | None:
    """A file to write, checked before any work (``_file_to_write``): a missing folder, or a
    folder given for the file, is a usage error, not an error after a long run."""
    if path is not None:
        _file_to_write(path)
    return path


def _folder_to_write(path: Path, option: str) -> None:
    """Raise a usage error if ``path``, a folder to write into, is a file (a missing one is
    made)."""
    if path.exists() and not path.is_dir():
        raise typer.BadParameter(
            f"{shown(str(path))} is a file: give the folder to write into", param_hint=option
        )


def _file_to_write(path: Path, option: str | None = None) -> None:
    """Raise a usage error if ``path`` cannot be written as a file: it is a folder, or its
    folder does not exist."""
    if path.is_dir():
        raise typer.BadParameter(
            f"{shown(str(path))} is a folder: give the file to write", param_hint=option
        )
    if not path.parent.is_dir():
        raise typer.BadParameter(f"no such folder: {shown(str(path.parent))}", param_hint=option)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        _say(f"storybrief: wrote {output}")


@app.command()
def brief(
    inputs: Inputs,
    fmt: Annotated[BriefFormat, _format("Output format.")] = BriefFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file, not stdout.", callback=_in_a_folder
        ),
    ] = None,
    words: Words = pipeline.DEFAULT_WORDS,
    allow_private: AllowPrivate = False,
    llm: UseLLM = False,
    llm_url: LLMUrl = None,
    llm_model: LLMModel = None,
) -> None:
    """Write the brief of the story the INPUTS tell: summary, agreements, conflicts, quotes."""
    spec = _llm(llm, llm_url, llm_model)
    with _progress("Reading articles") as advance:
        result = pipeline.run(
            inputs,
            words=words,
            on_read=advance,
            allow_private=allow_private,
            llm=spec,
            budget=LIMITS.brief_seconds,
        )
    _write(render(result, fmt.value), output)
    _warn(result.warnings)
    # One brief of several stories mixes them up; say so, and what to run instead.
    if (told := stories_told(result.articles)) > 1:
        _say(
            f"storybrief: warning: these articles seem to tell {told} different stories;"
            " `storybrief stories` writes a brief of each."
        )
    raise typer.Exit(_report(result.articles))


@app.command()
def stories(
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Directory to write the briefs into; with --jsonl, the file of results."
        ),
    ],
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, glob patterns or URLs (pages or RSS/Atom feeds)."),
    ] = None,
    jsonl: JsonlPile = None,
    group_only: GroupOnly = False,
    briefs: BriefsDir = None,
    fmt: Annotated[BriefFormat, _format("Format of each brief.")] = BriefFormat.html,
    words: Words = pipeline.DEFAULT_WORDS,
    allow_private: AllowPrivate = False,
    dask: Dask = None,
    workers: Workers = 2,
    grain: StoryGrain = Grain.event,
    llm: UseLLM = False,
    llm_url: LLMUrl = None,
    llm_model: LLMModel = None,
) -> None:
    """Split a pile of articles (a feed, a crawl) into stories and write a brief of each."""
    spec = _llm(llm, llm_url, llm_model)
    settings = ClusterSettings(grain=grain.value)
    if jsonl is not None or not inputs or group_only or briefs is not None:
        source, target = _jsonl_run(inputs, jsonl, out, group_only, briefs)
        run = _JsonlRun(source, out, target, settings)
        raise typer.Exit(_stories_jsonl(run, fmt.value, words, dask, spec, workers))
    group = partial(_read_and_group_files, inputs or [], allow_private, settings)
    grouped = _grouped_into(out, group, workers if dask is None else 1)
    raise typer.Exit(_stories_files(*grouped, out, fmt.value, words, dask, spec, workers))


# A pile read and grouped: its articles, their stories, and each copy's original.
_Grouped = tuple[list[Article], list[list[Article]], dict[int, int]]


def _grouped_into(out: Path, group: Callable[[], _Grouped], workers: int) -> _Grouped:
    """``group()`` run meanwhile the models load (``runners.grouped_meanwhile``), once ``out``
    is checked to be a folder the briefs can be written into: a usage error before any work."""
    _folder_to_write(out, "--out")
    return runners.grouped_meanwhile(group, workers)


def _read_and_group_files(
    inputs: list[str], allow_private: bool, settings: ClusterSettings
) -> _Grouped:
    """The articles of ``inputs``, read and cleaned; their stories (``settings``) and copies."""
    with _progress("Reading articles") as advance:
        articles = pipeline.read(inputs, on_read=advance, allow_private=allow_private)
    with _progress("Grouping into stories"):
        return articles, *pipeline.stories_and_copies(articles, settings)


def _stories_files(
    articles: list[Article],
    grouped: list[list[Article]],
    copies: dict[int, int],
    out: Path,
    fmt: str,
    words: int,
    dask: str | None,
    spec: LLMSpec | None,
    workers: int,
) -> int:
    """``stories INPUTS``: brief each story of the read articles into ``out``."""
    skipped = [a for a in articles if not a.ok]
    write = _local_briefs(grouped, words, dask, workers)
    _write_briefs(len(grouped), out, skipped, fmt, words, spec, write)
    _say(f"storybrief: {stories_phrase(len(grouped))} in {out}; {copies_phrase(len(copies))}")
    return _report([a for story in grouped for a in story] + skipped)


def _jsonl_run(
    inputs: list[str] | None, jsonl: Path | None, out: Path, group_only: bool, briefs: Path | None
) -> tuple[Path, Path | None]:
    """The pile ``stories --jsonl`` reads and where it writes its briefs (None: nowhere).

    Raise a usage error if the options do not make a ``--jsonl`` run.
    """
    if inputs and jsonl is None:  # here for --group-only or --briefs given with INPUTS
        raise typer.BadParameter(
            "--group-only and --briefs go with --jsonl FILE; with INPUTS, every story's brief"
            " is written into --out",
            param_hint="--group-only / --briefs",
        )
    if inputs:
        raise typer.BadParameter("give INPUTS or --jsonl FILE, not both", param_hint="INPUTS")
    if jsonl is None:
        raise typer.BadParameter("INPUTS or --jsonl FILE is needed", param_hint="--jsonl")
    if group_only or out.is_dir():  # else writing the briefs makes a missing folder
        _file_to_write(out, "--out")
    if group_only:
        return jsonl, None
    target = briefs or out.with_name(f"{out.stem}-briefs")
    _folder_to_write(target, "--briefs")
    return jsonl, target


@dataclasses.dataclass(frozen=True)
class _JsonlRun:
    """A ``stories --jsonl`` run: the pile, its output file, where its briefs go (None:
    nowhere) and how it is grouped."""

    jsonl: Path
    out: Path
    target: Path | None
    settings: ClusterSettings


def _stories_jsonl(
    run: _JsonlRun, fmt: str, words: int, dask: str | None, spec: LLMSpec | None, workers: int
) -> int:
    """``stories --jsonl``: group the pile, brief each story into ``run.target`` unless None."""
    jsonl, target = run.jsonl, run.target
    if dask is None:
        group = partial(_read_and_group, jsonl, target is not None, run.settings)
        pile = runners.grouped_meanwhile(group, workers if target is not None else 1)
        if target is not None:
            write = _local_briefs(pile.stories, words, workers=workers)
            _brief_pile(pile, target, fmt, words, spec, write)
    else:
        from storybrief.distributed import DaskPile, dask_client

        with dask_client(dask) as client:
            job = DaskPile(client, run.settings)
            with _progress("Reading, cleaning and grouping on Dask") as advance:
                pile = job.group(jsonl_lines(jsonl), str(jsonl), on_read=advance)
            if target is not None:
                _brief_pile(pile, target, fmt, words, spec, _dask_briefs(job, pile.stories, words))
    write_lines(pile, run.out)
    _say(f"storybrief: wrote {run.out}; {pile.counts()}")
    return 1 if any("error" in line.record() for line in pile.lines) else 0


def _read_and_group(jsonl: Path, briefs: bool, settings: ClusterSettings) -> Pile:
    """The pile of ``jsonl``, read, cleaned and grouped (``pile.group_pile``) by ``settings``."""
    with _progress("Reading articles") as advance:
        lines = read_lines(jsonl_lines(jsonl), str(jsonl), on_read=advance)
    return group_pile(lines, settings, progress=_progress, briefs=briefs)


# Writes a brief of each story, calling its argument once per brief written.
BriefAll = Callable[[Callable[[], None]], Iterable[Brief]]


def _local_briefs(
    stories: list[list[Article]], words: int, dask: str | None = None, workers: int = 1
) -> BriefAll:
    """The briefs written here (on ``workers`` processes), or of stories grouped here on
    Dask (``--dask`` with INPUTS)."""
    write = runners.writer(words)
    return lambda advance: runners.briefs_in_order(
        stories, write, on_done=advance, scheduler=dask, workers=workers
    )


def _dask_briefs(job: DaskPile, stories: list[list[Article]], words: int) -> BriefAll:
    """The briefs of a pile grouped on Dask, written where its articles are."""
    write = partial(
        runners.brief_or_warning, words=words, settings=DEFAULT, budget=LIMITS.brief_seconds
    )
    chunk = partial(runners.brief_chunk, write)  # each task's texts parsed in one batch
    return lambda advance: job.briefs(stories, chunk, runners.failed_brief, advance)


def _brief_pile(
    pile: Pile, target: Path, fmt: str, words: int, spec: LLMSpec | None, brief_all: BriefAll
) -> None:
    """Write the pile's briefs into ``target``; mark the lines of a story whose brief failed."""
    failed = _write_briefs(len(pile.stories), target, pile.skipped, fmt, words, spec, brief_all)
    for number, reason in failed.items():
        fail_story(pile, number, reason)


def _page(out: Path, number: int, brief: Brief, fmt: str) -> Entry:
    """Write a story's brief into ``out``; its index entry, with why it failed if it did."""
    name = f"{number:02d}-{_slug(headline(brief))}.{fmt}"
    failed = next((w.message for w in brief.warnings if w.stage == "brief"), None)
    try:
        (out / name).write_text(with_back_link(render(brief, fmt), fmt), encoding="utf-8")
    except Exception as error:  # an error boundary: one story's page must not end the run
        return Entry(number, brief, None, describe(error))
    _warn(brief.warnings, f"{name}: ")
    return Entry(number, brief, name, failed)


def _write_briefs(
    count: int,
    out: Path,
    skipped: list[Article],
    fmt: str,
    words: int,
    spec: LLMSpec | None,
    brief_all: BriefAll,
) -> dict[int, str]:
    """Write the brief of each of ``count`` stories (``brief_all``), the index and
    ``index.json`` into ``out``.

    Returns the reason of each story (numbered from 1) whose brief failed.
    """
    out.mkdir(parents=True, exist_ok=True)
    # No refresh thread: a process with a second thread cannot safely fork its workers.
    with _progress("Writing briefs", count, thread=False) as advance:
        briefs = brief_all(advance)
        if spec is not None:  # here, not on Dask workers: one model, loaded once, in this process
            from storybrief.llm import rewrite

            briefs = [rewrite(b, spec, DEFAULT.llm, words=words) for b in briefs]
        # Each page written as its brief comes (``runners.briefs_in_order``), while a pool
        # writes the next briefs.
        entries = [_page(out, n, brief, fmt) for n, brief in enumerate(briefs, start=1)]
    _write(to_index(entries, skipped, fmt), out / f"index.{fmt}")
    if fmt != "json":
        (out / "index.json").write_text(to_index(entries, skipped, "json"), encoding="utf-8")
    return {e.number: e.error for e in entries if e.error}


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
    head = [f"== {shown(article.id)} ({shown(article.source)}) =="]
    if not article.ok:
        return "\n".join([*head, f"Skipped: {shown(article.reason or '')}", ""])
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
        sys.stdout.write(json_text(docs, indent=2) + "\n")
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
    out: Annotated[
        Path,
        typer.Option("--out", help="Where to write {id, summary} lines.", callback=_in_a_folder),
    ],
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
    _say(
        f"storybrief: wrote {counts.clusters} summaries to {out}"
        + (
            f'; {counts.failed} clusters could not be used (see their "error")'
            if counts.failed
            else ""
        )
    )
    raise typer.Exit(1 if counts.failed else 0)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_private: AllowPrivate = False,
    llm: UseLLM = False,
    llm_url: LLMUrl = None,
    llm_model: LLMModel = None,
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
        allow_private=allow_private,
        hosts=allowed_hosts(host, allowed_host or []),
        limits=limits,
        llm=_llm(llm, llm_url, llm_model),
    )
    _say(f"storybrief: serving on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning")


# Libraries that log their own workings at INFO or ERROR (a page with no article
# text, say); storybrief reports each input's fate itself, once, in plain words.
_CHATTY = ("trafilatura", "readability", "htmldate", "courlan", "absl")


def quiet_libraries() -> None:
    """Leave stderr to storybrief's own lines: libraries speak only of what goes wrong."""
    # wordllama sets the root logger to INFO on import: stderr is for the user, not libraries.
    logging.basicConfig(
        level=logging.WARNING, format="storybrief: %(name)s: %(message)s", force=True
    )
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    # Dask sets its loggers to INFO when imported (later, by --dask), from its config, which
    # reads this variable: else every worker's start and stop buries the closing counts. The
    # worker processes inherit it; a user who set it keeps theirs.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")


def main() -> None:
    """Console entry point: a one-line error instead of a traceback, whatever happens."""
    quiet_libraries()
    try:
        app()
    except Exception as exc:  # the last line of defence; inputs fail softly before this
        _say(f"storybrief: error: {exc}")
        sys.exit(1)
