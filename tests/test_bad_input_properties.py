"""Properties of the public functions over any input (hypothesis): no crash, nothing live.

Kept to a few dozen examples each so the suite stays quick; ``tests/hostile_fuzz.py``
runs the same targets with a large budget.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storybrief.ingest.decode import NotText, decode
from storybrief.ingest.feeds import NotAFeed, parse_feed
from storybrief.ingest.web import _is_public
from storybrief.models import Brief, Text
from storybrief.pipeline import read
from storybrief.render import render
from storybrief.segment import split_sentences

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text with the characters hostile input is made of: markup, quotes, controls, breaks.
HOSTILE_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("<>&[]()`*_|\\\"'“”\n\r\t\x00\x01\x0b.!?…")),
    ),
    max_size=400,
)


@QUICK
@given(st.binary(max_size=2000))
def test_decode_gives_text_without_control_characters_or_says_not_text(data: bytes) -> None:
    try:
        text = decode(data)
    except NotText:
        return
    # No CR, no NUL, nothing a terminal obeys: only newlines and tabs of the controls.
    assert not [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]


@QUICK
@given(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc",), include_characters="\n\t"),
        max_size=400,
    )
)
def test_utf8_text_decodes_to_itself(text: str) -> None:
    assert decode(text.encode("utf-8")) == text


@QUICK
@given(HOSTILE_TEXT)
def test_sentences_are_stripped_pieces_of_the_paragraph(paragraph: str) -> None:
    for sentence in split_sentences(paragraph):
        assert sentence and sentence == sentence.strip()


@QUICK
@given(
    st.binary(max_size=2000) | HOSTILE_TEXT.map(lambda t: f"<rss><item>{t}</item></rss>".encode())
)
def test_a_feed_parses_to_entries_or_says_why_not(data: bytes | str) -> None:
    try:
        entries = parse_feed(data if isinstance(data, bytes) else data.encode())
    except NotAFeed:
        return
    for entry in entries:
        assert entry.title is None or ("\n" not in entry.title and entry.title.isprintable())


@QUICK
@given(HOSTILE_TEXT)
def test_any_text_is_read_as_one_article_used_or_skipped_with_a_reason(text: str) -> None:
    (article,) = read([Text(text)])
    assert article.ok or article.reason


@QUICK
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_markdown_never_carries_a_live_tag_or_link(title: str, body: str) -> None:
    articles = read([Text(f"{title}\n\n{body}")])
    articles[0].title = title
    md = render(Brief(articles=articles, headline=title), "md")
    prose = re.sub(r"(`+).*?\1", "", md)  # code spans show HTML as it is
    assert not re.search(r"(?<!\\)<[a-zA-Z/!?]", prose)
    assert not re.search(r"(?<!\\)\]\(", prose)


PRIVATE_V4 = st.ip_addresses(v=4).filter(lambda ip: not ip.is_global)


@QUICK
@given(PRIVATE_V4, st.sampled_from(["::{}", "::ffff:{}", "::ffff:0:{}", "64:ff9b::{}"]))
def test_an_ipv6_embedding_a_private_ipv4_is_not_public(v4: object, form: str) -> None:
    assert not _is_public(form.format(v4))


@QUICK
@given(PRIVATE_V4)
def test_a_6to4_address_of_a_private_ipv4_is_not_public(v4: ipaddress.IPv4Address) -> None:
    prefix = (0x2002 << 112) | (int(v4) << 80)
    assert not _is_public(str(ipaddress.IPv6Address(prefix | 1)))
