"""spaCy's entity labels for names, in one place: the entity analysis merges them
across spellings and the sentence shortener keeps the words they cover.

A module of its own, importing nothing: ``summarize`` and ``analyze`` import each
other's modules, so a list kept in either would risk an import cycle.
"""

from __future__ import annotations

# Who and where: the entities merged across spellings.
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# What else a story may name and the brief lists: "Internet Explorer", "Twilight",
# the "Endangered Species Act".
OTHER_NAMES = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
