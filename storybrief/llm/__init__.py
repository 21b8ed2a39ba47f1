"""Optional: the summary rewritten in plain prose by a language model, every sentence checked.

``storybrief brief --llm`` (and ``stories``) hands the model the evidence the
analysis found (``prompt``), lets it write a short brief with a citation marker
per sentence (``backends``: a local GGUF file through llama-cpp-python, or an
OpenAI-compatible endpoint), and keeps only the sentences whose content words,
numbers, names and negations its evidence carries (``verify``). Any failure -
no model, no answer in time, an endpoint down - leaves the extracted summary
in place, with a warning (stage "llm").

Nothing here is imported unless a model is asked for: a brief without
``--llm`` neither needs nor loads it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from storybrief.errors import describe
from storybrief.llm.backends import backend_for
from storybrief.llm.prompt import evidence_of, prompt_of
from storybrief.llm.verify import Checked, verified_summary
from storybrief.models import Brief, StageWarning
from storybrief.settings import LLMSettings


@dataclass(frozen=True)
class LLMSpec:
    """Which model writes the prose: a GGUF file, an endpoint, or the packaged Qwen (neither).

    ``model`` is a GGUF path for the local backend, or the model's name at ``url``.
    """

    model: str | None = None
    url: str | None = None


def rewrite(brief: Brief, spec: LLMSpec, settings: LLMSettings, *, words: int) -> Brief:
    """``brief`` with its summary in verified prose; on failure, unchanged and warned."""
    return rewritten(brief, spec, settings, words=words)[0]


def rewritten(
    brief: Brief, spec: LLMSpec, settings: LLMSettings, *, words: int
) -> tuple[Brief, Checked | None]:
    """``rewrite``, and what the verification kept of the model's text (None: no text)."""
    if not brief.summary:
        return brief, None
    try:
        evidence = evidence_of(brief, settings)
        backend = backend_for(spec.model, spec.url, settings)
        text = backend.generate(prompt_of(evidence, words), int(words * settings.tokens_per_word))
        checked = verified_summary(text, evidence, settings, words=words)
    except Exception as exc:  # an error boundary: the extracted summary stands
        return _warned(brief, f"{describe(exc)}; the extracted summary stands"), None
    if not checked.sentences:
        return _warned(brief, "no sentence the model wrote is supported by its sources"), checked
    warnings = list(brief.warnings)
    if checked.replaced or checked.dropped:
        warnings.append(
            StageWarning(
                "llm",
                f"{checked.replaced + checked.dropped} of {checked.written} sentences the model"
                f" wrote are not supported by their sources: {checked.replaced} replaced by the"
                f" extracted sentence they paraphrase, {checked.dropped} left out",
            )
        )
    return dataclasses.replace(brief, summary=checked.sentences, warnings=warnings), checked


def _warned(brief: Brief, message: str) -> Brief:
    return dataclasses.replace(brief, warnings=[*brief.warnings, StageWarning("llm", message)])
