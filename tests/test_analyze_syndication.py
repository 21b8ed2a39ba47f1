"""Syndication on hand-written stories: a reprint, and two outlets quoting one statement."""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Syndication

STATEMENT = (
    '"Sam was the kindest boy I have ever taught," said his teacher, Ann Lee. '
    '"He loved to make everyone laugh. '
    "He will be missed by all of his classmates. "
    'Our counsellors are at the school all week."'
)
LOCAL = f"""School mourns pupil

A school in Dayton is mourning a first-grader who died in a house fire on Friday. \
Firefighters said the blaze started in the kitchen. {STATEMENT} A vigil is planned for Monday.
"""
NATIONAL = f"""Boy dies in Ohio fire

A six-year-old boy died when fire swept through his family's home in Dayton, officials said. \
His mother and sister escaped through a window. {STATEMENT} The cause is under investigation.
"""
WIRE = """Boy dies in Ohio fire

A six-year-old boy died when fire swept through his family's home in Dayton, officials said. \
His mother and sister escaped through a window. Firefighters fought the blaze for two hours. \
Two neighbouring houses were damaged by smoke. The cause is under investigation.
"""
QUOTING_REPRINT = """Dayton mourns

A six-year-old boy died when fire swept through his family's home in Dayton, officials said. \
His mother and sister escaped through a window. The cause is under investigation. \
"He was always smiling," a neighbour said. "We are heartbroken. The whole street is. \
We will hold a vigil on Monday. Please keep the family in your prayers. Nobody should lose a \
child like this." Neighbours said they heard a loud bang before the flames.
"""


def syndication_of(*texts: str) -> list[Syndication]:
    return run(StoryContext.from_texts(*texts), "syndication")


def test_a_shared_quoted_statement_is_no_copy() -> None:
    # Both quote the school's statement, each in its own words around it.
    assert syndication_of(LOCAL, NATIONAL) == []


def test_a_reprint_among_quotes_of_its_own_is_a_copy() -> None:
    # Its quotes are most of its sentences, but every sentence of its own
    # words is taken from the original.
    assert [(s.copy, s.original) for s in syndication_of(WIRE, QUOTING_REPRINT)] == [("t1", "t0")]
