"""Which outlet published a plain-text article, read from its own furniture and dateline.

Precision comes first: a wrong outlet in a brief's source list misleads more
than a missing one. So the outlet is read only where a publisher names
itself, never from the body, which names other outlets ("told the BBC",
"the Guardian reported") and, as often, its own:

- house phrases in the lines the cleaner removed as page furniture: "Get
  email updates from Al Jazeera America", "follow other Independent
  readers", "© 2017 WTOP", "Al Jazeera and wire services", "Analysis from
  Kasra Naji, BBC Persian", "Follow NBC News on Twitter";
- a wire dateline that opens one of the first paragraphs: "WASHINGTON (AP) —",
  "(CNN) --", "SEOUL (Reuters) -". The tag names the agency whose copy it
  is, which a member paper may have printed; the agency is still who wrote
  it, so it is the outlet a brief shows, written out ("Associated Press").

A name must look like one: several capitalised words, an acronym, a domain,
or a newspaper's noun ("Independent" read as "The Independent"); a lone
capitalised word ("Google", "Steele") is too often a person or a platform.
Page furniture names the site that published the page, so it wins over a
dateline; names that disagree within either leave the outlet unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# One word of a name: capitalised, an acronym, a call sign with digits, a domain.
_WORD = r"(?:[A-Z][\w'’&.-]*|\d+)"
_NAME = rf"(?P<name>(?:The )?{_WORD}(?: (?:of )?{_WORD}){{0,5}})"
_YEAR = r"(?:19|20)\d\d"

_COPYRIGHT = re.compile(rf"(?:©|\((?i:c)\)|\b(?i:copyright))\s*©?\s*{_YEAR}\s+(?:by\s+)?{_NAME}")

# House phrases of page furniture, each naming the page's own publisher, and
# whether the phrase is also used of people ("Follow Mike Wall on Twitter", "By
# Ann Lee, Staff Writer"), so that it takes only a name of an outlet's shape.
_FURNITURE = [
    (re.compile(rf"\b(?i:updates|alerts|newsletters?) from {_NAME}"), False),
    (re.compile(rf"\b(?i:other|fellow|our|dear) {_NAME} readers\b"), False),
    (_COPYRIGHT, False),
    (re.compile(rf"^{_NAME} and (?:other )?(?:wire services|news agencies|agencies)\.?$"), False),
    (re.compile(rf"^Find {_NAME} on your TV\b"), False),
    (re.compile(rf"^(?:Follow|More from) {_NAME}(?: on\b|:$)"), True),
    # A correspondent's tag: "Analysis from Kasra Naji, BBC Persian", "By Ann Lee, AP Writer".
    (re.compile(rf"^(?:Analysis|Reporting|Report|By)\b[^,]{{3,60}},\s*{_NAME}$"), True),
]

_DASH = r"(?:—|–|--|-|_)"
# "WASHINGTON (AP) —", "SEOUL, South Korea (AP) _", "Washington (CNN) --",
# "Dec 17 (Reuters) -", "(CNN) —": a place or date, then the tag, then a dash
# and the story's first sentence.
_DATELINE = re.compile(
    rf"^(?P<lead>[^()\n]{{0,80}}?)\s*\((?P<tag>[^()]{{2,30}})\)\s*{_DASH}\s+[A-Z0-9“\"‘']"
)
_PLACE = re.compile(r"^.*\b[A-Z]{2,}[A-Z .'’-]*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?$")
# "Washington", "Dec 17", or nothing: also how a term and its abbreviation
# open a sentence ("Coronary Heart Disease (CHD) - The"), so known wires only.
_SHORT_LEAD = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z0-9][\w.'’-]*){0,3})?$")
_TAG = re.compile(r"^[A-Z0-9][A-Z0-9&]+(?:[ /][A-Z0-9][A-Z0-9&]*){0,2}$")  # AP, WRDW/WAGT
# Kickers that take a dateline's place: "(VIDEO) —" labels the piece, not its source.
_NOT_TAGS = frozenset(
    "VIDEO VIDEOS PHOTO PHOTOS PICTURES UPDATE UPDATED FILE WATCH LIVE AUDIO EXCLUSIVE".split()
)
_WIRES = {
    "AP": "Associated Press",
    "The Associated Press": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "CNN": "CNN",
    "CN": "Courthouse News Service",
    "Reuters": "Reuters",
    "Bloomberg": "Bloomberg",
    "Xinhua": "Xinhua",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "Interfax": "Interfax",
}
_DATELINE_PARAGRAPHS = 3  # a caption or kicker the cleaner kept may come first

# A newspaper named by its noun alone ("Independent readers") takes its article.
_PAPER_NOUNS = frozenset(
    """Independent Guardian Telegraph Times Observer Post Herald Tribune Mirror Sun Star
    Globe Journal Examiner Chronicle Gazette Inquirer Economist Atlantic Hill""".split()
)
# Words that end the name of an outlet rather than of a person.
_OUTLET_NOUNS = _PAPER_NOUNS | frozenset(
    "News Press Magazine Daily Radio TV Network Channel Today TODAY Online".split()
)
# Desks and services after a broadcaster's initials: "BBC Persian", "NBC News Investigations".
_DESKS = frozenset(
    """News Persian Arabic Urdu Hindi Russian Turkish Mundo Monitoring World Service
    Investigations Sports Online Digital Wire""".split()
)
# The last word of a correspondent's title: "AP Science Writer", "NBC Chief Foreign Correspondent".
_ROLES = frozenset("Staff Writer Writers Reporter Correspondent Editor Producer".split())
# Holders of the rights in photos, maps and embeds, not publishers of the article.
_NOT_OUTLETS = re.compile(
    r"\b(?:Images?|Photos?|Pictures|Getty|Shutterstock|iStock|Google|Facebook|Twitter|YouTube"
    r"|Instagram|Microsoft|Apple)\b"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")
_POSSESSIVE = re.compile(r"['’]s\b")
_DOMAIN = re.compile(r"^[A-Z][\w-]*\.(?:com|org|net|news|co\.uk)$")


def infer_outlet(furniture: Iterable[str], paragraphs: Sequence[str]) -> str | None:
    """The outlet an article's own furniture or dateline names, or None when unsure.

    ``furniture`` are the lines cleaning removed from the article (not the
    body: it cites other outlets); ``paragraphs`` the body kept, whose first
    few are read for a wire dateline only.
    """
    named = _agreed(n for line in furniture if (n := _furniture_name(line.strip())))
    if named:
        return named
    return _agreed(t for p in paragraphs[:_DATELINE_PARAGRAPHS] if (t := _dateline_agency(p)))


def _furniture_name(line: str) -> str | None:
    for pattern, outlet_shape_only in _FURNITURE:
        if (m := pattern.search(line)) and (name := _canonical(m.group("name"), outlet_shape_only)):
            return name
    return None


def copyright_holder(line: str) -> str | None:
    """The outlet a copyright notice names ("© 2019 Hawaii News Now" gives Hawaii News Now)."""
    match = _COPYRIGHT.search(line)
    return _canonical(match.group("name"), outlet_shape_only=False) if match else None


def _dateline_agency(paragraph: str) -> str | None:
    if not (m := _DATELINE.match(paragraph)):
        return None
    lead, tag = m.group("lead").strip(), m.group("tag").strip()
    if _PLACE.match(lead):
        return _WIRES.get(tag) or (tag if _TAG.match(tag) and tag not in _NOT_TAGS else None)
    return _WIRES.get(tag) if _SHORT_LEAD.match(lead) else None


def _canonical(name: str, outlet_shape_only: bool) -> str | None:
    """The name as a brief shows it, or None when it does not look like an outlet."""
    # A name runs on into the next sentence: "© 2017 WTOP. All Rights Reserved."
    name = re.split(r"[.!?] ", name)[0].rstrip(".'’-")
    if _POSSESSIVE.search(name):
        return None  # "Follow NBC's Ann Lee on Twitter": the outlet's reporter, not the outlet
    words = name.split()
    if _NOT_OUTLETS.search(name) or not words or words == ["The"]:
        return None
    if _is_desk(words):
        return _WIRES.get(words[0], words[0])
    if len(words) == 1:
        return _one_word_outlet(name)
    if outlet_shape_only and not outlet_shaped(words):
        return None
    return _WIRES.get(name, name)


def _is_desk(words: list[str]) -> bool:
    """A broadcaster's initials then a desk or a title: "BBC Persian", "AP Science Writer"."""
    return bool(
        _ACRONYM.match(words[0])
        and len(words) > 1
        and (set(words[1:]) <= _DESKS or words[-1] in _ROLES)
    )


def _one_word_outlet(word: str) -> str | None:
    """A one-word name that is an outlet's: a newspaper's noun, a wire, an acronym, a domain."""
    if word in _PAPER_NOUNS:
        return f"The {word}"
    return _WIRES.get(word) or (word if _ACRONYM.match(word) or _DOMAIN.match(word) else None)


def outlet_shaped(words: list[str]) -> bool:
    """A name of several words that reads as an outlet's, not a person's: "The Hill", "NBC News"."""
    return bool(words[0] == "The" or words[-1] in _OUTLET_NOUNS or _ACRONYM.match(words[0]))


def _agreed(names: Iterable[str]) -> str | None:
    """The one outlet all the names are spellings of, the longest; None when they differ.

    "Al Jazeera" (a credit line) and "Al Jazeera America" (a sign-up box)
    agree: one is the start of the other.
    """
    found = sorted(set(names), key=len)
    if not found:
        return None
    longest = found[-1]
    if all(longest == n or longest.startswith(n + " ") for n in found):
        return longest
    return None
