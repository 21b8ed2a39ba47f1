"""Standard short forms of names that share too few letters with the full form for a
rule to tell: English first-name nicknames (Jim for James, Bill for William, Mo for
Maurice) and the abbreviations of a place name's kind (Mt for Mount).

``analyze.entities`` reads them: two full names of one surname whose first names
are a name and its nickname are one person, and "Mt Cook" is "Mount Cook". The
nicknames are the common English hypocorisms whose spelling does not start with
the full name's first three letters (those ``entities.first_names_alike`` already
matches: Fred/Frederick, Alex/Alexander); the table is a standard list written
by hand, not fitted to any data.

A story may also state a second name outright: "Mark Felt, known as Deep Throat",
"Gigante was nicknamed 'The Oddfather'". ``named_by_verb`` reads such a statement
from the parse (``analyze.entities`` keeps it when both ends are names it found).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

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


# The verbs that give a thing a name: the lemmas of WordNet 3.0's synset name.v.01
# ("assign a specified (usually proper) proper name to") and of its direct hyponyms
# (a test reads them there), and "know", whose passive "known as" is how news copy most
# often gives a second name, a sense WordNet files under knowing. A class, not the names
# of any story.
NAMING_VERBS = frozenset(
    {"name", "call", "baptize", "baptise", "christen", "refer", "style", "title", "dub"}
    | {"nickname", "rename", "entitle", "term", "tag", "know"}
)
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"acl", "relcl"}  # "Mark Felt, (who was) known as ...": the noun is the named


def named_by_verb(doc: Doc) -> list[tuple[Token, Token]]:
    """(named, name given) token pairs a naming verb ties in a sentence: the noun it
    modifies, its passive subject or its object, with its predicate ("oprd") or the
    object of its "as". Either may be any noun: the caller keeps names."""
    pairs = []
    for verb in doc:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in NAMING_VERBS:
            given = _given(verb)
            named = _named(verb, given)
            pairs += [(named, g) for g in given if named is not None]
    return pairs


def _given(verb: Token) -> list[Token]:
    """The names a naming verb gives: its predicate ("nicknamed 'The Oddfather'"), the
    object of its "as" ("known as Deep Throat"), or the object of a bare participle
    opening a clause, which the parser takes for one ("Dubbed the 'Oddfather', he")."""
    opening = verb.dep_ == "advcl" and verb.tag_ == "VBN" and not _child(verb, *_SUBJECTS)
    deps = {"oprd", "dobj"} if opening else {"oprd"}
    given = [c for c in verb.children if c.dep_ in deps]
    return given + [o for c in verb.children if c.lower_ == "as" for o in _kids(c, "pobj")]


def _named(verb: Token, given: list[Token]) -> Token | None:
    """What a naming verb names: the noun its clause modifies, its passive subject, the
    object an active one names ("dubbed Felt 'Deep Throat'"), or the subject of the clause
    its opening participle modifies."""
    if verb.dep_ in _RELATIVE:
        return None if _in_phrase_of_noun(verb.head) else verb.head
    if verb.dep_ == "advcl" and any(g.dep_ == "dobj" for g in given):
        return _child(verb.head, *_SUBJECTS)
    return _child(verb, "nsubjpass") or next(
        (c for c in _kids(verb, "dobj") if c not in given), None
    )


def _in_phrase_of_noun(noun: Token) -> bool:
    """Whether a noun is the object of a phrase of another noun ("a show for Vexor called
    ..."): the clause after it may name either, and the parse cannot tell which."""
    return noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN"


def _child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` by one of the dependencies ``deps``."""
    return next(_kids(token, *deps), None)


def _kids(token: Token, *deps: str) -> Iterator[Token]:
    """The children of ``token`` by one of the dependencies ``deps``."""
    return (c for c in token.children if c.dep_ in deps)
