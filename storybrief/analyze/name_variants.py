"""Standard short forms of names that share too few letters with the full form for a
rule to tell: English first-name nicknames (Jim for James, Bill for William, Mo for
Maurice) and the abbreviations of a place name's kind (Mt for Mount).

``analyze.entities`` reads them: two full names of one surname whose first names
are a name and its nickname are one person, and "Mt Cook" is "Mount Cook". The
nicknames are the common English hypocorisms whose spelling does not start with
the full name's first three letters (those ``entities.first_names_alike`` already
matches: Fred/Frederick, Alex/Alexander); the table is a standard list written
by hand, not fitted to any data.
"""

from __future__ import annotations

_NICKNAMES: dict[str, tuple[str, ...]] = {
    "albert": ("bert",),
    "alexander": ("sandy", "sasha"),
    "andrew": ("andy", "drew"),
    "anthony": ("tony",),
    "barbara": ("babs",),
    "catherine": ("cathy", "kate", "katie", "kay"),
    "charles": ("chuck", "chas", "chaz", "chip"),
    "christopher": ("chris", "kit"),
    "daniel": ("danny", "dan"),
    "edward": ("ed", "eddie", "ned", "ted", "teddy"),
    "elizabeth": ("beth", "betsy", "betty", "bess", "liz", "lizzie", "libby"),
    "eugene": ("gene",),
    "francis": ("frank",),
    "frederick": ("fred", "freddie"),
    "gerald": ("jerry",),
    "henry": ("hank", "harry"),
    "isabel": ("bel", "izzy"),
    "james": ("jim", "jimmy", "jamie"),
    "jeffrey": ("jeff",),
    "john": ("jack", "johnny", "jon"),
    "joseph": ("joe", "joey"),
    "katherine": ("cathy", "kate", "katie", "kay", "kathy"),
    "lawrence": ("larry",),
    "margaret": ("maggie", "meg", "peg", "peggy", "marge", "madge"),
    "mary": ("molly", "polly", "mae"),
    "maurice": ("mo", "moe"),
    "michael": ("mike", "mick", "mickey"),
    "patricia": ("pat", "patty", "trish"),
    "patrick": ("pat", "paddy"),
    "peter": ("pete",),
    "richard": ("dick", "rick", "ricky", "rich", "richie"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "samuel": ("sam", "sammy"),
    "sarah": ("sally", "sadie"),
    "stephen": ("steve",),
    "steven": ("steve",),
    "susan": ("sue", "suzy"),
    "theodore": ("ted", "teddy", "theo"),
    "thomas": ("tom", "tommy"),
    "william": ("bill", "billy", "will", "willie", "liam"),
}


def _full_names() -> dict[str, frozenset[str]]:
    """Each nickname with the full names it may be short for."""
    full: dict[str, frozenset[str]] = {}
    for name, nicknames in _NICKNAMES.items():
        for nickname in nicknames:
            full[nickname] = full.get(nickname, frozenset()) | {name}
    return full


_FULL = _full_names()

# Abbreviations of the kind of place that starts a name: "Mt Cook", "Ft Worth". "St" is
# left out: Saint and Street both.
PLACE_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "point"}


def nickname_of(x: str, y: str) -> bool:
    """Whether one of two first names (lower case) is a standard nickname of the other,
    or both nicknames of one name: Jim and James, Bill and Billy."""
    return bool(_names_for(x) & _names_for(y))


def _names_for(first: str) -> frozenset[str]:
    """The full names a first name is or may be short for."""
    return _FULL.get(first, frozenset()) | ({first} if first in _NICKNAMES else frozenset())


def unabbreviated(key: str) -> str:
    """A name's key with the kind of place it starts with written out: "mt cook" is
    "mount cook"."""
    first, _, rest = key.partition(" ")
    return f"{PLACE_ABBREVIATIONS[first]} {rest}" if rest and first in PLACE_ABBREVIATIONS else key
