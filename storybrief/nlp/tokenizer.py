"""spaCy's tokenizer as the parse uses it: a closing mark stuck to the next word split off,
and its special cases loaded once, not three times.

A loaded model's tokenizer is first made from the language's defaults, special
cases and all, then replaced by the model's own from its files (special cases
loaded again); changing its infixes after that loads them a third time, as each
special case's matching depends on them. Each load took 0.1-0.25 s of CPU before
the first brief (a third of the model's load), in the serial part of a pool's run.
Here the tokenizer starts bare and the stuck-mark infixes are put in the model's
files' data as it is read, so the special cases are loaded once, with them: the
same tokenizer, its serialized form byte for byte (checked by ``tests/test_tokenizer.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

NAME = "storybrief.tokenizer.v1"  # the name ``spacy.load``'s config gives the factory
# A closing mark a text left with no space before the next word ('... so do voters!”Former
# candidate Jeb Bush said'): as one token, the name after a statement is read as a word of it
# and cannot speak it. Only the curly closing mark: a straight one may open the quote ('told
# him,"I have a weapon"'), which the parse then hangs elsewhere.
STUCK_QUOTES = (r"(?<=\w)[,.?!](?=”)", r"(?<=[,.?!])”(?=\w)")


class _Tokenizer(Tokenizer):
    """spaCy's tokenizer, its infixes the language's and ``STUCK_QUOTES`` whatever it reads."""

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Tokenizer:
        data = srsly.msgpack_loads(bytes_data)
        data["infix_finditer"] = self.infix_finditer.__self__.pattern
        return super().from_bytes(srsly.msgpack_dumps(data), exclude=exclude)


@registry.tokenizers(NAME)
def stuck_quotes_tokenizer() -> Callable[[Language], Tokenizer]:
    """A factory of bare tokenizers with the stuck-mark infixes, for ``spacy.load``'s config."""

    def make(nlp: Language) -> Tokenizer:
        infixes = compile_infix_regex([*nlp.Defaults.infixes, *STUCK_QUOTES])
        return _Tokenizer(nlp.vocab, infix_finditer=infixes.finditer)

    return make
