"""Batch mode: summarize a JSONL file of story clusters on every core.

Each input line is one cluster, ``{"id" or "cluster_id", "docs": [str, ...]}``
(other keys are ignored); each output line is ``{"id", "summary"}``, in input
order, one per input line. A line that cannot be summarized still gets its
output line, with an empty summary and an ``"error"``, so outputs stay aligned
with inputs and one bad cluster does not stop a long run.

Clusters are spread over worker processes; each worker has the embedding
model loaded once (by the parent, before it forks them, where it can fork)
and keeps it for all the clusters it is given.

A batch is many stories, which tells furniture apart from news: a paragraph
found in the documents of several clusters (``storybrief.clean.shared``)
belongs to no story, so it is dropped from every document before the
clusters are summarized.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from storybrief.clean.shared import paragraph_key, shared_paragraphs, story_keys
from storybrief.ingest import parse_line
from storybrief.models import Article
from storybrief.nlp.embeddings import model
from storybrief.pipeline import prepare
from storybrief.processes import one_blas_thread, worker_context
from storybrief.summarize import summarize
from storybrief.terminal import json_text

# Clusters handed to a worker at a time: large enough to keep inter-process
# traffic small, small enough for a smooth progress bar and an even split.
CHUNK = 4

# One thread per worker: with a worker per core, the BLAS and tokenizer thread
# pools of every worker would fight over the same cores (measured: twice as slow).
_ONE_THREAD = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


class BatchCounts(NamedTuple):
    """What a batch run wrote: output lines, and how many of them carry an error."""

    clusters: int
    failed: int


def _cluster_id(record: Any) -> Any:
    value = record.get("id", record.get("cluster_id")) if isinstance(record, dict) else None
    # Python reads Infinity and NaN, but they are not JSON: written back, no reader could parse it.
    return str(value) if isinstance(value, float) and not math.isfinite(value) else value


def _docs(record: Any) -> list[str] | None:
    docs = record.get("docs") if isinstance(record, dict) else None
    if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
        return None
    return docs


def paragraph_keys(line: str) -> set[str]:
    """The keys (``clean.shared.story_keys``) of the lines of one cluster's documents."""
    try:
        docs = _docs(parse_line(line))
    except ValueError:
        return set()
    return story_keys(paragraph for doc in docs or [] for paragraph in doc.split("\n"))


def _summary(cluster: Any, docs: list[str], words: int, furniture: frozenset[str]) -> str:
    """The summary of one cluster's documents, paragraphs whose key is in ``furniture`` dropped."""
    if furniture:
        docs = [
            "\n".join(p for p in doc.split("\n") if paragraph_key(p) not in furniture)
            for doc in docs
        ]
    articles = [
        Article(id=f"d{i}", source=f"{cluster}:d{i}", kind="text", raw=doc)
        for i, doc in enumerate(docs)
    ]
    return " ".join(s.text for s in summarize(_usable(prepare(articles)), words=words))


class NoDocument(ValueError):
    """A cluster with no usable document: its message is the whole error a reader needs."""


def _usable(prepared: list[Article]) -> list[Article]:
    """The usable documents; raise ``NoDocument`` saying why when there is none.

    An empty summary with no error would read as the summary of nothing.
    """
    usable = [a for a in prepared if a.ok]
    if not usable:
        why = sorted({a.reason for a in prepared if a.reason}) or ['"docs" is empty']
        raise NoDocument(f"no usable document: {'; '.join(why)}")
    return usable


def summarize_record(
    line: str, words: int, furniture: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The output record for one input line; never raises: a line is its own error boundary.

    Paragraphs whose key is in ``furniture`` (``shared_paragraphs``) are dropped first.
    """
    try:
        record = parse_line(line)
    except ValueError as error:
        return {"id": None, "summary": "", "error": f"invalid JSON: {error}"}
    cluster = _cluster_id(record)
    docs = _docs(record)
    if docs is None:
        return {"id": cluster, "summary": "", "error": '"docs" must be a list of strings'}
    try:
        return {"id": cluster, "summary": _summary(cluster, docs, words, furniture)}
    except NoDocument as error:
        return {"id": cluster, "summary": "", "error": str(error)}
    except Exception as error:  # one failing cluster must not end the batch
        return {"id": cluster, "summary": "", "error": f"{type(error).__name__}: {error}"}


# The batch's furniture, set once in each worker rather than sent with every cluster.
_furniture: frozenset[str] = frozenset()


def _start_worker(furniture: frozenset[str]) -> None:
    global _furniture
    _furniture = furniture
    one_blas_thread()  # ``_ONE_THREAD`` comes too late for a forked worker
    model()


def _summarize_line(job: tuple[str, int]) -> dict[str, Any]:
    line, words = job
    return summarize_record(line, words, _furniture)


@contextmanager
def _child_environment(variables: dict[str, str]) -> Iterator[None]:
    """Set ``variables`` (unless the user set them) for processes started in the block."""
    added = {k: v for k, v in variables.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            del os.environ[key]


def _results(
    lines: list[str], words: int, workers: int, furniture: frozenset[str]
) -> Iterator[dict[str, Any]]:
    if workers <= 1 or len(lines) <= 1:
        yield from (summarize_record(line, words, furniture) for line in lines)
        return
    jobs = [(line, words) for line in lines]
    context = worker_context(__name__)
    if context.get_start_method() == "fork":
        # Loaded before forking, the model is shared by every worker, not loaded by each.
        model()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(furniture,)
    ) as pool:
        # ``map`` submits every chunk at once, so the workers start in this block.
        with _child_environment(_ONE_THREAD):
            results = pool.map(_summarize_line, jobs, chunksize=CHUNK)
        yield from results


def summarize_jsonl(
    in_path: Path,
    out_path: Path,
    words: int,
    workers: int = 2,
    on_done: Callable[[], None] | None = None,
) -> BatchCounts:
    """Summarize every cluster of ``in_path`` into ``out_path``; count what was written.

    ``on_done`` is called once per cluster as its output line is written, in
    input order, for progress reporting.
    """
    # Bytes that are not UTF-8 become U+FFFD: the line still gets its output
    # line (an error, if it no longer parses) and the rest of the file goes on.
    text = in_path.read_bytes().decode("utf-8-sig", errors="replace")
    # Lines end at "\n" only, as JSON Lines says: ``str.splitlines`` would also cut
    # at a U+2028 or a form feed, which JSON allows raw inside a string.
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line starts no line of its own
    furniture = shared_paragraphs(map(paragraph_keys, lines))
    return write_records(_results(lines, words, workers, furniture), out_path, on_done)


def write_records(
    records: Iterable[dict[str, Any]], out_path: Path, on_done: Callable[[], None] | None = None
) -> BatchCounts:
    """Write output records to ``out_path``, one a line, in order; count them and their errors."""
    clusters = failed = 0
    with out_path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json_text(record) + "\n")
            clusters += 1
            failed += "error" in record
            if on_done is not None:
                on_done()
    return BatchCounts(clusters, failed)
