"""Conflicts: the seed story's three (gold.json) and small hand-written stories.

The hand-written stories check each signal on text the code was not tuned
on: figures that cannot both be true and a denial of them, a thing said not
to exist against a suggestion that it does, a headline its body only
reports as a condition, one statement with a different place, a person
still held against released, and stories with none of these. Then the
detectors as parts: each registered one runs, inside its own error boundary,
and one added to ``DETECTORS`` shows in the output.
"""

from __future__ import annotations

from typing import Any

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze import conflicts as registry
from storybrief.analyze.conflicts import DETECTORS, disputed_sentences, existence
from storybrief.analyze.conflicts.headline import TOPIC as HEADLINE_TOPIC
from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures
from storybrief.analyze.speakers import attribution
from storybrief.models import Attribution, Brief, Claim, Conflict, ConflictKind


def short(article_id: str) -> str:
    return article_id[:3]


def conflicts_of(*texts: str) -> list[Conflict]:
    """The conflicts of a story told by ``texts`` (title, blank line, body)."""
    return run(StoryContext.from_texts(*texts), "conflicts")


# --- the seed story -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def forces(example_brief: Brief) -> Conflict:
    found = [c for c in example_brief.conflicts if any(claim.value == 130 for claim in c.claims)]
    assert len(found) == 1, [c.topic for c in example_brief.conflicts]
    return found[0]


def test_forces_conflict_has_both_figures_attributed(forces: Conflict) -> None:
    figures = {(short(c.source), c.value, c.attributed_to) for c in forces.claims if c.value}
    assert ("000", 2000, "a senior Iraqi official (via the Guardian)") in figures
    assert ("004", 130, "an Iraqi source (via the BBC)") in figures
    assert any(s == "003" and v == 2000 and "(via the Guardian)" in a for s, v, a in figures)


def test_forces_topic_names_owner_and_place(forces: Conflict) -> None:
    # The owner as its adjective ("Iranian"), the place the denials send them to.
    assert forces.topic == "Iranian troops in Iraq"
    assert forces.kind == "figures"


def test_seed_conflicts_are_of_three_kinds(example_brief: Brief) -> None:
    kinds = {c.topic: c.kind for c in example_brief.conflicts}
    assert kinds == {
        "Iranian troops in Iraq": "figures",
        "contacts between Iran and United States": "existence",
        HEADLINE_TOPIC: "headline",
    }


def test_forces_conflict_has_the_quoted_denial_and_the_unnamed_sources(forces: Conflict) -> None:
    quoted = [c for c in forces.claims if "never dispatched any forces" in c.text]
    assert [(short(c.source), c.attributed_to) for c in quoted] == [("000", "Hassan Rouhani")]
    unnamed = [c for c in forces.claims if "several elite units" in c.text]
    assert [c.attributed_to for c in unnamed] == [
        "unnamed sources (via the Wall Street Journal and CNN)"
    ]


def test_forces_conflict_leaves_out_other_subjects(forces: Conflict) -> None:
    # A request for help is not forces sent; the Guards "did not plan" to fight
    # is not a denial that they are there; US troops are not Iran's.
    for claim in forces.claims:
        assert "requested help" not in claim.text
        assert "did not plan" not in claim.text
        assert "US troops" not in claim.text


def test_contacts_conflict(example_brief: Brief, gold: dict[str, Any]) -> None:
    assert any(g["topic"] == "contacts between Iran and the US" for g in gold["conflicts"])
    found = [c for c in example_brief.conflicts if c.topic.startswith("contacts")]
    assert len(found) == 1, [c.topic for c in example_brief.conflicts]
    assert found[0].kind == "existence"
    claims = {short(c.source): c for c in found[0].claims}
    assert set(claims) == {"000", "004"}
    assert "no contacts" in claims["000"].text and claims["000"].attributed_to == "U.S. officials"
    assert "contacts between the two sides" in claims["004"].text
    assert "Iran" in found[0].topic and "United States" in found[0].topic


def test_headline_versus_body(example_brief: Brief) -> None:
    found = [c for c in example_brief.conflicts if c.kind == "headline"]
    # Only 003's: 000 "denies ... but mulls", 002 "could join", 004 a quote.
    assert len(found) == 1, [c.claims[0].text for c in found]
    title, body = found[0].claims
    assert short(title.source) == short(body.source) == "003"
    assert title.attributed_to == "headline" and "join fight" in title.text
    assert "think about it" in body.text and body.attributed_to == "Hassan Rouhani"


def test_summary_sentences_taking_a_side_are_marked_disputed(
    example_brief: Brief, forces: Conflict
) -> None:
    claimed = {c.sentence_id for c in forces.claims}
    marked = [s for s in example_brief.summary if s.disputed]
    assert marked, [s.text for s in example_brief.summary]
    for sentence in example_brief.summary:
        sides_taken = forces.topic in sentence.disputed
        # A sentence that is a claim is marked; one marked cites a claim of its fact.
        assert sides_taken >= (sentence.sentence_ids[0] in claimed), sentence
        assert sides_taken <= bool(claimed & set(sentence.sentence_ids)), sentence
        assert HEADLINE_TOPIC not in sentence.disputed


def test_a_sentence_citing_a_claim_of_another_fact_is_not_marked(
    example_brief: Brief, forces: Conflict
) -> None:
    # Iran's readiness to help is not what the sources dispute, though an article
    # telling it also tells the denial the dispute is about.
    claimed = {c.sentence_id for c in forces.claims}
    (ready,) = [s for s in example_brief.summary if "ready to assist" in s.text]
    assert claimed & set(ready.sentence_ids) and not ready.disputed


def test_a_claim_is_disputed_and_a_headline_body_marks_nothing() -> None:
    headline = Attribution("headline")
    conflicts = [
        Conflict(
            HEADLINE_TOPIC,
            [Claim("Iran joins", "a", headline), Claim("If", "a", None, None, "a:3")],
            "headline",
        ),
        Conflict(
            "troops",
            [Claim("2,000 sent", "b", Attribution("an official"), 2000.0, "b:1")],
            "figures",
        ),
        Conflict("contacts", [Claim("no contacts", "b", None, None, "b:1")], "existence"),
    ]
    assert disputed_sentences(conflicts) == {"b:1": ["troops", "contacts"]}


def test_consistent_figures_are_not_conflicts(example_brief: Brief, gold: dict[str, Any]) -> None:
    assert {g["topic"] for g in gold["not_conflicts"]} == {"people who fled", "people killed"}
    for conflict in example_brief.conflicts:
        for claim in conflict.claims:
            assert "fled" not in claim.text and "hundreds" not in claim.text, claim.text


# --- hand-written stories -------------------------------------------------------------------

REPORT = """Kenya sends troops to Somalia

A senior Somali official told the Daily Nation that Kenya had sent 3,000 troops into the \
country last week.

The troops crossed the border near Dhobley, the official said.
"""
DENIAL = """Kenya denies sending troops into Somalia

President Uhuru Kenyatta denied that Kenya had sent troops to Somalia.

However, a Somali army source told the BBC that 200 Kenyan soldiers had entered the country \
to train local militias. Somali officials said there were no talks between Kenya and Somalia \
over the border.
"""
CONDITIONAL = """Kenya, Somalia sign border deal

Somali officials said the two governments could sign a border deal next month if Kenya \
withdraws its soldiers.

"If Kenya takes its soldiers home, then Somalia can think about a deal," the foreign minister \
said. Analysts said it would not be surprising if there are talks between the two sides \
already.
"""
PLAIN = """Ethiopia opens new railway to Djibouti

Ethiopia opened a new electric railway line to Djibouti on Wednesday, officials said.

The line cuts the journey from Addis Ababa to the coast from three days to twelve hours.
"""
AGREEING = """Ethiopian railway carries first passengers

About 300 passengers rode the first train from Addis Ababa to Djibouti, officials said on \
Wednesday.

The railway cost hundreds of millions of dollars, the government said.
"""


@pytest.fixture(scope="module")
def handwritten() -> list[Conflict]:
    return conflicts_of(REPORT, DENIAL, CONDITIONAL)


def test_figures_and_a_denial(handwritten: list[Conflict]) -> None:
    found = [c for c in handwritten if any(claim.value == 3000 for claim in c.claims)]
    assert len(found) == 1
    claims = {(c.value, c.attributed_to) for c in found[0].claims}
    assert (3000, "A senior Somali official (via the Daily Nation)") in claims
    assert (200, "a Somali army source (via the BBC)") in claims
    assert (None, "Uhuru Kenyatta") in claims
    assert found[0].topic == "Kenyan troops in Somalia"
    # "could sign a border deal" states no figure of the dispute.
    assert all("border deal" not in c.text for c in found[0].claims)


def test_denial_of_a_thing_against_a_suggestion(handwritten: list[Conflict]) -> None:
    found = [c for c in handwritten if c.topic.startswith("talks")]
    assert len(found) == 1
    assert [c.source for c in found[0].claims] == ["t1", "t2"]
    assert "no talks" in found[0].claims[0].text


def test_headline_stated_as_fact_but_conditional_in_body(handwritten: list[Conflict]) -> None:
    found = [c for c in handwritten if c.kind == "headline"]
    assert len(found) == 1
    title, body = found[0].claims
    assert (title.source, title.attributed_to) == ("t2", "headline")
    assert body.source == "t2" and " if Kenya " in body.text


def test_supported_headlines_and_agreeing_figures_are_not_conflicts() -> None:
    assert conflicts_of(PLAIN, AGREEING) == []


def test_a_headline_the_body_states_in_the_future_is_supported() -> None:
    # "will shut" schedules a fact, it does not hedge it ("could shut" would).
    scheduled = """Commuters face weeks of delays as Harbour Bridge shuts for repairs

Lakeside's Harbour Bridge will shut on Monday for six weeks of emergency repairs, the council \
announced, after inspectors discovered corroded suspension cables.

About 40,000 commuters cross the bridge every day, and the ferry will run every ten minutes.
"""
    assert conflicts_of(scheduled) == []
    hedged = scheduled.replace("will shut", "could shut")
    assert [c.topic for c in conflicts_of(hedged)] == [HEADLINE_TOPIC]


# One fire told three ways: the same sentence with another district; names that may
# all hold (a list, different speakers, one country spelled two ways); a suspect at
# large and arrested; a landlord held and released, and arrested then released (a
# sequence, no conflict).
FIRE = """Fire kills nine at warehouse party

Nine people were killed when a fire broke out during a party at the Ghost Ship warehouse in \
the Fruitvale district on Friday night, fire officials said.

The suspect, John Harris, remains at large, police said. Protests were held in Oakland and \
Berkeley on Saturday night. The warehouse had no permits, Mayor Libby Schaaf said. The landlord, \
Derick Almena, has been held in custody since Saturday. The building's owner flew in from \
Kazakhstan on Saturday night.
"""
FIRE_ELSEWHERE = """Oakland warehouse fire: nine dead

Nine people were killed when a fire broke out during a party at the Ghost Ship warehouse in \
the Temescal district on Friday night, fire officials said.

John Harris was arrested on Sunday in Sacramento. Protests were held in Oakland and Richmond \
on Saturday night. The warehouse had no permits, fire chief Teresa Deloach Reed said. Derick \
Almena was arrested on Saturday. The building's owner flew in from Kazakstan on Saturday night.
"""
LANDLORD_FREED = """Landlord freed

The owner of the building, Derick Almena, was released on Monday, her lawyer said.

The Fruitvale district is a neighbourhood of Oakland.
"""


@pytest.fixture(scope="module")
def fire() -> dict[str, Conflict]:
    return {c.topic: c for c in conflicts_of(FIRE, FIRE_ELSEWHERE, LANDLORD_FREED)}


def test_same_statement_with_a_different_place(fire: dict[str, Conflict]) -> None:
    assert fire["place of the district"].kind == "detail"
    claims = fire["place of the district"].claims
    assert [(c.source, c.attributed_to) for c in claims] == [
        ("t0", "fire officials"),
        ("t1", "fire officials"),
    ]
    assert "Fruitvale" in claims[0].text and "Temescal" in claims[1].text


def test_still_held_against_released_and_at_large_against_arrested(
    fire: dict[str, Conflict],
) -> None:
    assert {fire[t].kind for t in fire if t.startswith("whether")} == {"state"}
    held = fire["whether Derick Almena is still held"].claims
    assert [(c.source, c.attributed_to) for c in held] == [("t0", None), ("t2", "her lawyer")]
    at_large = fire["whether John Harris is still at large"].claims
    assert [(c.source, c.attributed_to) for c in at_large] == [("t0", "police"), ("t1", None)]


def test_names_that_may_all_hold_are_not_conflicts(fire: dict[str, Conflict]) -> None:
    # Lists ("Oakland and Berkeley"), different speakers, Kazakhstan/Kazakstan,
    # arrested-then-released.
    assert set(fire) == {
        "place of the district",
        "whether Derick Almena is still held",
        "whether John Harris is still at large",
    }


REPORTED = """Landlord held

The landlord, Derick Almena, was taken into custody on Saturday, Sheriff Ann Hall said. She has \
been held in custody since then.
"""


def test_a_pronoun_after_a_report_is_who_it_reports_on_not_the_speaker() -> None:
    # "She" continues the sentence before's subject, Almena, not the sheriff who spoke.
    found = {c.topic: c for c in conflicts_of(REPORTED, LANDLORD_FREED)}
    assert set(found) == {"whether Derick Almena is still held"}
    texts = [c.text for c in found["whether Derick Almena is still held"].claims]
    assert texts[0] == "She has been held in custody since then."


# Topics a reader can read: an owner with no adjective in the text, a measure of a thing,
# a distance to a place.
FIGHTERS = """Hezbollah sends fighters

A Syrian official told Reuters that Hezbollah had sent 500 fighters to Syria last month.
"""
MORE_FIGHTERS = """Hezbollah in Syria

A Lebanese source told the BBC that Hezbollah had sent 5,000 fighters into Syria to help the army.
"""
NEAR = """Rebels near capital

Rebels are now 80 kilometers from Kinshasa, a rebel spokesman told Reuters.
"""
FAR = """Rebels advance

Rebels are 300 kilometers from Kinshasa, a government official told the BBC.
"""
YACHT = """Yacht lost in storm

The 13-meter yacht Sea Breeze had been rolled in heavy seas, a coast guard spokesman said.
"""
SMALLER_YACHT = """Storm hits race

A coast guard spokesman said the 30-foot yacht Sea Breeze had rolled in heavy seas.
"""


@pytest.mark.parametrize(
    ("texts", "topic"),
    [
        ((FIGHTERS, MORE_FIGHTERS), "fighters of Hezbollah in Syria"),
        ((YACHT, SMALLER_YACHT), "length of the yacht Sea Breeze"),
        ((NEAR, FAR), "distance from Kinshasa"),
    ],
)
def test_topic_names_what_is_disputed(texts: tuple[str, str], topic: str) -> None:
    assert [c.topic for c in conflicts_of(*texts)] == [topic]


# One thing found in two places; a story that puts things in both places takes no side.
FOUND_BELOW = """Deputies shoot suspect

Investigators later found a dark metal object with blood on it below the desk of the home, \
the sheriff said.
"""
FOUND_NEAR = """Suspect killed by deputies

A dark metal pipe with blood on it was found near her body, the sheriff said.
"""
FOUND_BOTH = """Suspect shot

A dark metal pipe with blood on it was found near her body, the sheriff said. A phone lay \
below the desk.
"""
FOUND_ELSE = """Deputies search home

A knife was found near her body, the sheriff said.
"""


def test_one_thing_found_in_two_places() -> None:
    found = conflicts_of(FOUND_BELOW, FOUND_NEAR)
    assert [(c.topic, c.kind) for c in found] == [("where the object was found", "place")]
    claims = found[0].claims
    assert [(c.source, c.attributed_to) for c in claims] == [
        ("t0", "the sheriff"),
        ("t1", "the sheriff"),
    ]
    assert "below the desk" in claims[0].text and "near her body" in claims[1].text


@pytest.mark.parametrize("other", [FOUND_BOTH, FOUND_ELSE])
def test_places_that_may_both_hold_are_not_conflicts(other: str) -> None:
    # FOUND_BOTH puts something below the desk too; FOUND_ELSE finds another thing.
    assert conflicts_of(FOUND_BELOW, other) == []


# --- false-conflict patterns seen on unseen news (DUC 2004, Multi-News) ----------------------

# Distances to different places; one length in feet and in metres; an outlet counting
# several crowds; evidence of one thing against no evidence of another; beliefs, not claims.
RESCUE = """Rebels advance as rescuers find bodies

Rebels took Buta, 120 kilometers (75 miles) north of Kisangani, rebel leader Jean Mbala said. \
The two dead were found on the 40-foot vessel Naiad off Merimbula, according to the rescue \
centre in Canberra. About 1,500 Kurds who spent the night outside a military hospital where \
Kurdish rebel leader Abdullah Ocalan is believed held continued their hunger strike Monday.

North Korea held talks with the United States on Thursday. Envoy Charles Kartman said after the \
talks that there was compelling evidence of an underground nuclear facility.
U.S. officials said North Korea was believed to have made enough plutonium for two atomic bombs \
before the accords.
"""
RESCUE_ELSEWHERE = """Rescuers find two dead

Rebels took Kindu, 1,000 kilometers (620 miles) east of Kinshasa, rebel leader Jean Mbala said. \
The two dead were found on the 40-foot (12-meter) vessel Naiad off Merimbula, according to the \
rescue centre in Canberra. Some 41 Kurds declared a hunger strike Monday to protest Ocalan's \
detention. Thousands of Kurds living in Romania closed down shops to protest the arrest of \
Ocalan, a newspaper reported Tuesday.

North Korea held talks with the United States. U.S. officials said there was no evidence that \
North Korea had begun pouring cement for a new reactor.
American officials said North Korea was believed to have stockpiled enough plutonium before the \
accords to build six atomic bombs.
"""


def test_figures_of_different_places_and_groups_are_not_conflicts() -> None:
    assert conflicts_of(RESCUE, RESCUE_ELSEWHERE) == []


def test_singular_measures_are_measures() -> None:
    # "a 40-foot (12-meter) vessel" is one length, not 40 of something against 12.
    found = figures(nlp()("The two dead were found on the 40-foot (12-meter) vessel Naiad."))
    assert {(f.unit, round(f.low)) for f in found if f.measured} == {("m", 12)}


TALKS = """Kenya and Somalia talk

Diplomats said there were talks between Kenya and Somalia in Nairobi last week.
"""


def test_one_conflict_per_thing_and_parties() -> None:
    # Two outlets suggesting talks against one denying them: one dispute, not two.
    found = [c for c in conflicts_of(DENIAL, CONDITIONAL, TALKS) if c.topic.startswith("talks")]
    assert len(found) == 1
    assert [c.source for c in found[0].claims] == ["t0", "t1", "t2"]


# --- the detectors as parts: a registry, one error boundary each, claims' attribution ------

STORY = (REPORT, DENIAL, CONDITIONAL)


def test_the_registry_holds_every_kind_once_in_report_order() -> None:
    kinds = [d.kind for d in DETECTORS]
    assert kinds == [
        "figures", "existence", "detail", "state", "place", "denial", "blame", "rebuttal",
        "debunk", "headline",
    ]  # fmt: skip
    assert [d.kind for d in DETECTORS if not d.takes_side] == ["headline"]


def test_every_registered_detector_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    for detector in DETECTORS:

        def detect(ctx: StoryContext, original=detector.detect, kind=detector.kind) -> list:
            ran.append(kind)
            return original(ctx)

        monkeypatch.setattr(detector, "detect", detect)
    found = run(StoryContext.from_texts(*STORY), "conflicts")
    assert ran == [d.kind for d in DETECTORS]
    # Kenyatta's denial is also a denial conflict with the report it denies.
    assert [c.kind for c in found] == ["figures", "existence", "denial", "headline"]


def test_a_failing_detector_costs_only_its_own_conflicts(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: StoryContext) -> list[Conflict]:
        raise IndexError("list index out of range")

    monkeypatch.setattr(existence, "detect", broken)
    ctx = StoryContext.from_texts(*STORY)
    found = run(ctx, "conflicts")
    assert [c.kind for c in found] == ["figures", "denial", "headline"]
    assert [w.stage for w in ctx.warnings] == ["conflicts.existence"]
    assert "list index out of range" in ctx.warnings[0].message


class _Echo:
    """A detector made up for the test: every sentence saying "allegedly" is a side."""

    kind: ConflictKind = "echo"
    takes_side = False

    def detect(self, ctx: StoryContext) -> list[Conflict]:
        claims = [
            Claim(s.text, s.article, None, None, s.id)
            for s in ctx.sentences
            if "allegedly" in s.text
        ]
        return [Conflict("what is alleged", claims, self.kind)] if claims else []


def test_a_detector_added_to_the_registry_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "DETECTORS", (*DETECTORS, _Echo()))
    raid = "Kenyan raid\n\nKenyan soldiers allegedly raided a militia camp, residents said."
    found = run(StoryContext.from_texts(*STORY, raid), "conflicts")
    assert [c.kind for c in found] == ["figures", "existence", "denial", "headline", "echo"]
    assert [c.source for c in found[-1].claims] == ["t3"]
    # Its claims take no side, as it says: no sentence of it is marked disputed.
    assert found[-1].claims[0].sentence_id not in disputed_sentences(found)


def test_sides_are_told_by_the_detector_not_by_the_topic() -> None:
    claims = [Claim("Iran joins", "a", None, None, "a:0"), Claim("If", "a", None, None, "a:3")]
    taken = [Conflict("Iran joins", claims, "figures")]
    not_taken = [Conflict("headline versus body", claims, "headline")]
    assert disputed_sentences(taken) == {"a:0": ["Iran joins"], "a:3": ["Iran joins"]}
    assert disputed_sentences(not_taken) == {}


@pytest.mark.parametrize(
    ("sentence", "who", "via"),
    [
        (
            "Kenya had sent 3,000 troops, a senior official told the Guardian.",
            "a senior official",
            "the Guardian",
        ),
        (
            "The Guardian cited a senior official who said Kenya had sent troops.",
            "a senior official",
            "the Guardian",
        ),
        ("Police said the suspect had fled the city.", "Police", None),
        # The brief names the source in its own words: an article's "a" before a
        # vowel sound is written "an"; "a" stays before a vowel letter read "you".
        (
            "Kenya had sent 3,000 troops, a unnamed senior Chilean official told the Guardian.",
            "an unnamed senior Chilean official",
            "the Guardian",
        ),
        (
            "A Ethiopian diplomat said Kenya had sent 3,000 troops.",
            "An Ethiopian diplomat",
            None,
        ),
        ("A union official said the port had closed.", "A union official", None),
        ("A UN envoy said the port had closed.", "A UN envoy", None),
    ],
)
def test_an_attribution_splits_who_and_via(sentence: str, who: str, via: str | None) -> None:
    ctx = StoryContext.from_texts(f"Troops\n\n{sentence}")
    run(ctx, "entities")
    assert attribution(ctx, ctx.sentences[0], ctx.names) == Attribution(who, via)


def _claim(source: str, sentence: str) -> Claim:
    return Claim(
        text=sentence, source=source, attribution=Attribution(source), sentence_id=sentence
    )


def test_a_fallback_conflict_drops_only_the_outlets_already_set_against_its_anchor() -> None:
    # An earlier conflict sets a and b against each other (a denial between two reports).
    earlier = [Conflict("t", [_claim("a", "a:1"), _claim("b", "b:1")], "denial")]
    debunk = Conflict("d", [_claim("d", "d:0"), _claim("a", "a:0"), _claim("b", "b:0")], "debunk")
    kept = registry._new_part(debunk, earlier)
    assert kept is not None and [c.source for c in kept.claims] == ["d", "a", "b"]
    # Anchored on a, its side against b is told already; against c it is new.
    other = Conflict("d", [_claim("a", "a:2"), _claim("b", "b:2"), _claim("c", "c:0")], "debunk")
    kept = registry._new_part(other, earlier)
    assert kept is not None and [c.source for c in kept.claims] == ["a", "c"]
    # Every side already held by an earlier conflict: nothing new.
    told = Conflict("d", [_claim("a", "a:1"), _claim("c", "b:1")], "debunk")
    assert registry._new_part(told, earlier) is None
