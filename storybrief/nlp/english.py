"""Facts about English news text that several stages read the same way.

One function-word list (and the share of a text's words it holds), one list
item's mark, one test of balanced quotation marks and one way to count a noun
("3 stories"), so that the cleaner, the sentence splitter, the language check,
the summarizer, the analysis, the renderers and the command's reports agree on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# English function words: their density separates prose from labels and lists,
# and they carry no content of their own.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just may me might more most must my myself no nor not
    now of off on once only or other our ours out over own same she should so some such
    than that the their theirs them then there these they this those through to too under
    until up upon very was we were what when where which while who whom why will with
    would yet you your yours""".split()
)


def function_word_share(words: Sequence[str]) -> float:
    """The share of ``words`` (lower case) that are function words; 0 for no words."""
    return sum(w in STOPWORDS for w in words) / max(len(words), 1)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word`` in the number ``n`` takes: "1 source", "3 sources"; ``many``
    for a plural not made with an "s" ("2 stories", "3 near-exact copies")."""
    return f"{n} {word if n == 1 else many or word + 's'}"


# A list item's mark opening a line ("• ", "– ", "3) "): the cleaner keeps such items, and
# the sentence splitter makes each one an item of its own.
BULLET = re.compile(r"^\s*(?:[•\u2022\u25aa\u25cf*–—-]|\d+[.)])\s+")

# Typographic and Penn-Treebank (DUC) forms of double quotation marks.
OPENING_QUOTES = ("“", "``")
CLOSING_QUOTES = ("”", "''")


def balanced_quotes(text: str) -> bool:
    """Whether every quotation opened in ``text`` is closed in it, and vice versa."""
    if text.count('"') % 2:
        return False
    opened = sum(text.count(q) for q in OPENING_QUOTES)
    closed = sum(text.count(q) for q in CLOSING_QUOTES)
    return opened == closed
