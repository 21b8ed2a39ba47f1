"""The web app's HTML: the input form, and the brief page with its download links.

The brief itself is the HTML renderer's page; this module only adds a bar of
links to it. Everything a user typed is echoed escaped, like article text.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape

from storybrief.cluster import stories_told
from storybrief.ingest import ARTICLE_SUFFIXES, SUFFIXES_READ
from storybrief.models import Brief
from storybrief.pipeline import DEFAULT_WORDS
from storybrief.render import render
from storybrief.render.html import PAGE_CSS

MIN_WORDS, MAX_WORDS = 10, 1000
TEXT_AREAS = 3  # empty boxes offered; more appear when a form comes back with more texts
# The file box offers what the reader reads by suffix (one table, the reader's), and any
# ".gz": the server reads the suffix inside (``ingest.is_article_file``).
_ACCEPT = ",".join([*ARTICLE_SUFFIXES, ".gz"])

_CSS = (
    PAGE_CSS
    + """.meta,.hint{color:#555}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
textarea{width:100%;box-sizing:border-box;font:14px/1.4 ui-monospace,monospace;padding:.4rem}
.error{background:#fff1ef;border:1px solid #e3b2a8;border-radius:6px;padding:.5rem 1rem;
color:#8a1f11}
button{font-size:1rem;padding:.5rem 1.4rem;margin-top:1.2rem;border-radius:6px;border:0;
background:#0b5cad;color:#fff;cursor:pointer}
button:disabled{background:#7a9cc0;cursor:wait}
"""
)
# Stops a second submit while the first brief is being made; allowed by its hash.
_SCRIPT = (
    "document.querySelector('form').addEventListener('submit',function(){"
    "var b=this.querySelector('button');b.disabled=true;b.textContent='Making brief…';});"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
_BASE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
# Article text is escaped already; the policies make sure no script could run even so.
FORM_POLICY = _BASE_POLICY + f"script-src 'sha256-{_SCRIPT_HASH}'; form-action 'self'"
BRIEF_POLICY = _BASE_POLICY + "form-action 'none'"

_BAR_CSS = (
    "<style>.bar{display:flex;gap:1.2rem;padding:.5rem 1rem;background:#f3f6fa;"
    "border:1px solid #d8e2ee;border-radius:6px}.bar a{color:#0b5cad}"
    ".mixed{background:#fffbe6;border:1px solid #eedc82;border-radius:6px;padding:.5rem 1rem}"
    "</style>"
)


def form_page(
    *,
    texts: Sequence[str] = (),
    urls: str = "",
    words: str = str(DEFAULT_WORDS),
    error: str | None = None,
) -> str:
    """The page a user fills in; on an error, shown again with what they typed."""
    boxes = [*texts, *[""] * (TEXT_AREAS - len(texts))]
    areas = "".join(
        f'<label for="text-{n}">Article {n}</label>'
        f'<textarea id="text-{n}" name="text" rows="8">{escape(text)}</textarea>'
        for n, text in enumerate(boxes, start=1)
    )
    problem = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>storybrief</title><style>{_CSS}</style></head><body>"
        "<h1>storybrief</h1>"
        '<p class="meta">Several news articles about one story in; one cited brief out: '
        "summary, where the sources agree and disagree, who said what.</p>"
        f'{problem}<form method="post" action="/brief" enctype="multipart/form-data">'
        '<p class="hint">Paste one article a box; to put more in one box, separate them '
        "with a line holding only <code>---</code>.</p>"
        f"{areas}"
        f'<label for="files">Files ({SUFFIXES_READ}; up to 10 MB each)</label>'
        '<input id="files" name="files" type="file" multiple '
        f'accept="{_ACCEPT}">'
        '<label for="urls">Web pages or RSS/Atom feeds, one URL a line</label>'
        f'<textarea id="urls" name="urls" rows="3">{escape(urls)}</textarea>'
        f'<label for="words">Summary length in words ({MIN_WORDS}–{MAX_WORDS})</label>'
        f'<input id="words" name="words" type="number" min="{MIN_WORDS}" max="{MAX_WORDS}" '
        f'value="{escape(words)}">'
        '<div><button type="submit">Make brief</button></div>'
        f"</form><script>{_SCRIPT}</script></body></html>\n"
    )


def _download(text: str, media_type: str, name: str, label: str) -> str:
    # A data: link keeps the page self-contained: saved, it still downloads the same brief.
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f'<a href="data:{media_type};charset=utf-8;base64,{data}" download="{name}">{label}</a>'


def brief_page(brief: Brief) -> str:
    """The HTML renderer's page of ``brief``, with links back and to download it."""
    page = render(brief, "html")
    bar = (
        '<nav class="bar"><a href="/">← New brief</a>'
        + _download(render(brief, "md"), "text/markdown", "brief.md", "Download Markdown")
        + _download(render(brief, "json"), "application/json", "brief.json", "Download JSON")
        + "</nav>"
    )
    if (told := stories_told(brief.articles)) > 1:
        bar += (
            f'<p class="mixed" role="note">These articles seem to tell {told} different stories, '
            "which this one brief mixes up: give each story's articles on their own, or run "
            "<code>storybrief stories</code> for a brief of each.</p>"
        )
    # The renderer escapes all article text, so these tags occur once, as its own markup.
    return page.replace("</head>", _BAR_CSS + "</head>", 1).replace("<body>", "<body>" + bar, 1)
