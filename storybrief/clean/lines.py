"""Features of one line of text, the evidence the plain-text cleaner decides on.

The cleaner never matches known boilerplate strings. It looks at the shape of
a line the way jusText and trafilatura do: how long it is, whether it is a
sentence (ends in sentence punctuation), how dense in function words it is,
whether it speaks to the reader ("you", "your") outside quotation marks,
whether it opens with an imperative, and whether it uses the vocabulary of
web pages (newsletters, sign-in, comments) rather than of news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from storybrief.nlp.english import BULLET, function_word_share
from storybrief.nlp.speech import QUOTE_VERBS, written_forms

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A line ends a sentence with a stop, maybe followed by closing quotes and
# brackets, or with a closing quote alone.
_STOPS = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]"
_FINAL_QUOTES = ('"', "”", "’")
_OPENING_MARKS = '"“‘„'
_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?|‘[^’]*’")
_CREDIT = re.compile(r"^[\w .'’-]{2,40}\s/\s[\w .'’-]{2,30}$")
# "(Photo: Getty Images)", "Photo credit: AP", "(AP Photo/Evan Vucci)": a credit
# stated as one, wherever it sits in the line.
# Two patterns rather than one alternation: one that opens with a literal "("
# lets the regex engine skip ahead to the brackets of a long paragraph.
_CREDIT_LABEL = re.compile(
    r"\((?:[\w .-]*\s)?(?:photo|image|picture|video)s?\b[^)]*\)\s*$", re.IGNORECASE
)
_CREDIT_LEAD = re.compile(r"(?:photo|image|picture)s?(?:\s+credit)?\s*:", re.IGNORECASE)
_NAV = re.compile(r"(?:\s[|»›]\s.*){2,}")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|^copyright\b|all rights reserved", re.IGNORECASE)
# An e-mail address, a social-media handle or a web address: a way to reach someone.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ADDRESS = re.compile(rf"{EMAIL.pattern}|(?<![\w@])@\w{{2,}}|\bhttps?://\S+|\bwww\.\S+")
# A live blog's time stamp opening a line: "6:56 pm", "7.02pm ET:", "18:30 GMT", "Updated 9:15
# a.m.". A dotted time needs its "am"/"pm": "1.50 per cent" is no time.
_TIME_STAMP = re.compile(
    r"^(?:(?i:updated|posted)\s+)?"
    r"(?:\d{1,2}:\d{2}(?:\s*(?i:[ap]\.?\s?m)\b\.?)?|\d{1,2}\.\d{2}\s*(?i:[ap]\.?\s?m)\b\.?)"
    r"(?:\s*(?:[A-Z]{2,4}|local(?: time)?)\b)?\s*[:,–—-]?(?=\s|$)"
)

# A fact given as "label: value" in an article's body ("Estimated net worth: $250,000", "Running
# time: 2 hours"): a short capitalised label and a value holding a figure. Tags ("Filed under:
# politics") and credits ("Photo: AP") give no figure.
_FACT_LABEL = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.&-]+){0,4}\s*:\s+(?=[^:]*[\d$€£%])\S")
# An embedded post signed "— Name (@name) August 17, 2016": someone's words, quoted.
_SIGNED_POST = re.compile(r"[—–-]\s*[^—–]{1,60}\(@\w{1,30}\)")

_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "you're", "you’re", "you'll"})

# Verbs that open calls to action on news pages. A body sentence almost never
# starts with a bare imperative; a sign-up box, share bar or forum prompt does.
IMPERATIVES = frozenset(
    """sign join get find follow subscribe click read watch share download please register
    log listen see tap visit contact view explore discover learn continue try enter
    thank send email donate support install upgrade enable allow accept refresh navigate
    comment reply""".split()
)

# The agencies and archives that sign a photo, last in a caption or a gallery slide.
PHOTO_SIGNERS = frozenset("getty images ap afp reuters epa shutterstock press".split())

# Vocabulary of the page around an article rather than of news itself.
WEB_TERMS = frozenset(
    """newsletter newsletters subscribe subscribed subscription subscribers sign-up signup
    email e-mail updates inbox login log-in logged registering registration register
    account password browser cookies cookie javascript page site website app comments
    commenting comment forum replies readers advertisement advertising sponsored podcast
    share tweet facebook twitter instagram whatsapp pinterest linkedin youtube tv related
    premium paywall""".split()
)


# The written forms of the verbs of speech (``nlp.speech``, the analysis's own) that hand a
# quote to its speaker in a lead-in line: "Stated Stone:", "Cruz continued:", "One user
# tweeted:", "The Times confirmed it, reporting:". No "post" ("Posted: 6:56 pm" is a stamp's
# label).
_LEAD_IN_VERBS = QUOTE_VERBS - {"post"}
# A credit names who made the copy, not who speaks: "Reporting by Jo Cole", "Written by:".
_CREDIT_BY = "by"
_NOUN_ING_WORDS = 2  # "Additional reporting:": an -ing form this early is a noun


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Read on first use: the irregular forms come from the model's tables (``nlp.speech``)."""
    return written_forms(_LEAD_IN_VERBS)


def _speech_at(words: list[str], i: int, forms: frozenset[str]) -> bool:
    """Whether ``words[i]`` is a verb of speech telling someone speaking.

    Not before "by" (a credit), not opening the line as a base form or alone ("Read more:",
    "Notes:" are a page's labels, where "Stated Stone:" is an inversion), and not an -ing
    form among the first two words: there it is a noun, a credit or a list's heading
    ("Additional reporting:", "Further reading:"), where "X, reporting:" tells a speaker.
    """
    word = words[i]
    if word not in forms or words[i + 1 : i + 2] == [_CREDIT_BY]:
        return False
    if word.endswith("ing"):
        return i >= _NOUN_ING_WORDS
    return i > 0 or (len(words) > 1 and word not in _LEAD_IN_VERBS)


# A noun of speech owned by someone: "Beck's remarks", "Clinton’s statement".
_OWNED_SPEECH = re.compile(
    r"\w['’]s\s+(?:full\s+)?(?:remarks|comments|statement|speech|words|testimony)\b"
)
# A lead-in is a clause at most: "Watch the full video of Beck's remarks below:".
_MAX_LEAD_IN_WORDS = 12
_MAX_NAME_LABEL_WORDS = 3  # "Trump:", "Sen. Ted Cruz:"
_MIN_QUOTATION = 4  # characters of a quotation with its marks: a word at least, not '""'
# What may stand between a quotation and its signature: '"…", — Ann Lee', '"…" -Ann Lee'.
_SIGNATURE_OPENERS = " ,.-–—―"
# A signature on a line of its own is a name and a few words: "— Ann Lee, Dayton, Ohio".
_MAX_SIGNATURE_WORDS = 8
# Its shape: a dash, or a comma after the name, sets the name apart from what follows; a
# heading has neither ("Couple Killed in Fort Worth Neighborhood", "Story Continued Below").
# After the comma one part that takes spaces, not two: two would try every split of a run of
# spaces between them (quadratic: minutes for a line of 200,000). A name's words open on a
# letter here and on a capital in ``is_signature`` ("— Émile Zola": ``re`` has no class of
# every alphabet's capitals).
_SIGNATURE = re.compile(
    r"(?P<dash>[-–—―]\s*)?(?P<name>(?:[^\W\d_][\w.'’-]*\s+){0,3}[^\W\d_][\w.'’-]*)"
    r"(?P<rest>,[^?:]+)?"
)


@dataclass(frozen=True)
class Line:
    """A line of an article, with the features the cleaner decides on."""

    text: str

    @cached_property
    def words(self) -> list[str]:
        return WORD.findall(self.text)

    @cached_property
    def lower_words(self) -> list[str]:
        if self.text.isascii():  # lower-casing ASCII keeps every word and its bounds
            return WORD.findall(self.text.lower())
        return [w.lower() for w in self.words]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The line's words, lower-cased: a cheap first test before a pattern runs."""
        return frozenset(self.lower_words)

    @cached_property
    def n(self) -> int:
        return len(self.lower_words)

    @cached_property
    def key(self) -> str:
        """The line reduced to its words, to spot repeats despite spacing or case."""
        return " ".join(self.lower_words)

    @property
    def is_sentence(self) -> bool:
        # String tests at the end: a regex anchored there still scans the whole line.
        text = self.text.rstrip()
        return text.rstrip(_CLOSERS).endswith(_STOPS) or text.endswith(_FINAL_QUOTES)

    @property
    def is_bullet(self) -> bool:
        return bool(BULLET.match(self.text))

    @property
    def stopword_density(self) -> float:
        return function_word_share(self.lower_words)

    @cached_property
    def unquoted_words(self) -> list[str]:
        """Words outside quotation marks: what the writer says, not a quoted speaker."""
        return [w.lower() for w in WORD.findall(_QUOTED.sub(" ", self.text))]

    @property
    def second_person(self) -> int:
        # Every second-person word holds "you"; most lines do not, and skip the split.
        if "you" not in self.text.lower():
            return 0
        return sum(w in _SECOND_PERSON for w in self.unquoted_words)

    @cached_property
    def addresses(self) -> list[str]:
        # Every address holds "@", "www." or "://": most lines have none and skip the search.
        if "@" not in self.text and "www." not in self.text and "://" not in self.text:
            return []
        return ADDRESS.findall(self.text)

    @property
    def web_terms(self) -> int:
        return sum(w in WEB_TERMS for w in self.lower_words)

    @property
    def starts_imperative(self) -> bool:
        return bool(self.lower_words) and self.lower_words[0] in IMPERATIVES

    @property
    def is_credit(self) -> bool:
        """A photo credit: shaped "Name / Agency", or labelled as one."""
        text = self.text.strip()
        if _CREDIT_LEAD.match(text) or _CREDIT_LABEL.search(text):
            return self.n <= 30
        return bool(_CREDIT.match(text)) and self.stopword_density < 0.2

    @property
    def is_copyright(self) -> bool:
        return self.n <= 20 and bool(_COPYRIGHT.search(self.text))

    @property
    def is_navigation(self) -> bool:
        # The separators are rare in prose: look for one before running the pattern.
        return any(mark in self.text for mark in "|»›") and bool(_NAV.search(self.text))

    @cached_property
    def time_stamp(self) -> str | None:
        """The time of day opening the line ("6:56 pm"), as a live blog stamps its updates."""
        # Every stamp starts with a digit or "updated"/"posted": most lines skip the search.
        if not self.text[:1].isdigit() and self.text[:1] not in "UuPp":
            return None
        match = _TIME_STAMP.match(self.text)
        return match.group().strip(" :,–—-") if match else None

    @property
    def is_time_stamp(self) -> bool:
        """The line is a time of day and nothing more: a live update's stamp."""
        stamp = self.time_stamp
        return stamp is not None and len(stamp) >= len(self.text.strip(" :,–—-"))

    @property
    def is_fact_label(self) -> bool:
        """A "label: value" line giving a figure: a fact of the article, however short."""
        return ":" in self.text and bool(_FACT_LABEL.match(self.text.strip()))

    @property
    def is_signed_post(self) -> bool:
        """An embedded social-media post, signed with its author's handle."""
        return "(@" in self.text and bool(_SIGNED_POST.search(self.text))

    @property
    def is_lead_in(self) -> bool:
        """A short line ending in ":", not said to the reader: it may hand on to a speaker."""
        return (
            self.n <= _MAX_LEAD_IN_WORDS
            and self.text.rstrip().endswith(":")
            and not self.second_person
            and not self.time_stamp
            and not self.text.isupper()  # a section's heading: "SHORT READS:", "UPDATE:"
        )

    @property
    def speaks(self) -> bool:
        """The line tells someone speaking: a verb of speech, or someone's remarks."""
        forms = _speech_forms()
        words = self.lower_words
        return any(_speech_at(words, i, forms) for i in range(len(words))) or bool(
            _OWNED_SPEECH.search(self.text)
        )

    @property
    def is_name_label(self) -> bool:
        """A name and nothing more before a colon ("Trump:"), not a page's label word.

        Every word capitalised, not all in capitals ("CORRECTION:", "UPDATE:" are labels),
        none a web term ("Related:", "Advertisement:"), not opening on an imperative ("Watch:").
        """
        words = self.words
        return (
            0 < len(words) <= _MAX_NAME_LABEL_WORDS
            and all(w[:1].isupper() for w in words)
            and not self.text.isupper()
            and not self.web_terms
            and not self.starts_imperative
        )

    @property
    def opens_quote(self) -> bool:
        """The line opens with a quotation mark: someone's words follow."""
        return self.text.lstrip()[:1] in _OPENING_MARKS

    @cached_property
    def is_attributed_quote(self) -> bool:
        """A quotation opening the line, then who said it: a verb of speech ('"…," Lee said
        on Twitter') or a name signing it ('"…" Janet Smith, on Facebook'): someone's words,
        whatever web terms their attribution holds, not a page's widget nor a photo's
        caption ('"…" Getty Images')."""
        quoted = [m for m in _QUOTED.finditer(self.text) if m.group().endswith(_FINAL_QUOTES)]
        if not (self.opens_quote and quoted) or len(quoted[-1].group()) < _MIN_QUOTATION:
            return False
        return Line(self.text[quoted[-1].end() :].lstrip(_SIGNATURE_OPENERS)).signs

    @property
    def signs(self) -> bool:
        """The line tells who said the words before it: a verb of speech or a name opening
        it, not a photo agency's credit ("Getty Images")."""
        return not PHOTO_SIGNERS & self.word_set and (self.speaks or self.opens_on_name)

    @property
    def is_statement(self) -> bool:
        """The line is a quotation and nothing more: a statement printed alone."""
        return self.opens_quote and self.text.rstrip().endswith(_FINAL_QUOTES)

    @cached_property
    def is_signature(self) -> bool:
        """A short line that signs: a name, maybe after a dash, and where its words were
        posted ("— Ann Lee, ann.lee.com", "Janet Smith, on Facebook"), no sentence."""
        shape = _SIGNATURE.fullmatch(self.text.strip())
        if self.is_sentence or not shape or not (shape.group("dash") or shape.group("rest")):
            return False
        if not all(word[0].isupper() for word in shape.group("name").split()):
            return False
        signed = Line(self.text.lstrip(_SIGNATURE_OPENERS))
        return signed.n <= _MAX_SIGNATURE_WORDS and signed.signs

    @property
    def opens_on_name(self) -> bool:
        """The line opens on a capitalised word that is no imperative or web word ("Janet
        Smith, on Facebook", not "Follow us on Twitter" nor "Facebook comments")."""
        first = self.words[:1]
        return bool(first) and first[0][:1].isupper() and not self._opens_on_page_word

    @property
    def _opens_on_page_word(self) -> bool:
        return self.starts_imperative or self.lower_words[0] in WEB_TERMS

    @property
    def is_dangling_label(self) -> bool:
        """A short label that ends in "," or ":" and introduces the next line.

        A time stamp ("6:56 pm:") introduces a live update, which is text, not a caption.
        """
        return self.n <= 3 and self.text.rstrip().endswith((",", ":")) and not self.time_stamp
