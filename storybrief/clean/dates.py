"""Dates as news pages print them, read into ISO 8601.

Strict on purpose: a line counts as a date only with a month name or an ISO
form, so a figure in a headline is never taken for one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Each month's name and the abbreviations news copy uses for it.
_SPELLINGS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTH_NAMES = tuple(names[0] for names in _SPELLINGS)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i for i, names in enumerate(_SPELLINGS, start=1) for m in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
]


def weekday_before(weekday: str, anchor: date, last: bool = False) -> date:
    """The latest ``weekday`` ("friday") on or before ``anchor``, an article's date; with
    ``last`` ("last Friday"), strictly before it: in a Friday article, the Friday a week
    before. The summary and the timeline read a past weekday by this one rule."""
    back = (anchor.weekday() - WEEKDAYS.index(weekday)) % 7
    return anchor - timedelta(days=back or (7 if last else 0))


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ``YYYY-MM-DD``, or None."""
    for pattern in _PATTERNS:
        if m := pattern.search(text):
            parts = m.groupdict()
            # Case-blind, the pattern takes "İ" for "i": "APRİL" lower-cases to no month's name.
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(parts["month"].lower())
            try:
                return date(int(parts["year"]), month or 0, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None
