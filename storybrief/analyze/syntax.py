"""What several analyses ask of a parse: the entity under a word, conditions, the person named.

One function per question, so two analyses asking the same thing get the
same answer, and two that ask different things say so by name: whether a
clause *is* a condition ("if Iraq asks", ``heads_condition``) is not whether
it *holds only under* one (``in_condition``: anything inside "if ..."). The
person a pronoun stands for is the speakers' ``antecedent``: it needs the
article around the sentence, not only its parse.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from storybrief.analyze.entities import Names, title_start, titled_surname

CONDITIONS = {"if", "unless"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl"}
_NAME_LABELS = {"PERSON", "ORG", "NORP"}  # labels the small model gives a lone surname


def passive(verb: Token) -> bool:
    """Whether a verb is passive: "was fabricated", "have been debunked", "has been called"."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def objects_of(words: Iterable[Token], preposition: str, dep: str | None = "pobj") -> list[Token]:
    """The objects of ``words``' ``preposition`` phrases: "nine of **the activists**", "nothing
    about **Bieber**". With ``dep`` None every word under the preposition counts, a clause's
    verb too ("denial of having **lied**"), not only its noun object.
    """
    phrases = [c for w in words for c in w.children if c.dep_ == "prep" and c.lower_ == preposition]
    return [o for p in phrases for o in p.children if dep is None or o.dep_ == dep]


def that_clause(token: Token) -> bool:
    """Whether a word heads a "that" clause, the content of a claim or report: "reports
    **that** the embassy flew the flag". Not a clause of another conjunction: "a request
    **for** officials to fly it" asks, "no word **whether** it flew" tells nothing.
    """
    return token.dep_ in {"acl", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def entity_span(token: Token) -> Span | None:
    """The named entity a word is part of ("States" of "the United States"), if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def heads_condition(head: Token) -> bool:
    """Whether ``head`` heads a condition itself: an adverbial clause "if ...", "unless ...".

    The clause is then what must hold for another ("... if Iraq asks"), not a
    fact of its own.
    """
    return head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in head.children
    )


def in_condition(token: Token) -> bool:
    """Whether ``token`` holds only under a condition: it or a clause above it is "if ...".

    Unlike ``heads_condition`` any clause marked so counts, whatever the
    parser hangs it by, and so does every word inside it.
    """
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS
        for t in (token, *token.ancestors)
        for c in t.children
    )


def clause_apart(verb: Token) -> bool:
    """Whether a verb heads a clause that stands on its own within its sentence: it has
    its own subject, and it is a conjunct ("... but police did not say why") or a
    semicolon parts it from its head ("customers are not stupid; retailers have posted
    signs", which the parser may hang as one clause's complement).

    Its negation is its own: it does not deny the clause it hangs from, nor the other way.
    """
    if verb.head.i == verb.i or not any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    low, high = sorted((verb.i, verb.head.i))
    return verb.dep_ == "conj" or any(
        t.text == ";" and t.head in (verb, verb.head) for t in verb.doc[low + 1 : high]
    )


def negation_holds(negation: Token, clause: set[Token]) -> bool:
    """Whether a negation word denies the clause ``clause``'s tokens make: going up from
    it to the clause's top, it meets no clause apart (``clause_apart``) on the way, so
    the "not" of "customers are not stupid; Costco posted signs" does not deny the posting.
    """
    token = negation
    while token.head in clause and token.head.i != token.i:
        if clause_apart(token):
            return False
        token = token.head
    return True


def written_name(name: Span) -> str:
    """A name as the text gives it, with a gendered title before a lone surname: "Mrs.
    Yeltsin" is resolved as the entities have it, never as the Yeltsin of the other gender."""
    doc = name.doc
    titled = titled_surname(doc[title_start(doc, name.start, set()) : name.end])
    return (titled or name).text


def person_named(token: Token, names: Names) -> str | None:
    """The person a word names: within a PERSON entity, or a known person's name.

    A lone surname ("Milano spoke up", "Christman said") names the one known
    person whose full name ends with it.
    """
    ent = entity_span(token)
    text = written_name(ent if ent is not None else token.doc[token.i : token.i + 1])
    if text.startswith("@"):
        return None  # a tweet's handle, next to the name it stands for
    name = names.resolve(text) or text
    # The small model often labels a lone surname ORG or NORP, or not at all.
    surname = ent.label_ in _NAME_LABELS if ent is not None else token.pos_ == "PROPN"
    full = _sole_bearer(name, names) if surname else None
    if full is not None:
        return full
    if name in names.people or (ent is not None and ent.label_ == "PERSON"):
        return name
    return None


def _sole_bearer(surname: str, names: Names) -> str | None:
    """The one known person whose full name ends with a lone ``surname``, if exactly one."""
    if " " in surname:
        return None
    full = [p for p in names.people if " " in p and p.split()[-1] == surname]
    return full[0] if len(full) == 1 else None
