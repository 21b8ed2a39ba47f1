"""Entities: who and what the story involves, under every name the outlets use.

spaCy finds the mentions; they are then merged by signals that hold for any
story, not lists of this story's names:

* the same name ignoring case, dots, a leading "the" and a possessive
  (ISIS/Isis, U.S./US);
* the same words once connectors are dropped ("Islamic State of/in Iraq and
  the Levant");
* an acronym and its expansion, by initials or by an "Expansion (ACR)"
  definition in the text (ISIL, ISIS, US);
* a person's name and its shorter or transliterated forms: a surname alone,
  "al-" dropped, first names spelled alike once vowels are ignored
  (Nouri/Nuri al-Maliki);
* a country's short name and its capital when the capital acts (is the
  subject, the object, or the party "with"/"between" whom something happens),
  which is the capital standing for the government ("Washington wanted").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.story import Story
from storybrief.models import Entity

NAMED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Labels whose span may run on over "of/in ... and the ..." into a longer name.
_EXTENDABLE = {"ORG", "NORP", "FAC"}
_CONNECTORS = {"of", "in", "for", "and", "on"}
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
    "rear", "col", "lt", "capt", "imam", "rabbi", "cardinal", "bishop", "mayor",
}  # fmt: skip
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent"}
_PARTY_PREPS = {"with", "between", "against", "by"}


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: its bare form, its form with a title, where it is."""

    text: str  # the name as spaCy bounds it, cleaned ("Hassan Rouhani")
    alias: str  # with a leading title if there is one ("President Hassan Rouhani")
    label: str
    sentence_id: str
    article: str
    key: str  # what the merge rules compare


def norm(text: str) -> str:
    """Comparable form of a name: no leading "the", possessive, dots or case."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"['’]s$", "", text).replace(".", "")
    return " ".join(text.split()).casefold()


def content_words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", key) if w and w not in _STOPWORDS]


def folded_words(key: str) -> tuple[str, ...]:
    """Content words with British spellings and a final plural folded away.

    "International Organisation for Migration" meets "...Organization...",
    and "Revolutionary Guards" meets "Revolutionary Guard".
    """
    words = [re.sub(r"is(e|ed|ing|ation)\b", r"iz\1", w) for w in content_words(key)]
    if words and len(words[-1]) > 3:
        words[-1] = re.sub(r"s$", "", words[-1])
    return tuple(words)


def initials(key: str) -> str:
    return "".join(w[0] for w in content_words(key))


def person_words(key: str) -> list[str]:
    """A person's name words with Arabic-style particles ("al-") dropped."""
    return [_PARTICLES.sub("", w) for w in key.split() if w not in _STOPWORDS]


def skeleton(word: str) -> str:
    """Consonants of a name, so transliterations (Nouri/Nuri) compare equal."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word))


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim a leading determiner, a trailing possessive or punctuation, and "(...)"."""
    for i in range(start, end):
        if doc[i].text == "(":
            end = i
            break
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _extend(doc: Doc, span: Span) -> int:
    """End of ``span`` run on over "of/in X and the Y" when it names one body."""
    end = span.end
    if len(span) < 2:
        return end  # "ISIS in Iraq" is the group in a place, not a longer name
    has_of = any(t.lower_ in {"of", "in", "for"} for t in span)
    while end < len(doc) and doc[end].lower_ in _CONNECTORS:
        if doc[end].lower_ == "and" and not has_of:
            break
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and doc[k].tag_ in {"NNP", "NNPS"} and doc[k].text[:1].isupper():
            k += 1
        if k == j:
            break
        has_of = has_of or doc[end].lower_ in {"of", "in", "for"}
        end = k
    return end


def _title_start(doc: Doc, start: int, taken: set[int]) -> int:
    """Start of the title words ("President", "Mr") right before a name."""
    i = start
    while i > 0 and i - 1 not in taken and doc[i - 1].tag_ == "NNP" and doc[i - 1].is_title:
        i -= 1
    return i


def _is_acting(token: Token) -> bool:
    """Whether a place name is used as an actor (the government) rather than a place."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in _AGENT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS


def _key(text: str, label: str, span: Span) -> str:
    key = norm(text)
    key = COUNTRY_NAMES.get(key, key)
    if label == "GPE" and key in CAPITALS and _is_acting(span.root):
        return CAPITALS[key]
    return key


def _definition(doc: Doc, end: int) -> Token | None:
    """The acronym in "(...)" right after a name ending at ``end``, if there is one."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        inner = doc[end + 1]
        if inner.text[:1].isupper() and inner.is_alpha:
            return inner
    return None


def mentions(story: Story) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Every name mention in the story, in story order, and the acronyms it defines."""
    found: list[Mention] = []
    defined: list[tuple[str, str]] = []
    for sentence in story.sentences:
        doc = story.docs[sentence.id]
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
        for token in doc:
            # Acronyms the small model leaves untagged ("the numerically inferior IS").
            bare = token.text.replace(".", "")
            if token.i not in taken and token.tag_ == "NNP" and bare.isupper() and len(bare) > 1:
                spans.append((token.i, token.i + 1, "ORG"))
                taken.add(token.i)
        for start, end, label in spans:
            first = _title_start(doc, start, taken) if label == "PERSON" else start
            while label == "PERSON" and end - start > 2 and doc[start].lower_ in HONORIFICS:
                start += 1
            span = doc[start:end]
            acronym = _definition(doc, end)
            if acronym is not None:
                defined.append((norm(acronym.text), norm(span.text)))
            key = _key(span.text, label, span)
            found.append(
                Mention(span.text, doc[first:end].text, label, sentence.id, sentence.article, key)
            )
    return found, defined


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


def _merge(found: list[Mention], defined: list[tuple[str, str]]) -> _Groups:
    groups = _Groups()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in found:
        labels[m.key][m.label] += 1
        groups.find(m.key)
    for acronym, expansion in defined:
        # "the UN's mission in Iraq (UNAMI)" defines UNAMI by more than "Iraq".
        spelled = initials(expansion)
        if spelled == acronym or (len(spelled) > 1 and spelled[:1] == acronym[:1]):
            groups.union(acronym, expansion)
    plain = sorted(labels)
    is_person = {k: labels[k]["PERSON"] > 0 for k in plain}
    # Same words once connectors, "the", spelling and plural are set aside.
    by_words: dict[tuple[str, ...], str] = {}
    for key in plain:
        words = folded_words(key)
        if len(words) > 1:
            groups.union(by_words.setdefault(words, key), key)
    # Acronym ↔ expansion by initials; a prefix ("IS" for "Islamic State ...") only
    # when no expansion matches the acronym in full.
    multi = [k for k in plain if len(content_words(k)) > 1 and not is_person[k]]
    for key in plain:
        if " " in key or not key.isalpha() or len(key) < 2:
            continue
        full = [m for m in multi if initials(m) == key]
        prefix = [m for m in multi if len(content_words(m)) > 2 and initials(m).startswith(key)]
        for expansion in full or prefix:
            groups.union(key, expansion)
    _merge_people(groups, plain, is_person)
    return groups


def _merge_people(groups: _Groups, keys: list[str], is_person: dict[str, bool]) -> None:
    """A person's full name with its shorter, titled and transliterated forms."""
    people = [k for k in keys if is_person[k] and len(person_words(k)) > 1]
    for a in people:
        for b in people:
            wa, wb = person_words(a), person_words(b)
            if a < b and wa[-1] == wb[-1]:
                shorter, longer = sorted((wa, wb), key=len)
                same_first = skeleton(wa[0]) == skeleton(wb[0])
                if same_first or longer[-len(shorter) :] == shorter:
                    groups.union(a, b)
    # A single word naming exactly one person group, by surname (or else first name).
    for key in keys:
        words = person_words(key)
        if len(words) != 1 or not key.isalpha() or key.isupper():
            continue
        for position in (-1, 0):
            roots = {groups.find(p) for p in people if person_words(p)[position] == words[0]}
            if len(roots) == 1:
                groups.union(key, roots.pop())
                break


def _canonical(members: list[Mention]) -> str:
    """The most used multi-word bare name, else the most used name."""
    counts = Counter(m.text for m in members)
    multi = [t for t in counts if " " in t.strip()]
    pool = multi or list(counts)
    return max(pool, key=lambda t: (counts[t], len(t), t))


@dataclass
class Names:
    """Resolves a name as written ("Mr Maliki", "Isis") to its entity's name."""

    canonical: dict[str, str]  # by ``norm`` of a name as written, or by mention key
    people: set[str]  # names of PERSON entities

    def resolve(self, text: str) -> str | None:
        return self.canonical.get(norm(text))


def find_entities(story: Story) -> tuple[list[Entity], Names]:
    """The story's entities, most mentioned first, and the resolver of their names.

    A group made only of NORP mentions (Iraqi, Shia) is an adjective of
    nationality or creed, not an actor, and is left out.
    """
    found, defined = mentions(story)
    groups = _merge(found, defined)
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        members[groups.find(m.key)].append(m)
    entities: list[Entity] = []
    names: dict[str, str] = {}
    # Larger groups first: a name written alike in two entities ("Tehran" the
    # government, "Tehran" the city) resolves to the one the story uses more.
    for group in sorted(members.values(), key=lambda g: (-len(g), g[0].key)):
        label_counts = Counter(m.label for m in group)
        if set(label_counts) == {"NORP"} and not any(m.text.isupper() for m in group):
            continue
        kind = "PERSON" if label_counts["PERSON"] else label_counts.most_common(1)[0][0]
        name = _canonical(group)
        aliases = Counter(a for m in group for a in {m.text, m.alias})
        entities.append(
            Entity(
                name=name,
                type=kind,
                aliases=sorted(aliases, key=lambda a: (-aliases[a], a)),
                sources=sorted({m.article for m in group}),
                mentions=len(group),
            )
        )
        for m in group:
            for written in (m.key, norm(m.text), norm(m.alias)):
                names.setdefault(written, name)
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return entities, Names(names, {e.name for e in entities if e.type == "PERSON"})
