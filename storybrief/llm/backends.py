"""Where the prose comes from: one small interface, two backends.

``Backend.generate(prompt, max_tokens)`` returns the model's answer, written
deterministically (temperature 0, a fixed seed) so that the same evidence
gives the same brief. ``LlamaBackend`` runs a GGUF file in this process with
llama-cpp-python (the optional ``llm`` extra); ``HttpBackend`` asks any
OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server, vLLM)
with the standard library, so it needs nothing installed.
"""

from __future__ import annotations

import atexit
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from storybrief.llm.packaged import packaged_model
from storybrief.settings import LLMSettings


class LLMError(RuntimeError):
    """The model could not be asked, or did not answer in time."""


@dataclass(frozen=True)
class Prompt:
    """What the model is told: its role (``system``) and the task with its evidence (``user``)."""

    system: str
    user: str

    def messages(self) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user},
        ]


class Backend(Protocol):
    def generate(self, prompt: Prompt, max_tokens: int) -> str: ...


class LlamaBackend:
    """A GGUF model run here, on ``settings.threads`` threads, within ``settings.seconds``."""

    def __init__(self, path: Path, settings: LLMSettings) -> None:
        try:  # the optional extra: a brief without --llm never needs it
            from llama_cpp import Llama
        except ImportError as exc:
            raise LLMError(
                "llama-cpp-python is not installed (pip install 'storybrief[llm]'),"
                " or use --llm-url"
            ) from exc
        self._settings = settings
        self._model = Llama(
            model_path=str(path),
            n_ctx=settings.context,
            n_threads=settings.threads,
            n_threads_batch=settings.threads,
            seed=settings.seed,
            verbose=False,
        )
        # Freed before the interpreter tears llama_cpp down: a model the cache still holds
        # at exit would otherwise be freed after, and print a TypeError on the way out.
        atexit.register(self._model.close)

    def generate(self, prompt: Prompt, max_tokens: int) -> str:
        # Streamed, so that a model too slow for the budget is stopped, not waited for.
        deadline = time.monotonic() + self._settings.seconds
        # From an empty state: llama.cpp reuses the previous prompt's shared prefix, and
        # logits computed in other batches differ in their last bits, enough to tip a greedy
        # choice, so the same prompt could get another text the second time.
        self._model.reset()
        chunks = self._model.create_chat_completion(
            messages=prompt.messages(),  # type: ignore[arg-type]
            max_tokens=max_tokens,
            temperature=0.0,
            seed=self._settings.seed,
            stream=True,
        )
        pieces: list[str] = []
        for chunk in chunks:
            pieces.append(chunk["choices"][0]["delta"].get("content") or "")  # type: ignore[index]
            if time.monotonic() > deadline:
                raise LLMError(f"the model took over {self._settings.seconds:.0f} s")
        return "".join(pieces)


class HttpBackend:
    """A model behind an OpenAI-compatible endpoint (``url`` ends before ``/chat/completions``)."""

    def __init__(self, url: str, model: str | None, settings: LLMSettings) -> None:
        self._url = url.rstrip("/") + "/chat/completions"
        self._model = model or "default"
        self._settings = settings

    def generate(self, prompt: Prompt, max_tokens: int) -> str:
        body = {
            "model": self._model,
            "messages": prompt.messages(),
            "max_tokens": max_tokens,
            "temperature": 0,
            "seed": self._settings.seed,
            "stream": False,
        }
        request = urllib.request.Request(
            self._url,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._settings.seconds) as response:
                answer: Any = json.load(response)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise LLMError(f"{self._url} did not answer: {exc}") from exc
        try:
            return str(answer["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"{self._url} gave no chat completion") from exc


@lru_cache(maxsize=2)
def backend_for(model: str | None, url: str | None, settings: LLMSettings) -> Backend:
    """The backend asked for, loaded once per process: briefs of many stories share it."""
    if url is not None:
        return HttpBackend(url, model, settings)
    path = Path(model) if model else packaged_model()
    if not path.is_file():
        raise LLMError(f"no model file {path}")
    return LlamaBackend(path, settings)
