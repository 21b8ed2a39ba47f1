"""A short line ending in ":" that hands a quote to its speaker is text, not a caption marker."""

from __future__ import annotations

import json
from pathlib import Path

from storybrief.clean import clean
from storybrief.clean.lines import Line
from storybrief.clean.text import introduces_quote
from storybrief.ingest import read_inputs
from storybrief.models import Article

OPENING = (
    "The mayor of Harbourton defended the new parking levy at a packed council meeting on "
    "Tuesday evening, saying the money would go to the ferry service."
)
QUOTE = "“We cannot keep asking commuters to pay for a road they never use,” she told members."
LATER = "The council will vote on the levy next month, after a public consultation."


def _body(*lines: str) -> list[str]:
    raw = "\n\n".join(["Harbourton levy approved", OPENING, *lines, LATER])
    (article,) = clean([Article(id="t", source="<t>", raw=raw)])
    return article.paragraphs


def test_a_speech_verb_lead_in_keeps_its_quote_and_speaker() -> None:
    # "Stated Stone:" was a three-word label ending in ":", dropped with the quote after it.
    body = _body("Stated Mayor Quinn:", QUOTE)
    assert "Stated Mayor Quinn:" in body and QUOTE in body


def test_a_longer_speech_verb_lead_in_is_kept_before_any_kept_line() -> None:
    plain = "Rather than raise the levy, the city should sell the old depot on Mill Road."
    body = _body("One councillor, Dana Reyes, argued that:", plain)
    assert "One councillor, Dana Reyes, argued that:" in body and plain in body


def test_a_name_alone_before_a_quotation_is_kept() -> None:
    assert introduces_quote(Line("Mayor Quinn:"), Line(QUOTE))
    body = _body("Mayor Quinn:", QUOTE)
    assert "Mayor Quinn:" in body and QUOTE in body


def test_a_name_alone_before_plain_text_is_a_label() -> None:
    assert not introduces_quote(Line("Mayor Quinn:"), Line(LATER))


def test_a_player_line_naming_remarks_is_kept_only_before_a_quotation() -> None:
    line = Line("Watch the full video of Quinn's remarks below:")
    assert introduces_quote(line, Line(QUOTE))
    assert not introduces_quote(line, Line(LATER))


def test_furniture_labels_still_go_before_a_quotation() -> None:
    for label in ("Related:", "Watch:", "Advertisement:", "Read more:", "CORRECTION:"):
        assert not introduces_quote(Line(label), Line(QUOTE)), label
        assert label not in _body(label, QUOTE), label


def test_a_player_line_without_a_speaker_still_goes() -> None:
    assert not introduces_quote(Line("Watch the ad below:"), Line(QUOTE))
    assert "Watch the ad below:" not in _body("Watch the ad below:", QUOTE)


def test_a_lead_in_said_to_the_reader_or_at_the_end_is_no_lead_in() -> None:
    assert not introduces_quote(Line("Do you agree? Tell us what you said:"), Line(QUOTE))
    assert not introduces_quote(Line("Quinn said:"), None)
    assert not introduces_quote(Line("6:56 pm Quinn said:"), Line(QUOTE))


def test_a_speech_verb_lead_in_before_furniture_still_goes() -> None:
    assert not introduces_quote(Line("Quinn added:"), Line("Photo credit: AP"))


# At the top of the body: the header reader took a lead-in of six words or more for the dek
# (a standfirst), so the quote after it lost its speaker and the brief lost the line.
STATEMENT = "Mayor Quinn said in a statement:"
STANDFIRST = "Council backs the ferry plan after a long and bitter debate"


def _cleaned(raw: str, title: str | None = None) -> Article:
    (article,) = clean([Article(id="t", source="<t>", raw=raw, title=title)])
    return article


def test_a_lead_in_right_after_the_title_is_the_body_not_the_dek() -> None:
    article = _cleaned("\n\n".join(["Harbourton levy approved", STATEMENT, QUOTE, OPENING]))
    assert article.dek is None
    assert article.paragraphs[:2] == [STATEMENT, QUOTE]


def test_a_short_quotation_with_its_speaker_after_the_title_is_the_body_not_the_dek() -> None:
    # Six words of prose's density after the title read as a standfirst: shown, and lost to
    # the quotes. A line ending on its speaker's verb is the story's first statement.
    quote = "“We will rebuild it,” Ann Lee said."
    article = _cleaned("\n\n".join(["Harbourton levy approved", quote, OPENING]))
    assert article.dek is None
    assert article.paragraphs[:2] == [quote, OPENING]


def test_a_lead_in_opening_a_text_with_its_title_given_is_kept(tmp_path: Path) -> None:
    # A JSONL record gives the title apart, so its text opens on the lead-in.
    record = {"id": "j", "title": "Harbourton levy approved", "text": f"{STATEMENT}\n\n{QUOTE}"}
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = clean(read_inputs([path]))
    assert (article.title, article.dek) == ("Harbourton levy approved", None)
    assert article.paragraphs == [STATEMENT, QUOTE]


def test_an_untitled_text_opening_on_a_lead_in_gets_no_title_from_it() -> None:
    article = _cleaned("\n\n".join([STATEMENT, QUOTE, OPENING]))
    assert article.title is None
    assert article.paragraphs[:2] == [STATEMENT, QUOTE]


def test_a_standfirst_is_still_the_dek() -> None:
    # A dek ending in ":" that hands to no speaker stays a dek ("The Latest on …:").
    for dek in (STANDFIRST, "The Latest on the Harbourton levy vote (all times local):"):
        article = _cleaned("\n\n".join(["Harbourton levy approved", dek, OPENING]))
        assert article.dek == dek and article.paragraphs == [OPENING], dek


def test_a_lead_in_after_a_dek_and_byline_is_kept() -> None:
    raw = "\n\n".join(["Harbourton levy", STANDFIRST, "By Dana Reyes", STATEMENT, QUOTE])
    article = _cleaned(raw)
    assert (article.dek, article.byline) == (STANDFIRST, "Dana Reyes")
    assert article.paragraphs == [STATEMENT, QUOTE]


def test_a_copy_of_a_header_field_is_removed_with_its_reason() -> None:
    # A copy of the title or the dek within the header was skipped as the field itself: no record.
    title = "Harbourton levy approved"
    for copy in (title, STANDFIRST):
        article = _cleaned("\n\n".join([title, STANDFIRST, copy, "By Dana Reyes", OPENING]))
        assert (article.title, article.dek) == (title, STANDFIRST)
        assert (copy, "repeats the headline") in [(r.line, r.why) for r in article.removed]


def test_a_by_line_is_the_byline_recorded_as_such_not_judged_as_body() -> None:
    for line, byline in (("By Dana Reyes", "Dana Reyes"), ("Dana Reyes", "Dana Reyes")):
        article = _cleaned("\n\n".join(["Harbourton levy approved", line, OPENING]))
        assert article.byline == byline
        assert [(r.line, r.why) for r in article.removed] == [
            (line, "byline (shown as the article's)")
        ]


def test_every_line_is_a_field_a_paragraph_or_a_removal() -> None:
    lines = ["Harbourton levy approved", "Harbourton levy approved", STATEMENT, QUOTE]
    lines += ["Photo: AP", "By Dana Reyes", "June 3, 2024", OPENING, LATER]
    article = _cleaned("\n\n".join(lines))
    shown = [article.title, *article.paragraphs, *(r.line for r in article.removed)]
    assert sorted(shown) == sorted(lines)


def test_a_page_keeps_a_lead_in_under_its_headline() -> None:
    # The HTML path reads no header from the body; this guards it against the same drop.
    paragraphs = [STATEMENT, QUOTE, OPENING, LATER]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><body><article><h1>Harbourton levy approved</h1>{body}</article></body></html>"
    (article,) = clean([Article(id="h", source="h.html", kind="html", raw=page)])
    assert article.paragraphs[:2] == [STATEMENT, QUOTE]


# Lead-ins read the analysis's verbs of speech (``nlp.speech``) in every written form.
NYT_SHAPE = "The Harbourton Herald confirmed that account, reporting:"


def test_a_lead_in_with_any_form_of_a_speech_verb_keeps_its_quote() -> None:
    # "confirmed", "reporting" were missing from a typed list of forms: the line was dropped.
    for lead_in in (NYT_SHAPE, "The full statement reads as follows:", "Quinn quipped:"):
        assert introduces_quote(Line(lead_in), Line(QUOTE)), lead_in
        body = _body(lead_in, QUOTE)
        assert lead_in in body and QUOTE in body, lead_in


def test_credits_and_headings_with_a_speech_word_are_no_lead_ins() -> None:
    for label in ("Reporting by Dana Reyes:", "Additional reporting:", "Written by:"):
        assert not introduces_quote(Line(label), Line(QUOTE)), label
        assert not introduces_quote(Line(label), Line(LATER)), label
    # One capitalised word before a quotation may be a speaker's name ("Quinn:"): not here.
    for heading in ("SHORT QUOTES:", "Posted:", "Notes:", "Further reading:"):
        assert not introduces_quote(Line(heading), Line(LATER)), heading


def test_a_credit_line_is_still_removed() -> None:
    body = _body("Reporting by Dana Reyes; Editing by Sam Cole", QUOTE)
    assert "Reporting by Dana Reyes; Editing by Sam Cole" not in body and QUOTE in body


def test_a_posted_label_is_still_removed() -> None:
    # "posted" hands on no quote: "Posted:" is a stamp's label.
    assert not Line("Posted:").speaks
    assert "Posted:" not in _body("Posted:", LATER)
