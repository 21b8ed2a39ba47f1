"""A person first named in a summary by the full name the story gives, not a bare surname.

News copy introduces a person once ("Augusto Pinochet", "Lee Teng-hui") and
then uses the surname alone ("Pinochet said ..."). A summary quoting only the
later sentence shows a name the reader was never given. Its first bare
mention is rewritten to the story's own full form ("Lee decided ..." →
"Lee Teng-hui decided ..."), which is exact only when the story gives one
full form for that surname: a surname the story gives two ("Kim Dae-jung",
"Kim Jong Il") is left as written. A full name nothing marks as a person's
("Earl Conlon, a Georgia trucker who ...") still is one where the story has the
surname alone speak ("Conlon said"), and it is that surname's only full form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from storybrief.clean.dates import MONTH_NAMES, WEEKDAYS

# Titles that make the name after them a person's.
_PERSON_TITLES = frozenset(
    "president minister premier gen general sen senator rep gov governor mr mrs ms dr judge"
    " justice king queen prince princess pope chancellor secretary lt col capt maj adm sgt"
    " rev sir lord lady dame gov. gen. sen. rep. mr. mrs. ms. dr. lt. col. capt. maj. adm."
    " sgt. rev. mayor sheriff commissioner chairman chairwoman deputy detective officer"
    " professor prof. father bishop cardinal rabbi imam sheikh ayatollah coach".split()
)
# Words that open a run of capitals without being part of a person's name.
_TITLES = (
    _PERSON_TITLES
    | frozenset(
        "the a an in on at of for and but yet nor as by to from with after before when while if"
        " this that foreign defense interior finance vice chief former leader speaker ambassador"
        " st. north south east west new united great".split()
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTH_NAMES)
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
# A person's title, office or role inside a run of capitals: the name follows it
# ("House Speaker Paul Ryan", "Police Chief Charlie Beck", "Deputy Prosecutor Graham Blewitt").
_INNER_TITLE = re.compile(rf"{'|'.join(_PERSON_TITLES)}|leader|speaker|ambassador|{_ROLES}")
_PERSON_BEFORE = re.compile(rf"\b(?:said|says|told|according to|{_ROLES}),? $")
# Speech or an age right after a name: "Conlon said", "Conlon, 54,".
_SPEECH_AFTER = r",? (?:said|says|told|added|wrote)\b|, \d{1,3},"
# After the name: speech, an age, or an apposition naming a role or kin, which
# introduces the person the story then calls by surname ("Bill Vallie, general
# manager of the funeral home", "Vel McKee, daughter of Lois Hicks", "Dan Hooper —
# a senior scientist").
_PERSON_AFTER = re.compile(
    rf"(?:{_SPEECH_AFTER}"
    # ...modifiers first ("general manager"), no clause ("a city whose mayor").
    r"|(?:,| [—–]) (?:a |an |the )?"
    r"(?:(?!(?:who|whose|where|which|that|with|of|in|on|at|for|and)\b)[a-z][\w'-]* ){0,3}"
    rf"(?:{_ROLES}|(?:grand)?(?:daughter|son|mother|father)|wife|husband|sister|brother)\b)"
)
# The bare surname as a speaker ("Conlon said", "said Conlon", "Conlon, 54,"), not an
# addressee ("told Reuters"): who speaks in news copy is a person (or an outlet, whose
# longer name is as exact).
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|according to),? $")
_SPEAKER_AFTER = re.compile(_SPEECH_AFTER)
_LISTED = re.compile(r" (?:and|&) [A-Z]")
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
# A compound of a lower-case word ("Republican-led", "Anti-war"), no given name.
_COMPOUND = re.compile(r"-[a-z]")
_LOWER = re.compile(r"\b[a-z][a-z'-]*\b")
# Nouns a bare name modifies rather than names its bearer with ("Clinton
# administration officials", "the Netanyahu government", "Trump aides").
_MODIFIED = frozenset(
    "administration government era campaign camp presidency regime aides cabinet".split()
)
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
        if not _plain_name(parts):
            # "^": another run the surname ends ("George H.W. Bush" beside "Prescott Bush").
            yield parts[-1], "^" + " ".join(parts)
            continue
        hyphenated = len(parts) == 2 and _HYPHENATED_GIVEN.fullmatch(parts[1])
        yield parts[0 if hyphenated else -1], _mark(text, match, titled) + " ".join(parts)


def _mark(text: str, match: re.Match[str], titled: bool) -> str:
    """How the plain run ``match`` names a person: "" marked as one (a title, a role,
    speech, an age); "?" unmarked, a full name only if the surname alone speaks
    (``_standalone``); "^" no name of its own, as in a list of given names that share
    the surname ending it ("Parents Ashley and Evan Boyle")."""
    if (
        titled
        or _PERSON_BEFORE.search(text[: match.start()])
        or _PERSON_AFTER.match(text[match.end() :])
    ):
        return ""
    return "^" if _LISTED.match(text, match.end()) else "?"


def _standalone(text: str) -> Iterable[tuple[str, bool, bool]]:
    """Each capitalised word ``text`` gives on its own, out of any run of capitals,
    whether it speaks there ("Conlon said", "said Conlon"), and whether after
    "said" ("said Roula": no place or group is named so)."""
    for match in _WORD.finditer(text):
        if match.group().lower() in _TITLES:
            continue
        said = bool(_SPEAKER_BEFORE.search(text[: match.start()]))
        # "..., said Geng." ends on the speaker: alone, though a full stop follows.
        ending = said and text[match.end() : match.end() + 1] == "."
        if _alone(text, match.start(), match.end(), ending):
            yield match.group(), said or bool(_SPEAKER_AFTER.match(text[match.end() :])), said


def _alone(text: str, start: int, end: int, ending: bool = False) -> bool:
    """Whether ``text[start:end]`` is a word of its own, no run of capitals: a
    capitalised word before it is a title or function word ("But Conlon said").
    ``ending``: a full stop after it ends the sentence on it."""
    before = text[:start].split()[-1:]
    return (
        text[start - 1 : start] in ("", " ")
        and (text[end : end + 1] in ("", " ", ",") or ending)
        and not (before and _CAPITALISED.fullmatch(before[0]) and before[0].lower() not in _TITLES)
        and not (text[end : end + 1] == " " and _CAPITALISED.match(text, end + 1))
    )


def _untitled(run: str) -> tuple[list[str], bool]:
    """The words of a run of capitals without the titles it opens with, and
    whether one of those was a person's title.

    A person's title inside the run ends what comes before it too, where two
    words or more follow: "Moscow Mayor Yuri Luzhkov" and "European Commission
    President Jacques Santer" name Yuri Luzhkov and Jacques Santer, whom the
    story then calls by surname ("Luzhkov said"). Not "Stephen King".
    """
    parts = [p.rstrip(".,") for p in run.split()]
    titled = False
    while parts and parts[0].lower() in _TITLES:
        titled = titled or parts[0].lower() in _PERSON_TITLES
        parts.pop(0)
    inner = [i for i, p in enumerate(parts) if _INNER_TITLE.fullmatch(p.lower())]
    if inner and inner[-1] < len(parts) - 2:
        return parts[inner[-1] + 1 :], True
    return parts, titled


def _plain_name(parts: list[str]) -> bool:
    """Whether two or three words can be a person's name: capitalised words,
    none a title, month or day, the last no institution's."""
    return (
        len(parts) <= 3
        and all(_WORD.fullmatch(p) and p.lower() not in _TITLES for p in parts)
        and parts[-1].lower() not in _INSTITUTIONS
    )


def _unmarked(bare: str, forms: set[str], lower: set[str], alone: set[str]) -> set[str]:
    """``forms`` with each unmarked one ("?") kept only as a person's name (``_person``)."""
    out = {form for form in forms if not form.startswith("?")}
    for form in forms - out:
        words = form[1:].split()
        while words and words[0].lower() in lower:
            words.pop(0)  # it opened a sentence or quotation: "Once Goran Jelisic ..."
        # A run that is no person's name still shows the surname in another name.
        out.add(("?" if _person(words, bare, alone) else "^") + " ".join(words))
    return out


def _person(words: list[str], bare: str, alone: set[str]) -> bool:
    """Whether unmarked ``words`` read as a given name and the surname ``bare``: none of
    the other words stands alone in the story ("Chile Spain": "Chile" does) or, before
    the surname, is a compound of a lower-case word ("Republican-led Congress") or an
    institution's ("Secretary of State Madeleine Albright" gives "State Madeleine Albright")."""
    given = words[: words.index(bare)] if bare in words else []
    return (
        len(words) >= 2
        and alone.isdisjoint(w for w in words if w != bare)
        and not any(map(_COMPOUND.search, given))
        and not any(w.lower() in _INSTITUTIONS for w in given)
    )


def _one_form(forms: set[str], speaks: bool) -> str | None:
    """The one full name among a surname's ``forms`` (from ``_full_names``), if any.

    Forms marked as a person's decide alone, as before the unmarked ones were
    counted (a title-less "Secretary-General Kofi Annan" beside "Kofi Annan" is no
    second person). With none, an unmarked form is the name where the surname
    speaks on its own (``_unmarked_form``).
    """
    runs = {form for form in forms if form[:1] not in "?^"}
    if speaks and all(form.startswith("~") for form in runs):
        return _unmarked_form(forms)
    names = {form.lstrip("~") for form in runs}
    named = any(not form.startswith("~") for form in runs)
    return names.pop() if len(names) == 1 and named else None


def _unmarked_form(forms: set[str]) -> str | None:
    """The one unmarked full name ("?") in ``forms``, where every other run the
    surname is in is that name or ends with it ("Bosnian Serb Goran Jelisic")."""
    names = {form[1:] for form in forms if form.startswith("?")}
    name = names.pop() if len(names) == 1 else None
    if name and all(
        form[1:] == name or form.endswith(" " + name) for form in forms if form[:1] in "~^"
    ):
        return name
    return None


def _family_first(
    forms: dict[str, set[str]], alone: set[str], speakers: set[str]
) -> dict[str, str]:
    """Full names whose first word is the one the story has speak alone ("Geng Shuang",
    "Kim Jong Un": "said Geng"), for names written family name first.

    The run must be marked as a person's under its last word, be the only run that
    word opens, and that last word never stand alone in the story: then the first word
    alone can only mean that person. It must speak alone somewhere, as a person does
    ("China" opens "China Sports Daily" and stands alone, but says nothing).
    """
    out: dict[str, str] = {}
    for first in speakers:
        runs = forms.get(first, set())
        if len(runs) != 1 or not next(iter(runs)).startswith("~"):
            continue
        name = next(iter(runs))[1:]
        last = name.split()[-1]
        if last not in alone and name in forms.get(last, set()):
            out[first] = name
    return out


def _read(
    texts: Iterable[str],
) -> tuple[dict[str, set[str]], set[str], set[str], set[str], set[str]]:
    """What ``Names`` reads of a story's ``texts``: each bare name's full forms
    (``_full_names``), the words it writes in lower case (no name), and the
    capitalised words it gives out of any run of capitals: those that speak
    there, all of them, and those "said" puts alone."""
    forms: dict[str, set[str]] = {}
    lower: set[str] = set()
    speakers: set[str] = set()
    alone: set[str] = set()
    said: set[str] = set()
    for text in texts:
        lower.update(_LOWER.findall(text))
        for word, speaks, after_said in _standalone(text):
            alone.add(word)
            if speaks:
                speakers.add(word)
            if after_said:
                said.add(word)
        for bare, full in _full_names(text):
            forms.setdefault(bare, set()).add(full)
    return forms, lower, speakers, alone, said


def _people(forms: dict[str, set[str]], said: set[str]) -> set[str]:
    """The words of every person's name the story gives (``_full_names``' forms read as
    a person's: marked, or unmarked and read as a person's by ``_unmarked``), and the
    words "said" puts alone ("said Roula", "said Strawberry"): a speaker."""
    people = set(said)
    for found in forms.values():
        for form in found:
            if form[:1] not in "~^":
                people.update(form.lstrip("?").split())
    return people


def _modifier(after: str) -> bool:
    """Whether the word after a name makes the name a modifier, no mention of its
    bearer: a capitalised word ("Clinton Foundation") or a noun a name qualifies
    ("Clinton administration officials said": no "Bill Clinton administration")."""
    return bool(_CAPITALISED.fullmatch(after)) or after.rstrip(".,;:") in _MODIFIED


class Names:
    """The full name the story gives each bare name, where it gives exactly one,
    and the people it names whom no one full form introduces (``people``)."""

    def __init__(self, texts: Iterable[str]) -> None:
        forms, lower, speakers, alone, said = _read(texts)
        forms = {bare: _unmarked(bare, f, lower, alone) for bare, f in forms.items()}
        # A bare name with one full form, and in no other run of capitals.
        self.full = {
            bare: full
            for bare, f in forms.items()
            if bare.lower() not in lower and (full := _one_form(f, bare in speakers))
        }
        self.full |= _family_first(forms, alone, speakers - lower.union(map(str.title, lower)))
        self.people = _people(forms, said) - lower.union(map(str.title, lower)) - set(self.full)
        self._pattern = (
            # Not inside a hyphenated name, on either side ("al-Baghdadi", "Ramos-Horta").
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(self.full))) + r")\b(?!-)")
            if self.full
            else None
        )

    def _mentions(self, text: str) -> Iterable[re.Match[str]]:
        """The bare mentions in ``text``: a known name with no capitalised word,
        "the" or title ("Gen.") just before it and no capitalised word or noun it
        modifies after it (``_modifier``)."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            before = text[: match.start()].split()[-1:]
            after = text[match.end() :].split()[:1]
            if before and (
                _CAPITALISED.fullmatch(before[0]) or before[0].lower() in _PARTICLES | {"the"}
            ):
                continue
            if after and text[match.end() : match.end() + 1] == " " and _modifier(after[0]):
                continue
            yield match

    def bare(self, text: str) -> frozenset[str]:
        """The names ``text`` gives bare (never in full) that the story gives in full."""
        found = {m.group() for m in self._mentions(text)}
        return frozenset(b for b in found if self.full[b] not in text)

    def unintroduced(self, text: str) -> set[str]:
        """The people ``text`` names bare ("Lacovara asked", "said Roula") that no one
        full form of the story introduces: only a sentence naming them before can."""
        return {word for word, _, _ in _standalone(text) if word in self.people}

    def given(self, text: str) -> set[str]:
        """The names ``text`` gives in any form, full or bare ("Clinton administration"):
        after it, the summary shows none of them in full."""
        return {b for b, full in self.full.items() if full in text or b in text}

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
            shown.update(self.given(text))
            out.append(text)
        return out


def introductions(
    names: Names, articles: Sequence[Sequence[str]], told: Iterable[tuple[int, int, str]]
) -> list[int | None]:
    """For each sentence ``told`` (its article's position in ``articles``, its index
    there, its text), the index of the earlier sentence of its article that first
    names a person it names bare and no full form introduces (``Names.unintroduced``),
    where only that article names the person: "“..., we quickly realized this was a
    one-sided conversation,” said Roula." needs "Deejays Roula and Ryan from Houston's
    104.1 KRBE ...". None if it needs none. A name several articles give is the
    story's, as "Trump" is, and needs no introduction.
    """
    first = [_first_mentions(texts) for texts in articles]
    count = Counter(word for seen in first for word in seen)
    out: list[int | None] = []
    for article, index, text in told:
        earlier = [
            first[article][word]
            for word in names.unintroduced(text)
            if count[word] == 1 and first[article].get(word, index) < index
        ]
        out.append(max(earlier) if earlier else None)
    return out


def _first_mentions(texts: Sequence[str]) -> dict[str, int]:
    """The index of the first of ``texts`` that gives each capitalised word."""
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        for word in _WORD.findall(text):
            seen.setdefault(word, i)
    return seen
