"""Articles in another language than English are skipped with their reason; English ones stay."""

from __future__ import annotations

from storybrief.clean import clean
from storybrief.models import Article, Text
from storybrief.pipeline import read
from storybrief.segment.language import MIN_SHARE, english_share, not_english_reason

FRENCH = (
    "Le pont du port a rouvert mardi matin après trois semaines de travaux sur les câbles, "
    "a annoncé la mairie dans un communiqué.\n\n"
    "Les automobilistes devront toutefois réduire leur vitesse jusqu'à la fin du mois, "
    "le temps que les ingénieurs vérifient la tenue des nouvelles fixations. Le maire a "
    "remercié les riverains pour leur patience pendant cette longue fermeture."
)
SPANISH = (
    "El puente del puerto volvió a abrir el martes por la mañana tras tres semanas de obras "
    "en los cables, anunció el ayuntamiento en un comunicado. Los conductores deberán "
    "reducir la velocidad hasta final de mes mientras los ingenieros revisan las nuevas "
    "fijaciones, y el alcalde agradeció a los vecinos su paciencia durante el cierre."
)
ENGLISH = (
    "The harbour bridge reopened on Tuesday morning after three weeks of repairs to its "
    "cables, the city council said in a statement.\n\n"
    "Drivers will have to keep their speed down until the end of the month while engineers "
    "check the new fittings. The mayor thanked residents for their patience during the "
    "long closure."
)


def test_english_prose_is_well_above_the_line_and_other_languages_well_below() -> None:
    assert english_share(ENGLISH) > 2 * MIN_SHARE
    for text in (FRENCH, SPANISH):
        assert english_share(text) < MIN_SHARE / 2


def test_a_short_text_is_not_judged() -> None:
    assert english_share("Le pont du port a rouvert mardi matin.") is None
    assert not_english_reason("Le pont du port a rouvert mardi matin.") is None


def test_a_foreign_article_is_skipped_with_its_reason_and_the_batch_goes_on() -> None:
    articles = read([Text(f"Pont rouvert\n\n{FRENCH}"), Text(f"Bridge reopens\n\n{ENGLISH}")])
    french, english = articles
    assert not french.ok
    assert french.reason is not None and "not in English" in french.reason
    assert english.ok and english.sentences


def test_cleaning_alone_keeps_a_foreign_article() -> None:
    (article,) = clean([Article(id="fr", source="fr.txt", raw=f"Pont rouvert\n\n{FRENCH}")])
    assert article.ok and article.paragraphs
