"""The web app under load: many users POST a 5-article story at once.

Usage: PYTHONPATH=. .venv/bin/python bench/load.py [--requests 200] [--in-flight 20]
       [--workers 2] [--baseline-requests N] [--story examples/iran-iraq-2014]

Starts ``storybrief serve`` on a free port of 127.0.0.1 with ``--workers``
processes and sends ``--requests`` POSTs of ``/api/brief`` (the story's five
texts), ``--in-flight`` at a time; counts the answers by status and reports
throughput and latency (p50, p95). Baseline, in the same run: the same
briefs made by a plain ``multiprocessing`` pool of the same number of
processes, with no server (what the web app's throughput should match), and
the server with one worker (the app's old design, one brief at a time).
Then one request abandoned mid-brief: how long until a worker is free again.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server(workers: int) -> Iterator[str]:
    """``storybrief serve`` with ``workers`` processes; yields its URL once it answers."""
    port = _free_port()
    command = [sys.executable, "-m", "storybrief", "serve", "--port", str(port)]
    process = subprocess.Popen([*command, "--workers", str(workers)], cwd=ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _post(url: str, body: bytes) -> tuple[int, float]:
    """One POST: its status and seconds taken."""
    started = time.monotonic()
    request = urllib.request.Request(url + "api/brief", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def _row(name: str, seconds: float, latencies: list[float], statuses: Counter[int]) -> str:
    cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
    return (
        f"| {name} | {len(latencies)} | {dict(sorted(statuses.items()))} | "
        f"{len(latencies) / seconds:.2f} | {statistics.median(latencies):.1f} | {cuts[18]:.1f} |"
    )


def _load(workers: int, body: bytes, requests: int, in_flight: int) -> str:
    with _server(workers) as url, ThreadPoolExecutor(in_flight) as pool:
        started = time.monotonic()
        results = list(pool.map(lambda _: _post(url, body), range(requests)))
        seconds = time.monotonic() - started
    statuses = Counter(status for status, _ in results)
    return _row(f"server, {workers} worker(s)", seconds, [t for _, t in results], statuses)


def _brief(texts: list[str]) -> float:
    from storybrief import Text, brief, render

    started = time.monotonic()
    render(brief([Text(t) for t in texts]), "json")
    return time.monotonic() - started


def _direct(workers: int, texts: list[str], requests: int) -> str:
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_brief, [texts] * workers)  # load the models in every process first
        started = time.monotonic()
        latencies = pool.map(_brief, [texts] * requests, chunksize=1)
        seconds = time.monotonic() - started
    name = f"baseline: {workers} plain processes"
    return _row(name, seconds, latencies, Counter({200: requests}))


def _abandoned(body: bytes) -> str:
    """How long a brief takes right after another client left mid-brief, on one worker."""
    with _server(1) as url:
        _post(url, body)  # warm
        _, alone = _post(url, body)
        host, port = url.split("/")[2].split(":")
        raw = (
            f"POST /api/brief HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json"
            f"\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        with socket.create_connection((host, int(port))) as client:
            client.sendall(raw + body)
            time.sleep(0.3)  # the brief has started
        _, took = _post(url, body)
    return (
        f"abandoned request: the next brief took {took:.2f} s, against {alone:.2f} s alone "
        "(the abandoned one was stopped, not finished first)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--in-flight", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--baseline-requests", type=int, help="briefs of each baseline (default: --requests)"
    )
    parser.add_argument("--story", type=Path, default=ROOT / "examples" / "iran-iraq-2014")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.story.glob("*.txt"))][:5]
    body = json.dumps({"texts": texts}).encode()
    print(f"{args.requests} POSTs of a {len(texts)}-article story, {args.in_flight} in flight\n")
    print("| run | requests | statuses | briefs/s | p50 s | p95 s |\n|---|---|---|---|---|---|")
    baseline = args.baseline_requests or args.requests
    print(_direct(args.workers, texts, baseline), flush=True)
    print(_load(args.workers, body, args.requests, args.in_flight), flush=True)
    print(_load(1, body, baseline, args.in_flight), flush=True)
    print("\n" + _abandoned(body))


if __name__ == "__main__":
    main()
