"""A short line ending in ":" that hands a quote to its speaker is text, not a caption marker."""

from __future__ import annotations

from storybrief.clean import clean
from storybrief.clean.lines import Line
from storybrief.clean.text import introduces_quote
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
