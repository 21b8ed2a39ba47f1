"""The site an article was published on: its name from a page's metadata, and out of its title.

A page names its publisher for machines: the publisher of its JSON-LD,
``og:site_name``, ``application-name``. Those are read first, as the page
gives them; a name that is a web address ("https://www.hawaiinewsnow.com"), a
blogging platform's ("Blogger") or lower-case initials ("nj") is no name a
reader knows, and gives way to the page's copyright line when that names
the site of its host ("Copyright 2019 Hawaii News Now" on
hawaiinewsnow.com), else to the host itself. A tagline after the name
("LinkNaija | Nigeria's popular news platform") is cut.

Titles carry the site's name ("… – TechCrunch", "… | Reuters", "The Guardian
view … | Editorial" keeps its section): a part of the title that is the
outlet's name, the site's or its host's is removed, at either end.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from storybrief.clean.outlet import copyright_holder
from storybrief.models import Article, RemovedLine

# Where a title's parts meet: the site's name is one part, the headline another.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»|//)\s+")
# A site's name may also lead its title with a colon: "LinkNaija: BREAKING NEWS: …".
_PREFIX_END = re.compile(r"\s*(?:\||-|–|—|::|·|»|//|:)\s+")
_TLD = re.compile(r"\.(?:com|org|net|news|info|co\.uk|com\.au|co)$", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")
_SEPARATOR_MARKS = " |-–—:·»/"  # stripped from a part cut from a title with its separator
_MIN_TITLE_WORDS = 2  # what is left of a title once the name is cut
_MAX_NAME_CHARS = 60  # a longer "site name" is a description
# Platforms that publish pages for others: their name is not the outlet's.
_PLATFORMS = frozenset({"blogger", "wordpress", "medium", "tumblr", "substack", "wix"})
_META = (
    "//meta[@property='og:site_name']/@content",
    "//meta[@name='og:site_name']/@content",
    "//meta[@name='application-name']/@content",
)
_LD_JSON = "//script[@type='application/ld+json']/text()"
# A publisher's name read off JSON-LD that does not parse: "publisher": {"@type": …, "name": "X".
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')
_COPYRIGHT_TEXT = "//text()[contains(., '©') or contains(., 'opyright')]"


def host(url: str | None) -> str | None:
    """The host of ``url`` without "www.": "hawaiinewsnow.com"."""
    name = urlsplit(url or "").hostname or ""
    return name.removeprefix("www.") or None


def key(name: str) -> str:
    """A name reduced to compare spellings: "The SpaceNews.com" and "spacenews" are one."""
    name = _TLD.sub("", name.strip().casefold().removeprefix("the "))
    return _NON_WORD.sub("", name)


def page_site_name(
    tree: lxml.html.HtmlElement | None, url: str | None, fallback: str | None = None
) -> str | None:
    """The name of the site that published a page (``tree``), from its metadata, or None.

    ``fallback`` (an extractor's guess) is taken when the page's own
    metadata names nothing better; the host is the last resort.
    """
    site = host(url)
    declared = _declared(tree) if tree is not None else ()
    for name in (*declared, fallback):
        if name and (short := _short(name)) and _is_name(short, site):
            return short
    if site and tree is not None:
        return _copyright_of(tree, site) or site
    return site


def _declared(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """The names a page declares for its site: its JSON-LD publishers, then meta tags.

    The publisher first: ``og:site_name`` may name a section ("U.S." on
    Reuters) or the site that reprints a wire's story, the publisher the
    agency that wrote it (as ``outlet`` names the agency of a dateline).
    """
    for script in tree.xpath(_LD_JSON):
        try:
            yield from _publishers(json.loads(script))
        except (ValueError, RecursionError):  # hand-written JSON-LD is often broken
            yield from _PUBLISHER.findall(script)
    for path in _META:
        yield from (str(value) for value in tree.xpath(path))


def _publishers(data: Any) -> Iterator[str]:
    """The names of the publishers in a JSON-LD document, at any depth."""
    if isinstance(data, list):
        for item in data:
            yield from _publishers(item)
    elif isinstance(data, dict):
        publisher = data.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                yield item["name"]
        for value in data.values():
            if isinstance(value, list | dict):
                yield from _publishers(value)


def _short(name: str) -> str:
    """The name without a tagline after it: "LinkNaija | Nigeria's popular …" is LinkNaija."""
    name = " ".join(name.split())
    return _SEPARATOR.split(name, maxsplit=1)[0].strip()


def _is_name(name: str, site: str | None) -> bool:
    """Whether ``name`` names the site for a reader: not an address, a platform, initials."""
    if len(name) > _MAX_NAME_CHARS or "://" in name or name.casefold().startswith("www."):
        return False
    if key(name) in _PLATFORMS or name.casefold().startswith(("copyright", "©")):
        return False
    # "nj" on nj.com: the host's letters in lower case, which the host spells better.
    return not (name.islower() and site is not None and key(name) == key(site.split(".")[0]))


def _copyright_of(tree: lxml.html.HtmlElement, site: str) -> str | None:
    """The holder a copyright line of the page names, when it is the host's site."""
    wanted = key(site.split(".")[0]) if site.count(".") == 1 else key(site)
    for node in tree.xpath(_COPYRIGHT_TEXT):
        holder = copyright_holder(" ".join(str(node).split()))
        if holder and key(holder) in (wanted, key(site)):
            return holder
    return None


def site_names(*names: str | None, url: str | None = None) -> list[str]:
    """The names a title may carry for its site: ``names`` given, the host, its first label."""
    site = host(url)
    found = [*names, site, site.split(".")[0] if site else None]
    return [n for n in found if n]


def cut_site_name(article: Article, names: Iterable[str]) -> None:
    """Cut from ``article``'s title a part that is one of ``names`` (``without_site_name``),
    recording it removed."""
    if article.title:
        retitle(article, without_site_name(article.title, names), "site name in the title")


def retitle(article: Article, title: str, why: str) -> None:
    """Make ``title``, a part of ``article``'s title, its title, and record what is cut
    before and after it in ``removed`` with ``why``: a title's parts are removals too."""
    old = article.title or ""
    at = old.find(title)
    cut = (old[:at], old[at + len(title) :]) if at >= 0 else ()
    parts = [p for part in cut if (p := part.strip(_SEPARATOR_MARKS))]
    article.removed += [RemovedLine(article.id, part, why) for part in parts]
    article.title = title


def without_site_name(title: str, names: Iterable[str]) -> str:
    """``title`` without a part, at its start or end, that is one of ``names``."""
    keys = {k for n in names if (k := key(n))}
    if not keys:
        return title
    return _without_suffix(_without_prefix(title, names), keys)


def _without_prefix(title: str, names: Iterable[str]) -> str:
    """The title without a leading site name and its separator ("Reuters: …", "X | …")."""
    for name in sorted(set(names), key=len, reverse=True):
        if title.casefold().startswith(name.casefold()):
            end = _PREFIX_END.match(title, len(name))
            rest = title[end.end() :] if end else ""
            if len(rest.split()) >= _MIN_TITLE_WORDS:
                return rest
    return title


def _without_suffix(title: str, keys: set[str]) -> str:
    """The title without its trailing parts from the first that names the site.

    "Calendário 2018 | Autoracing | F1 | Indy" loses "| Autoracing | F1 | Indy":
    the site's name, then its tagline.
    """
    bounds = list(_SEPARATOR.finditer(title))
    for bound in bounds:
        head, tail = title[: bound.start()], title[bound.end() :]
        first = _SEPARATOR.split(tail, maxsplit=1)[0]
        named = key(tail) in keys or key(first) in keys
        if named and len(head.split()) >= _MIN_TITLE_WORDS:
            return head.strip()
    return title
