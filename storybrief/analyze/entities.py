"""Entities: who and what the story involves, under every name the outlets use.

spaCy finds the mentions; they are then merged by signals that hold for any
story, not lists of this story's names:

* the same name ignoring case, dots, a leading "the" and a possessive
  (ISIS/Isis, U.S./US);
* the same words once connectors are dropped ("Islamic State of/in Iraq and
  the Levant");
* an acronym and its expansion, by initials or by an "Expansion (ACR)"
  definition in the text (ISIL, ISIS, US), and the start of an acronym the
  text writes ("IS" beside "ISIS");
* a person's name and its shorter, titled or transliterated forms: a surname
  alone, "al-" dropped, first names spelled alike once vowels are ignored
  (Nouri/Nuri al-Maliki), a title and the country it is of ("Mr Rouhani",
  "US President Barack Obama"), a full name the model took for a body
  ("Amanda Lene Jones") ending in a person's; a title that tells a gender
  ("Mrs. Yeltsin") only with a person whose gender, as the story's titles and
  pronouns show it, is the same;
* a country's short name and its capital when the capital acts (is the
  subject, the object, or the party "with"/"between" whom something happens),
  which is the capital standing for the government ("Washington wanted");
* names apart only by spaces, hyphens or apostrophes (Al-Qaeda/al Qaeda), by
  a generational suffix ("Comeaux Jr."; not beside a first name written otherwise:
  J. Paul Getty is not John Paul Getty III), a nickname in quotes ("Vincent 'The
  Chin' Gigante"), a short first name (Fred/Frederick), or a misspelling of a
  long word told by its consonants (Turkeminstan);
* a surname alone for the person the story names ``dominance`` times as often
  as any relative of that name;
* a body's name and its shorter forms: without a corporate suffix or the kind
  of body or water ("Intel Corp.", "Mediterranean Sea"), without the place it
  starts with ("Boston Red Sox") or is "in", its last word ("Sox") or a
  facility's first ("Promises"), a clipped form ("Jags", "Calif."), and a city
  that acts for the one team named after it ("Indianapolis beat ..."), not for a
  body of its own ("Texas" is no Texas Senate);
* a name the model takes for a person's that never acts and starts the name of
  a body of the story is that body's: "checked into Betty Ford" (the Center);
  and a name it never takes for one that is a person's full name of the story
  written alike (one surname, first names alike) is that person's: "Bettie Mae
  Page" tagged a body beside "Betty Mae Page";
* acronyms spelled by the written name ("U.S. Geological Survey" is USGS),
  never by a place the model does not tag the acronym as, and a standard one
  ("U.N.", "AP") only for its standard expansion, not "Upper Nile";
* then the pairs of names of no person that a learned scorer rates alike
  (``entity_pairs``: "Greenfield Hospital" / "Greenfield Memorial Hospital"), unless the
  shorter name fits two groups ("Korea"), two names of one head meet ("North
  Korea", "South Korea") or some names of the two groups score low together.

Names are compared without case, dots or accents (José Peña / Jose Pena).

Besides the people, bodies and places the model tags, the works, products,
laws and events it tags are listed, and names it tags as nothing where the
story writes them capitalised as names ("Internet Explorer"), and those of the
headlines the bodies give too. A body or product the model cuts from the place or
body written right before it lists the whole as an alias ("Indianapolis Colt").
The rules and their thresholds were chosen on the ECB+ ``train`` split
(``bench/ecbplus.py``; the last rule's scope after counting ``dev``'s missed spans
by label), the pair scorer fitted on all 66 ECB+ dev stories (cross-validated by
topic there), and all checked on the labelled stories (``bench/analysis.py --aliases``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations, product, takewhile

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext, outside_quotes, parse
from storybrief.analyze.entity_pairs import NameInfo, PairModel, features, pair_model
from storybrief.analyze.name_variants import nickname_of, unabbreviated
from storybrief.models import Entity, Sentence
from storybrief.nlp.labels import NAMED, OTHER_NAMES
from storybrief.nlp.quotation import QUOTE_MARKS
from storybrief.settings import EntitySettings

# Labels whose span may run on over "of/in ... and the ..." into a longer name.
_EXTENDABLE = {"ORG", "NORP", "FAC"}
_CONNECTORS = {"of", "in", "for", "and", "on"}
_OF = {"of", "in", "for"}  # connectors inside one name: "Islamic State of Iraq"
_WHEN = {"DATE", "TIME"}
# What a name may be written after as one with it, though the model cuts the two apart:
# "Indianapolis Colt".
_OWNERS = {"GPE", "LOC", "ORG", "FAC"}
_JOINERS = {"of", "the", "de", "for"}
_STOPWORDS = {"of", "in", "for", "and", "on", "the", "de", "al"}
_PARTICLES = re.compile(r"^(?:al|el|ul|ad|as|ash|an|ar|at)-", re.IGNORECASE)

# Short names of countries that the acronym rule cannot reach.
COUNTRY_NAMES = {
    "america": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "holland": "netherlands",
}
# Capitals that news copy uses for their governments ("Washington said").
CAPITALS = {
    "washington": "united states",
    "tehran": "iran",
    "baghdad": "iraq",
    "damascus": "syria",
    "moscow": "russia",
    "beijing": "china",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "tokyo": "japan",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "ankara": "turkey",
    "pyongyang": "north korea",
    "seoul": "south korea",
    "jerusalem": "israel",
    "riyadh": "saudi arabia",
    "cairo": "egypt",
    "kabul": "afghanistan",
    "islamabad": "pakistan",
    "new delhi": "india",
    "ottawa": "canada",
    "canberra": "australia",
    "havana": "cuba",
    "caracas": "venezuela",
    "brussels": "european union",
}
# Honorifics spaCy sometimes keeps inside a person's span ("Ayatollah Ali al-Sistani");
# they are kept in the alias and left out of the bare name.
HONORIFICS = {
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "ayatollah", "grand", "sheikh",
    "general", "gen", "king", "queen", "prince", "princess", "pope", "senator", "sen", "rep",
    "gov", "governor", "secretary", "chancellor", "judge", "rev", "sir", "lord", "lady", "adm",
    "rear", "col", "lt", "capt", "imam", "rabbi", "cardinal", "bishop", "mayor", "maj", "sgt",
    "cpl", "det", "insp", "miss", "madam", "dame",
}  # fmt: skip
# Suffixes telling apart a father and a son of one name: "W. Mark Felt Sr." is not
# "Mark Felt Jr.", but either is the "Felt" of the next sentence.
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
# Titles and offices written capitalised before a name, which alone name no one:
# "District Attorney", "City Councilman".
ROLES = HONORIFICS | {
    "sheriff", "attorney", "district", "assistant", "deputy", "commissioner", "professor",
    "chief", "chairman", "chairwoman", "councilman", "councilwoman", "council", "inspector",
    "director", "officer", "detective", "vice", "executive", "coach", "manager", "spokesman",
    "spokeswoman", "editor", "city", "county", "state", "superintendent", "trooper", "agent",
}  # fmt: skip
GENDER_TITLES = {
    **dict.fromkeys(["mr", "sir", "lord"], "m"),
    **dict.fromkeys(["mrs", "ms", "miss", "lady", "madam", "dame"], "f"),
}
# The title that may come before a husband's full name: "Mrs Mark David Chapman".
WIFE_TITLE = "mrs"
# Words that tell a person's gender wherever they stand: titles and subject pronouns.
GENDER_WORDS = {**GENDER_TITLES, "he": "m", "she": "f"}
_PRONOUN_GENDERS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
# Titles of a person called after a place: "St. Isidore of Chios", "Prince of Wales".
PERSON_BY_PLACE = HONORIFICS | {"st", "saint"}
# Titles that only ever come before a person's name, never open the name of a
# body or a place ("King County", "General Motors"): the name after one is a person's.
PERSONAL_TITLES = {
    "mr", "mrs", "ms", "dr", "president", "ayatollah", "sheikh", "senator", "sen", "rep", "gov",
    "governor", "mayor", "judge", "maj", "sgt", "cpl", "det", "capt", "col", "lt", "adm",
}  # fmt: skip
PLACES = {"GPE", "LOC"}
WRITTEN = "MISC"  # the label of a name found by how it is written, not by the model
# Words that end a body's name and may be left out: corporate suffixes, and the
# kind of water or office a name is of ("Intel Corp.", "Mediterranean Sea").
DESIGNATORS = {
    "corp", "corporation", "inc", "incorporated", "co", "company", "cos", "ltd", "limited",
    "llc", "plc", "lp", "llp", "ag", "sa", "nv", "bv", "gmbh", "spa", "pty", "holdings", "group",
    "sea", "ocean", "river", "department", "dept",
}  # fmt: skip
# Places named after someone or something, which may go by the first word of their
# name ("Promises" for the Promises Treatment Center) and are no person.
FACILITIES = {
    "center", "centre", "clinic", "hospital", "institute", "university", "college", "school",
    "academy", "church", "cathedral", "mosque", "temple", "stadium", "arena", "museum",
    "library", "prison",
}  # fmt: skip
# The kinds of body a name may leave out ("Morningside Recovery"), which a part of a
# body has as well: the Senate Judiciary Committee is no Senate.
INSTITUTIONS = FACILITIES | {
    "foundation", "agency", "association", "society", "authority", "council", "commission",
    "committee", "ministry",
}  # fmt: skip
# Words that make a place's name another place's ("South Africa" is not Africa, "New
# Mexico" not Mexico) and the bodies a place names ("Cardiff University", "Boston
# Police" are not the city): a reader is misled by their merge, which the pair
# metric hardly sees.
QUALIFIERS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "central", "new", "upper", "lower",
}  # fmt: skip
# The chambers a place makes its laws in, a part of its government and not all of it:
# "Texas" acting is no Texas Senate.
LEGISLATURES = {"senate", "house", "assembly", "legislature", "parliament", "congress"}
PLACE_BODIES = INSTITUTIONS | LEGISLATURES | {"police", "department", "court", "airport"}
MIN_MISSPELLED = 7  # letters of a one-word name whose misspelling is told by its consonants
_MAX_SPELLINGS = 16  # of one name written one way: two or three words in capitals
# Acronyms news copy uses for one body the world over, which stand for no other
# name the story gives ("U.N." is not "Upper Nile", "AP" not "Aceh province").
STANDARD_ACRONYMS = {
    "un": "united nations", "ap": "associated press", "afp": "agence france-presse",
    "eu": "european union", "us": "united states", "usa": "united states",
    "uk": "united kingdom", "nato": "north atlantic treaty organization",
    "fbi": "federal bureau of investigation", "cia": "central intelligence agency",
    "nsa": "national security agency", "imf": "international monetary fund",
    "who": "world health organization", "wto": "world trade organization",
    "bbc": "british broadcasting corporation", "cnn": "cable news network",
    "nasa": "national aeronautics and space administration", "nfl": "national football league",
    "nba": "national basketball association", "mlb": "major league baseball",
    "nhl": "national hockey league", "opec": "organization of the petroleum exporting countries",
    "unicef": "united nations children's fund", "ioc": "international olympic committee",
}  # fmt: skip
_NOUN_TAGS = {"NNP", "NNPS", "NN", "NNS"}
_WORD_POS = {"AUX", "VERB", "PRON", "ADP", "DET"}  # capitals read as a word: "IS", "US"
_TITLED = {"GPE", "NORP"}  # what a title is of: "US President", "Iraqi Prime Minister"
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_PERSON_DEPS = _SUBJECT_DEPS | {"poss"}  # how a surname alone names who acts
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent"}
_PARTY_PREPS = {"with", "between", "against", "by"}
_QUOTES = QUOTE_MARKS + "'‘’ "
_NICK_QUOTES = QUOTE_MARKS + "'‘’"
_SPACING = re.compile(r"[\s'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")  # an owner's name: "Spacey's", "Jones'"
_BRITISH = re.compile(r"is(e|ed|ing|ation)\b")
_RE_ENDING = re.compile(r"(cent|theat|lit|fib|met)re\b")
_NICKNAME = re.compile(r"(?:^|\s)(?:[\"“][^\"“”]+[\"”]|['‘][^'‘’]+['’])(?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # "D'Alema", "Jones-Drew"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_COMPASS = re.compile(r"north|south|east|west")  # the points a name is of: "Southeast"
# A score or record after a team's name ("Evansville 91-73"): the model runs the name
# on over it, which keys the team apart from its bare name. Not a lone number, which
# can belong to the name ("Windows 8", "Interstate 5").
_SCORE = re.compile(r"\d+[-–]\d+")
_OUTLET_WORD = re.compile(r"[A-Z]{2,}\w*|\w*\d\w*")  # "TV3", "BBC", "WKRG", "9News"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: its bare form, its form with a title, where it is."""

    text: str  # the name as spaCy bounds it, cleaned ("Hassan Rouhani")
    alias: str  # with a leading title if there is one ("President Hassan Rouhani")
    label: str
    sentence_id: str
    article: str
    key: str  # what the merge rules compare
    genders: tuple[str, ...] = ()  # what its title and the pronouns it binds say: "m", "f"
    acts: bool = False  # ``_is_acting``, or an owner ("Jacksonville's secondary")
    quoted: bool = False  # ``_pseudonym``: one word in quote marks, '"John" told the BBC'


# Asked again for the same few names by every merge rule and mention (a twentieth of a
# brief's analysis); a pure function of the string.
@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Comparable form of a name: no leading "the", possessive, dots, case or accents
    (outlets that cannot print them write "Jose Pena" for "José Peña")."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"['’]s$", "", text).replace(".", "")
    return _unaccented(" ".join(text.split()).casefold())


def _unaccented(text: str) -> str:
    """Letters without their accents: "peña" is "pena", "zürich" "zurich"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def content_words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", key) if w and w not in _STOPWORDS]


# As ``norm``: the merge rules ask again for the same few names' words.
@lru_cache(maxsize=8192)
def folded_words(key: str) -> tuple[str, ...]:
    """Content words with British spellings and a final plural folded away.

    "International Organisation for Migration" meets "...Organization...",
    "Treatment Centre" "Treatment Center", and "Revolutionary Guards" meets
    "Revolutionary Guard".
    """
    words = [_BRITISH.sub(r"iz\1", w) for w in content_words(key)]
    words = [_RE_ENDING.sub(r"\1er", w) for w in words]  # Centre/Center, Theatre/Theater
    if words and len(words[-1]) > 3:
        words[-1] = re.sub(r"s$", "", words[-1])
    return tuple(words)


def initials(key: str) -> str:
    return "".join(w[0] for w in content_words(key))


def person_words(key: str) -> list[str]:
    """A person's name words with Arabic-style particles ("al-") and a generational
    suffix ("Jr.", "III") dropped: "Arcade Joseph Comeaux Jr." ends in his surname."""
    return list(_person_words(key))  # a list of its own: a caller may change it


# As ``norm``: asked again for the same few names by the mentions and merge rules.
@lru_cache(maxsize=8192)
def _person_words(key: str) -> tuple[str, ...]:
    words = [
        _PARTICLES.sub("", w).strip("'’")
        for w in without_nickname(key).split()
        if w not in _STOPWORDS
    ]
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return tuple(words)


@lru_cache(maxsize=8192)
def without_nickname(key: str) -> str:
    """A name without the nickname quoted inside it: "Vincent 'The Chin' Gigante"."""
    return " ".join(_NICKNAME.sub(" ", key).split())


def generation(key: str) -> str:
    """The generational suffix ending a person's name ("jr"), or "" if none."""
    last = key.rsplit(maxsplit=1)[-1] if key.strip() else ""
    return last if last in GENERATIONS and " " in key.strip() else ""


def skeleton(word: str) -> str:
    """Consonants of a name, so transliterations (Nouri/Nuri) compare equal."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word))


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim a leading determiner or stray possessive ("’s Smith"), a trailing possessive,
    punctuation, officer's title ("Police Capt." before his name) or score ("Evansville
    91-73"), and "(...)"."""
    for i in range(start, end):
        if doc[i].text == "(":
            end = i
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].tag_ == "POS"):
        start += 1
    return start, _without_score(doc, start, _uncut(doc, start, _trimmed_end(doc, start, end)))


def _trimmed_end(doc: Doc, start: int, end: int) -> int:
    """End of a span without a trailing possessive or punctuation, nor a title the
    person named after it has (``_title_of_next``) when a name is left: "Detective
    Sgt. Mooney" leaves a role alone, no body, which would join any detective."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    named = any(t.is_alpha and not _title_word(t, ROLES) for t in doc[start : end - 1])
    while named and end - start > 1 and _title_of_next(doc, end - 1):
        end -= 1
    return end


def _title_of_next(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` is a title only a person has, written before the name
    after it: the model runs a body's name on into its officer's title
    ("Philadelphia Homicide Capt. James Clark"), which is his, no part of the body's."""
    after = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "." else i + 1
    return (
        _title_word(doc[i], PERSONAL_TITLES)
        and after < len(doc)
        and (doc[after].ent_type_ == "PERSON" or _proper_noun(doc[after]))
    )


def _uncut(doc: Doc, start: int, end: int) -> int:
    """End of a name the model cut after a function word: run on over the proper nouns
    after it ("John the" of "St. John the Theologian"); with none after it, ``start``
    (no name). A name never ends so, and what is left of a cut one joins another's:
    "John the" with John the Apostle, "House" (of Representatives) with the White House."""
    # In capitals the word is the name's own: the voice command "Xbox On".
    if end - start < 2 or doc[end - 1].text not in _STOPWORDS:
        return end
    # Past a line break the text kept: "House of\n Representatives".
    after = _proper_nouns(doc, next((t.i for t in doc[end:] if not t.is_space), end))
    return start if after is None else after


def _without_score(doc: Doc, start: int, end: int) -> int:
    """End of a name before a trailing score ("Evansville 91-73"), which the tokenizer
    splits in three ("91", "-", "73"); a score alone is left as it is."""
    if end - start > 3 and _SCORE.fullmatch(doc[end - 3 : end].text):
        return end - 3
    return end


def _extend(doc: Doc, span: Span) -> int:
    """End of ``span`` run on over "of/in X and the Y" when it names one body."""
    end = span.end
    if len(span) < 2:
        return end  # "ISIS in Iraq" is the group in a place, not a longer name
    has_of = any(t.lower_ in _OF for t in span)
    while end < len(doc) and doc[end].lower_ in _CONNECTORS:
        if doc[end].lower_ == "and" and not has_of:
            break
        after = _proper_nouns(doc, end + 1)
        if after is None:
            break
        has_of = has_of or doc[end].lower_ in _OF
        end = after
    return end


def _proper_nouns(doc: Doc, start: int) -> int | None:
    """The end of the capitalised proper nouns from ``start`` on, past a "the"; None if
    none. A date is none ("Promises Treatment Center on Friday")."""
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and _proper_noun(doc[end]) and doc[end].ent_type_ not in _WHEN:
        end += 1
    return end if end > start else None


def _proper_noun(token: Token) -> bool:
    return token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper()


def title_start(doc: Doc, start: int, taken: set[int]) -> int:
    """Start of the title before a name ("President", "Maj."), with the country it is of.

    "US President Barack Obama" is one mention of Obama, though "US" is a
    mention of its own too.
    """
    i = start
    while i > 0 and i - 1 not in taken and (step := _title_step(doc, i)):
        i -= step
        if doc[i + step - 1].text.endswith(".") and not doc[i + step - 1].whitespace_:
            # A title glued to the name by its dot ("Alaska Gov.Sarah Palin") is one
            # word with it as written: the name as the story writes it starts there.
            return i
    if i < start and _title_word(doc[i]):
        while i > 0 and doc[i - 1].ent_type_ in _TITLED:
            i -= 1
    return i


def _title_step(doc: Doc, i: int) -> int:
    """How many tokens before ``i`` are one more word of a title: 2 for "Maj." split
    in two, 1 for a capitalised title or proper noun, 0 if none."""
    before = doc[i - 1]
    if before.text == "." and i > 1 and not doc[i - 2].whitespace_ and _title_word(doc[i - 2]):
        return 2
    if _hyphened_title(doc, i):
        return 3
    if before.is_title and (before.tag_ == "NNP" or _title_word(before)):
        return 1
    return 0


def _hyphened_title(doc: Doc, i: int) -> bool:
    """Whether the three tokens before ``i`` are a title joined to a word by a hyphen:
    "President-elect", "Vice-President"."""
    if i < 3 or doc[i - 2].text != "-" or doc[i - 3].whitespace_ or doc[i - 2].whitespace_:
        return False
    return _title_word(doc[i - 3]) and doc[i - 1].is_alpha


def _lone_name(token: Token) -> Span | None:
    """The name a proper noun ends when it stands for someone who acts or owns.

    "Ince called ...", "Abu Zuhri said", "Mr Bunting said": the noun with the
    names before it (not a title). A name with an article ("the Nobel") is no
    person's.
    """
    if token.tag_ not in _NOUN_TAGS or token.dep_ not in _PERSON_DEPS:
        return None
    if any(c.dep_ == "det" for c in token.children):
        return None
    parts = [c.i for c in token.lefts if c.dep_ == "compound" and not _title_word(c)]
    return token.doc[min(parts, default=token.i) : token.i + 1]


def _person_key(
    story: StoryContext, sentence: Sentence, alias: Span, name: Span, key: str
) -> tuple[str, tuple[str, ...]]:
    """A person's mention's key, and the genders it shows.

    A surname after a title that tells a gender is that title's ("Mrs. Yeltsin",
    key "mrs yeltsin"), not any Yeltsin's: it joins a full name by gender.
    """
    genders = [GENDER_TITLES[t.lower_.rstrip(".")] for t in _gender_titles(alias)]
    genders += _bound_genders(name, outside_quotes(story, sentence))
    genders += _next_genders(story, sentence, name)
    titled = titled_surname(alias)
    if titled is not None:
        key = norm(titled.text)
    return key, tuple(genders)


def _gender_titles(alias: Span) -> list[Token]:
    return [t for t in alias if _title_word(t, GENDER_TITLES)]


def titled_surname(alias: Span) -> Span | None:
    """The gendered title and lone surname ending a person's name as written with its
    titles ("Mrs. Yeltsin"), if it ends so: they name that title's person, who may
    share the surname with a person of the other gender. So does "Mrs" before a full
    name, which may be a husband's: "Mrs Mark David Chapman" is his wife."""
    titles = _gender_titles(alias)
    titled = alias.doc[titles[-1].i : alias.end] if titles else None
    return titled if titled is not None and _titled(norm(titled.text)) else None


def _bound_genders(name: Span, outside: set[int]) -> list[str]:
    """The genders of the pronouns a subject binds, outside quotes: the subject of a
    clause it governs ("Yeltsin said he ...") and an owner in its own ("Yeltsin
    suffered burns on his hand")."""
    if name.root.dep_ not in _SUBJECT_DEPS:
        return []
    verb = name.root.head
    return [
        _PRONOUN_GENDERS[token.lower_]
        for token in verb.subtree
        if token.pos_ == "PRON"
        and token.lower_ in _PRONOUN_GENDERS
        and token.i in outside
        and _bound(token, verb)
    ]


def _bound(pronoun: Token, verb: Token) -> bool:
    """Whether a pronoun under ``verb`` is bound by its subject: the subject of a
    clause right under it, or an owner in its own clause."""
    between = list(takewhile(lambda a: a != verb, pronoun.ancestors))
    clauses = [a for a in between if a.pos_ in {"VERB", "AUX"}]
    owner = pronoun.dep_ == "poss" and not clauses
    return owner or (pronoun.dep_ in _SUBJECT_DEPS and between == clauses[:1])


def _next_genders(story: StoryContext, sentence: Sentence, name: Span) -> list[str]:
    """The gender of a he/she subject of the next sentence's main clause, after a
    subject of this one's: "Clinton is no stranger to these hatreds. He came ..."."""
    sentences = story.article[sentence.article].sentences
    if not _main_subject(name.root) or sentence.index + 1 >= len(sentences):
        return []
    following = sentences[sentence.index + 1]
    outside = outside_quotes(story, following)
    doc = story.docs[following.id]
    subject = next((t for t in doc if t.i in outside and _main_subject(t)), None)
    if subject is None or subject.lower_ not in GENDER_WORDS:
        return []
    return [GENDER_WORDS[subject.lower_]]


def _main_subject(token: Token) -> bool:
    """Whether a word is the subject of its sentence's main verb."""
    return token.dep_ in _SUBJECT_DEPS and token.head.dep_ == "ROOT"


def _name_like(key: str) -> bool:
    """Whether a name reads as a person's: words, no figures or slashes, no "of".

    The model tags "Clark of Netscape" or "8:37 A.M. Rocket" as people too; the
    end of such a name is no surname. A dash the span took in ("— Donald J.
    Trump", signing a post) is not part of it.
    """
    words = [w for w in without_nickname(key).split() if any(c.isalnum() for c in w)]
    return all(_NAME_WORD.fullmatch(w) and w not in _CONNECTORS for w in words)


def _titled(key: str) -> tuple[str, str] | None:
    """The gender and the surname of a name written as a gendered title and a surname,
    or "f" and the full name after "Mrs" ("mrs mark david chapman")."""
    words = person_words(key)
    if len(words) == 2 and words[0] in GENDER_TITLES:
        return GENDER_TITLES[words[0]], words[1]
    if len(words) > 2 and words[0] == WIFE_TITLE:
        return GENDER_TITLES[WIFE_TITLE], key.split(maxsplit=1)[1]
    return None


def _titled_full_name(key: str) -> bool:
    """Whether a name is "Mrs" and a full name: "Mrs Mark David Chapman"."""
    return " " in (_titled(key) or ("", ""))[1]


def _full_name(key: str) -> bool:
    """Whether a person's name of several words names one person: "Boris Yeltsin", not
    "Mrs. Yeltsin" (whose husband is one too) nor "Clark of Netscape"."""
    return _name_like(key) and _titled(key) is None


def _title_word(token: Token, titles: Collection[str] = HONORIFICS) -> bool:
    """Whether a word is one of ``titles``, capitalised: "Mr", "Maj.", "President"."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in titles


def _is_acting(token: Token) -> bool:
    """Whether a place name is used as an actor (the government) rather than a place."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in _AGENT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS


def _key(text: str, label: str, span: Span) -> str:
    # A site is its outlet: "TMZ.com" is TMZ.
    key = unabbreviated(norm(re.sub(r"\.com$", "", text, flags=re.IGNORECASE)))
    key = COUNTRY_NAMES.get(key, key)
    if label == "GPE" and key in CAPITALS and _is_acting(span.root):
        return CAPITALS[key]
    return key


def _definition(doc: Doc, end: int) -> Token | None:
    """The acronym in "(...)" right after a name ending at ``end``, if there is one.

    One letter is no acronym: "Marco Rubio (R)" and "Rick Scott (R)" give a party, and
    read as a definition they made one person of the two."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        inner = doc[end + 1]
        if inner.text[:1].isupper() and inner.is_alpha and len(inner.text) > 1:
            return inner
    return None


def _spans(doc: Doc) -> tuple[list[tuple[int, int, str]], set[int]]:
    """The names spaCy finds in a sentence, cleaned and run on, and the tokens they take."""
    spans, taken = _model_spans(doc)
    spans = _nicknamed(doc, spans)
    taken.update(i for start, end, _ in spans for i in range(start, end))
    # Acronyms the small model leaves untagged ("the numerically inferior IS").
    acronyms = [t.i for t in doc if t.i not in taken and _acronym(t)]
    return spans + [(i, i + 1, "ORG") for i in acronyms], taken | set(acronyms)


def _model_spans(doc: Doc) -> tuple[list[tuple[int, int, str]], set[int]]:
    """The people, bodies and places the model tags, cleaned and run on."""
    taken: set[int] = set()
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAMED or ent.start in taken:
            continue
        end = _extend(doc, ent) if ent.label_ in _EXTENDABLE else ent.end
        start, end = _clean_span(doc, ent.start, end)
        if start < end:
            spans.append((start, end, ent.label_))
            taken.update(range(ent.start, max(end, ent.end)))
            head = _without_place(doc[start:end])
            # The place is a name too ("... Clinic in Rancho Mirage"); a span ending on
            # its "in" (a headline's "Murdoch In,") has none: no empty name.
            if head.end + 1 < end:
                spans.append((head.end + 1, end, doc[end - 1].ent_type_ or "GPE"))
    return spans, taken


def _nicknamed(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names with a nickname in quotes inside, which the model cuts in two:
    "Vincent 'The Chin' Gigante" is one person's name."""
    joined: list[tuple[int, int, str]] = []
    for span in spans:
        if joined and _nickname_between(doc, joined[-1], span):
            joined[-1] = (joined[-1][0], span[1], "PERSON")
        else:
            joined.append(span)
    return joined


def _nickname_between(doc: Doc, first: tuple[int, int, str], then: tuple[int, int, str]) -> bool:
    """Whether only a quoted nickname of capitalised words stands between two names,
    or its quote marks with the model's cut inside it ("Vincent '" + "Chin' Gigante")."""
    between = doc[first[1] : then[0]]
    if "PERSON" not in {first[2], then[2]} or len(between) > 5:
        return False
    if not all(t.text in _NICK_QUOTES or t.text[:1].isupper() for t in between):
        return False
    whole = doc[first[0] : then[1]].text
    nickname = _NICKNAME.search(whole)
    return nickname is not None and not any(q in without_nickname(whole) for q in _NICK_QUOTES)


def _acronym(token: Token) -> bool:
    """Whether a proper noun is written as an acronym: "IS", "U.N."."""
    bare = token.text.replace(".", "")
    return token.tag_ == "NNP" and bare.isupper() and len(bare) > 1


# A mention found, by where it is: (sentence number, token), so as to sort them in story order.
_Found = tuple[int, int, Mention]


@dataclass(frozen=True)
class _Clues:
    """What the names the model tags tell of the same names where it tags none."""

    defined: set[str]  # acronyms the story defines: "isil"
    starts: set[str]  # starts of the acronyms it writes: "is" beside "isil"
    tails: set[tuple[str, ...]]  # how its people's full names end: ("zuhri",), ("abu", "zuhri")


def mentions(story: StoryContext) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Every name mention in the story, in story order, and the acronyms it defines.

    A name the story gives is also found where the model tags none: an
    acronym it defines, or the start of one it writes ("IS" beside "ISIL"),
    written in capitals though read as a word ("IS fighters", the verb "is"),
    and the end of a person's name it gives in full ("Shanda Ince", then "Ince
    called ..."), standing alone for who acts or owns.
    """
    found, defined, taken = _tagged(story)
    clues = _clues(found, defined)
    found += _untagged(story, clues, taken)
    # How the sentences write each word, read by both: a name is written capitalised.
    case = _case_counts(story)
    found += _written(story, clues, taken, case)
    found += _headlines(story, _labels_by_key([m for _, _, m in found]), case)
    return [m for _, _, m in sorted(found, key=lambda f: f[:2])], defined


def _labels_by_key(found: list[Mention]) -> dict[str, str]:
    """The label the sentences give each name most (its nickname aside), ties by label."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in found:
        labels[without_nickname(m.key)][m.label] += 1
    return {k: _most(c) for k, c in labels.items()}


def _most(labels: Counter[str]) -> str:
    """The label given most, the first in order of those given as often."""
    return min(labels, key=lambda label: (-labels[label], label))


def _headlines(
    story: StoryContext, labels: dict[str, str], case: dict[str, list[int]]
) -> list[_Found]:
    """The names in the articles' headlines that the story's sentences give too
    (``_headline_spans``; ``labels``, by key): the headline is part of the article the
    entity cites. A run of capitals takes the label the sentences give its name: a
    headline tells what is named, not what kind of thing it is. ``case``: ``_case_counts``."""
    titled = [a for a in story.articles if a.title]
    found: list[_Found] = []
    for article, doc in zip(titled, parse(a.title for a in titled), strict=True):
        for start, end, label, key in _headline_spans(doc, case, set(labels)):
            if label == WRITTEN:
                label = labels[without_nickname(key)]
            alias = doc[_owner_start(doc, start) : end].text
            text = doc[start:end].text
            mention = Mention(text, alias, label, f"{article.id}:title", article.id, key)
            found.append((-1, start, mention))
    return found


def _headline_spans(
    doc: Doc, case: dict[str, list[int]], keys: set[str]
) -> list[tuple[int, int, str, str]]:
    """The names of a headline the story's sentences give too (``keys``), their
    nicknames aside, with their keys: those the model tags, then its works and
    products, then its runs of capitals cut at the words the sentences write in lower
    case, then the story's names inside those that are none (``_story_parts``). In
    title case every word is capitalised and the model tags "Checks Into Rehab" as a
    name: "Sixers Fire Coach" gives "Sixers" alone."""
    spans, _ = _spans(doc)
    kept = _story_names(doc, spans, keys)
    works = _works(doc, _covered(kept))
    kept += _story_names(doc, works, keys)
    common = {t.i for t in doc if _lower_case_word(t, case)}
    runs = [(a, b, WRITTEN) for a, b in _capital_runs(doc, _covered(kept) | common)]
    kept += _story_names(doc, runs, keys)
    for start, end, _ in spans + works + runs:
        kept += _story_parts(doc, start, end, keys, _covered(kept))
    return kept


def _covered(spans: list[tuple[int, int, str, str]]) -> set[int]:
    """The token indexes some spans cover."""
    return {i for start, end, _, _ in spans for i in range(start, end)}


def _story_names(
    doc: Doc, spans: list[tuple[int, int, str]], keys: set[str]
) -> list[tuple[int, int, str, str]]:
    """The spans whose key, its nickname aside, is one of ``keys``, with their keys:
    "Vincent 'Chin' Gigante" in a headline is the story's Vincent "The Chin" Gigante."""
    named = [
        (start, end, label, _key(doc[start:end].text, label, doc[start:end]))
        for start, end, label in spans
        if start < end
    ]
    return [span for span in named if without_nickname(span[3]) in keys]


def _story_parts(
    doc: Doc, start: int, end: int, keys: set[str], covered: set[int]
) -> list[tuple[int, int, str, str]]:
    """The story's names (``keys``) inside a headline span that is none, on words no
    name found yet ``covered``, the longest first from the left, labelled as the
    sentences label them (``WRITTEN``): title case runs a name on into the words after
    it, and the model tags "Lindsay Lohan Checks Into Rehab" as one person."""
    parts: list[tuple[int, int, str, str]] = []
    i = start
    while i < end:
        free = next((j for j in range(i, end) if j in covered), end)
        part = next(
            (
                (i, j, WRITTEN, key)
                for j in range(free, i, -1)
                if (key := _key(doc[i:j].text, WRITTEN, doc[i:j])) in keys
            ),
            None,
        )
        parts += [part] if part else []
        i = part[1] if part else i + 1
    return parts


def _lower_case_word(token: Token, case: dict[str, list[int]]) -> bool:
    """Whether the story's sentences write a word in lower case more often than not."""
    capital, lower = case.get(token.lower_, [0, 0])
    return lower > capital


def _tagged(
    story: StoryContext,
) -> tuple[list[_Found], list[tuple[str, str]], dict[str, set[int]]]:
    """The mentions of the names the model tags, the acronyms they define, and the
    tokens the names take in each sentence."""
    found: list[_Found] = []
    defined: list[tuple[str, str]] = []
    taken: dict[str, set[int]] = {}
    for n, sentence in enumerate(story.sentences):
        doc = story.docs[sentence.id]
        spans, taken[sentence.id] = _spans(doc)
        for start, end, label in spans:
            if start > 0 and _title_word(doc[start - 1], PERSONAL_TITLES):
                label = "PERSON"  # "Mr Rouhani", which the model may take for a people
            opening = start
            if label == "PERSON":
                start = _person_start(doc, start, end)
            acronym = _definition(doc, end)
            if acronym is not None:
                defined.append((norm(acronym.text), norm(doc[start:end].text)))
            mention = _titled_mention(story, sentence, doc[start:end], label, opening, taken)
            found.append((n, start, mention))
    return found, defined, taken


def _person_start(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts in a span the model tagged, after the titles it
    took in: "Ayatollah Ali al-Sistani", "Colts QB Andrew Luck" (a role in capitals),
    "Trooper William Hakim" (a role: the title stays in the alias)."""
    for i in range(end - 3, start - 1, -1):
        if doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1:
            return i + 1
    while end - start > 2 and _title_word(doc[start], ROLES):
        start += 1
    return start


def _clues(found: list[_Found], defined: list[tuple[str, str]]) -> _Clues:
    """What the tagged mentions ``found`` and the acronyms defined tell (``_Clues``)."""
    written = {m.key for _, _, m in found if m.text.isupper() and m.key.isalpha()}
    return _Clues(
        defined={acronym for acronym, _ in defined},
        starts={w[:k] for w in written for k in range(2, len(w))},
        tails=_tails([m for _, _, m in found]),
    )


def _tails(found: list[Mention]) -> set[tuple[str, ...]]:
    """How the full names of people end, from the surname to the whole name."""
    return {
        tuple(words[k:])
        for m in found
        if m.label == "PERSON" and _full_name(m.key) and len(words := person_words(m.key)) > 1
        for k in range(len(words))
    }


def _untagged(story: StoryContext, clues: _Clues, taken: dict[str, set[int]]) -> list[_Found]:
    """The mentions of names the story gives where the model tags none (``mentions``)."""
    found: list[_Found] = []
    for n, sentence in enumerate(story.sentences):
        for token in story.docs[sentence.id]:
            if token.i in taken[sentence.id] or not token.is_alpha:
                continue
            span, label = _acronym_of(token, clues), "ORG"
            if span is None:
                span, label = _person_of(token, clues, taken[sentence.id]), "PERSON"
            if span is not None:
                mention = _titled_mention(story, sentence, span, label, span.start, taken)
                found.append((n, span.start, mention))
                taken[sentence.id].update(range(span.start, span.end))
    return found


def _written(
    story: StoryContext, clues: _Clues, taken: dict[str, set[int]], case: dict[str, list[int]]
) -> list[_Found]:
    """Names of things other than people, bodies and places where no name is found
    yet: those the model tags as works, products, laws or events ("Twilight",
    "Internet Explorer"), and runs of proper nouns it tags as nothing ("Tar Heels")
    each of whose words the story writes capitalised mid-sentence at least as often
    as not, as it writes a name (``case``: ``_case_counts``). A person's surname after
    "the" is none ("the Nobel")."""
    found: list[_Found] = []
    for n, sentence in enumerate(story.sentences):
        doc = story.docs[sentence.id]
        for start, end, label in _other_spans(doc, taken[sentence.id], case):
            span = doc[start:end]
            if not (_after_article(span) and _surname(span, clues)):
                key = _key(span.text, label, span)
                alias = doc[_owner_start(doc, start) : end].text
                mention = Mention(span.text, alias, label, sentence.id, sentence.article, key)
                found.append((n, start, mention))
    return found


def _other_spans(
    doc: Doc, taken: set[int], case: dict[str, list[int]]
) -> list[tuple[int, int, str]]:
    """The spans of ``_written`` names in a sentence, and their labels."""
    spans = _works(doc, taken)
    busy = taken | {t.i for ent in doc.ents for t in ent}
    spans += [(a, b, WRITTEN) for a, b in _capital_runs(doc, busy) if _named(doc[a:b], case)]
    return [span for span in spans if span[0] < span[1]]


def _works(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """The works, products, laws and events the model tags where no name is taken."""
    return [
        (*_clean_span(doc, e.start, e.end), e.label_)
        for e in doc.ents
        if e.label_ in OTHER_NAMES and e.start not in taken
    ]


def _after_article(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"the", "a", "an"}


def _surname(span: Span, clues: _Clues) -> bool:
    return tuple(person_words(norm(span.text))) in clues.tails


def _case_counts(story: StoryContext) -> dict[str, list[int]]:
    """How often each word is written capitalised and in lower case mid-sentence."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sentence in story.sentences:
        for token in story.docs[sentence.id]:
            if token.is_alpha and token.i > 0 and not token.nbor(-1).is_punct:
                counts[token.lower_][0 if token.text[0].isupper() else 1] += 1
    return counts


def _capital_runs(doc: Doc, busy: set[int]) -> list[tuple[int, int]]:
    """Spans of capitalised proper nouns, joined by "of", "the", "de", "for", and by
    "and" after one of those ("Department of Fish and Game", not "Bloods and Crips")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _capital(doc[i], busy):
            i += 1
            continue
        end = i
        while end < len(doc) and (_capital(doc[end], busy) or _joins(doc, i, doc[end], busy)):
            end += 1
        runs.append(_clean_span(doc, i, end))
        i = end
    return [(a, b) for a, b in runs if a < b]


def _joins(doc: Doc, start: int, token: Token, busy: set[int]) -> bool:
    """Whether a small word joins the proper nouns from ``start`` to those after it."""
    if token.i + 1 >= len(doc) or not _capital(doc[token.i + 1], busy):
        return False
    if token.lower_ in _STOPWORDS and token.text[:1].isupper():
        return True  # a small word capitalised inside a name: "Research In Motion"
    if token.lower_ == "and":
        return any(t.lower_ in _OF for t in doc[start : token.i])
    return token.lower_ in _JOINERS


def _capital(token: Token, busy: set[int]) -> bool:
    # The small model tags a capitalised noun it does not know as a common one
    # ("Cheeks", "Sixers": NNS); ``_named`` then asks the story how it writes the word.
    return (
        token.i not in busy
        and token.tag_ in _NOUN_TAGS
        and token.text[:1].isupper()
        and any(c.isalpha() for c in token.text)
    )


def _named(span: Span, case: dict[str, list[int]]) -> bool:
    """Whether a run of capitals reads as a name: every word written capitalised
    mid-sentence at least as often as not, and once at least if the run opens the
    sentence; not a title alone ("President"), an abbreviation or an initial."""
    words = [t for t in span if t.lower_ not in _JOINERS | {"and"}]
    if _no_name(words):
        return False
    counts = [case.get(t.lower_, [0, 0]) for t in words]
    opening = words[0].i == 0 and counts[0][0] == 0
    return not opening and all(capital >= lower for capital, lower in counts)


def _no_name(words: list[Token]) -> bool:
    """Whether capitalised words are no name: titles or pronouns ("District Attorney"),
    an abbreviation ("Calif.", "St.") or initials."""
    if all(_title_word(t, ROLES) or t.pos_ == "PRON" for t in words):
        return True
    abbreviated = any(t.text.endswith(".") and not t.is_upper for t in words)
    return abbreviated or all(len(t.text.strip(".")) < 2 for t in words)


def _acronym_of(token: Token, clues: _Clues) -> Span | None:
    """A word in capitals that is an acronym the story defines, or the start of one it
    writes where read as a word: "7 AM" is a time."""
    start = token.lower_ in clues.starts and token.pos_ in _WORD_POS
    if token.is_upper and len(token) > 1 and (token.lower_ in clues.defined or start):
        return token.doc[token.i : token.i + 1]
    return None


def _person_of(token: Token, clues: _Clues, taken: set[int]) -> Span | None:
    """The end of a person's full name, standing alone for who acts or owns."""
    span = _lone_name(token) if token.is_title else None
    if span is None or taken & {t.i for t in span}:
        return None
    return span if tuple(person_words(norm(span.text))) in clues.tails else None


def _titled_mention(
    story: StoryContext,
    sentence: Sentence,
    name: Span,
    label: str,
    opening: int,
    taken: dict[str, set[int]],
) -> Mention:
    """The mention of ``name``, a person's with the title before ``opening`` (where
    the name's span starts, titles inside it included), a body's without the place
    it is "in" (``_without_place``)."""
    doc = name.doc
    if label != "PERSON":
        head = _without_place(name)
        alias = doc[_owner_start(doc, name.start) : name.end]
        return _mention(story, alias, head, label, sentence, _key(head.text, label, head))
    first = title_start(doc, opening, taken[sentence.id])
    key = _key(name.text, label, name)
    return _mention(story, doc[first : name.end], name, label, sentence, key)


def _owner_start(doc: Doc, start: int) -> int:
    """Start of a place or body the model tags right before a name of no place, with
    nothing between, that the name is written with as one ("Indianapolis Colt", cut in
    two by the model): the name's alias starts there, its key stays its own."""
    # A place after another name is that name's own: "Telecom Egypt" (which the model
    # may tag as two places) is no Egypt; a person's alias is their title's
    # (``title_start``), and after an owner's "'s" the name is the owner's ("the
    # University of Chicago's Enrico Fermi").
    if doc[start].ent_type_ in PLACES | {"PERSON"}:
        return start
    before = [e for e in doc.ents if e.end == start and e.label_ in _OWNERS]
    last = doc[start - 1]
    if not before or not last.whitespace_ or last.is_punct or last.tag_ == "POS":
        return start
    return before[0].start


def _without_place(name: Span) -> Span:
    """A body's name run on over "in" and a place ("Betty Ford Clinic in Rancho Mirage")
    without them: the name is written both ways, and the place is no part of it."""
    tail = [t.i for t in name if t.lower_ == "in"]
    if not tail or tail[-1] == name.start:
        return name
    place = name.doc[tail[-1] + 1 : name.end]
    return name.doc[name.start : tail[-1]] if all(map(_place_word, place)) else name


def _place_word(token: Token) -> bool:
    """Whether a word after "in" ends a body's name as a place: tagged as one, or a
    proper noun the model tags as nothing ("in Rancho Mirage")."""
    return token.ent_type_ in PLACES or (not token.ent_type_ and _proper_noun(token))


def _mention(
    story: StoryContext, alias: Span, name: Span, label: str, sentence: Sentence, key: str
) -> Mention:
    """The mention of ``name`` (``alias`` with its title), a person's keyed by gender."""
    genders: tuple[str, ...] = ()
    if label == "PERSON":
        key, genders = _person_key(story, sentence, alias, name, key)
    acts = _is_acting(name.root) or name.root.dep_ == "poss"
    # "Mrs Mark David Chapman" is his wife's name whole: "Mark David Chapman" is his.
    text = alias.text if _titled_full_name(key) else name.text
    quoted = label == "PERSON" and _pseudonym(name)
    return Mention(
        text, alias.text, label, sentence.id, sentence.article, key, genders, acts, quoted
    )


def _pseudonym(name: Span) -> bool:
    """Whether a person's name is one word between quote marks: '"John" told the BBC'
    gives a name the story made up, no one it names otherwise (not John Paul Getty)."""
    doc = name.doc
    if len(name) != 1 or name.start == 0 or name.end == len(doc):
        return False
    return doc[name.start - 1].text in _NICK_QUOTES and doc[name.end].text in _NICK_QUOTES


class _Groups:
    """Union-find over mention keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True)
class Ruled:
    """A story's mention keys grouped by the rules alone, what the scorer reads of each
    key, and the pairs it rates (``_candidates``): the same whatever the scorer's
    settings, so worked out once where several are tried (``bench/ecbplus.py``)."""

    parent: dict[str, str]  # the rules' groups (``_Groups.parent``)
    infos: dict[str, NameInfo]
    candidates: list[tuple[str, str, int]]

    def groups(self) -> _Groups:
        """The rules' groups as a union-find of their own, for the scorer to merge on."""
        groups = _Groups()
        groups.parent = dict(self.parent)
        return groups


def ruled(found: list[Mention], defined: list[tuple[str, str]], settings: EntitySettings) -> Ruled:
    """The rules' grouping of the mentions ``found`` (``Ruled``)."""
    groups, infos = _merge_rules(found, defined, settings)
    return Ruled(dict(groups.parent), infos, _candidates(groups, infos))


def _merge(rules: Ruled, settings: EntitySettings, model: PairModel | None = None) -> _Groups:
    """The mention keys grouped into entities: by the rules of the module's docstring,
    then the pairs they leave apart that the learned scorer finds alike."""
    groups = rules.groups()
    if settings.pair_threshold <= 1:
        _merge_scored(groups, rules, settings, model or pair_model())
    return groups


def candidate_pairs(rules: Ruled) -> list[tuple[str, str, list[float]]]:
    """The pairs of names the scorer rates, with their features (``entity_pairs.features``):
    what ``bench/train_entity_pairs.py`` fits."""
    infos = rules.infos
    return [(a, b, features(infos[a], infos[b], n)) for a, b, n in rules.candidates]


def _merge_rules(
    found: list[Mention], defined: list[tuple[str, str]], settings: EntitySettings
) -> tuple[_Groups, dict[str, NameInfo]]:
    """The mention keys grouped by the rules, and what the scorer reads of each key."""
    groups = _Groups()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        labels[m.key][m.label] += 1
        by_key[m.key].append(m)
        groups.find(m.key)
    _merge_defined(groups, defined)
    plain = sorted(labels)
    # A name ending in the kind of body it is names no person, whatever the model
    # says: "Betty Ford Center", "Trump University", "Clinton Foundation".
    is_person = {
        k: labels[k]["PERSON"] > 0
        and k.split()[-1] not in INSTITUTIONS
        and not _names_a_body(k, by_key[k], plain)
        for k in plain
    }
    is_person.update(dict.fromkeys(_mistagged_people(plain, is_person, by_key, settings), True))
    by_words = _merge_same_words(groups, plain)
    spelled = _spelled(plain, is_person, by_key)
    acronyms = {k for k in plain if _written_acronym(k, by_key[k])}
    _merge_acronyms(groups, acronyms, spelled, labels, settings.min_prefix)
    _merge_people(groups, plain, is_person, by_key, settings)
    bodies = _bodies(groups, labels, is_person)
    people = {k for k in plain if is_person[k]}
    _merge_short_forms(groups, bodies, by_words, people)
    _merge_acting_places(groups, bodies, by_key, settings.acting_share)
    _merge_last_words(groups, bodies, by_key)
    _merge_misspelled(groups, labels)
    _merge_clipped(groups, bodies, by_key)
    return groups, _name_infos(labels, by_key, is_person)


def _mistagged_people(
    keys: list[str],
    is_person: dict[str, bool],
    by_key: dict[str, list[Mention]],
    settings: EntitySettings,
) -> list[str]:
    """The names of a few plain words the model never tags as a person's that are a
    person's full name of the story written another way (``_same_length_person``:
    one surname, first names alike). The model tags a name by its context, and one
    article's "Bettie Mae Page" comes out a body beside another's "Betty Mae Page";
    the person the story names so tells what it is. A first word written in
    capitals is initials, no first name ("A.M. Mortar" beside a "mm mortar" the
    model took for a person)."""
    people = _full_names(keys, is_person)
    return [
        k
        for k in keys
        if not is_person[k]
        and _plain_name(k.split())
        and not any(_capitals(m.text, 0) for m in by_key[k])
        and any(_same_length_person(k, p, settings) for p in people)
    ]


def _full_names(keys: list[str], is_person: dict[str, bool]) -> list[str]:
    """The people's names of more than one word that name one person (``_full_name``)."""
    return [k for k in keys if is_person[k] and len(person_words(k)) > 1 and _full_name(k)]


def _same_length_person(key: str, person: str, settings: EntitySettings) -> bool:
    """Whether a name is a person's full name of as many words written another way.
    A longer one ending in it stays what the model says ("Interior Dirk Kempthorne",
    "NBA Charlotte Bobcats"): ``_merge_bodies_named`` joins such a name to the
    person without making it one."""
    return len(person_words(key)) == len(person_words(person)) and _same_person(
        key, person, settings
    )


def _names_a_body(key: str, found: list[Mention], keys: list[str]) -> bool:
    """Whether a name the model takes for a person's stands for a body of the story
    named after it: none of its mentions acts (subject, object, party or owner) and
    the story names a body or facility that starts with it. "Checked into Betty Ford"
    is the Betty Ford Center, "in Surrey" the county of Surrey Police; a person who
    acts ("Trump said", beside Trump University) stays a person."""
    if any(m.acts for m in found):
        return False
    return any(k.startswith(key + " ") and k.split()[-1] in PLACE_BODIES for k in keys)


def _name_infos(
    labels: dict[str, Counter[str]], by_key: dict[str, list[Mention]], is_person: dict[str, bool]
) -> dict[str, NameInfo]:
    """What the pair scorer reads of each key (``entity_pairs.NameInfo``)."""
    return {
        key: NameInfo(
            key=key,
            words=folded_words(key),
            core=tuple(_core(key.split())),
            person=tuple(person_words(key)) if is_person[key] else (),
            label=_most(labels[key]),
            place=_place(labels[key]),
            is_person=is_person[key],
            mentions=len(by_key[key]),
            acronyms=frozenset(a for m in by_key[key] for a in spellings(m.text)),
            capitals=any(_capitals(m.text) for m in by_key[key]),
        )
        for key in sorted(labels)
    }


def _candidates(groups: _Groups, infos: dict[str, NameInfo]) -> list[tuple[str, str, int]]:
    """The pairs of keys of no person that share a content word, or of which one is
    written in capitals as an acronym the other may have; each with the number of
    groups of the rules, other than the pair's, holding a name with every word of the
    shorter one.

    Pairs the rules already merged are in, so that the scorer is fitted on every
    pair name structure proposes, not only on what the rules left."""
    by_word = _by_word(infos)
    pairs = {(a, b) for keys in by_word.values() for a, b in combinations(sorted(keys), 2)}
    written = {k.replace(" ", ""): k for k, info in infos.items() if info.capitals}
    for key, info in infos.items():
        if not info.is_person:
            pairs.update(tuple(sorted((key, written[a]))) for a in info.acronyms & written.keys())
    return [(a, b, _rivals(a, b, groups, infos, by_word)) for a, b in sorted(pairs) if a != b]


def _by_word(infos: dict[str, NameInfo]) -> dict[str, set[str]]:
    """The keys by their content words. People are the rules' (surnames by dominance
    and gender); a name in capitals is an acronym, which pairs by its letters only:
    "U.N." is no Kim Jong Un."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, info in infos.items():
        if not (info.is_person or info.capitals):
            for word in info.words:
                by_word[word].add(key)
    return by_word


def _rivals(
    a: str, b: str, groups: _Groups, infos: dict[str, NameInfo], by_word: dict[str, set[str]]
) -> int:
    """How many groups other than those of ``a`` and ``b`` hold a name with every word
    of the shorter of the two: "Boston" beside the Red Sox and the Herald."""
    short = min((a, b), key=lambda k: (len(infos[k].words), k))
    holders = [by_word[w] for w in infos[short].words]
    having = set.intersection(*holders) if holders else set()
    return len({groups.find(k) for k in having} - {groups.find(a), groups.find(b)})


@dataclass(frozen=True)
class _Scored:
    """The scorer's view of a story's candidate pairs under one setting."""

    scores: dict[tuple[str, str], float]
    best: list[tuple[str, str]]  # rated ``pair_threshold`` or more, best first
    ambiguous: set[str]  # names paired so with two groups (``_ambiguous``)
    members: dict[str, set[str]]  # the rules' groups' keys, by root


def _scored(groups: _Groups, rules: Ruled, settings: EntitySettings, model: PairModel) -> _Scored:
    infos = rules.infos
    scores = {
        (a, b): model.probability(features(infos[a], infos[b], rivals))
        for a, b, rivals in rules.candidates
    }
    members: dict[str, set[str]] = defaultdict(set)
    for key in infos:
        members[groups.find(key)].add(key)
    ranked = sorted((-p, pair) for pair, p in scores.items() if p >= settings.pair_threshold)
    best = [pair for _, pair in ranked]
    return _Scored(scores, best, _ambiguous(groups, best), members)


def _merge_scored(
    groups: _Groups, rules: Ruled, settings: EntitySettings, model: PairModel
) -> None:
    """The candidate pairs the scorer rates ``settings.pair_threshold`` or more, merged
    best first, when their groups link whole (``_linked``)."""
    scored = _scored(groups, rules, settings, model)
    members = scored.members
    for a, b in scored.best:
        if scored.ambiguous & {a, b}:
            continue
        ra, rb = groups.find(a), groups.find(b)
        if ra != rb and _linked(members[ra], members[rb], scored.scores, rules.infos, settings):
            joined = members.pop(ra) | members.pop(rb)
            groups.union(a, b)
            members[groups.find(a)] = joined


def why_apart(rules: Ruled, settings: EntitySettings, model: PairModel, a: str, b: str) -> str:
    """Why the rules and the scorer leave two keys apart, for ``bench/ecbplus.py
    --causes``: "person" or "not a candidate" (never scored), "scorer" (rated under
    the threshold), "ambiguous" (``_ambiguous``), "guard" (their rules' groups do not
    link: ``_linked``), else "order" (a merge made before kept them apart)."""
    groups = rules.groups()
    pair = (min(a, b), max(a, b))
    scored = _scored(groups, rules, settings, model)
    if pair not in scored.scores:
        people = rules.infos[a].is_person or rules.infos[b].is_person
        return "person" if people else "not a candidate"
    if scored.scores[pair] < settings.pair_threshold:
        return "scorer"
    if scored.ambiguous & {a, b}:
        return "ambiguous"
    these, those = (scored.members[groups.find(k)] for k in pair)
    return "order" if _linked(these, those, scored.scores, rules.infos, settings) else "guard"


def _ambiguous(groups: _Groups, pairs: list[tuple[str, str]]) -> set[str]:
    """The names paired with names of two groups or more: "Korea" beside North Korea and
    South Korea joins neither, as a surname joins no one of two people named as often."""
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        partners[a].add(groups.find(b))
        partners[b].add(groups.find(a))
    return {key for key, roots in partners.items() if len(roots - {groups.find(key)}) > 1}


def _linked(
    these: set[str],
    those: set[str],
    scores: dict[tuple[str, str], float],
    infos: dict[str, NameInfo],
    settings: EntitySettings,
) -> bool:
    """Whether two groups may merge: every name of one with every name of the other
    scored ``settings.pair_floor`` or more (a name in capitals, an acronym, aside),
    no two names of one head with other words before it ("North Korea", "South
    Korea") nor a place and a place or body named after it (``_other_kinds``), and
    no two different people's full names: "Vodafone Egypt" joins neither "Egypt" to
    Vodafone nor "Jones" Nick Jones to Rob Jones."""
    for a, b in product(these, those):
        if infos[a].capitals or infos[b].capitals:
            continue
        if _other_kinds(infos[a], infos[b]):
            return False
        if scores.get((min(a, b), max(a, b)), 0.0) < settings.pair_floor:
            return False
    people = [
        {k for k in keys if len(infos[k].person) > 1 and _full_name(k)} for keys in (these, those)
    ]
    return not _other_people(*people, settings)


def _other_kinds(a: NameInfo, b: NameInfo) -> bool:
    """Whether two names are two of a kind (``_other_heads``), a place and another
    place or body named after it (``_named_for``), or a name and a longer one holding
    it of another kind (``_inner_name``)."""
    return (
        _other_heads(a, b)
        or _named_for(a, b.key)
        or _named_for(b, a.key)
        or _inner_name(a, b)
        or _coordinated(a.key, b.key)
        or _called_after(a.key, b.key)
    )


def _coordinated(a: str, b: str) -> bool:
    """Whether one name is two things named at once and the other one of them: "North
    and South America" is North America and South America, one name of neither."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(long) < 4 or long[1] != "and":
        return False
    head = long[3:]
    return short in ([long[0], *head], [long[2], *head])


def _called_after(a: str, b: str) -> bool:
    """Whether one name is a person's after a title, called after the place the other
    names: "St. Isidore of Chios", the Prince of Wales; the place is another thing."""
    short, long = sorted((a.split(), b.split()), key=len)
    if not long or long[0] not in PERSON_BY_PLACE or "of" not in long:
        return False
    return long[long.index("of") + 1 :] == short


def _inner_name(a: NameInfo, b: NameInfo) -> bool:
    """Whether the shorter of two names is words of the longer after its first, and
    the two are not of one kind: one a place and the other not ("Iowa" in the group
    Progress Iowa, "Mexico" in "U.S.-Mexico", "State" in the United States), or a
    people in a body's name ("Jewish" in the Republican Jewish Coalition). The
    scorer rates the shared word; a reader sees a state quoted as a lobby."""
    short, long = sorted((a, b), key=lambda info: (len(info.words), info.key))
    n, words = len(short.words), long.words
    # After an owner, the same one: "Spacey's London" is London.
    inside = any(
        words[i : i + n] == short.words and not _POSSESSIVE.search(words[i - 1])
        for i in range(1, len(words) - n + 1)
    )
    people = short.label == "NORP" and long.label != "NORP"
    return bool(n) and inside and (short.place != long.place or people)


def _other_heads(a: NameInfo, b: NameInfo) -> bool:
    """Whether two names of several words end alike and neither has all the other's
    words: two of a kind ("North Korea", "South Korea"; "Newport Beach", "Long Beach")."""
    if min(len(a.words), len(b.words)) < 2 or a.words[-1] != b.words[-1]:
        return False
    return not (set(a.words) <= set(b.words) or set(b.words) <= set(a.words))


def _named_for(place: NameInfo, other_key: str) -> bool:
    """Whether the name ``other_key`` is that of another place or of a body named after
    the ``place``: "South Africa", "Cardiff University" (``QUALIFIERS``, ``PLACE_BODIES``).
    The rules already keep a place from a body's short form (``_may_short``); the
    scorer, rating word overlap, does not."""
    words, other = place.key.split(), other_key.split()
    n = len(words)
    if not place.place or len(other) <= n:
        return False
    if other[-n:] == words and all(w in QUALIFIERS for w in other[:-n]):
        return True
    return other[:n] == words and all(w in PLACE_BODIES for w in other[n:])


def _other_people(these: set[str], those: set[str], settings: EntitySettings) -> bool:
    """Whether two sets of full names hold two that name different people."""
    return any(not _same_person(a, b, settings) for a in these for b in those)


def _merge_defined(groups: _Groups, defined: list[tuple[str, str]]) -> None:
    """Each acronym the story defines ("Expansion (ACR)") with its expansion, if it
    starts with its first initial or spells its initials in another order."""
    for acronym, expansion in defined:
        # "the UN's mission in Iraq (UNAMI)" defines UNAMI by more than "Iraq"; the
        # Kurdistan Workers Party is the PKK in Kurdish.
        spelled = initials(expansion)
        same_start = spelled[:1] == acronym[:1]
        if len(spelled) > 1 and (same_start or set(acronym) <= set(spelled)):
            groups.union(acronym, expansion)


def _merge_same_words(groups: _Groups, keys: list[str]) -> dict[tuple[str, ...], str]:
    """Names of the same words once connectors, "the", spelling and plural are set
    aside, or of the same letters; the first key of each such set of words."""
    by_words: dict[tuple[str, ...], str] = {}
    by_letters: dict[str, str] = {}
    for key in keys:
        words = folded_words(key)
        if len(words) > 1:
            groups.union(by_words.setdefault(words, key), key)
        # Only spaces, hyphens or apostrophes apart: "Al-Qaeda", "Kim Jong Nam".
        groups.union(by_letters.setdefault(_SPACING.sub("", key), key), key)
    return by_words


def _bodies(
    groups: _Groups, labels: dict[str, Counter[str]], is_person: dict[str, bool]
) -> dict[str, Counter[str]]:
    """The names of what is no person, by their labels: those the model never tags as
    one, and single words it does that joined no one ("Colts", "Jaguars")."""
    alone = Counter(groups.find(k) for k in labels)
    return {
        k: v
        for k, v in sorted(labels.items())
        if not is_person[k] or (" " not in k and alone[groups.find(k)] == 1)
    }


def _place(labels: Counter[str]) -> bool:
    """Whether most mentions of a name are tagged as a place."""
    return sum(labels[p] for p in PLACES) * 2 >= sum(labels.values()) > 0


def _merge_short_forms(
    groups: _Groups,
    bodies: dict[str, Counter[str]],
    by_words: dict[tuple[str, ...], str],
    people: set[str],
) -> None:
    """A body's name with the short forms the story also writes: without a corporate
    suffix or a kind of water ("Intel Corp." / "Intel", "Mediterranean Sea"), without
    the place it starts with ("Boston Red Sox" / "Red Sox") or ends with after "in"
    ("Betty Ford Center in Rancho Mirage"). Not a short form the rules made one of
    other ``people`` (a surname): "Trump" beside Donald Trump is the man, not Trump
    University; a word tagged as a person and alone ("Metatech") still may be."""
    places = {k for k, labels in bodies.items() if _place(labels)}
    for key in sorted(bodies):
        for short in _short_forms(key, set() if key in places else places):
            other = by_words.get(folded_words(short), short)
            if other not in bodies or _of_people(groups, other, people - {other}):
                continue
            if _may_short(bodies[other], bodies[key]):
                groups.union(key, other)


def _of_people(groups: _Groups, key: str, people: set[str]) -> bool:
    """Whether ``key``'s group holds one of the ``people``."""
    root = groups.find(key)
    return any(groups.find(p) == root for p in people)


def _may_short(short: Counter[str], full: Counter[str]) -> bool:
    """Whether a name tagged so may be the short form of one tagged so: no place for
    a body, no people ("Indian") for a place ("Indian Ocean")."""
    return _place(short) <= _place(full) and set(short) != {"NORP"}


def _core(words: list[str]) -> list[str]:
    """A body's name words without the corporate suffix or kind of body ending it."""
    core = list(words)
    while len(core) > 1 and core[-1] in DESIGNATORS | INSTITUTIONS:
        core.pop()
    return core


def _short_forms(key: str, places: set[str]) -> list[str]:
    """The shorter names a body's name ``key`` may go by (``_merge_short_forms``), the
    ``places`` it may start with left out: none for a place ("North Korea")."""
    words = key.split()
    core = _core(words)
    forms = [" ".join(core)] if len(core) < len(words) else []
    for i in range(1, len(words)):
        if " ".join(words[:i]) in places and words[i] not in _STOPWORDS:
            forms.append(" ".join(words[i:]))
        if words[i - 1] == "in" and i > 1 and " ".join(words[i:]) in places:
            forms.append(" ".join(words[: i - 1]))
    return forms


def _merge_acting_places(
    groups: _Groups,
    bodies: dict[str, Counter[str]],
    by_key: dict[str, list[Mention]],
    share: float,
) -> None:
    """A place that acts (``share`` of its mentions or more: "Indianapolis beat
    Jacksonville", "Jacksonville's secondary") with the one body named after it
    whose short name the story also writes (the Indianapolis Colts, the Colts), as
    a capital acting is its government. Not a place written in capitals ("U.S."
    for the U.S. Senate), nor a building (the Wasilla Bible Church), nor a body of
    the place's own, one of many (the Texas Senate, the Boston Police)."""
    for key, labels in sorted(bodies.items()):
        acting = sum(m.acts for m in by_key[key])
        if not _place(labels) or acting < share * len(by_key[key]):
            continue
        if any(_capitals(m.text) for m in by_key[key]):
            continue
        named = {groups.find(k) for k in _named_after(key, bodies)}
        if len(named) == 1:
            groups.union(key, named.pop())


def _named_after(place: str, bodies: dict[str, Counter[str]]) -> list[str]:
    """The bodies named after ``place`` whose name without it is a name in the story."""
    return [
        k
        for k in bodies
        if k.startswith(place + " ")
        and k[len(place) + 1 :] in bodies
        and not (_place(bodies[k]) or _people(bodies[k]))
        and k.split()[-1] not in PLACE_BODIES
    ]


def _merge_misspelled(groups: _Groups, names: dict[str, Counter[str]]) -> None:
    """One-word names, both places or neither, spelled alike once vowels are set aside
    and long enough not to meet by chance: "Turkeminstan" / "Turkmenistan",
    "Teixiera" / "Teixeira"; not two points of the compass, whose skeletons meet
    ("Southeast" / "Southwest": no "w" or "h" in a skeleton)."""
    alike: dict[tuple[str, str, bool, tuple[str, ...]], list[str]] = defaultdict(list)
    for key, labels in sorted(names.items()):
        if key.isalpha() and len(key) >= MIN_MISSPELLED:
            points = tuple(_COMPASS.findall(key))
            alike[key[0], skeleton(key), _place(labels), points].append(key)
    for keys in alike.values():
        for other in keys[1:]:
            groups.union(keys[0], other)


def _merge_clipped(
    groups: _Groups, bodies: dict[str, Counter[str]], by_key: dict[str, list[Mention]]
) -> None:
    """A clipped one-word name, alone in its group, and the one name it clips that the
    story writes more often (or any, after an abbreviation's dot): "Jags" for the
    Jaguars, "Indy" for Indianapolis, "Calif." for California (a stem of three letters
    or more, and a plural "s" or a pet "y"); not "Bulls" for the Bulldogs, written as
    often, nor "Iran" for "Iranian", a people."""
    sizes = Counter(groups.find(k) for k in bodies)
    words = [k for k, labels in bodies.items() if k.isalpha() and _clippable(k, labels)]
    for key in words:
        if sizes[groups.find(key)] == 1 and 3 < len(key) <= 6:
            clipped = {groups.find(k) for k in _clipped(key, words, by_key)}
            if len(clipped) == 1:
                groups.union(key, clipped.pop())


def _clipped(short: str, words: list[str], by_key: dict[str, list[Mention]]) -> list[str]:
    """The names of ``words`` that ``short`` clips and the story writes more often."""
    dotted = all(m.text.endswith(".") for m in by_key[short])  # "Calif.", "Tenn."
    more = [k for k in words if dotted or len(by_key[k]) > len(by_key[short])]
    return [k for k in more if _clips(short, k)]


def _clippable(key: str, labels: Counter[str]) -> bool:
    """Whether a one-word name is of a place or a body, not of a people."""
    return _place(labels) or not _no_body(key, labels)


def _clips(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` cut short: its stem starts it, a plural stays one."""
    stem, end = (short[:-1], short[-1]) if short[-1] in "sy" else (short, "")
    plural = end != "s" or full.endswith("s")
    return len(stem) >= 3 and len(full) >= len(stem) + 3 and full.startswith(stem) and plural


def _people(labels: Counter[str]) -> bool:
    """Whether most mentions of a name are tagged as a people ("North Koreans")."""
    return labels["NORP"] * 2 >= labels.total() > 0


def _no_body(key: str, labels: Counter[str]) -> bool:
    """Whether a word names a place, or a people in the singular as an adjective does
    ("Asian", "American"), rather than a body ("Panthers" may name a team)."""
    return _place(labels) or (bool(labels["NORP"]) and not key.endswith("s"))


def _plain_name(words: list[str]) -> bool:
    """Whether a name of a few words may go by its last one: no small words ("Carlton
    Hotel in Cannes"), no figures, no suffix ("Corp.") nor kind of body at the end."""
    plain = all(w.isalpha() and w not in _STOPWORDS for w in words)
    ending = DESIGNATORS | INSTITUTIONS | GENERATIONS  # "World War II" is no "II"
    return plain and 1 < len(words) <= 4 and words[-1] not in ending


def _merge_last_words(
    groups: _Groups, bodies: dict[str, Counter[str]], by_key: dict[str, list[Mention]]
) -> None:
    """A one-word name of a body (``_no_body``), alone in its group, that ends the plain
    name of one body only ("Sox" for the Red Sox; not "Egypt" for Telecom Egypt nor
    "Cannes" for the Carlton Hotel in Cannes), else starts the name of one facility
    only ("Promises" for the Promises Treatment Center)."""
    ending, founded = _name_words(groups, bodies)
    sizes = Counter(groups.find(k) for k in by_key)
    for key, labels in sorted(bodies.items()):
        if " " in key or sizes[groups.find(key)] > 1 or _no_body(key, labels):
            continue
        acronym = any(_capitals(m.text) for m in by_key[key])
        roots = ending.get(key) or (set() if acronym else founded.get(key, set()))
        if len(roots) == 1:
            groups.union(key, roots.pop())


def _name_words(
    groups: _Groups, bodies: dict[str, Counter[str]]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The groups of the bodies each word ends the plain name of, and those of the
    facilities each word starts the name of (``_merge_last_words``)."""
    ending: dict[str, set[str]] = defaultdict(set)
    founded: dict[str, set[str]] = defaultdict(set)
    for key, labels in bodies.items():
        words = key.split()
        if _plain_name(words) and not _people(labels):
            ending[words[-1]].add(groups.find(key))
        if len(words) > 1 and words[-1] in FACILITIES:
            founded[words[0]].add(groups.find(key))
    return ending, founded


def _written_acronym(key: str, found: list[Mention]) -> bool:
    """Whether a name is a word of letters (and figures) the story writes in capitals:
    "RIM", "U.N.", "IE8"."""
    letters = sum(c.isalpha() for c in key)
    return key.isalnum() and letters > 1 and any(_capitals(m.text) for m in found)


def _merge_acronyms(
    groups: _Groups,
    acronyms: set[str],
    spelled: dict[str, set[str]],
    labels: dict[str, Counter[str]],
    min_prefix: int,
) -> None:
    """Acronym ↔ expansion by initials, those of its name without the common nouns
    after it ("AP", "Associated Press news agency"); a prefix ("IBM" for
    "International Business Machines Corp.", "IS" beside "ISIL") only when no
    expansion matches in full. An acronym with a standard expansion ("U.N.") stands
    for that one only, not "Upper Nile"; nor does one the model never tags as a
    place stand for a place; nor one that spells names of two groups for either."""
    for key in sorted(acronyms):
        expansions = [
            e
            for e in _expansions(key, spelled, acronyms, min_prefix)
            if _may_stand_for(key, e, labels)
        ]
        # "RNC" beside the Republican National Committee and the Republican National
        # Convention may stand for either: a reader told one is misled.
        others = {groups.find(e) for e in expansions} - {groups.find(key)}
        if key in STANDARD_ACRONYMS or len(others) <= 1:
            for expansion in expansions:
                groups.union(key, expansion)


def _may_stand_for(acronym: str, expansion: str, labels: dict[str, Counter[str]]) -> bool:
    standard = STANDARD_ACRONYMS.get(acronym)
    if standard is not None:  # "Associated Press news agency" is the Associated Press
        start = content_words(expansion)[: len(content_words(standard))]
        return folded_words(" ".join(start)) == folded_words(standard)
    return not _place_only(labels[expansion]) or any(labels[acronym][p] for p in PLACES)


def _place_only(labels: Counter[str]) -> bool:
    """Whether the model tags a name as a place and nothing else."""
    return set(labels) <= PLACES


def _expansions(
    acronym: str, spelled: dict[str, set[str]], acronyms: set[str], min_prefix: int
) -> list[str]:
    """The longer names (``_spelled``) an acronym spells in full, else those whose
    start it spells."""
    full = [m for m in spelled if acronym in spelled[m]]
    return full or [m for m in spelled if _prefix_of(acronym, m, acronyms, min_prefix)]


def _spelled(
    keys: list[str], is_person: dict[str, bool], by_key: dict[str, list[Mention]]
) -> dict[str, set[str]]:
    """The names of several words that are no person's, and the acronyms they may have."""
    multi = [k for k in keys if len(content_words(k)) > 1 and not is_person[k]]
    return {m: {a for text in {x.text for x in by_key[m]} for a in spellings(text)} for m in multi}


def spellings(text: str) -> set[str]:
    """The acronyms a name as written may have: the first letters of its capitalised
    words, or all the letters of one written in capitals ("U.S. Geological Survey":
    USGS), without or with its small words ("Research in Motion": RIM); not those of
    the common nouns the model ran it on into ("Aceh province" is no "AP")."""
    words = [w for w in re.split(r"[\s-]+", text) if w.casefold() not in {"the", "a", "&"}]
    while words and not words[-1][:1].isupper():
        words.pop()
    content = [w for w in words if w.casefold() not in _STOPWORDS]
    return _spelled_by(content) | _spelled_by(words)


def _spelled_by(words: list[str]) -> set[str]:
    """Every acronym of several ``words``, each giving its ``_letters``."""
    options = [_letters(w) for w in words]
    if len(words) < 2 or math.prod(map(len, options)) > _MAX_SPELLINGS:
        return set()
    return {"".join(letters) for letters in product(*options)}


def _letters(word: str) -> set[str]:
    """What one word of a name gives its acronym: its first letter, or all its letters
    if it is written in capitals ("U.S.", "UK")."""
    bare = word.replace(".", "").casefold()
    if not bare:
        return {""}
    return {bare[0], bare} if _capitals(word) and bare.isalpha() else {bare[0]}


def _proper(name: str) -> str:
    """The key of a name without the common nouns the model ran it on into, written
    in lower case: "Associated Press news agency" is the Associated Press."""
    words = name.split()
    while len(words) > 1 and words[-1].islower():
        words.pop()
    return norm(" ".join(words))


def _prefix_of(acronym: str, expansion: str, acronyms: set[str], min_prefix: int) -> bool:
    """Whether an acronym spells the start of a longer name's initials, as a short form.

    It must leave out one word at most, and be ``min_prefix`` letters or
    more, or else the story must write the longer acronym too.
    """
    spelled = initials(expansion)
    if len(content_words(expansion)) <= 2 or not spelled.startswith(acronym):
        return False
    return spelled in acronyms or (len(acronym) >= min_prefix and len(spelled) == len(acronym) + 1)


def _merge_people(
    groups: _Groups,
    keys: list[str],
    is_person: dict[str, bool],
    by_key: dict[str, list[Mention]],
    settings: EntitySettings,
) -> None:
    """A person's full name with its shorter, titled and transliterated forms."""
    people = _full_names(keys, is_person)
    _merge_bodies_named(groups, [k for k in keys if not is_person[k]], people, by_key)
    for a, b in combinations(people, 2):
        if _same_person(a, b, settings):
            groups.union(a, b)
    _merge_nicknames(groups, people, set(keys))
    _merge_single_names(groups, keys, people, by_key, settings)


def _same_person(a: str, b: str, settings: EntitySettings) -> bool:
    """Whether two full names name one person: one surname (``_one_surname``), no two
    generations (``_other_generations``), and first names alike (``first_names_alike``)
    or one name the end of the other."""
    wa, wb = person_words(a), person_words(b)
    if not _one_surname(wa, wb, settings.surname_alike) or _other_generations(a, b):
        return False
    if _other_middles(wa, wb):
        return False
    shorter, longer = sorted((wa, wb), key=len)
    alike = first_names_alike(wa[0], wb[0], settings.min_nickname)
    return alike or longer[-len(shorter) :] == shorter


def _other_generations(a: str, b: str) -> bool:
    """Whether two full names of one surname are two generations of a family: their
    suffixes differ ("Jr." and "Sr."), or one name alone has one and the first names
    are written otherwise (J. Paul Getty and his grandson John Paul Getty III). With
    one first name written alike, a suffix left out is the same man's: "Martin Luther
    King" is Martin Luther King Jr."""
    ga, gb = generation(a), generation(b)
    if ga == gb:
        return False
    return bool(ga and gb) or person_words(a)[0] != person_words(b)[0]


def _other_middles(wa: list[str], wb: list[str]) -> bool:
    """Whether two full names both give middle initials, and other ones: George H.W.
    Bush is not George W. Bush, father and son. Middle names written out are left
    alone: "Hillary Diane Rodham Clinton" is Hillary Rodham Clinton."""
    ma, mb = (_middle_initials(w) for w in (wa, wb))
    return bool(ma and mb) and ma != mb


def _middle_initials(words: list[str]) -> str:
    """A name's middle initials, run together once the dots go ("hw" in "george hw
    bush"); "" when it has none or writes a middle name out."""
    middle = words[1:-1]
    return "".join(middle) if all(len(w) <= 2 for w in middle) else ""


def _one_surname(wa: list[str], wb: list[str], ratio: float) -> bool:
    """Whether two full names end in one surname, written alike or, under one first
    name, spelled two ways: a long surname ``ratio`` alike ("Djoko Murdjatmodjo",
    "Djoko Murjatmodjo"), as transliterations and typos write it."""
    x, y = wa[-1], wb[-1]
    if x == y:
        return True
    long = min(len(x), len(y)) >= MIN_MISSPELLED
    return long and wa[0] == wb[0] and SequenceMatcher(None, x, y).ratio() >= ratio


def first_names_alike(x: str, y: str, min_nickname: int) -> bool:
    """Whether two first names may be one person's: spelled alike once vowels are
    ignored (Nouri/Nuri), an initial and a name it starts (W./William), or a short
    form and the name it starts (Fred/Frederick, Alex/Alexandros, Katie/Kathryn:
    ``min_nickname`` letters in common), or a standard nickname (Jim/James, Mo/Maurice:
    ``name_variants``)."""
    if skeleton(x) == skeleton(y) or nickname_of(x, y):
        return True
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) == 1:
        return longer.startswith(shorter)
    return x[:min_nickname] == y[:min_nickname] and len(shorter) >= min_nickname


def _merge_nicknames(groups: _Groups, people: list[str], keys: set[str]) -> None:
    """A name with a nickname in quotes and the nickname with the surname, if the story
    writes it: 'Orenthal James "O.J." Simpson' and "O.J. Simpson"."""
    for key in people:
        for nickname in _NICKNAME.findall(key):
            short = f"{nickname.strip(_QUOTES)} {person_words(key)[-1]}"
            if short in keys:
                groups.union(key, short)


def _merge_bodies_named(
    groups: _Groups, bodies: list[str], people: list[str], by_key: dict[str, list[Mention]]
) -> None:
    """A name the model took for a body that is the end of a person's in two words or
    more: "Amanda Lene Jones" ending in "Lene Jones", "El Hage" that of "Wadih El Hage".
    Not a place ending an outlet's name the model took for a person (``_outlet``):
    "TV3 New Zealand" is a broadcaster of the place, not the place."""
    for key in bodies:
        words = key.split()
        if not 1 < len(words) <= 4 or words != content_words(key):
            continue
        place = _place(Counter(m.label for m in by_key[key]))
        for p in people:
            if _ends_name(words, person_words(p)) and not (place and _outlet(by_key[p])):
                groups.union(key, p)


def _ends_name(words: list[str], tail: list[str]) -> bool:
    """Whether the shorter of two names is the end of the longer one."""
    shorter, longer = sorted((words, tail), key=len)
    return len(shorter) < len(longer) and longer[-len(shorter) :] == shorter


def _outlet(found: list[Mention]) -> bool:
    """Whether a name opens with a word no person's name does, one with a digit or in
    capitals as a broadcaster's ("TV3 New Zealand", "BBC Scotland"); not an initial."""
    return any(_OUTLET_WORD.fullmatch(m.text.split()[0]) for m in found)


def _merge_single_names(
    groups: _Groups,
    keys: list[str],
    people: list[str],
    by_key: dict[str, list[Mention]],
    settings: EntitySettings,
) -> None:
    """A single word naming one person group, by surname (or else first name): the
    only one, or the one the story names ``settings.dominance`` times as often as
    any other (Kimani Gray, not his sister Mahnefah Gray, is "Gray").

    After a title that tells a gender ("Mrs. Yeltsin"), the surname alone's group
    or else the one person's whose gender, as the story shows it, does not differ.
    Titled names go after bare ones, the most mentioned first, so the group one
    joins shows its gender to the next: "Mr. Clinton" and "Mrs. Clinton" never
    both join Clinton.
    """
    votes = {k: Counter(g for m in by_key[k] for g in m.genders) for k in keys}
    for key in sorted(keys, key=lambda k: (_titled(k) is not None, -len(by_key[k]), k)):
        if any(m.quoted for m in by_key[key]):
            continue  # a pseudonym ('"John" told the BBC') is no one the story names
        options = _single_name_options(groups, key, people, by_key, settings.max_initials)
        chosen = _single_name_choice(groups, key, options, votes, by_key, settings.dominance)
        if chosen is not None:
            groups.union(key, chosen)


def _single_name_choice(
    groups: _Groups,
    key: str,
    options: list[set[str]],
    votes: dict[str, Counter[str]],
    by_key: dict[str, list[Mention]],
    dominance: float,
) -> str | None:
    """The group a name of one word (after a title, if any) joins: the dominant one of
    its first ``options`` that has one, if the genders fit.

    A title chooses among the people of its gender; a name's own pronouns, which the
    parse may bind wrong, only forbid the one chosen. "Mrs" before a full name is
    that person only if the story shows a woman of it."""
    gender = _told_gender(key, votes)
    shown = _titled_full_name(key)
    titled = _titled(key) is not None
    for roots in options:
        fitting = _fitting(groups, votes, roots, gender, shown) if titled else list(roots)
        chosen = _dominant(groups, fitting, by_key, dominance)
        if chosen is not None:
            return chosen if _fits(groups, votes, chosen, gender, shown) else None
    return None


def _fitting(
    groups: _Groups, votes: dict[str, Counter[str]], roots: set[str], gender: str, shown: bool
) -> list[str]:
    """The groups of ``roots`` a titled name may join: those the story shows of its
    gender if any, as "Mrs" before a full name needs, else those it shows of no other.
    "Mrs Wilson" is Jane Wilson, whom "she" follows, not Gary Wilson, of whom the
    story tells no gender (his first name is a man's, which no rule reads)."""
    fit = [r for r in roots if _fits(groups, votes, r, gender, shown)]
    return [r for r in fit if _fits(groups, votes, r, gender, True)] or fit


def _told_gender(key: str, votes: dict[str, Counter[str]]) -> str:
    """The gender a name's title tells, else its own pronouns ("" if neither): a name
    alone whose pronouns tell a man ("Chapman ... he") is no woman's."""
    titled = _titled(key)
    return titled[0] if titled else _gender(votes[key]) or ""


def _dominant(
    groups: _Groups, roots: list[str], by_key: dict[str, list[Mention]], ratio: float
) -> str | None:
    """The one group of ``roots``, or the one with ``ratio`` times the mentions of any other."""
    if len(roots) < 2:
        return roots[0] if roots else None
    sizes = Counter({root: 0 for root in roots})
    for key, found in by_key.items():
        if (root := groups.find(key)) in sizes:
            sizes[root] += len(found)
    (first, most), (_, second) = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    return first if most >= ratio * second else None


def _single_name_options(
    groups: _Groups,
    key: str,
    people: list[str],
    by_key: dict[str, list[Mention]],
    max_initials: int,
) -> list[set[str]]:
    """The person groups a name of one word (after a title, if any) may join, in order
    of preference: after a gendered title, the surname alone's group; then those of
    the people of that surname, then of that first name. None for a longer name."""
    gender, name = _titled(key) or ("", key)
    options = [{groups.find(name)}] if gender and name in by_key else []
    words = person_words(name)
    if len(words) != 1 or not _WORD.fullmatch(words[0]):
        return options
    # Initials in capitals stand for a name written so: "O.J." for O.J. Simpson,
    # but "U.N." for no Kim Jong Un.
    initialism = len(name) <= max_initials and all(_capitals(m.text) for m in by_key[key])
    return options + [
        _named_by(groups, people, by_key, words[0], position, initialism) for position in (-1, 0)
    ]


def _named_by(
    groups: _Groups,
    people: list[str],
    by_key: dict[str, list[Mention]],
    word: str,
    position: int,
    initialism: bool,
) -> set[str]:
    """The groups of the people whose name has ``word`` at ``position`` (-1 the
    surname, 0 the first name), written in capitals there if ``word`` is initials."""
    return {
        groups.find(p)
        for p in people
        if person_words(p)[position] == word
        and (not initialism or any(_capitals(m.text, position) for m in by_key[p]))
    }


def _fits(
    groups: _Groups, votes: dict[str, Counter[str]], root: str, gender: str, shown: bool = False
) -> bool:
    """Whether the gender the group of ``root`` shows, if any (if ``shown``, one it
    shows), is ``gender`` (any, if "")."""
    if not gender:
        return True
    evidence = sum((v for k, v in votes.items() if groups.find(k) == root), Counter())
    return _gender(evidence) in ({gender} if shown else {None, gender})


def _gender(votes: Counter[str]) -> str | None:
    """The gender most of the evidence shows, if it shows one more than the other."""
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _capitals(name: str, position: int | None = None) -> bool:
    """Whether a name, or its word at ``position``, is written in capitals ("U.N.", "O.J.")."""
    words = [w for w in name.replace(".", "").split() if w.casefold() not in _STOPWORDS]
    picked = words if position is None else words[position : position + 1 or None]
    return bool(picked) and all(w.isupper() for w in picked)


def _canonical(members: list[Mention]) -> str:
    """The most used multi-word bare name, else the most used name.

    A person the story names only by a gendered title is named with it:
    "Mrs. Clinton", not "Clinton"; otherwise "Mrs" and a full name, which may be a
    husband's, is not the name: "Hillary Clinton". A quoted nickname is no word of
    the name: "‘Lyin’ Ted" is one word, which "Ted Cruz" outranks.
    """
    titled = all(_titled(m.key) for m in members)
    counts = Counter(
        m.alias if titled else m.text for m in members if titled or not _titled_full_name(m.key)
    )
    multi = [t for t in counts if " " in without_nickname(t).strip()]
    pool = multi or list(counts)
    return max(pool, key=lambda t: (counts[t], len(t), t))


@dataclass
class Names:
    """Resolves a name as written ("Mr Maliki", "Isis") to its entity's name."""

    canonical: dict[str, str]  # by ``norm`` of a name as written, or by mention key
    people: set[str]  # names of PERSON entities
    entities: list[Entity] = field(default_factory=list)  # most mentioned first

    def resolve(self, text: str) -> str | None:
        return self.canonical.get(norm(text))

    @classmethod
    def empty(cls) -> Names:
        """No entities: what the analyses read when finding them failed."""
        return cls({}, set())


def find_entities(story: StoryContext) -> Names:
    """The story's entities, most mentioned first, with the resolver of their names."""
    found, defined = mentions(story)
    return names_of(found, defined, story.settings.entities)


def names_of(
    found: list[Mention],
    defined: list[tuple[str, str]],
    settings: EntitySettings,
    model: PairModel | None = None,
    rules: Ruled | None = None,
) -> Names:
    """The entities the mentions ``found`` (and the acronyms ``defined``) name; the
    pairs the rules leave apart scored by ``model``, by default the shipped one.
    ``rules``: their grouping by the rules (``ruled``), if worked out already."""
    groups = _merge(rules or ruled(found, defined, settings), settings, model)
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        members[groups.find(m.key)].append(m)
    entities: list[Entity] = []
    names: dict[str, str] = {}
    # Larger groups first: a name written alike in two entities ("Tehran" the
    # government, "Tehran" the city) resolves to the one the story uses more.
    for group in sorted(members.values(), key=lambda g: (-len(g), g[0].key)):
        entity = _entity(group)
        if entity is None:
            continue
        entities.append(entity)
        for m in group:
            for written in (m.key, norm(m.text), norm(m.alias)):
                names.setdefault(written, entity.name)
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return Names(names, {e.name for e in entities if e.type == "PERSON"}, entities)


def _entity(group: list[Mention]) -> Entity | None:
    """The entity a group of mentions names, if it is one.

    A group made only of NORP mentions (Iraqi, Shia) is an adjective of
    nationality or creed, not an actor, and is left out.
    """
    label_counts = Counter(m.label for m in group)
    if set(label_counts) == {"NORP"} and not any(m.text.isupper() for m in group):
        return None
    aliases = Counter(a for m in group for a in {m.text, m.alias})
    return Entity(
        name=_canonical(group),
        type="PERSON" if label_counts["PERSON"] else label_counts.most_common(1)[0][0],
        aliases=sorted(aliases, key=lambda a: (-aliases[a], a)),
        sources=sorted({m.article for m in group}),
        mentions=len(group),
    )
