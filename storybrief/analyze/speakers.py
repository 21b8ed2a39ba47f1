"""Who says a sentence: the speaker of a quote, the source a claim is attributed to.

News copy attributes with a small set of constructions: a speech verb and its
subject ("..., Rouhani said"; "he replied: ..."; "X told the Guardian that"),
"according to X", and an outlet citing a source ("The Guardian cited a senior
Iraqi official"). The subject is resolved to an entity name when it is one,
a lone surname to the full name (after a gendered title, "Mrs. Yeltsin", only
to the person the entities join the two with: the title tells a gender), "the
sheriff" to the one person the article gives that title when the text names
that person close before, and a pronoun to the nearest person before it who is
the subject of a main clause and whose gender, as the article gives it, fits.

Speakers of quotes are only looked for outside quotation marks: a name
inside a quote is what the speaker talks about. Where the evidence is weak
(an unclear pronoun, "I", "you") a quote gets no speaker rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext, outside_quotes
from storybrief.analyze.entities import GENDER_WORDS, Names
from storybrief.analyze.syntax import entity_span, passive, person_named, written_name
from storybrief.models import Attribution, Sentence
from storybrief.nlp.english import BULLET
from storybrief.nlp.quotation import QUOTE_MARKS, quote_spans
from storybrief.nlp.speech import QUOTE_VERBS, SPEECH_VERBS

_SUBJECTS = {"nsubj", "nsubjpass"}
# Bodies and documents that news copy has say things: 'The board saw him as "the
# grandfather of Silicon Valley"'; 'The complaint alleged the DNC "failed ..."'.
_SOURCE_NOUNS = {
    "board", "agency", "office", "campaign", "committee", "company", "court", "department",
    "government", "administration", "ministry", "council", "party", "group", "organization",
    "union", "panel", "commission", "report", "statement", "document", "complaint", "lawsuit",
    "suit", "poll", "survey", "study", "memo", "letter", "filing", "ruling", "newspaper",
    "paper", "magazine", "network", "website", "team", "staff", "family", "fbi", "editorial",
    "ad", "release", "editor",
}  # fmt: skip
_THIRD_PERSON = {"he", "she", "they"}
# Pronouns that name no one: 'When someone in the audience shouted, "Cruz," Beck joked, ...'
# (parsed with "joked" under "shouted") has the finders look on for the one who speaks.
_INDEFINITE = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "no one"}
# Names of what never speaks, though a parse may make one a speech verb's subject or object
# ('"...," the nominee, Donald Trump, tweeted Sunday': "Sunday" read as "said Rouhani" is).
# Places that speak for a government ("Russia said") are GPE, and works are often papers
# ("The New York Times"): both kept. Chosen on the errors of PolNeAR train quarters 0 and 1
# (``bench/polnear.py``), checked on quarter 2.
_THING_ENTITIES = {
    "DATE", "TIME", "LAW", "EVENT", "FAC", "LOC", "MONEY", "QUANTITY", "ORDINAL", "LANGUAGE",
}  # fmt: skip
_NUMBER_ENTITIES = {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_QUALIFYING = {"relcl", "appos", "acl"}  # what a phrase says of its noun, beyond naming it
_HAND_OFF = {",", "?", "!"}  # how a statement ends when the writer names its speaker next
# A dash setting a name under a statement: '"…" — Donald Trump', '"…" ― Ann Lee' (U+2015).
_DASHES = {"-", "–", "—", "―", "--"}
_TENSED = {"VBD", "VBZ", "VBP", "MD"}  # a clause's own verb, not a participle's
_FINITE = {"VBD", "VBZ", "VBP", "VBN"}  # "barked" is read VBN now and then
_APPOSITION_WORDS = 12  # '"...," Murphy, the head of Right to Rise USA, Tweeted'

_PRONOUNS = _THIRD_PERSON | {"i", "we"}  # those a claim's source is resolved from
# Words that give a person's gender: pronouns, titles, gendered roles.
_GENDERED = {
    **GENDER_WORDS,
    **dict.fromkeys(["man", "father", "husband", "boyfriend", "son", "brother", "boy",
                     "grandfather", "uncle", "spokesman", "king"], "m"),
    **dict.fromkeys(["woman", "mother", "wife", "girlfriend", "daughter", "sister", "girl",
                     "grandmother", "aunt", "spokeswoman", "actress", "queen"], "f"),
}  # fmt: skip
# Role nouns for people, beyond the common suffixes (teacher, counselor, comedian).
_PERSON_NOUNS = {
    "sheriff", "official", "spokesperson", "witness", "neighbor", "neighbour", "police",
    "chief", "victim", "suspect", "friend", "child", "parent", "student", "resident",
    "president", "source", "expert", "agent", "attorney", "judge", "mayor", "senator",
    "analyst", "critic", "aide", "pundit", "delegate", "donor",
}  # fmt: skip
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
_OUTLET_VERBS = {"cite", "quote"}
# A word that opens on a vowel sound, which a copy editor's "a" before it mistakes
# ("a unnamed senior Iraqi official"): a vowel letter or a silent h, not a vowel
# letter read as a consonant ("a one-time", "a European", "a union"); a "u" only in
# a lower-case "un-" word, as a "U" opens on "you" ("a UN envoy", "a Utah judge").
_VOWEL_SOUND = re.compile(
    r"(?i:(?!eu|ewe|one\b|one-|once)[aeio]|h(?:our|onest|onou?r|eir))|un(?![aiy])"
)
# What someone said, owned: "Beck's remarks below:" shows Beck's words (``_lead_in``).
_REMARK_NOUNS = {"remark", "remarks", "comment", "statement", "speech", "word", "testimony"}
# Verbs news copy puts before a common-noun speaker ('"...," said a source close to the
# campaign', 'reads an editorial in the Register'), where other verbs take an object.
_INVERTING = {"say", "add", "ask", "write", "note", "explain", "continue", "read", "tweet"}
_ADDRESSING = {"tell", "ask", "answer", "urge", "warn", "cite", "quote"}
# Verbs whose object is the one named or judged, never an inverted subject: "by calling
# Alwaleed \"dopey\"".
_NAMING = {
    "call", "label", "dub", "term", "brand", "refer", "accuse", "praise", "criticize",
    "blast", "slam", "mock", "decry", "characterize", "describe",
}  # fmt: skip
# What a verb takes besides its subject: with none, a verb after a statement has the
# statement for its object ('"...?" Beck questioned.').
_OBJECTS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"}
# Dependencies that embed a clause in another: reported speech, relative clauses.
_EMBEDDED = {"ccomp", "relcl", "acl", "pcomp", "xcomp"}


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token``, without relative clauses or appositions, its
    own or its nouns' ("one of those advisers, who spoke on the condition ...")."""
    cut = set(_clauses(token))
    cut |= {c for t in token.subtree for c in t.children if c.dep_ in _QUALIFYING}
    words = [t for t in token.subtree if t not in cut and not (set(t.ancestors) & cut)]
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    return _unquoted(_as_written(token.doc[start:end])).strip(" ,'")


def _unquoted(phrase: str) -> str:
    """``phrase`` without its quotation marks, double or curly single ("the ‘independent’
    panel"): the writer's, not the source's name; apostrophes stay ("the voters’ panel").
    Double marks go wherever they are: the spans leave out those inside single ones."""
    marks = {i for span in quote_spans(phrase, singles=True) for i in span}
    return "".join(ch for i, ch in enumerate(phrase) if i not in marks and ch not in QUOTE_MARKS)


def _as_written(span: Span) -> str:
    """``span``'s text, its "a" made "an" before a vowel sound: the phrase is the brief's
    name for a source, not a quotation, so it need not keep the article's slip."""
    return "".join(
        _article_for(t) + t.whitespace_ if t.lower_ == "a" and t.dep_ == "det" else t.text_with_ws
        for t in span
    ).strip()


def _article_for(a: Token) -> str:
    """The indefinite article ``a`` (as cased) made "an" before a vowel sound."""
    after = a.nbor().text if a.i + 1 < len(a.doc) else ""
    return a.text + ("n" if _VOWEL_SOUND.match(after) else "")


def _clauses(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {*_QUALIFYING, "punct", "cc"}]


def name_of(token: Token, names: Names) -> str:
    """An entity name for the phrase headed by ``token``, else the phrase itself: a number
    is no name ("said one of those advisers" is the advisers' one, not "one")."""
    ent = entity_span(token)
    named = ent is not None and ent.label_ not in _NUMBER_ENTITIES
    text = written_name(ent) if named else _phrase(token)
    return names.resolve(text) or text


def _named_role(story: StoryContext, sentence: Sentence, role: Token, names: Names) -> str | None:
    """The one person ``sentence``'s article gives the role of "the sheriff", if one.

    A role names its holder as a title ("Sheriff Javier Salazar"), in
    apposition ("Maria Morales, a counselor"; "the suspect, Amanda Lene
    Jones") or as the complement of the role ("The suspect has been
    identified as Amanda Lene Jones").
    """
    holders: set[str] = set()
    # A definite role points back to where its holder was introduced.
    sentences = story.article[sentence.article].sentences[: sentence.index + 1]
    for s in sentences:
        for token in story.docs[s.id]:
            if token.lemma_.lower() == role.lemma_.lower():
                holders.update(p for t in _beside_role(token) if (p := person_named(t, names)))
    holder = holders.pop() if len(holders) == 1 else None
    return holder if holder and _in_view(story, sentences, holder, names) else None


def _in_view(story: StoryContext, sentences: list[Sentence], person: str, names: Names) -> bool:
    """Whether ``person`` is named in the last sentence of ``sentences`` or the few
    paragraphs before it, by any form of the name ("Salazar stated ..."): the one the text is
    about; one named only further back is another item's ("the actor" of a list of profiles)."""
    back = story.settings.speakers.role_paragraphs_back
    near = [s for s in sentences if s.paragraph >= sentences[-1].paragraph - back]
    return any(named == person for s in near for _, named in _named_heads(story, s, names))


def _beside_role(role: Token) -> list[Token]:
    """The words that may name a mention of a role's holder: the word after it ("Sheriff
    Javier Salazar"), an apposition either way, or the complement of the role as subject."""
    related = [role.nbor(1)] if role.i + 1 < len(role.doc) else []
    related += [c for c in role.children if c.dep_ == "appos"]
    if role.dep_ == "appos":
        related.append(role.head)
    if role.dep_ in _SUBJECTS:
        related += _complements(role.head)
    return related


def _complements(verb: Token) -> list[Token]:
    """What a verb says its subject is: "is the sheriff", "identified as Amanda Lene Jones"."""
    named = [c for c in verb.children if c.dep_ in {"attr", "oprd"}]
    return named + [g for c in verb.children if c.lower_ == "as" for g in c.children]


def _is_person_noun(token: Token) -> bool:
    """Whether a common noun names a person by role ("the comedian", "a neighbor")."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (
        lemma in _PERSON_NOUNS or lemma in _GENDERED or lemma.endswith(_PERSON_SUFFIXES)
    )


def _gender(story: StoryContext, sentence: Sentence, person: str, names: Names) -> str | None:
    """The gender the article gives ``person``, if it gives one.

    Evidence: a gendered title or role next to the name ("Mrs", "actress"),
    and the subject pronoun of the clause or sentence right after the person
    is a main-clause subject ("Driver said ..., she initially refrained"); not
    after a subject inside reported speech, whose reporter the pronoun after it
    most often is ("Sutton said Clinton would be easy to defeat. He ...").
    """
    votes: Counter[str] = Counter()
    sentences = story.article[sentence.article].sentences
    lookahead = story.settings.speakers.lookahead
    # Evidence up to the mention at hand, as a reader has it.
    for n, s in enumerate(sentences[: sentence.index + 1]):
        for token, named in _named_heads(story, s, names):
            if named != person:
                continue
            votes.update(_gendered_beside(token))
            if token.dep_ in _SUBJECTS and _main_clause(token):
                votes.update(_next_pronoun(story, sentences[n : n + 1 + lookahead], token, names))
    if not votes or votes["m"] == votes["f"]:
        return None
    return votes.most_common(1)[0][0]


def _named_heads(story: StoryContext, sentence: Sentence, names: Names) -> list[tuple[Token, str]]:
    """Each name head of ``sentence`` and the person it names, worked out once per story:
    ``_gender`` reads every sentence before the one at hand."""
    return story.per_sentence(
        "speakers.named", sentence, names, lambda: _person_heads(story, sentence, names)
    )


def _person_heads(story: StoryContext, sentence: Sentence, names: Names) -> list[tuple[Token, str]]:
    return [(t, p) for t in _name_heads(story, sentence) if (p := person_named(t, names))]


def _name_heads(story: StoryContext, sentence: Sentence) -> list[Token]:
    """The head word of each name outside quotes ("Smith" of "Mrs Jane Smith"), once per mention."""
    outside = outside_quotes(story, sentence)
    return [
        t
        for t in story.docs[sentence.id]
        if t.pos_ == "PROPN" and t.dep_ != "compound" and t.i in outside
    ]


def _gendered_beside(name: Token) -> list[str]:
    """The genders of the titles and roles next to a name: "Mrs", "actress"."""
    near = [t.lower_.rstrip(".") for t in name.doc[max(name.i - 2, 0) : name.i + 1]]
    near += [c.lemma_.lower() for c in name.children if c.dep_ in {"appos", "compound"}]
    return [_GENDERED[w] for w in near if w in _GENDERED]


def _next_pronoun(
    story: StoryContext, sentences: list[Sentence], person: Token, names: Names
) -> list[str]:
    """The gender of the first main-clause he/she subject after ``person``, before another
    person is one.

    ``sentences`` are the person's sentence and the few after it.
    """
    for n, s in enumerate(sentences):
        for subject in _subjects(story.docs[s.id], outside_quotes(story, s)):
            if (n == 0 and subject.i <= person.i) or not _main_clause(subject):
                continue
            if subject.lower_ in _THIRD_PERSON - {"they"}:
                return [_GENDERED[subject.lower_]]
            if _subject_person(subject, names):
                return []
    return []


def _subjects(doc: Doc, outside: set[int]) -> list[Token]:
    """The clause subjects of a sentence outside quotes, inverted ones included."""
    found = {t.i: t for t in doc if t.i in outside and t.dep_ in _SUBJECTS}
    for verb in doc:
        if verb.i in outside and _attributes(verb):
            subject = _subject(verb, outside)
            if subject is not None:
                found.setdefault(subject.i, subject)
    return [found[i] for i in sorted(found)]


def _main_clause(subject: Token) -> bool:
    """Whether a subject is the writer's own, not one inside reported speech or a
    relative clause ("Unruh said the woman told her son ...": Unruh, not the woman)."""
    return not any(t.dep_ in _EMBEDDED for t in [subject.head, *subject.head.ancestors])


def antecedent(story: StoryContext, sentence: Sentence, pronoun: Token, names: Names) -> str | None:
    """The person a subject pronoun (he, she, they) stands for, if the text is clear.

    The nearest main-clause subject before it in its article that names a
    person of a matching gender, walking back at most ``paragraphs_back``
    paragraphs (``SpeakerSettings``); pronouns on the way continue the chain.
    A nearer subject that is a person by role only ("The comedian was
    accused ...") makes the pronoun ambiguous, so no one is named.
    """
    wanted = _GENDERED.get(pronoun.lower_)
    for previous, subject in _subjects_before(story, sentence, pronoun):
        person = _subject_person(subject, names)
        gender = (
            _gender(story, previous, person, names)
            if person
            else _GENDERED.get(subject.lemma_.lower())
        )
        if gender is not None and wanted is not None and gender != wanted:
            continue
        if person is not None:
            return person
        if _is_person_noun(subject) and (subject.tag_ == "NNS") == (wanted is None):
            return None
    return None


def _subject_person(subject: Token, names: Names) -> str | None:
    """The person a clause subject names, by name or by the name set beside its role
    ("Clinton's chief rival, Sen. Bernie Sanders, was ..."; "Former CEO Carly Fiorina",
    parsed "CEO" with the name its apposition): a pronoun after it goes back to that person."""
    named = person_named(subject, names)
    if named is not None or subject.pos_ == "PRON":
        return named
    beside = (person_named(c, names) for c in subject.children if c.dep_ == "appos")
    return next((p for p in beside if p is not None), None)


def _subjects_before(
    story: StoryContext, sentence: Sentence, pronoun: Token
) -> Iterator[tuple[Sentence, Token]]:
    """The main-clause subjects before ``pronoun`` that are no pronouns, nearest first, with
    their sentences, back to ``paragraphs_back`` paragraphs before the pronoun's."""
    back = story.settings.speakers.paragraphs_back
    for previous in reversed(story.article[sentence.article].sentences[: sentence.index + 1]):
        if previous.paragraph < sentence.paragraph - back:
            return
        doc = story.docs[previous.id]
        limit = pronoun.i if previous.id == sentence.id else len(doc)
        subjects = _subjects(doc, outside_quotes(story, previous))
        main = [t for t in subjects if t.i < limit and _main_clause(t)]
        yield from ((previous, t) for t in reversed(main) if t.pos_ != "PRON")


class Found(NamedTuple):
    """A quote's speaker, and whether a signature gave it: a name set under the statement,
    after a dash or alone ('"…" Janet Smith, 45, of Dayton.'), as a list of remarks signs
    each one; it closes its statement, so the next one does not run on with that name."""

    speaker: str
    signed: bool


def speaker_of(
    story: StoryContext, sentence: Sentence, quote: tuple[int, int], names: Names
) -> Found | None:
    """The speaker ``sentence`` names for the quotation at tokens ``quote`` (start, end).

    The X of "according to X"; else the subject of the speech verb the quote depends
    on (the outermost); else of the clause a quote is introduced by with a colon
    ("Rouhani did not rule out ...: ..."); else of the speech verb nearest it. Only
    tokens outside every quote of the paragraph count, so a name inside the quotation
    marks is never its speaker. A subject that is a pronoun with no clear
    antecedent, or "I"/"you", gives ``None``. ``quote`` lies outside the
    sentence, before (-1, -1) or after it (its length twice), when the
    sentence only attributes it.
    """
    doc = story.docs[sentence.id]
    outside = outside_quotes(story, sentence)
    governing = _governing(doc, quote)
    finders = (
        # "..., Sanders said, according to CNN": the outlet is the source it is told by,
        # as PolNeAR marks it (the cue of 45 of 67 direct quotes in a paragraph with
        # "according to" outside quotes, train articles other than every 4th from the 4th).
        lambda: _according_to(doc, outside),
        lambda: _colon_verb(doc, outside, quote),
        lambda: _verb_introducer(doc, outside, quote, [v for v in doc if v in governing]),
        lambda: _as_clause(doc, outside),
        # "Rubio fired back: \"...\"" though another clause has someone say something.
        lambda: _colon_introducer(doc, outside, quote),
        lambda: _verb_introducer(doc, outside, quote, [v for v in doc if v not in governing]),
        lambda: _named_actor(doc, outside, quote) if 0 <= quote[0] < len(doc) else None,
        lambda: _handed_to(doc, outside, quote),
        lambda: _opens_after_statement(doc, outside, quote),
    )
    introducer = next((found for find in finders if _introduces(found := find())), None)
    if introducer is not None:
        return _found(story, sentence, introducer, names, signed=False)
    # Last, a name set under the statement: it signs it (``Found.signed``).
    signer = _dash_signed(doc, outside, quote)
    return _found(story, sentence, signer, names, signed=True) if _introduces(signer) else None


def _found(
    story: StoryContext, sentence: Sentence, introducer: Token, names: Names, signed: bool
) -> Found | None:
    """The speaker ``introducer`` gives (``_speaker``), if any, and whether it signs."""
    speaker = _speaker(story, sentence, introducer, names)
    return None if speaker is None else Found(speaker, signed)


def signature(story: StoryContext, sentence: Sentence, names: Names) -> str | None:
    """The person a line that is a name and nothing more names ("-Michelle Marks,
    Philadelphia."; "— President Obama, tweeting after Clinton's speech."): the signature a
    paper sets under a statement it prints alone, a reader's or a post's words."""
    signer = _line_signer(story, sentence)
    return None if signer is None else _speaker(story, sentence, signer, names)


def signs(story: StoryContext, sentence: Sentence) -> bool:
    """Whether a sentence is a person's name and what is set beside it, no clause."""
    return _line_signer(story, sentence) is not None


def _line_signer(story: StoryContext, sentence: Sentence) -> Token | None:
    """``_signer`` of a sentence, told of the dash the segmenter took from its paragraph's
    start as a list's mark ("— President Obama, tweeting …") when the sentence opens the
    paragraph; an item of a list (the next paragraph opens on a list's mark too) signs
    nothing."""
    paragraphs = story.article[sentence.article].paragraphs
    after = paragraphs[sentence.paragraph + 1 : sentence.paragraph + 2]
    mark = BULLET.match(paragraphs[sentence.paragraph])
    if mark and any(BULLET.match(p) for p in after):
        return None
    _, starts, _ = story.paragraphs[(sentence.article, sentence.paragraph)]
    # The list mark the segmenter took is a dash (not "•" nor "1."): a signature's.
    dashed = mark is not None and mark.group().strip() in _DASHES
    return _signer(story.docs[sentence.id], dashed=dashed and starts[sentence.id] == 0)


def _signer(doc: Doc, dashed: bool = False) -> Token | None:
    """The name a signature line sets down: the whole line's head, or the name after the dash
    opening it (``dashed``: one the segmenter took) when no verb of it is tensed ("-President
    Obama, tweeting after ...", which the parse hangs on "tweeting"); "- Obama signed the
    bill." is a list's item."""
    root = doc[:].root
    if _person_name(root):
        return root
    opened = doc[0].text in _DASHES
    if not (dashed or opened) or any(_predicate(t) for t in doc):
        return None
    return _person_opening(list(doc[opened:]))


def _predicate(verb: Token) -> bool:
    """Whether a word is a clause's own verb, which makes a line news and no signature: a
    tensed one not in a clause telling of a noun ("- Obama signed the bill."), or an
    infinitive with a subject of its own, a headline's future ("-Mayor Ann Lee to visit the
    bridge on Monday.")."""
    if verb.tag_ in _TENSED:
        return not _said_of_noun(verb)
    to = any(c.tag_ == "TO" for c in verb.children)
    return verb.tag_ == "VB" and to and any(c.dep_ in _SUBJECTS for c in verb.children)


def _person_name(token: Token) -> bool:
    """Whether a word is a person's name: a proper noun the model tags a person's."""
    return token.pos_ == "PROPN" and token.ent_type_ == "PERSON"


def acting_person(story: StoryContext, sentence: Sentence, names: Names) -> str | None:
    """The person a sentence's main clause has act, by name or as he or she ("She then
    turned to the economy."): the one a statement opening the next paragraph goes on from."""
    doc = story.docs[sentence.id]
    subject = _parsed_subject(doc[:].root, outside_quotes(story, sentence))
    if subject is None:
        return None
    return (
        _speaker(story, sentence, subject, names)
        if _person_name(subject) or subject.lower_ in {"he", "she"}
        else None
    )


def _introduces(found: Token | None) -> bool:
    """Whether what a finder found may speak: anything but a date, place or law by name
    ("tweeted Sunday"), so the next finder looks on. A common noun a speech verb has speak
    ("said one employee", "its Amazon summary reads") is a source as PolNeAR marks it."""
    return found is not None and not _thing_named(found) and found.lower_ not in _INDEFINITE


def _thing_named(token: Token) -> bool:
    """Whether a name is a date, place or law's ("Sunday"); "the 46-year-old" is a DATE
    phrase too, but a common noun's, and speaks."""
    return token.pos_ == "PROPN" and token.ent_type_ in _THING_ENTITIES


def _as_clause(doc: Doc, outside: set[int]) -> Token | None:
    """The speaker of an "as X said" clause ('as the prosecutor put it, "..."'), which
    attributes the sentence as "according to X" does."""
    marked = (v for v in _quote_verbs(doc, outside) if any(c.lower_ == "as" for c in v.children))
    return next((s for v in marked if (s := _subject(v, outside)) is not None), None)


def _attributes(token: Token) -> bool:
    """Whether a verb may attribute a quote: a ``QUOTE_VERBS`` one, one that answers ("shot
    back", "fired back") or "put it" ("as Vulture put it")."""
    return token.pos_ == "VERB" and (
        token.lemma_ in QUOTE_VERBS
        or any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in token.children)
        or (token.lemma_ == "put" and any(c.lower_ == "it" for c in token.children))
    )


def _named_actor(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The named subject of the nearest verb a quote inside the sentence depends on: who
    the writer's sentence has use the quoted words ('Clinton opposes "arbitrary pay
    freezes"'), when no speech verb says so; a named one only, as a common noun there
    is as often a thing ("The bill requires ...")."""
    governing = _governing(doc, quote)
    if any(_attributes(verb) for verb in governing):
        # Reported speech whose speaker the parse lost: who is said to do something in it
        # ("Clinton said his wife was qualified because \"...\"") did not say it.
        return None
    for verb in governing:
        if verb.dep_ == "ccomp" and verb.head in governing:
            # A clause another verb reports ("Two analysts concluded that the Air Force is
            # \"the best\""): its subject is talked about, the reporting verb's speaks.
            continue
        subject = _parsed_subject(verb, outside) if verb.pos_ in {"VERB", "AUX"} else None
        if subject is not None:
            return subject if _may_speak(subject) else None
    return None


def _handed_to(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """Who the words right after a statement name, read off the surface where the parse
    lost them: '"...," Trump barked', '"...," Ramos, 58, told AFP', '"...," said David
    Brock, a Clinton confidant who ...'. The statement hands off with a comma, "?" or "!"
    ("...," X verbed is news style's attribution, whatever the verb)."""
    end = quote[1]
    if not 0 <= end < len(doc) - 2 or doc[end - 1].text not in _HAND_OFF:
        return None
    after = [t for t in doc[end + 1 :] if t.i in outside]
    if after and after[0].text == ",":
        after = after[1:]
    if after and after[0].i == end + 1 + (doc[end + 1].text == ","):
        return _name_then_verb(after) or _verb_then_name(after)
    return None


def _opens_after_statement(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The speaker a sentence opening right after a statement (``quote`` before it) names by
    what it leaves out: '"What was the pivot point?" Beck questioned.', cut from its
    statement by the "?", a name and a verb whose object is the statement; "Beck left the
    stage." names no one."""
    if quote[0] >= 0:
        return None
    name = _name_then_verb([t for t in doc if t.i in outside])
    verb = name.head if name is not None else None
    if verb is None or verb.pos_ != "VERB" or any(c.dep_ in _OBJECTS for c in verb.children):
        return None
    return name


def _dash_signed(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The person named right after a statement, after a dash ('"…" — Donald Trump') or
    alone with what is set beside it and no verb ('"…" Janet Smith, 45, of Dayton.'): a
    list of remarks, posts or readers' words, in its sentence or opening the next
    (``quote`` before it)."""
    at = quote[1] + 1 if quote[0] >= 0 else 0
    if at >= len(doc) - 1 or at not in outside:
        return None
    dashed = doc[at].text in _DASHES
    words = [t for t in doc[at + dashed :] if t.i in outside]
    name = _person_opening(words)
    return name if name is not None and (dashed or _signs_alone(doc, words, quote)) else None


def _person_opening(words: list[Token]) -> Token | None:
    """The last word of the person's name opening ``words``, if a name of a person opens them."""
    name = _name_run(words)
    return name[-1] if name and name[-1].ent_type_ == "PERSON" else None


def _signs_alone(doc: Doc, words: list[Token], quote: tuple[int, int]) -> bool:
    """Whether the ``words`` after a quote are a name with no verb that signs it: after a
    whole statement only, as a name after quoted words in the writer's sentence is talked
    of ('he tossed in a "lyin\'" Ted Cruz')."""
    whole = all(t.is_punct for t in doc[: max(quote[0], 0)])
    return whole and not any(t.pos_ in {"VERB", "AUX"} and not _said_of_noun(t) for t in words)


def _said_of_noun(verb: Token) -> bool:
    """Whether ``verb`` is in a clause that tells of a noun ("Janet Smith, a nurse who
    lives in Dayton"; "Mark Jones, 61, on why he votes"), not a verb the sentence says."""
    return any(t.head.pos_ in {"NOUN", "PROPN"} for t in (verb, *verb.ancestors) if t.head != t)


def _name_then_verb(words: list[Token]) -> Token | None:
    """The speaker of '"...," Ramos, 58, told ...': a name or he/she, a phrase set off
    by commas, then a verb."""
    name = _name_run(words)
    rest = _past_apposition(words[len(name) :])
    said = bool(rest) and (rest[0].tag_ in _FINITE or rest[0].lemma_.lower() in QUOTE_VERBS)
    return name[-1] if name and said else None


def _past_apposition(words: list[Token]) -> list[Token]:
    """``words`` after a short phrase set off by commas that opens them ("Murphy, the head
    of Right to Rise USA, Tweeted"); none when a comma opens a longer one."""
    if not words or words[0].text != ",":
        return words
    comma = next((n for n, t in enumerate(words[1:], 1) if t.text == ","), None)
    return words[comma + 1 :] if comma is not None and comma <= _APPOSITION_WORDS else []


def _verb_then_name(words: list[Token]) -> Token | None:
    """The speaker of '"...," said David Brock, ...': a speech verb, then a name, or a
    noun that may speak ('"...," said the woman, who ...', which the parser may give to
    the clause after it)."""
    if words[0].lemma_.lower() not in QUOTE_VERBS:
        return None
    name = _name_run(words[1:])
    if not name:
        return _described(words[1:])
    return name[-1] if name[0].text not in _THIRD_PERSON else None


def _described(words: list[Token]) -> Token | None:
    """The noun opening ``words`` past its determiner and modifiers ("the woman", "a campaign
    aide"), if it may speak."""
    modifiers = {"det", "amod", "nummod", "compound", "poss"}
    noun = next((t for t in words if t.dep_ not in modifiers or t.pos_ == "PUNCT"), None)
    return noun if noun is not None and _may_speak(noun) else None


def _name_run(words: list[Token]) -> list[Token]:
    """The name opening ``words`` ("Sen. Richard Blumenthal"), or a lone he/she."""
    if words and words[0].lower_ in _THIRD_PERSON:
        return words[:1]
    run = []
    for token in words:
        if token.pos_ != "PROPN" or token.text in _HAND_OFF:
            break
        run.append(token)
    return run


def _may_speak(subject: Token) -> bool:
    """Whether a subject can be a source: a name, a person by role ("the senator"), a body
    or a document ("the board", "the complaint"), not a thing ("the gun issue") nor a
    date or place by name ("Sunday")."""
    if subject.pos_ == "PROPN":
        return not _thing_named(subject)
    return subject.pos_ == "NOUN" and (
        _is_person_noun(subject) or subject.lemma_.lower() in _SOURCE_NOUNS
    )


def _verb_introducer(
    doc: Doc, outside: set[int], quote: tuple[int, int], among: list[Token]
) -> Token | None:
    """Who the speech verbs ``among`` those outside quotes say speaks: the subject of the
    verb the quote depends on (the outermost), else of the nearest, or the one an outlet
    quotes."""
    verbs = _quote_verbs(among, outside)
    for verb in _nearest_first(verbs, _governing(doc, quote), quote):
        # "Buzzfeed quoted Bryan Freedman ... as rejecting: ...": the one quoted speaks.
        introducer = _cited(verb, outside) if verb.lemma_ in _OUTLET_VERBS else None
        if introducer is None:
            introducer = _subject(verb, outside)
        if _introduces(introducer):
            return introducer
    return None


def _nearest_first(
    verbs: list[Token], governing: list[Token], quote: tuple[int, int]
) -> list[Token]:
    """Speech verbs in the order they may introduce a quote: the one whose words the quote
    is ('who told him, \"I have a weapon\"'), then those it depends on, the outermost
    first, then the others by their distance to it.

    The outermost: one who reports what another says or does says it all ("Cruz said
    Rubio will continue to be \"a champion\""; "..., The Washington Post reported"), as
    PolNeAR's annotators mark it (one source for a passage, no nesting).
    """
    direct = governing[:1] if governing and governing[0].lemma_ in SPEECH_VERBS else []
    return sorted(
        verbs,
        key=lambda t: (
            t not in direct,
            -governing.index(t) if t in governing else 1,
            min(abs(t.i - quote[0]), abs(t.i - quote[1])),
            t.i,
        ),
    )


def _cited(verb: Token, outside: set[int] | None = None) -> Token | None:
    """Who a verb like "cite" or "quote" has speak: its object, outside quotes when given,
    if it may speak ("cites the union's support" cites a thing: its subject speaks)."""
    cited = (
        c
        for c in verb.children
        if c.dep_ == "dobj" and (outside is None or c.i in outside) and _may_speak(c)
    )
    return next(cited, None)


def _colon_introducer(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The subject of the clause before the colon that introduces a quote, outside
    quotes ("Rouhani did not rule out ...: ..."), or a caption's name ('Name: "..."',
    '... - Philip Bump: "..."')."""
    colon = _colon(doc, outside, quote)
    if colon is None:
        return None
    caption = _caption_name(doc, colon.i) or _lead_in(doc[: colon.i])
    if caption is not None:
        return caption
    root = doc[: colon.i].root
    if root.i not in outside:
        return None
    # "Cruz said as the heckler yelled: ...": a speech verb after the main one is nearer.
    later = [t for t in _quote_verbs(doc[root.i + 1 : colon.i], outside) if t.dep_ != "ROOT"]
    for verb in reversed(later):
        subject = _subject(verb, outside)
        if subject is not None:
            return subject
    return root if root.pos_ == "PROPN" else _colon_subject(root, outside)


def _colon_verb(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The subject of the speech verb a colon right before the quote closes ('"...," Cruz
    said as the heckler yelled: "You suck!"'): a colon hands the words after it to the
    clause it ends, though the parse hangs them on the sentence's main verb."""
    colon = _colon(doc, outside, quote)
    if colon is None or quote[0] < 0 or colon.i == 0:
        return None
    between = doc[colon.i + 1 : quote[0]]
    if any(t.text not in QUOTE_MARKS for t in between):
        return None
    verb = doc[colon.i - 1]
    verb = verb.head if verb.dep_ in {"prt", "advmod"} else verb  # "shot back:"
    return _subject(verb, outside) if _attributes(verb) and verb.i in outside else None


def _colon_subject(verb: Token, outside: set[int]) -> Token | None:
    """The subject of the clause before a colon; when that is a thing acting on a person
    ("The timing of Sanders' surge doesn't surprise Republican pollster Daron Shaw: ..."),
    the person, whose response follows."""
    subject = _subject(verb, outside)
    if subject is None or _may_speak(subject) or subject.pos_ == "PRON":
        return subject
    objects = (c for c in verb.children if c.dep_ == "dobj" and c.i in outside and _person_name(c))
    return next(objects, subject)


def _quote_verbs(tokens: Iterable[Token], outside: set[int]) -> list[Token]:
    """The verbs among ``tokens`` outside quotes that attribute a quote (``QUOTE_VERBS``)."""
    return [t for t in tokens if t.i in outside and _attributes(t)]


def _colon(doc: Doc, outside: set[int], quote: tuple[int, int]) -> Token | None:
    """The colon outside quotes nearest before the quote; the first when the quote comes
    before the sentence (-1, -1)."""
    colons = [t for t in doc if t.text == ":" and t.i in outside]
    if quote[0] < 0:
        return colons[0] if colons else None
    before = [t for t in colons if t.i < quote[0]]
    return before[-1] if before else None


def _caption_name(doc: Doc, colon: int) -> Token | None:
    """The name right before a colon that opens its sentence or follows a dash: a caption
    or a transcript's speaker ("Cecile Richards:", "... - Frank Newport and Jim Harter:")."""
    start = colon
    while start > 0 and (doc[start - 1].pos_ in {"PROPN", "CCONJ"} or doc[start - 1].text == "."):
        start -= 1
    opens = start == 0 or doc[start - 1].text in _DASHES
    return doc[colon - 1] if opens and start < colon and doc[colon - 1].pos_ == "PROPN" else None


def _lead_in(words: Span) -> Token | None:
    """The source a line before a colon presents: "From the report:", "From Bloomberg:", or
    the one whose words it shows ("Watch the full video of Beck's remarks below:"), if it
    may speak."""
    if len(words) and words[0].lower_ == "from":
        found = [t for t in words[1:] if t.dep_ == "pobj" and t.head == words[0]]
    else:
        found = [o for t in words if (o := _owner(t)) is not None]
    return found[0] if found and _may_speak(found[0]) else None


def _owner(noun: Token) -> Token | None:
    """Who owns a remark noun ("Beck's remarks"), however the parse hangs the "'s"."""
    if noun.lemma_.lower() not in _REMARK_NOUNS or noun.i < 2:
        return None
    case = noun.doc[noun.i - 1]
    return noun.doc[noun.i - 2] if case.lower_ in {"'s", "’s"} else None


def _according_to(doc: Doc, outside: set[int]) -> Token | None:
    """The X of "according to X" among tokens ``outside`` quotes, if the sentence has one."""
    for token in doc[:-1]:
        if token.i in outside and token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _governing(doc: Doc, quote: tuple[int, int]) -> list[Token]:
    """The verbs a quotation within ``doc`` depends on, nearest first.

    A verb the quote is coordinated with does not govern it ("her son told
    Spacey ..., and \"Spacey bought him drink after drink\"" hangs from the
    verb of the writer's "Unruh said").
    """
    inside = [t for t in doc if quote[0] <= t.i <= quote[1]]
    heads = [t for t in inside if not quote[0] <= t.head.i <= quote[1] or t.dep_ == "ROOT"]
    if not heads:
        return []
    chain, child = [], heads[0]
    for ancestor in heads[0].ancestors:
        if child.dep_ not in {"conj", "cc"}:
            chain.append(ancestor)
        if _absolute(ancestor):
            break  # "..., with Lewandowski taking to Twitter to call Fields \"...\"": his own
        child = ancestor
    return chain


def _speaker(story: StoryContext, sentence: Sentence, subject: Token, names: Names) -> str | None:
    """A quote's speaker from the subject that introduces it; ``None`` when unclear."""
    if subject.lower_ in _THIRD_PERSON:
        return antecedent(story, sentence, subject, names)
    if subject.pos_ == "PRON" or subject.text.startswith("@"):
        return None  # "I", "you", "it": the writer, a hypothetical, a document
    if subject.pos_ == "NOUN" and (person := _apposed_person(subject)) is not None:
        subject = person  # "the nominee, Donald Trump,": the name, not the role
    role = _named_role(story, sentence, subject, names) if _one_holder(subject) else None
    who = person_named(subject, names) or role or name_of(subject, names)
    # A caption's dash may be read into the name ("— Donald Trump", "-President Obama").
    return _full_name(story, sentence, who.lstrip("".join(_DASHES) + " "))


def _one_holder(subject: Token) -> bool:
    """Whether a subject is a role one person holds: "the sheriff", not "the lawyers" (a
    group) nor "the poll" (a thing, which names no holder: "according to the poll" once
    gave the candidate the poll was about)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return definite and _is_person_noun(subject) and subject.tag_ != "NNS"


def _full_name(story: StoryContext, sentence: Sentence, name: str) -> str:
    """A lone surname as the one full name its article ends with it ("Christman" →
    "Lissa Druss Christman"), whatever label the model gave that name."""
    if " " in name or not name[:1].isupper():
        return name
    full = {
        ent.text
        for s in story.article[sentence.article].sentences
        for ent in story.docs[s.id].ents
        if len(ent) > 1 and ent[-1].text == name and all(t.pos_ == "PROPN" for t in ent)
    }
    return full.pop() if len(full) == 1 else name


def _subject(verb: Token, outside: set[int] | None = None) -> Token | None:
    """The subject of a speech verb, among tokens ``outside`` quotes when given."""
    subject = _agent(verb, outside) or _parsed_subject(verb, outside)
    if subject is None:
        subject = _compound_name(verb, outside) or _after_speech_verb(verb, outside)
    if subject is None and verb.dep_ == "conj":
        subject = _conjunct_subject(verb, outside)
    if subject is None:
        subject = _participle_subject(verb, outside)
    if subject is None and verb.dep_ == "ROOT":
        subject = _stranded_subject(verb, outside)
    return subject


def _participle_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """The subject of a participle clause ("insisting: ...", "upon saying"): that of the verb
    it hangs from; or, where the parser made it the subject of the quoted words after it
    ('Flea shared the news, writing “Feels great ...”': "writing" under "Feels"), that of
    the writer's clause before it, as a participle is no one's subject there."""
    if verb.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"}:
        return _subject(_main_verb(verb), outside)
    quoted_head = outside is not None and verb.head.i not in outside
    if verb.tag_ != "VBG" or verb.dep_ not in _SUBJECTS or not quoted_head or verb.i == 0:
        return None
    clause = verb.doc[: verb.i].root
    return _subject(clause, outside) if clause.pos_ in {"VERB", "AUX"} else None


def _after_speech_verb(verb: Token, outside: set[int] | None) -> Token | None:
    """A subject after its verb, or the noun a verb was parsed as qualifying. Only a speech
    verb puts its subject after it: a verb a participle clause hangs from ("Warren endorsed
    Clinton, saying ...") has its object there."""
    if not _attributes(verb):
        return None
    subject = _inverted_subject(verb, outside)
    if subject is None and verb.dep_ == "acl":
        subject = _reduced_subject(verb, outside)
    return subject


def _agent(verb: Token, outside: set[int] | None) -> Token | None:
    """Who a passive naming verb has speak: the X of 'has been called "strategic ambiguity" by
    X', whose subject is the one named, not the speaker; the parser may hang "by X" on the
    quoted words."""
    # A naming verb only: "was asked by a caller why ..." has the one asked answer.
    if verb.lemma_ not in _NAMING or not passive(verb):
        return None
    agents = [o for o in _by_objects(verb) if _may_speak(o)]
    return next((o for o in agents if outside is None or o.i in outside), None)


def _by_objects(verb: Token) -> list[Token]:
    """The X of each "by X" hanging from ``verb`` or from what it names ("called \"...\" by
    X", parsed with "by" under the quoted words)."""
    near = [verb, *(c for c in verb.children if c.dep_ in {"oprd", "attr", "dobj"})]
    by = [c for t in near for c in t.children if c.lower_ == "by"]
    return [o for c in by for o in c.children if o.dep_ == "pobj"]


def _compound_name(verb: Token, outside: set[int] | None) -> Token | None:
    """A name right before a verb that the parser made the verb's compound, as if the verb
    were a noun ('..., “Cruz,” Beck joked, ...'): a verb has no compounds, so it is the
    subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.head != verb or before.dep_ != "compound":
        return None
    named = before.pos_ == "PROPN" and (outside is None or before.i in outside)
    return before if named and not _thing_named(before) else None


def _reduced_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """The noun a speech verb was parsed as qualifying, as if a reduced relative ('"...," the
    presumptive GOP nominee, Donald Trump, tweeted Sunday': "the nominee tweeted" read as
    "the nominee [who was] tweeted"): a finite verb after it with no object speaks for it."""
    noun = verb.head
    if verb.tag_ not in _FINITE or any(c.dep_ in {"dobj", "agent"} for c in verb.children):
        return None
    if outside is not None and noun.i not in outside:
        return None
    return noun if _may_speak(noun) or _apposed_person(noun) is not None else None


def _apposed_person(noun: Token) -> Token | None:
    """The person a description is set beside ("the nominee, Donald Trump,")."""
    return next((c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _conjunct_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """The subject a coordinated verb shares with the verb before it ("which Trump had
    called a \"disaster\" and promised to \"rip up\"": Trump, not the pact the relative
    clause is about), when it may speak or is he/she/they; else (a thing: "the
    disruptions") the climb to the clause both hang from decides."""
    subject = _parsed_subject(verb.head, outside)
    if subject is None or not (_may_speak(subject) or subject.lower_ in _THIRD_PERSON):
        return None
    return subject


def _stranded_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """A name opening the sentence that the parser gave to a clause inside the subject
    ("Sanders, meanwhile, who sits at zero, said ...": "Sanders" parsed as subject of
    "sits"), or one right before the verb, when the main verb was left with none."""
    words = [t for t in verb.doc[: verb.i] if not t.is_punct]
    said = [t for t in words if outside is None or t.i in outside]  # the writer's words
    if not said:
        return None
    if words[0] == said[0] and _subject_name(head := _name_head(words[0])):
        return head
    return _hung_on_quote(verb, said[0], outside) or _apposed_name(said[-1], verb)


def _hung_on_quote(verb: Token, first: Token, outside: set[int] | None) -> Token | None:
    """The name opening the writer's words after a statement when the parser made the
    quoted words the verb's subject ('"Very good reporter, ..." Trump, the 2016 GOP
    frontrunner ..., said', the name hung on "reporter" as an apposition)."""
    if outside is None:
        return None
    quoted = any(c.dep_ in _SUBJECTS and c.i not in outside for c in verb.children)
    name = _name_head(first)
    return name if quoted and _person_name(name) else None


def _name_head(first: Token) -> Token:
    """The word a name's first word belongs to ("Sen." of "Sen. Warren" is its compound)."""
    return first.head if first.dep_ == "compound" else first


def _subject_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.dep_ in _SUBJECTS


def _apposed_name(last: Token, verb: Token) -> Token | None:
    """The name right before a verb with no subject, parsed as an apposition of an earlier
    phrase ("..., former president Bill Clinton said his wife ...") or as the verb's
    compound, as if a noun ('..., " Bozell notes.')."""
    misread = last.dep_ == "appos" or (last.dep_ == "compound" and last.head == verb)
    return last if last.pos_ == "PROPN" and misread and last.i + 1 == verb.i else None


def _parsed_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """The subject the parser gives a verb, a relative pronoun read as what it stands for."""
    subjects = _subject_children(verb, outside)
    if not subjects:
        return _name_read_as_modal(verb, outside)
    child = subjects[0]
    # "The source - who said ...": a relative pronoun stands for its antecedent.
    if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        return _antecedent_of_who(child) if child.tag_ == "WP" else verb.head
    return child


def _subject_children(verb: Token, outside: set[int] | None) -> list[Token]:
    """A verb's subjects outside quotes, the first the one it has speak: of two, a speech
    verb's is the one after it, as the parser gives it the reported clause's as well ("Bill
    Clinton has been \"very worked up,\" said a source close to the campaign")."""
    subjects = [
        c for c in verb.children if c.dep_ in _SUBJECTS and (outside is None or c.i in outside)
    ]
    if len(subjects) > 1 and _attributes(verb):
        subjects.sort(key=lambda c: c.i < verb.i)
    return subjects


def _name_read_as_modal(verb: Token, outside: set[int] | None) -> Token | None:
    """A capitalised "Will" right before a past or third-person verb: the columnist George
    Will ("..., Will wrote."), which the tagger reads as the modal, leaving the verb with no
    subject. A modal takes a bare verb ("Will it last?"), so "Will wrote" is a name; a
    title-case headline ("... Will Be Unprecedented") capitalises the verb and is left."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.text != "Will" or before.head != verb:
        return None
    if verb.tag_ not in _FINITE - {"VBP"} or not verb.text.islower():
        return None
    return before if outside is None or before.i in outside else None


def _inverted_subject(verb: Token, outside: set[int] | None) -> Token | None:
    """ "..., said President Rouhani": the subject may be parsed as an object after the verb,
    unless the verb takes an addressee ("told the BBC's Victoria Derbyshire")."""
    if not _inverts(verb):
        return None
    after = (
        c
        for c in verb.rights
        if c.dep_ in {"dobj", "attr", "npadvmod"}
        and _may_speak(c)
        and (c.pos_ == "PROPN" or verb.lemma_ in _INVERTING)
        and (outside is None or c.i in outside)
    )
    return next(after, None)


def _inverts(verb: Token) -> bool:
    """Whether a verb may have its subject after it: a finite one ("began saying the Lord's
    Prayer" says the prayer) that takes no addressee nor one it names."""
    return verb.lemma_ not in _ADDRESSING | _NAMING and verb.tag_ not in {"VBG", "VB"}


def _main_verb(clause: Token) -> Token:
    """The verb a participle clause hangs from; one the parser hangs inside an embedded
    clause ("dismissed reports that troops had been sent ..., saying") belongs to the main
    clause."""
    head = clause.head
    while (head.dep_ in _EMBEDDED or head.pos_ not in {"VERB", "AUX"}) and head.dep_ != "ROOT":
        if _absolute(head):
            break
        head = head.head
    return head


def _absolute(verb: Token) -> bool:
    """Whether a verb heads a "with X doing" clause, which has a subject of its own ("...,
    with Lewandowski taking to Twitter to call Fields \"totally delusional\"")."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "with"
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _antecedent_of_who(who: Token) -> Token:
    """What a relative "who" stands for: the noun its clause qualifies, or, where the
    parser hangs the clause on a place ("the suspect in a closet who told him"),
    the nearest person before it."""
    head = who.head.head
    if head.ent_type_ == "PERSON" or _is_person_noun(head):
        return head
    before = (
        t for t in reversed(who.doc[: who.i]) if t.ent_type_ == "PERSON" or _is_person_noun(t)
    )
    return next(before, head)


def _resolve(story: StoryContext, sentence: Sentence, subject: Token, names: Names) -> str:
    """A claim's source from its subject: a pronoun's antecedent, else as written."""
    if subject.lower_ in _PRONOUNS:
        return antecedent(story, sentence, subject, names) or subject.text
    return name_of(subject, names)


def attribution(story: StoryContext, sentence: Sentence, names: Names) -> Attribution | None:
    """Who a sentence's claim comes from, with the outlet that relays it.

    "a senior Iraqi official" via "the Guardian" for "The Guardian cited a
    senior Iraqi official" or "... a senior Iraqi official told the Guardian";
    ``None`` when the article states it in its own voice.
    """
    doc: Doc = story.docs[sentence.id]
    source = _according_to(doc, set(range(len(doc))))
    if source is not None:
        return _relayed(source, names)
    for verb in (t for t in doc if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"):
        subject = _subject(verb)
        if subject is not None:
            return _attributed(story, sentence, (verb, subject), names)
    return None


def _attributed(
    story: StoryContext, sentence: Sentence, said: tuple[Token, Token], names: Names
) -> Attribution:
    """Who says it by a speech verb and its subject (``said``), and through what outlet."""
    verb, subject = said
    cited = _cited(verb) if verb.lemma_ in _OUTLET_VERBS else None
    if cited is not None:
        # "The Guardian cited a senior Iraqi official": the one cited says it.
        return Attribution(name_of(cited, names), _outlet(subject, names))
    who = _resolve(story, sentence, subject, names)
    if verb.lemma_ == "tell":
        told = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if told and told[0].ent_type_ == "ORG":
            return Attribution(who, _outlet(told[0], names))
    return Attribution(who)


def _relayed(source: Token, names: Names) -> Attribution:
    """ "unnamed sources quoted by CNN" → "unnamed sources" via "CNN"."""
    relay = [
        agent_obj
        for child in source.subtree
        if child.dep_ == "agent"
        for agent_obj in child.children
        if agent_obj.dep_ == "pobj"
    ]
    who = _as_written(source.doc[source.left_edge.i : source.i + 1])
    if relay:
        return Attribution(who, _outlet(relay[0], names))
    return Attribution(name_of(source, names))


def _outlet(token: Token, names: Names) -> str:
    """The outlets a phrase names, "the" kept: "both the WSJ and CNN" → "the WSJ and CNN"."""
    named = []
    for outlet in (token, *token.conjuncts):
        name = name_of(outlet, names)
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in outlet.children)
        named.append(f"the {name}" if the and not name.lower().startswith("the ") else name)
    return " and ".join(named)
