"""A person first named in a summary by the full name the story gives, not a bare surname.

News copy introduces a person once ("Augusto Pinochet", "Lee Teng-hui") and
then uses the surname alone ("Pinochet said ..."). A summary quoting only the
later sentence shows a name the reader was never given. Its first bare
mention is rewritten to the story's own full form ("Lee decided ..." →
"Lee Teng-hui decided ..."), which is exact only when the story gives one
full form for that surname: a surname the story gives two ("Kim Dae-jung",
"Kim Jong Il") is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Titles that make the name after them a person's.
_PERSON_TITLES = frozenset(
    "president minister premier gen general sen senator rep gov governor mr mrs ms dr judge"
    " justice king queen prince princess pope chancellor secretary lt col capt maj adm sgt"
    " rev sir lord lady dame gov. gen. sen. rep. mr. mrs. ms. dr. lt. col. capt. maj. adm."
    " sgt. rev. mayor sheriff commissioner chairman chairwoman deputy detective officer"
    " professor prof. father bishop cardinal rabbi imam sheikh ayatollah coach".split()
)
# Words that open a run of capitals without being part of a person's name.
_TITLES = _PERSON_TITLES | frozenset(
    "the a an in on at of for and but as by to from with after before when while if this that"
    " foreign defense interior finance vice chief former leader speaker ambassador st."
    " monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december north south east west new"
    " united great".split()
)
# A role, or speech, just before a name; speech or an age just after it.
_ROLES = (
    r"dictator|leader|spokes(?:man|woman|person)|minister"
    r"|president|chief|director|official|secretary|lawyer|attorney|actor|actress|singer"
    r"|player|coach|founder|executive|ceo|chairman|commander|author|professor|dissident"
    r"|rebel|officer|sheriff|detective|senator|governor|mayor|prosecutor|judge"
    # ...and the roles the dev summaries' bare names had ("campaign manager Corey
    # Lewandowski", "Nobel Peace Prize winner Josi Ramos-Horta").
    r"|manager|adviser|advisor|aide|winner|laureate|scientist|researcher|physicist"
    r"|astronomer|economist|analyst|activist|candidate|nominee|reporter|correspondent"
    r"|inspector|owner|teacher|student|doctor"
)
_PERSON_BEFORE = re.compile(rf"\b(?:said|says|told|according to|{_ROLES}),? $")
# After the name: speech, an age, or an apposition naming a role or kin, which
# introduces the person the story then calls by surname ("Bill Vallie, general
# manager of the funeral home", "Vel McKee, daughter of Lois Hicks", "Dan Hooper —
# a senior scientist").
_PERSON_AFTER = re.compile(
    r"(?:,? (?:said|says|told|added|wrote)\b|, \d{1,3},"
    # ...modifiers first ("general manager"), no clause ("a city whose mayor").
    r"|(?:,| [—–]) (?:a |an |the )?"
    r"(?:(?!(?:who|whose|where|which|that|with|of|in|on|at|for|and)\b)[a-z][\w'-]* ){0,3}"
    rf"(?:{_ROLES}|(?:grand)?(?:daughter|son|mother|father)|wife|husband|sister|brother)\b)"
)
_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)+")
# A given name after a family name, as in "Lee Teng-hui", "Kim Dae-jung".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
# "McKee", "O'Neill": a prefix with a capital after it is still one plain name.
_WORD = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?")
# Last words of an institution's name, not a person's ("Chicago Police Department").
_INSTITUTIONS = frozenset(
    "department police party council court agency ministry office airport university"
    " committee commission company corp inc association union bank church army force"
    " services news times post journal street county city state island river school"
    " hospital museum institute center centre foundation group club team league olympics"
    " games cup championship series festival awards".split()
)
_LOWER = re.compile(r"\b[a-z][a-z'-]*\b")
# Particles inside a name: "bin Laden", "de Gaulle" are no bare "Laden", "Gaulle".
_PARTICLES = frozenset("bin ibn al el de del della di da van von der le la du dos ben".split())
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


def _full_names(text: str) -> Iterable[tuple[str, str]]:
    """(bare name, full name) of each person ``text`` names in full.

    A run of capitals names a person when, titles left off, it is two or three
    plain words and something marks it as a person: a title it opens with
    ("Gen. Augusto Pinochet"), a role before it ("dictator Augusto Pinochet"),
    speech next to it ("said Jeff Sarpong", "Jeff Sarpong said") or an age
    after it ("Jeff Sarpong, 34,"). The bare name is its last word, or its
    first when a hyphenated given name follows ("Lee Teng-hui"). Every run
    also yields its first word with the run marked "~" (no name to give it),
    so that "Kim" after "Kim Dae-jung" and "Kim Jong Il" is known to be ambiguous.
    """
    for match in _RUN.finditer(text):
        parts, titled = _untitled(match.group())
        if len(parts) < 2:
            continue
        yield parts[0], "~" + " ".join(parts)
        if _plain_name(parts) and (
            titled
            or _PERSON_BEFORE.search(text[: match.start()])
            or _PERSON_AFTER.match(text[match.end() :])
        ):
            hyphenated = len(parts) == 2 and _HYPHENATED_GIVEN.fullmatch(parts[1])
            yield parts[0 if hyphenated else -1], " ".join(parts)


def _untitled(run: str) -> tuple[list[str], bool]:
    """The words of a run of capitals without the titles it opens with, and
    whether one of those was a person's title."""
    parts = [p.rstrip(".,") for p in run.split()]
    titled = False
    while parts and parts[0].lower() in _TITLES:
        titled = titled or parts[0].lower() in _PERSON_TITLES
        parts.pop(0)
    return parts, titled


def _plain_name(parts: list[str]) -> bool:
    """Whether two or three words can be a person's name: capitalised words,
    none a title, month or day, the last no institution's."""
    return (
        len(parts) <= 3
        and all(_WORD.fullmatch(p) and p.lower() not in _TITLES for p in parts)
        and parts[-1].lower() not in _INSTITUTIONS
    )


class Names:
    """The full name the story gives each bare name, where it gives exactly one."""

    def __init__(self, texts: Iterable[str]) -> None:
        forms: dict[str, set[str]] = {}
        lower: set[str] = set()  # a word the story writes in lower case is no name
        for text in texts:
            lower.update(_LOWER.findall(text))
            for bare, full in _full_names(text):
                forms.setdefault(bare, set()).add(full)
        # A bare name with one full form, and in no other run of capitals.
        self.full = {
            bare: full
            for bare, f in forms.items()
            if bare.lower() not in lower
            and len({form.lstrip("~") for form in f}) == 1
            and (full := max(f, key=lambda form: not form.startswith("~")))[:1] != "~"
        }
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.full))) + r")\b(?!-)")
            if self.full
            else None
        )

    def _mentions(self, text: str) -> Iterable[re.Match[str]]:
        """The bare mentions in ``text``: a known name with no capitalised word,
        "the" or title ("Gen.") just before it and no capitalised word after it."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            before = text[: match.start()].split()[-1:]
            after = text[match.end() :].split()[:1]
            if before and (
                _CAPITALISED.fullmatch(before[0]) or before[0].lower() in _PARTICLES | {"the"}
            ):
                continue
            if (
                after
                and _CAPITALISED.fullmatch(after[0])
                and match.end() < len(text)
                and (text[match.end()] == " ")
            ):
                continue
            yield match

    def bare(self, text: str) -> frozenset[str]:
        """The names ``text`` gives bare (never in full) that the story gives in full."""
        found = {m.group() for m in self._mentions(text)}
        return frozenset(b for b in found if self.full[b] not in text)

    def extra_words(self, name: str) -> int:
        """The words the full form adds to a bare ``name``."""
        return len(self.full[name].split()) - 1

    def introduce(self, texts: Sequence[str]) -> list[str]:
        """``texts``, read in order, with each name's first mention in full."""
        shown: set[str] = set()
        out = []
        for text in texts:
            for name in sorted(self.bare(text) - shown):
                first = next(m for m in self._mentions(text) if m.group() == name)
                text = text[: first.start()] + self.full[name] + text[first.end() :]
            shown.update(b for b, full in self.full.items() if full in text or b in text)
            out.append(text)
        return out
