"""Extract an HTML page's article: metadata and body paragraphs, without site furniture.

trafilatura (favouring precision, comments left out) does the work. Its one
common miss is an article split into several blocks by ads or embeds, where it
keeps only one block; readability merges such siblings, so its reading
is taken instead when it holds trafilatura's whole text and much more. On the
Zyte benchmark's dev pages this lifts body F1 from 0.966 to 0.973 (BENCHMARKS.md).
Paragraphs it keeps that belong to a furniture family (``clean.furniture``: a
"Read more:" link, a reporting credit, a caption) are then dropped and listed
in ``removed`` with the reason: F1 0.974 on the same pages. Tweets the page
embeds in the article, which trafilatura drops with their "social" wrapper, are
put back where they stand (``clean.embeds``): F1 0.977.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lxml.etree
import lxml.html

from storybrief.clean.embeds import with_embedded_posts
from storybrief.clean.furniture import family_why
from storybrief.clean.lines import Line
from storybrief.clean.region import article_region, block_texts, left_out, page_tree, words
from storybrief.clean.sentences import trimmed
from storybrief.clean.site import cut_site_name, page_site_name, site_names
from storybrief.models import Article, RemovedLine
from storybrief.settings import EXTRACTION, ExtractionSettings

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

_LEFT_OUT = "not the article's text (left out by the page extractor)"


def extract_html(article: Article, settings: ExtractionSettings = EXTRACTION) -> Article:
    """Fill ``article``'s metadata and paragraphs from its markup, in place.

    Metadata ingest already set (from a JSONL record) wins over the page's own.
    Leaves ``paragraphs`` empty when no article text is found.
    """
    # Imported here: trafilatura takes a quarter of a second to import, which
    # plain-text and batch runs (and every batch worker) would pay for nothing.
    import trafilatura

    options = settings.trafilatura_options()
    doc = trafilatura.bare_extraction(article.raw, url=article.url, with_metadata=True, **options)
    if doc is None:
        return article
    paragraphs = _body(article, doc, settings)
    tree = page_tree(article.raw)
    _fill_metadata(article, doc, tree)
    description = _clean(doc.description)
    if description and not _opens(paragraphs, description):
        article.dek = article.dek or description
    region = None if tree is None else article_region(tree, paragraphs)
    if region is not None:
        paragraphs = with_embedded_posts(region, paragraphs)
        shown = (article.title, article.dek, article.byline)
        cut = left_out(region, paragraphs, shown)
        article.removed += [RemovedLine(article.id, line, _LEFT_OUT) for line in cut]
    article.paragraphs = _drop_furniture(article, paragraphs)
    return article


def _drop_furniture(article: Article, paragraphs: list[str]) -> list[str]:
    """The paragraphs less those of a furniture family, each recorded in ``removed`` with why.

    trafilatura keeps what reads like text: captions, "Read more:" links, credits.
    """
    kept = []
    for paragraph in paragraphs:
        if why := family_why(Line(paragraph)):
            article.removed.append(RemovedLine(article.id, paragraph, why))
            continue
        kept.append(trimmed(article.id, paragraph, article.removed))
    return kept


def _body(article: Article, doc: Document, settings: ExtractionSettings) -> list[str]:
    """The page's paragraphs: trafilatura's, or readability's when it read a wider block."""
    paragraphs = text_paragraphs(doc.text)
    wider = readability_paragraphs(article.raw)
    if wider_ratio(wider, paragraphs, settings.wider_coverage) >= settings.wider_ratio:
        paragraphs = wider
    # Pages repeat the headline as the body's first line; it is the title, not text.
    titles = [words(t) for t in (article.title, _clean(doc.title)) if t]
    if paragraphs and words(paragraphs[0]) in titles:
        article.removed.append(RemovedLine(article.id, paragraphs[0], "repeats the headline"))
        paragraphs = paragraphs[1:]
    return paragraphs


def _fill_metadata(article: Article, doc: Document, tree: HtmlElement | None) -> None:
    """Fill the fields ingest left empty from the page's metadata."""
    article.title = article.title or _clean(doc.title)
    article.byline = article.byline or _clean(doc.author)
    article.published = article.published or _clean(doc.date)
    article.url = article.url or _clean(doc.url)
    declared = _clean(doc.sitename)  # as the page gives it, a tagline and all
    article.outlet = article.outlet or page_site_name(tree, article.url, declared)
    cut_site_name(article, site_names(article.outlet, declared, url=article.url))


def text_paragraphs(text: str | None) -> list[str]:
    """trafilatura's plain text has one paragraph, heading or list item a line."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def readability_paragraphs(markup: str) -> list[str]:
    """The text blocks of readability's main content, one paragraph each.

    Not re-read by trafilatura: it would again keep only one of the blocks.
    """
    from readability import Document as Readability  # imported late, as trafilatura is
    from readability.readability import Unparseable

    try:
        summary = lxml.html.fromstring(Readability(markup).summary())
    except (Unparseable, lxml.etree.ParserError):
        return []
    return [text for _, text in block_texts(summary)]


def wider_ratio(wider: list[str], paragraphs: list[str], coverage: float) -> float:
    """How many times longer ``wider`` is than ``paragraphs``, 0 unless it holds ``coverage``.

    With no paragraphs at all trafilatura judged the page to hold no article,
    a judgement readability is not trusted to overrule: 0 too.
    """
    size = sum(map(len, paragraphs))
    if not size:
        return 0.0
    present = {words(p) for p in wider}
    kept = sum(len(p) for p in paragraphs if words(p) in present)
    return sum(map(len, wider)) / size if kept >= coverage * size else 0.0


def _opens(paragraphs: list[str], description: str) -> bool:
    """Whether the description is just the body's opening (often cut short with '…')."""
    head = words(description)[:-1] or words(description)
    return words(" ".join(paragraphs))[: len(head)] == head


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
