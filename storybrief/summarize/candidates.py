"""Which sentences may enter a summary, and in what wording.

A summary sentence is read out of context, so sentences that only make sense
in place are left out: questions, quotations that stand without a speaker or
are split across sentences, captions, credits and links, and sentences too
short to state a fact or too long to fit a brief. An agency dateline
("WASHINGTON (AP) —") is cut: it belongs to the article, not to the story.

An opening connective that only ties a sentence to the one before ("But",
"Meanwhile,") is left off: the sentence states the same fact without it
(``unlinked``). A sentence that leans on the one before it is quoted only after that one
(``extractive.select``): it opens on a pronoun ("He denied ...", "It's", "That
is"), a connective or a step of a sequence ("Then", "Instead", "Finally,",
"First,", "In the meantime,") or a definite description of someone the article
named before ("The 2,000 troops", "The man") or of what the sentence before
names ("The plane will return ..." after "A plane bound for Amman ...":
``resumes``), names its speaker by a pronoun ("..., he said.", "..., he
continued."), says "also", ", however," or "too", or dates itself against
another event ("the previous week", "a day later"); it goes on with a
quotation a sentence before it opened (``in_quotation``), says "this", "these" or
"those" of something told before ("this incident", "those claims"), names someone
"he" or "she" before naming anyone ("From a poor family, he ..."), opens on a
"We" no quotation gives a speaker to, or, read in its parse once picked
(``read_parses``), opens on an adverb and a comma that point back ("Again,").
A candidate whose parse finds no clause (a heading, a name list, "Photo: ...")
is no sentence and never enters.
A day named relative to the article's date ("on Tuesday", "yesterday") is
given that date in parentheses when the article is dated and the day is
past, so exact; in a dated article a day that cannot be dated so is left
out. In an undated article such a day is taken out where the fact stays
whole (``undated``: "..., officials said Tuesday." → "..., officials said.");
the days it keeps can only be read against each other: the summary takes
such days from one article at most (``extractive.select``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storybrief.clean.dates import MONTH_NAMES, WEEKDAYS, weekday_before
from storybrief.models import Article, Sentence
from storybrief.nlp.english import CLOSING_QUOTES, OPENING_QUOTES, STOPWORDS, balanced_quotes
from storybrief.nlp.overlap import words
from storybrief.nlp.quotation import double_form
from storybrief.nlp.speech import QUOTE_VERBS, written_forms
from storybrief.nlp.tense import dates_back

if TYPE_CHECKING:  # spaCy comes with the parse, read only for the sentences picked
    from spacy.tokens import Doc

MIN_WORDS = 8
MAX_WORDS = 55
# Openers that point back at the sentence before ("He denied ...", "These troops ..."):
# such a sentence reads right only after that one.
ANAPHORIC_OPENERS = frozenset(
    {"he", "she", "they", "his", "her", "their", "him", "them", "this", "these", "those", "that"}
)
# "We", "Our" outside a quotation: a speaker or writer the sentence does not name
# ("We adamantly oppose ...", "Our forensic investigator found ..."). In one ("“We're in
# the town,” Ngangura said.") the speaker is named. "US" is the country.
_UNNAMED_WE = re.compile(r"(?:We|Our|Us)\b")

# Sentence openers that continue the one before ("But ...", "Meanwhile, ...").
_CONNECTIVES = frozenset(
    "also and but however meanwhile still instead nevertheless nonetheless yet moreover"
    " besides then thus so otherwise likewise similarly furthermore later earlier"
    " afterward afterwards there it its such both finally eventually ultimately lastly"
    # "Others wanted to pay off the national debt.": others than those told before.
    " others".split()
)
# An opening connective that only ties the sentence to the one before ("But the
# rebels took Kindu."): without it the sentence states the same fact, alone.
_LINK = re.compile(
    r"(?:But|And) (?=\w)|Yet (?=[A-Z0-9])|(?:However|Meanwhile|Still|Moreover|Furthermore|Besides"
    r"|Nevertheless|Nonetheless|Additionally|In addition|In fact|Even so|Also), (?=\w)"
)
# A count, not a year: "The 2,000 troops", "The two men", but not "The 2014 World Cup".
NUMBERS = r"(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozen)"
# The verbs that attribute a quotation (``speech.QUOTE_VERBS``), as written; not a
# participle ("..., they calling for ..."), which tags no speaker.
_SPEAKER_VERBS = "|".join(sorted(f for f in written_forms(QUOTE_VERBS) if not f.endswith("ing")))
# Words anywhere that need what came before: "also", a time reckoned from an
# event told earlier, a speaker named by a pronoun ("..., he said."), a
# contrast with what came before; each pattern with strings one of which every
# match of it holds, in lower case, so that most sentences skip most searches.
_LEANS_CLUED = (
    (r"\balso\b", ("also",)),
    (
        r"\b(?:the|that) (?:very )?(?:previous|following|next|same|prior) (?:day|night|morning"
        r"|afternoon|evening|week|weekend|month)\b"
        r"|\bthat (?:day|night|morning|afternoon|evening|week|weekend)\b"
        r"|\bthe (?:day|night|week) (?:before|after)\b"
        # "Six minutes later", "Four days and several moves later": after what?
        rf"|\b(?:a|an|one|few|several|{NUMBERS}) (?:minutes?|hours?|days?|weeks?|months?|years?)"
        r"(?: and [\w ]{1,25}?)? (?:earlier|later)\b(?! than)"
        r"|\b(?:earlier|later) that (?:day|night|week|month)\b",
        (
            "day",
            "night",
            "morning",
            "afternoon",
            "evening",
            "week",
            "month",
            "year",
            "minute",
            "hour",
        ),
    ),
    (r"\bthe same (?:statement|interview|speech|letter|report|meeting|period)\b", ("same",)),
    (r"^(?:by|in) contrast\b", ("contrast",)),
    # A step of a sequence the sentence before began; "First Lady ..." is no step.
    (r"^(?:first|second|third)(?:ly)?,", ("first", "second", "third")),
    (
        r"^(?:additionally|for (?:example|instance)|in addition|as such|as a result|in fact"
        r"|even so|to cite one example)\b",
        ("additionally", "example", "instance", "addition", "such", "result", "fact", "even"),
    ),
    # Multi-word discourse adverbials of the Penn Discourse Treebank 2.0 at the
    # opening: "In the meantime, the army ...", "By then, the guerrillas had fled ...".
    (
        r"^(?:at the same time|by (?:comparison|then)|in (?:contrast|other words|particular"
        r"|short|sum|the end|the meantime|turn)|on the other hand|even then),",
        tuple("time comparison then contrast words particular short sum end turn hand".split()),
    ),
    # A speaker named by a pronoun: "..., he said.", "..., he continued.", "..., it said".
    (rf"[,\"”] (?:he|she|they|it) (?:{_SPEAKER_VERBS})\b", (" he ", " she ", " they ", " it ")),
    (r", however,", ("however",)),
    # "..., too." adds to what the sentence before said, as "also" does.
    (r"\btoo[.!]?[\"”]?$", ("too",)),
    # A dated caption of the quotation before it: "November 1989, as the Berlin Wall ...".
    (rf"^(?:{'|'.join(MONTH_NAMES)}) \d{{4}},", MONTH_NAMES),
    # A live blog's entry, "9:31 P.M. Rocket sirens sound ...": of which day?
    (r"^\d{1,2}:\d\d ?[ap]\.?m\b", (":",)),
    # What the sentence before told, as the opening's object: "Prior to that, he served
    # ...", "With that, United joins ...", "Among them were ...", "Of these, ...". Not
    # people a clause names ("Among those identified as ...", "For those who ...").
    (
        r"^(?:\w+ ){0,3}?(?:to|after|before|besides|beyond|despite|like|of|with|from|than)"
        r" that,|^(?:among|of) (?:them|these|those|which)\b(?! (?:who|whom|that|which"
        r"|[a-z]+(?:ed|ing))\b)",
        ("that", "them", "these", "those", "which"),
    ),
    # A next step, "Next they had to ...", not a time ("Next week ...").
    (
        r"^next,? (?!(?:week|weekend|year|month|day|morning|night|season|time|summer|spring"
        rf"|fall|winter|{'|'.join((*WEEKDAYS, *MONTH_NAMES))})\b)",
        ("next",),
    ),
    # A place reckoned from one told before: "About 500 yards farther up, ...".
    (r"\bfarther (?:up|down|on|along|away|north|south|east|west)\b", ("farther",)),
    # "In the article, colleagues ...": which article?
    (
        r"^in the (?:article|report|statement|interview|letter|study|paper)\b",
        ("article", "report", "statement", "interview", "letter", "study", "paper"),
    ),
)
_LEANS = tuple((re.compile(p, re.IGNORECASE), clues) for p, clues in _LEANS_CLUED)
# "This", "these" or "those" and a noun inside a sentence, outside quotation marks:
# "the victims of this incident", "light from these galaxies", "denied those claims",
# "this Tunisian island" point at what came before. Not a time ("this week": a
# relative day, dated or kept out apart), "this is", or the people "those" and a
# participle or clause name ("those killed", "those who fled").
_DEMONSTRATIVE = re.compile(
    r"(?<=\S )(?:(?:this|these) (?!(?:week|weekend|year|month|morning|afternoon|evening"
    r"|night|summer|spring|fall|autumn|winter|season|time|century|decade|past|coming"
    r"|is|was|are|were|has|have|had|will|would|could|can|may|might|should|does|did"
    rf"|{'|'.join(w.title() for w in (*WEEKDAYS, *MONTH_NAMES))})\b)[A-Za-z]"
    r"|those (?!(?:who|whom|whose|which|that|of|in|with|at|for|on|from|responsible|involved"
    r"|close|familiar)\b|[a-z]+(?:ed|ing)\b)[a-z])"
)
# "That" and a word after a preposition, outside quotation marks: "fits right into
# that pattern", "a crucial part of that effort", "to that end" point at what came
# before, as "this" does; after a verb "that" is most often a conjunction ("said that
# police ..."), so only after a preposition. The word is checked apart: not a
# function word ("in that it ..."), not "matter" ("for that matter"), and not one
# the sentence names before it ("every point in an area ... in that area"); a
# preposition ending a compound is none ("the follow-through that customers demand").
_THAT_NOUN = re.compile(
    r"(?<![\w-])(?:into|in|on|of|for|with|at|from|by|to|about|over|under|after|before|during|through"
    r"|against|like|behind|toward|towards|despite|beyond|within|across|around|along) that"
    r" ([a-z][a-z-]+)\b",
    # At the opening too ("At that point, ...", "For that procedural breakthrough, ...").
    re.IGNORECASE,
)
# A person's pronoun inside a sentence (at its opening, ``ANAPHORIC_OPENERS`` has it),
# and the end of its clause on a name: "As he fled, Breiner, 47, ...".
_PRONOUN = re.compile(r"\b(?:he|him|she)\b")
_CATAPHORA = re.compile(r"[^,]*, [A-Z]")
# At the opening, a definite description of someone or something the article
# introduced ("The 2,000 troops", "The man").
_DEFINITE_OPENER = re.compile(
    rf"The (?:{NUMBERS} \w+|(?:man|woman|men|women|boy|girl|couple|pair|suspect|victims?"
    r"|teen|teenager|child|driver|gunman|attacker|killer|witness|latter|former"
    # ...or a thing it told of: "The company said ...", "The move came after ..."
    r"|company|firm|move|decision|incident|announcement|deal|lawsuit|letter|video"
    # ...or a document it told of, unless the sentence says whose: "The report by ...".
    r"|(?:report|statement|list|article|study)\b(?! (?:by|from|of|on|in|released|published)\b))\b)",
    re.IGNORECASE,
)
# An opening definite description ("The plane will return later.", "The judge is
# probing ..."): it resumes what the sentence before named when that one names its
# noun ("A plane bound for Amman ...", "... a warrant issued by a Spanish judge").
_THE_NOUN = re.compile(r"The ([a-z][a-z-]+)\b")
# Modifiers, not nouns, after an opening "The": "The new console", "The first flight".
MODIFIERS = frozenset(
    "new old first last latest same other former next following previous second third final"
    " only main top big small high low long short early late recent current whole entire"
    " total full real".split()
)
# "It's", "He'd": the pronoun under its contraction.
_CONTRACTION = re.compile(r"['’](?:s|re|d|ll|ve)$")
_DAYS = (
    rf"{'|'.join(WEEKDAYS)}|yesterday|today|tonight|tomorrow|(?:last|this|next) (?:week|weekend)"
)
# A day named from the article's date: read in a summary, it needs that date.
_RELATIVE_DAY = re.compile(rf"\b(?:{_DAYS})\b", re.IGNORECASE)
# In an undated article, a day named as an adverbial ("said Tuesday", "on Monday
# night", "Early Friday, ..."): taken out, the sentence states the same fact
# without a day no reader could place. Not a possessive or part of a longer
# phrase ("Tuesday's vote", "Tuesday night's attack").
_DAY_ADVERBIAL = re.compile(
    rf"(?:\b(?:on|late|early) )?\b(?:{_DAYS})(?: (?:night|morning|afternoon|evening))?"
    r"(?![\w'’-])(?! (?:night|morning|afternoon|evening|alone)\b)",
    re.IGNORECASE,
)
# A clause on the day itself after it: "on Wednesday, when the rain is forecast to ease".
_DAY_CLAUSE = re.compile(r",? (?:when|which|the day)\b")
# Words before a day that make it part of a phrase: "from Monday", "since Tuesday".
_DAY_GOVERNORS = frozenset(
    "from since until till by before after through between during for as than with of to"
    " and or every each the a that last next this earlier later early late also his her their"
    " its our my your".split()
)
# Words that put a named day in the future, where "Tuesday" could be either of two.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|plans?|planned|expected|scheduled|due|set to|is to|are to"
    r"|next|upcoming|until|tomorrow)\b",
    re.IGNORECASE,
)

_AGENCY = r"\((?:[A-Z][\w&.' ]{0,25})\)"
_DASH = r"(?:_|-{1,2}|—|–)"
_DATELINE = re.compile(
    # An upper-case place, with an optional region, date, agency and wire tag...
    rf"^(?:[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})?"
    rf"(?:,? [A-Z][a-z]{{2}}\.? \d{{1,2}}(?:, \d{{4}})?)?\s*(?:{_AGENCY}\s*)?"
    rf"(?:/[^/\s][^/]{{0,30}}/\s*)?"
    # ...or a short mixed-case place or date that an agency tag marks as a dateline,
    rf"|(?:[A-Z][\w.,']*(?: [\w.,']+){{0,3}} )?{_AGENCY}\s*"
    # then a dash, and the sentence proper.
    rf"){_DASH}\s+(?=[A-Z0-9\"“‘'`])"
)
# Page furniture anywhere in a sentence, each pattern with strings one of which
# every match of it contains, in lower case: the case-insensitive search costs
# more than all other tests together, and only a sentence with a clue needs it.
_FURNITURE_CLUED = (
    (
        r"\b(?:Photo|Image|Picture|Video|Credit|Getty Images|Associated Press|File photo)\s*[:/]",
        ("photo", "image", "picture", "video", "credit", "associated press"),
    ),
    (r"https?://|www\.", ("://", "www.")),
    (r"\w\.(?:com|org|net)\b", (".com", ".org", ".net")),
    (r"[@#]\w", ("@", "#")),
    (
        r"\b(?:click|subscribe|sign up|newsletter|cookies?)\b",
        ("click", "subscribe", "sign up", "newsletter", "cookie"),
    ),
    (r"\((?:\d\w* )?[LRC]\)", ("l)", "r)", "c)")),  # a caption's "(2nd L)"
    # A comment section's rules, a seller's support line, a caption's "product shot".
    (
        r"\b(?:report abuse|other readers|comments smart|support team|product shot)\b",
        ("abuse", "readers", "comments", "support", "product"),
    ),
)
_FURNITURE = re.compile("|".join(p for p, _ in _FURNITURE_CLUED), re.IGNORECASE)
_FURNITURE_CLUES = tuple(clue for _, clues in _FURNITURE_CLUED for clue in clues)
# A page label that opens the sentence ("FILE PHOTO", "WATCH").
_FURNITURE_START = re.compile(
    r"(?:FILE|PHOTO|VIDEO|WATCH|READ MORE|RELATED|ADVERTISEMENT)\b", re.IGNORECASE
)
# Letters that IGNORECASE matches to an ASCII letter of a clue but ``str.lower``
# does not turn into it (dotted and dotless i, long s).
_CASE_VARIANTS = ("İ", "ı", "ſ")
_QUOTE_MARKS = "\"“”'‘’`"
# Who is "I"? Outside quotation marks, the writer or a speaker the sentence
# does not name: read out of its article, it points at no one. ("we", "my" and
# "me" too, but leaving those out cost Multi-News 0.2 R-1 and 0.35 R-2 more.)
# A capital I joined to a hyphen or slash, or an initial's dot, is a piece of a
# longer token, no pronoun: a party-state label ("Sanders (I-Vt.)", "(D-I)"), a road
# ("I-95"), an initial ("Jay I. Cohen", "J.I. Case"); so is a label alone in
# parentheses ("(I)"). A word's full stop before it is no initial ("you.I think").
_FIRST_PERSON = re.compile(r"(?<![\w/-])(?<!\b[A-Z]\.)(?!(?<=\()I\))I(?![\w/-]|\.\s?[A-Z])")
# A line a hard-wrapped text (a PDF's) broke off mid-sentence: it ends on a comma,
# a hyphen or a word no sentence ends on ("... public interest in the memorandum, the"),
# so the line after it is the rest of that sentence, not one of its own.
_CUT_OFF = re.compile(
    r"(?:[,;(–—-]|(?<![\w'’-])(?:the|a|an|of|in|to|for|with|on|at|by|from|and|or|but|is|are"
    r"|was|were|be|as|into|its|their|his|her|our|your|my|than|that))$"
)
# A transcript's turn, "MD: A lot of people said ...", "Peter Travers: We live now ...":
# the paragraph is the speaker's words, as a quotation's is.
_TURN = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}: ")
# A turn whose speaker only initials name ("MD:", "PT:"): read alone, no one's words.
_INITIALS_TURN = re.compile(r"[A-Z]{2,3}: ")
_TYPOGRAPHIC = re.compile("|".join(map(re.escape, (*OPENING_QUOTES, *CLOSING_QUOTES))))
QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|``.*?''")


# The parse's marks of a clause: a finite verb (past, present, modal), or a subject of
# anything; the small model tags many a past verb VBN or a verb NN ("The delay cost
# NASA ..."), but still gives it its subject. Without either: a name list, a heading, a
# caption, a speaker's label ("Greg Vaughn: Big-time power ..."), an imperative.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# The discourse adverbials of the Penn Discourse Treebank 2.0 (Prasad et al. 2008):
# each relates its sentence to one before it ("Indeed, ...", "Consequently, ...").
DISCOURSE_ADVERBS = frozenset(
    "accordingly additionally afterward afterwards also alternatively besides consequently"
    " conversely earlier finally further furthermore hence indeed instead later likewise"
    " meantime meanwhile moreover nevertheless next nonetheless otherwise overall previously"
    " rather regardless separately similarly simultaneously specifically still thereafter"
    " thereby therefore thus ultimately".split()
)


@dataclass
class Candidate:
    """A sentence that may be quoted in a summary, with the text it would show."""

    sentence: Sentence
    text: str
    tokens: list[str]  # normalised words of ``text`` (``storybrief.nlp.overlap.words``)
    words: int  # whitespace-separated words of ``text``, the unit of the budget
    article: int  # position of its article among the story's usable articles
    # It names a day relative to its article's date ("on Tuesday"), and the article is undated.
    undated_day: bool = False
    # Positions of the articles that carry it word for word: its own and its copies'.
    carried_by: frozenset[int] = frozenset()
    # It opens on a definite description of what the sentence before it names (``resumes``).
    resuming: bool = False
    # It goes on with a quotation a sentence before it opened (``in_quotation``).
    quoted_on: bool = False
    # The index of an earlier sentence of its article that introduces someone it
    # names bare (``names.introductions``): it reads right only after that one too.
    antecedent: int | None = None
    # What its parse tells (``read_parses``), read only once it is picked: whether it was
    # read, whether it holds a clause, and whether it opens on an adverb pointing back.
    parsed: bool = False
    clause: bool = True
    opens_back: bool = False

    @property
    def leans(self) -> bool:
        """Whether it reads right only after the sentence before it in its article."""
        return (
            self.resuming
            or self.quoted_on
            or self.opens_back
            or leans_on_context(self.text, self.tokens)
        )


def read_parses(candidates: Sequence[Candidate]) -> None:
    """Note on each of ``candidates`` what its parse tells: a clause, an opening pointing back.

    Parsed only when picked: the batch path parses nothing else, and most
    candidates are never picked (``summarize``'s selection reads each pick so).
    """
    from storybrief.analyze.context import parse_syntax  # spaCy loads with the parser

    docs = parse_syntax([c.text for c in candidates])
    for candidate, doc in zip(candidates, docs, strict=True):
        candidate.parsed = True
        candidate.clause = has_clause(doc)
        candidate.opens_back = opens_back(doc)


def has_clause(doc: Doc) -> bool:
    """Whether the parse finds a clause in ``doc``: a finite verb, or a subject of a word."""
    return any(t.tag_ in _FINITE_TAGS or t.dep_ in _SUBJECTS for t in doc)


def opens_back(doc: Doc) -> bool:
    """Whether ``doc`` opens on an adverb of its main clause and a comma that relates it to
    what came before: "Again, ...", "Indeed, ...", "Here, too, ...", "Together, they ...".

    The adverb is a discourse adverbial (``DISCOURSE_ADVERBS``) or one not made of an
    adjective by "-ly": those are pro-forms of a time, place or step told before ("now",
    "here", "again", "before"), while "Sadly,", "Recently," or "Normally," state the
    writer's view or a time and stand alone.
    """
    if len(doc) < 2 or doc[1].text != ",":
        return False
    first = doc[0]
    word = first.lower_
    return (
        first.tag_ == "RB"
        and first.dep_ == "advmod"
        and first.head.dep_ == "ROOT"
        and (word in DISCOURSE_ADVERBS or not word.endswith("ly"))
    )


def in_quotation(sentences: list[Sentence]) -> list[bool]:
    """Whether each sentence goes on with a quotation an earlier one of its paragraph opened.

    In '"And you could talk about the stresses in your life. To me it's very
    important to go to AA."' the second sentence has no quotation mark, yet it
    is the speaker's, whom only the sentences before it name. A paragraph starts
    outside: news copy opens each paragraph of a long quotation anew; so does a
    sentence opening on a quotation mark. A transcript's turn ("MD: That was
    smart. Ridley has a big movie ...") is the speaker's to its paragraph's end.
    """
    inside, turn, paragraph, out = False, False, -1, []
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            inside, paragraph = False, sentence.paragraph
            turn = bool(_TURN.match(sentence.text))
        elif turn:
            out.append(True)
            continue
        out.append(inside and not sentence.text.startswith(tuple(_QUOTE_MARKS)))
        inside = _open_after(sentence.text, inside)
    return out


def _open_after(text: str, inside: bool) -> bool:
    """Whether a quotation is open after ``text``, given whether one was before it.

    The last typographic mark decides ('“..., he said. “We' leaves one open);
    without one, an odd number of straight marks turns the state over.
    """
    marks = _TYPOGRAPHIC.findall(text)
    if marks:
        return marks[-1] in OPENING_QUOTES
    return not inside if text.count('"') % 2 else inside


def resumes(text: str, before: str) -> bool:
    """Whether ``text`` opens on "The" and a noun that ``before``, the sentence before it, names.

    "The plane will return later in the day." after "A plane bound for Amman was
    delayed ...": read alone, "the plane" is no plane the reader knows of.
    """
    opening = _THE_NOUN.match(text)
    if opening is None or opening.group(1) in MODIFIERS | STOPWORDS:
        return False
    noun = opening.group(1)
    named = {w.lower() for w in re.findall(r"[\w-]+", before)}
    # The singular and plural of a noun name one thing: "the rebels" after "a rebel leader".
    return bool({noun, noun.removesuffix("s"), noun + "s"} & named)


def leans_on_context(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` needs the sentence before it: a pronoun, connective, "also", ..."""
    if not tokens:
        return False
    if _leaning_opener(text, tokens):
        return True
    lowered = text.lower()
    return (
        _points_back(text, lowered)
        or _unnamed_pronoun(text, tokens)
        or any(
            pattern.search(text) for pattern, clues in _LEANS if any(c in lowered for c in clues)
        )
    )


def _leaning_opener(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` opens on a pronoun, a connective or a definite description."""
    first = _CONTRACTION.sub("", tokens[0])
    return (
        first in ANAPHORIC_OPENERS
        or first in _CONNECTIVES
        or bool(_DEFINITE_OPENER.match(text))
        or bool(_UNNAMED_WE.match(text))
    )


def _unnamed_pronoun(text: str, tokens: list[str]) -> bool:
    """Whether "he", "him" or "she" comes, outside quotation marks, before anyone is named.

    "From a poor family, he never finished university", "A documentary on him
    won an Oscar": the person is named in a sentence before. Not when a name
    ends the pronoun's clause ("As he fled, Breiner, 47, engaged ...") or a
    name opens the sentence ("Gingrich said he ...").
    """
    if tokens[0] not in STOPWORDS or not _PRONOUN.search(text):
        return False
    bare = QUOTATION.sub("", text)
    pronoun = _PRONOUN.search(bare)
    if pronoun is None or any(w[:1].isupper() for w in bare[: pronoun.start()].split()[1:]):
        return False
    return not _CATAPHORA.match(bare, pronoun.end())


def _points_back(text: str, lowered: str) -> bool:
    """Whether ``text`` says "this", "these", "those" or "that" of something told before,
    outside quotation marks."""
    demonstrative = "this" in lowered or "these" in lowered or "those" in lowered
    if not (demonstrative or " that " in lowered):
        return False
    bare = QUOTATION.sub("", text)
    if demonstrative and _DEMONSTRATIVE.search(bare):
        return True
    return " that " in lowered and _that_of_before(bare)


def _that_of_before(text: str) -> bool:
    """Whether ``text`` says "that" and a noun after a preposition, not a noun it names before."""
    for match in _THAT_NOUN.finditer(text):
        word = match.group(1).lower()
        if word not in STOPWORDS | {"matter"} and word not in text[: match.start()].lower():
            return True
    return False


def _day_of(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 date or datetime, None if there is none."""
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _date_of(name: str, day: date, last: bool = False) -> date | None:
    """The past day ``name`` ("Tuesday", "yesterday") means in an article of ``day``;
    ``last`` when it follows "last" ("last Friday" in a Friday article is a week before)."""
    name = name.lower()
    if name in ("today", "tonight"):
        return day
    if name == "yesterday":
        return day - timedelta(days=1)
    if name in WEEKDAYS:
        return weekday_before(name, day, last)
    return None  # "tomorrow", "last week": no one day


def names_relative_day(text: str) -> bool:
    """Whether ``text`` names a day by its distance to the article's date ("on Tuesday")."""
    return bool(_RELATIVE_DAY.search(text))


def dated(text: str, day: date) -> str | None:
    """``text`` with each day named from ``day``, its article's date, given in parentheses.

    ``text`` itself when it names no such day; None when a day it names
    cannot be dated exactly: it may lie ahead ("will meet on Tuesday"), or is
    no single day ("last week").
    """
    if not _RELATIVE_DAY.search(text):
        return text
    if _FUTURE.search(text) or not _weekdays_past(text, day):
        return None
    days = [
        _date_of(m.group(), day, last=text[: m.start()].lower().endswith("last "))
        for m in _RELATIVE_DAY.finditer(text)
    ]
    if None in days:
        return None
    spelled = iter(f"{d:%B} {d.day}, {d.year}" for d in days if d is not None)
    return _RELATIVE_DAY.sub(lambda m: f"{m.group()} ({next(spelled)})", text)


def _weekdays_past(text: str, day: date) -> bool:
    """Whether each weekday ``text`` names is in a clearly past clause (``tense.dates_back``):
    "the bridge closes Monday" may be the coming Monday, not the last."""
    starts = {m.start() for m in _RELATIVE_DAY.finditer(text) if m.group().lower() in WEEKDAYS}
    if not starts:
        return True
    from storybrief.analyze.context import parse  # spaCy loads with the parser, when needed

    return all(dates_back(t, day) for t in parse([text])[0] if t.idx in starts)


def unlinked(text: str) -> str:
    """``text`` without an opening connective ("But", "However,") that ties it to the one before."""
    link = _LINK.match(text)
    return text[link.end()].upper() + text[link.end() + 1 :] if link else text


def undated(text: str) -> str:
    """``text`` without the one day it names from its undated article's date, where exact.

    "..., officials said Tuesday." → "..., officials said."; "On Monday, rebels
    took Kindu." → "Rebels took Kindu." ``text`` itself when it names no such
    day, names more than one, names it in a quotation or inside a phrase
    ("since Tuesday", "earlier this week", "Tuesday's vote", an opening "Tuesday was").
    """
    match = _day_adverbial(text)
    if match is None:
        return text
    before, after = text[: match.start()].rstrip(), text[match.end() :]
    if not before:  # "On Tuesday, rebels ..."
        return after[2:3].upper() + after[3:]
    if before.endswith(",") and after.startswith(","):
        # "The rebels, on Tuesday, took" → "The rebels took": the day's commas go with it.
        return before.rstrip(",") + after[1:]
    if before.endswith(".") and after.startswith("."):
        after = after[1:]  # "at 4:30 a.m. Sunday." → "at 4:30 a.m."
    return before + after


def _day_adverbial(text: str) -> re.Match[str] | None:
    """The day ``undated`` may take out of ``text``, None if none may go."""
    if len(_RELATIVE_DAY.findall(text)) != 1:
        return None
    match = _DAY_ADVERBIAL.search(text)
    if match is None or _named(text, match) or _quoted(text, match.start()):
        return None  # a quotation is never altered
    before = text[: match.start()]
    if _DAY_CLAUSE.match(text, match.end()):
        return None  # "on Wednesday, when the rain eases": the clause tells of the day
    if not before:  # at the opening only "On Tuesday, ..."
        return match if text[match.end() :].startswith(", ") else None
    return None if _governed(before) else match


def _governed(before: str) -> bool:
    """Whether a day after ``before`` belongs to a phrase of it: "since Tuesday", "35 on Friday"."""
    governor = before.split()[-1].lower() if before.split() else ""
    return governor in _DAY_GOVERNORS or governor[:1].isdigit() or not before.endswith(" ")


def _named(text: str, match: re.Match[str]) -> bool:
    """Whether the day ``match`` found is part of a name: "USA TODAY", "Medical News Today"."""
    day = _RELATIVE_DAY.search(match.group())
    name = day.group() if day else ""
    # Weekdays are capitalised anywhere; "Today" is only at the opening.
    capital = match.start() + (day.start() if day else 0) > 0 and name[:1].isupper()
    return name.isupper() or (capital and name.lower() not in WEEKDAYS)


def _quoted(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies in a quotation."""
    return any(q.start() < at < q.end() for q in QUOTATION.finditer(text))


def trim(text: str) -> str:
    """``text`` without a dateline at its start."""
    return _DATELINE.sub("", text.strip(), count=1)


def _bare_quote(text: str) -> bool:
    """Whether ``text`` is one quotation with no speaker: it needs its context."""
    inner = text.strip(_QUOTE_MARKS + " ")
    return text.startswith(('"', "‘", *OPENING_QUOTES)) and not any(
        q in inner for q in ('"', *OPENING_QUOTES, *CLOSING_QUOTES)
    )


def _furniture(text: str) -> bool:
    """Whether ``text`` carries a caption, credit, link or reader prompt."""
    if _FURNITURE_START.match(text):
        return True
    lowered = text.lower()
    return (
        any(clue in lowered for clue in _FURNITURE_CLUES)
        or any(letter in text for letter in _CASE_VARIANTS)
    ) and bool(_FURNITURE.search(text))


def usable(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` can stand alone in a summary."""
    return (
        MIN_WORDS <= len(tokens) <= MAX_WORDS
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in _QUOTE_MARKS)
        and text.rstrip()[-1:] in ".!)" + _QUOTE_MARKS
        and not text.rstrip(_QUOTE_MARKS + " )").endswith("?")
        and balanced_quotes(text)
        and not _bare_quote(text)
        and not _furniture(text)
        and not _unknown_speaker(text)
    )


def _unknown_speaker(text: str) -> bool:
    """Whether ``text`` speaks for someone it does not name: an unquoted "I", or a
    transcript's turn that only initials name ("MD: A lot of people said ...")."""
    return bool(_FIRST_PERSON.search(QUOTATION.sub("", text)) or _INITIALS_TURN.match(text))


def collect_candidates(articles: list[Article]) -> list[Candidate]:
    """The usable sentences of the usable articles, in article then sentence order.

    A dated article's sentence naming a day it cannot date (``dated``) is no
    candidate; an undated article's sentence is shown without the day it names
    where that is exact (``undated``).
    """
    out: list[Candidate] = []
    for position, article in enumerate(a for a in articles if a.ok):
        day = _day_of(article.published)
        befores = ["", *(s.text for s in article.sentences)]
        # Quotations read as in double marks, whichever marks the article quotes in.
        marked = double_form(article.sentences)
        quoted = in_quotation(marked)
        for sentence, form, before, quoted_on in zip(
            article.sentences, marked, befores, quoted, strict=False
        ):
            text = trim(sentence.text)
            tokens = words(text)
            if not usable(trim(form.text), tokens) or _CUT_OFF.search(before.rstrip()):
                continue
            candidate = _candidate(sentence, text, tokens, day, position)
            if candidate is not None:
                candidate.resuming = resumes(candidate.text, before)
                candidate.quoted_on = quoted_on
                out.append(candidate)
    return out


def _candidate(
    sentence: Sentence, text: str, tokens: list[str], day: date | None, article: int
) -> Candidate | None:
    """``sentence``, usable as ``text``, as its article (the ``article``-th, of ``day``) lets
    it be shown, if so."""
    if (alone := unlinked(text)) != text:
        text, tokens = alone, words(alone)
    if day is not None:
        shown = dated(text, day)
        return (
            None
            if shown is None
            else Candidate(sentence, shown, tokens, len(shown.split()), article)
        )
    shown = undated(text)
    tokens = tokens if shown == text else words(shown)
    candidate = Candidate(sentence, shown, tokens, len(shown.split()), article)
    candidate.undated_day = names_relative_day(shown)
    return candidate
