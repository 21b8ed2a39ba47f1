"""Debunking outlets: an article the learned scorer rates as debunking against the leads of
the others on the same matter.

Small stories written for these tests (no dataset text): an outlet whose lead
calls a story a hoax and false, against one that tells it plainly, is a
conflict; two plain reports are none, nor is a debunk of another matter or one
deep in an article; idioms with a cue word ("made up his mind", "made up of",
"would not confirm or deny") and questions call nothing untrue; the packaged weights load,
and weights for other features are refused. A verdict on a claim ("the ferry bribery
hoax", "claims ... were false") is no answer to a lead that shares the story's names but
never tells the claim, nor to one telling it as unproven ("alleged, without evidence").
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import debunk, debunk_model
from storybrief.analyze.context import nlp
from storybrief.settings import DEFAULT

REPORT = (
    "Giant crab seen off the coast\n\n"
    "An aerial photograph shows a giant crab fifty feet wide lying off the coast of Saltmarsh "
    "Bay. The image was taken by a pilot flying over the bay last week. "
    "It has been shared thousands of times online."
)
DEBUNK = (
    "Crab photo is a hoax\n\n"
    "The photograph of a giant crab lying off the coast of Saltmarsh Bay is a hoax, "
    "according to reports. A marine biologist said claims of a fifty-foot crab were false "
    "and the picture was a fake made with editing software. "
    "Reports of the crab, she said, were reportedly spread by a prank website."
)
OTHER_REPORT = (
    "Pilot's photo of crab\n\n"
    "A pilot flying over Saltmarsh Bay last week took an aerial photograph of a giant crab "
    "lying off the coast. The crab appears to be fifty feet wide."
)


ELSEWHERE = (
    "Shark rumour in Riverton\n\n"
    "Rangers said rumours of a shark in the Riverton reservoir were a hoax. "
    "The reservoir reopened to swimmers on Sunday."
)
# One cue, last of ten sentences: rated below an article that debunks in its lead. (Above the
# threshold since the twelfth session's refit, 0.17 against 0.1125: a sentence calling a
# report untrue anywhere now counts, and it does call the picture a fake.)
DEEP = (
    "Crab photo spreads\n\n"
    "A photograph of a giant crab off the coast of Saltmarsh Bay spread online this week. "
    "Fishermen in the bay said they had never seen anything like it. "
    "The pilot who took it flew over the bay at dawn. "
    "He said the water was calm and the light was good. "
    "Local shops have started selling postcards of the crab. "
    "The harbour master said boats should keep their distance from the shore. "
    "A school in the town held a drawing contest about the crab. "
    "Tourists have come from nearby towns to look at the bay. "
    "The town council will discuss the visitors at its next meeting. "
    "Some readers later called the picture a fake."
)


def calls_untrue(text: str) -> bool:
    return debunk.calls_untrue(nlp()(text))


def test_idioms_and_questions_call_nothing_untrue() -> None:
    assert not calls_untrue("The president has made up his mind to leave the pact.")
    assert not calls_untrue("Officials would not confirm or deny the strike.")
    assert not calls_untrue("Is the crab photo a hoax?")
    assert not calls_untrue("The bank opened two million fake accounts.")
    assert calls_untrue("The story was made up, and officials denied it.")
    # "Made up of": what something consists of, not an invented story.
    assert not calls_untrue("The reports of the mission, made up of army experts, were read.")
    assert not calls_untrue("The claims panel is made up of five judges.")
    assert calls_untrue("The reports were made up out of whole cloth.")
    # A denial is the ``denial`` rules' business: they find the claim it denies.
    assert not calls_untrue("The airline denied claims that it would split passengers.")


def test_a_debunk_word_calls_untrue_only_what_it_is_said_of() -> None:
    assert calls_untrue("Officials said there was no evidence for the claim.")
    assert calls_untrue("The spokesman said the reports were false.")
    assert not calls_untrue("He posted tweets attacking the fake news media again.")
    assert not calls_untrue("The report said the bank had opened fake accounts.")


def test_a_negated_debunk_word_calls_nothing_untrue() -> None:
    assert calls_untrue("The crab photo is a hoax.")
    assert not calls_untrue("Scientists agree that the warming of the bay is not a hoax.")
    assert not calls_untrue("The moon landing was no hoax, the agency said.")
    assert not calls_untrue("The crab photo was never a hoax.")
    assert not calls_untrue("The spokesman said the reports were not false.")
    assert not calls_untrue("The claims about the pier have not been debunked.")
    # A negated truth is the debunk itself.
    assert calls_untrue("The spokesman said the reports were not true.")


def test_a_debunking_outlet_against_a_plain_report_is_one_conflict() -> None:
    ctx = StoryContext.from_texts(REPORT, DEBUNK)
    run(ctx, "conflicts")  # the analyses the detector reads (the story's names)
    found = debunk.detect(ctx)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert sides.keys() == {"t0", "t1"}
    assert "crab" in sides["t0"] and "hoax" not in sides["t0"]
    assert any(cue in sides["t1"] for cue in ("hoax", "false", "fake"))


def test_a_debunk_the_rules_match_is_not_told_again() -> None:
    conflicts = run(StoryContext.from_texts(REPORT, DEBUNK), "conflicts")
    assert [c.kind for c in conflicts] == ["denial"]


def test_two_plain_reports_are_no_conflict() -> None:
    ctx = StoryContext.from_texts(REPORT, OTHER_REPORT)
    run(ctx, "conflicts")
    assert debunk.detect(ctx) == []


def test_the_same_story_in_any_order_gives_the_same_sides() -> None:
    sides = []
    for texts in ((REPORT, DEBUNK), (DEBUNK, REPORT)):
        ctx = StoryContext.from_texts(*texts)
        run(ctx, "conflicts")
        sides.append({c.text for conflict in debunk.detect(ctx) for c in conflict.claims})
    assert sides[0] == sides[1] and sides[0]


def test_a_debunk_of_another_matter_is_no_conflict() -> None:
    ctx = StoryContext.from_texts(REPORT, ELSEWHERE)
    run(ctx, "conflicts")
    assert debunk.detect(ctx) == []


def test_a_debunker_answers_only_the_reports_of_its_matter() -> None:
    # What ``bench/train_debunk.py`` simulates a debunker against: the articles the detector
    # would set its debunk sentence against were they rated as reporting.
    ctx = StoryContext.from_texts(REPORT, DEBUNK, ELSEWHERE)
    run(ctx, "conflicts")
    article = {a.id: a for a in ctx.articles}
    assert debunk.answered(ctx, article["t1"]) == {"t0"}
    # A plain report has no debunk sentence: it answers nothing.
    assert debunk.answered(ctx, article["t0"]) == set()


def test_a_debunk_deep_in_an_article_is_rated_below_one_in_its_lead() -> None:
    deep = debunk.probabilities(StoryContext.from_texts(REPORT, DEEP))["t1"]
    lead = debunk.probabilities(StoryContext.from_texts(REPORT, DEBUNK))["t1"]
    assert deep < lead


def test_the_packaged_weights_load_and_read_the_features_in_order() -> None:
    model = debunk_model.load()
    assert list(model.names) == list(debunk_model.FEATURES)
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(model.names)


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    data = json.loads(debunk_model.WEIGHTS.read_text(encoding="utf-8"))
    data["features"] = list(reversed(data["features"]))
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        debunk_model.load(str(path))


def test_a_debunking_outlet_is_rated_above_the_threshold_and_a_report_below() -> None:
    ctx = StoryContext.from_texts(REPORT, DEBUNK)
    rated = debunk.probabilities(ctx)
    threshold = ctx.settings.conflicts.debunk_probability
    assert rated["t1"] >= threshold > rated["t0"], rated


def test_the_threshold_is_read_from_the_settings() -> None:
    strict = dataclasses.replace(DEFAULT.conflicts, debunk_probability=1.0)
    ctx = StoryContext.from_texts(
        REPORT, DEBUNK, settings=dataclasses.replace(DEFAULT, conflicts=strict)
    )
    run(ctx, "conflicts")
    assert debunk.detect(ctx) == []


def test_not_confirming_or_denying_is_no_cue() -> None:
    assert not debunk_model.has_cue("The ministry would neither confirm nor deny the report.")
    assert not debunk_model.has_cue("Officials did not confirm or deny the strike.")
    assert debunk_model.has_cue("The ministry denied the report.")
    assert debunk_model.has_cue("Experts say the photo is a hoax.")


def test_one_article_is_no_conflict() -> None:
    ctx = StoryContext.from_texts(DEBUNK)
    run(ctx, "conflicts")
    assert debunk.detect(ctx) == []


DENYING = (
    "Airline answers crab report\n\n"
    "Saltmarsh Air has denied that its pilot photographed a giant crab off the coast. "
    "The airline said no pilot flew over the bay that week. "
    "A spokesman said it would review its social media policy."
)
ASKING = (
    "Crab photo questions\n\n"
    "Did Saltmarsh Air deny that its pilot photographed a giant crab off the coast? "
    "The airline has not commented on the photograph. "
    "Fishermen in the bay said they had seen nothing."
)


def test_a_debunk_sentence_calls_a_report_untrue_before_any_denial() -> None:
    ctx = StoryContext.from_texts(REPORT, DEBUNK)
    side = debunk.debunk_sentence(ctx, ctx.article["t1"])
    assert side is not None and side.index == 0


def test_an_opening_denial_is_the_side_when_nothing_is_called_untrue() -> None:
    ctx = StoryContext.from_texts(REPORT, DENYING, ASKING, DEEP)
    side = debunk.debunk_sentence(ctx, ctx.article["t1"])
    assert side is not None and "denied" in side.text
    # A question asks whether a denial was made, and a plain report denies nothing.
    assert debunk.debunk_sentence(ctx, ctx.article["t2"]) is None
    assert debunk.debunk_sentence(ctx, ctx.article["t0"]) is None


HARBOUR = (
    "Harbour car park to close\n\n"
    "Saltmarsh Bay council voted on Monday to close the harbour car park for repairs. "
    "The work will take six weeks."
)


def debunk_conflicts(report: str, debunking: str) -> int:
    """The debunk conflicts of a two-article story, its threshold set between the two
    articles' probabilities (so that the second debunks whatever the packaged weights)."""
    rated = debunk.probabilities(StoryContext.from_texts(report, debunking))
    assert rated["t1"] > rated["t0"], rated
    between = dataclasses.replace(
        DEFAULT.conflicts, debunk_probability=(rated["t0"] + rated["t1"]) / 2
    )
    settings = dataclasses.replace(DEFAULT, conflicts=between)
    ctx = StoryContext.from_texts(report, debunking, settings=settings)
    run(ctx, "conflicts")
    return len(debunk.detect(ctx))


def test_an_opening_denial_is_set_only_against_a_report_of_what_it_denies() -> None:
    # The harbour report shares the bay's name but tells nothing the denial denies.
    assert [debunk_conflicts(other, DENYING) for other in (REPORT, HARBOUR)] == [1, 0]


def what_is_called_untrue(text: str) -> str:
    return debunk.called_untrue(nlp()(text))


def test_what_a_debunk_calls_untrue_is_what_its_reports_govern() -> None:
    assert "massacre" in what_is_called_untrue("He said the claims of a massacre were not true.")
    # A judging adjective tells nothing; the claimant does.
    egan = what_is_called_untrue("The lawyer said Egan's spurious claims were false.")
    assert "Egan" in egan and "spurious" not in egan and "claims" not in egan
    # "The claims are false" names nothing: any report of the story may be its answer.
    assert what_is_called_untrue("The claims are false.").strip().lower() in {"", "the"}


FLOOD = (
    "Flood in Saltmarsh Bay\n\n"
    "A flood swept through the fishing village of Saltmarsh Bay on Monday, residents said. "
    "Water reached the windows of houses near the quay."
)
NO_FLOOD = (
    "Saltmarsh Bay council answers residents\n\n"
    "Saltmarsh Bay council met residents on Tuesday. "
    "A spokesman said the claims of a flood were not true. "
    "Council workers found the village dry."
)


def test_a_debunk_that_names_what_it_calls_untrue_needs_a_report_telling_it() -> None:
    # Both leads name Saltmarsh Bay, but only the first report tells of a flood.
    assert [debunk_conflicts(other, NO_FLOOD) for other in (FLOOD, HARBOUR)] == [1, 0]


BRIBE_DENIAL = (
    "Mayor answers bribery claims\n\n"
    "The mayor of Eastport, host of the 2010 Harbour Festival, denied allegations that city "
    "officials bribed members of the Coastal Games Committee to win the games. "
    "He said the city had followed every rule."
)
OTHER_BID = (
    "Games committee questions Westfield\n\n"
    "Members of the Coastal Games Committee questioned Westfield city officials about bribes "
    "paid to win the games, weeks after the Harbour Festival. "
    "The inquiry will report in March."
)
EASTPORT_BID = (
    "Games committee questions Eastport\n\n"
    "Members of the Coastal Games Committee questioned Eastport city officials about bribes "
    "paid to win the games. "
    "The inquiry will report in March."
)


def test_an_opening_denial_needs_a_report_naming_its_denier() -> None:
    # Both reports share the committee's name and the denial's words; only the second names
    # the denier's city, and the aside naming the festival names no denier.
    assert [debunk_conflicts(other, BRIBE_DENIAL) for other in (OTHER_BID, EASTPORT_BID)] == [
        0,
        1,
    ]


# A debunk that names what it calls untrue is set only against a report asserting it.


def test_a_verdict_names_what_it_judges() -> None:
    assert "tunnel" in what_is_called_untrue("The harbour tunnel hoax spread on Monday.")
    falsely = what_is_called_untrue("The mayor falsely asserted ferry fraud, and claimed a win.")
    assert "fraud" in falsely and "win" not in falsely
    debunked = what_is_called_untrue("Officials said debunked claims about ferry fraud hurt us.")
    assert "fraud" in debunked and "debunked" not in debunked
    assert "bribes" in what_is_called_untrue(
        "Officials said there was no evidence for the claim that the mayor took bribes."
    )
    # A relative clause tells who believes it, not what it claims; a "that" clause tells it.
    believed = what_is_called_untrue("A surgeon said this is a hoax that everyone falls for.")
    assert "everyone" not in believed
    theory = what_is_called_untrue("He repeated a debunked theory that the ferry was sunk.")
    assert "ferry" in theory and "sunk" in theory


HEARING = (
    "Senator Grey to question Jones\n\n"
    "Senator Grey wants to question former adviser Ann Jones about her work at the harbour "
    "office. The hearing is set for Monday."
)
ASIDE = (
    "Jones criticises Grey\n\n"
    "Ann Jones, who led the harbour office during the ferry bribery hoax, "
    "criticised Senator Grey on Wednesday. She spoke for three hours."
)
BRIBERY = (
    "Ferry officials took bribes\n\n"
    "Ferry officials at the harbour office took bribes from a builder, papers show, in a "
    "bribery scheme Ann Jones ran. Senator Grey will hold a hearing on Monday."
)


FERRY_TIMES = (
    "Ferry timetable changes\n\n"
    "The harbour office changed the ferry timetable on Monday, Ann Jones told Senator Grey. "
    "Boats will leave every hour."
)


def test_a_verdict_is_no_answer_to_a_report_that_never_tells_the_claim() -> None:
    # All leads name Jones, Grey and the harbour office; the timetable tells one word of the
    # "ferry bribery" called a hoax, not the claim; only the last tells of bribery.
    stories = (HEARING, FERRY_TIMES, BRIBERY)
    assert [debunk_conflicts(other, ASIDE) for other in stories] == [0, 0, 1]


FALSE_CLAIMS = (
    "Council answers Grey\n\n"
    "The council said claims that ferry officials took bribes from a builder were false. "
    "Its auditors found no payment."
)
UNPROVEN = (
    "Grey alleges ferry bribes\n\n"
    "Senator Grey alleged, without evidence, that ferry officials took bribes from a builder. "
    "He spoke at the harbour office on Monday."
)


def test_a_report_telling_the_claim_as_unproven_is_no_side() -> None:
    assert [debunk_conflicts(other, FALSE_CLAIMS) for other in (UNPROVEN, BRIBERY)] == [0, 1]


def test_made_up_of_is_no_cue_and_made_up_is_one() -> None:
    # Composition ("a team made up of experts") counts in no cue feature; invention does.
    assert not debunk_model.has_cue("A team made up of experts visited the site.")
    assert debunk_model.has_cue("The whole story was made up.")


FERRY_RUMOURS = (
    "Ferry rumours\n\n"
    "Many rumours about the Harbour Queen ferry have proved untrue, including a false report "
    "that a diver was found wearing a life jacket, which would have meant the crew survived. "
    "Families wait at the quay."
)
HULL_FOUND = (
    "Ferry hull found\n\n"
    "Searchers looking for the Harbour Queen ferry have found its hull on the sea bed, and "
    "officials said none of the crew survived. The search goes on."
)
DIVER_FOUND = (
    "Diver found alive\n\n"
    "A diver from the Harbour Queen ferry was found wearing a life jacket on Monday. "
    "The search goes on."
)


def test_a_report_must_tell_the_head_of_what_is_called_untrue() -> None:
    # The hull report shares "found" and the clause's "crew survived": two words, but not
    # the report's claim (a diver found wearing a life jacket); the second tells it.
    stories = (HULL_FOUND, DIVER_FOUND)
    assert [debunk_conflicts(other, FERRY_RUMOURS) for other in stories] == [0, 1]


def test_a_cue_verb_without_an_object_judges_its_subject() -> None:
    # A joke picture, not a report: what is called doctored is the faces, which no lead on
    # the story's news tells; before, it named nothing and so answered any lead.
    said = what_is_called_untrue(
        "With the faces of the couple photoshopped onto a wedding cake, she posted on Friday."
    )
    assert "faces" in said and "cake" not in said
    assert "claims" not in what_is_called_untrue("Experts debunked the claims about the ferry.")
