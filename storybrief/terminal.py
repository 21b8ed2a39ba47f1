"""Text shown as text: a control character a file name, id or path holds is written out.

A terminal obeys control characters (ESC or C1's CSI opens a sequence that clears the
screen or retitles the window; BEL rings), and article text has them read out at ingest
(``ingest.decode``). A file's *name*, a JSONL line's id or a URL's path is the user's and
is kept as given (an id is echoed back in ``stories --jsonl``'s output), so wherever one is
shown — the CLI's messages, the briefs in Markdown, HTML or JSON — it goes through here.
"""

from __future__ import annotations

import json

# C0 (but tab and newline, which a terminal only moves by), DEL and C1: Unicode's Cc.
CONTROLS = [code for code in (*range(0x20), *range(0x7F, 0xA0)) if code not in (9, 10)]
# A lone surrogate: a file name's byte that is no UTF-8 (U+DC9B for the byte 0x9B, C1's CSI,
# which Python writes back raw) or a JSON string's "\\ud800"; no UTF-8 file can hold one.
_SURROGATES = range(0xD800, 0xE000)
_SHOWN = {code: f"\\x{code:02x}" for code in CONTROLS} | {
    code: f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code < 0xDD00 else f"\\u{code:04x}"
    for code in _SURROGATES
}
# ``json.dumps`` escapes C0 itself; with ``ensure_ascii=False`` it leaves DEL, C1 and lone
# surrogates as they are.
_JSON = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), *_SURROGATES)}


def shown(text: str) -> str:
    """``text`` with each control character but tab and newline written as its escape
    (ESC as ``\\x1b``), and a lone surrogate as the byte it stands for (``\\x9b``) or its
    code: printed, it shows what the name holds and does nothing."""
    return text.translate(_SHOWN)


def json_text(value: object, indent: int | None = None) -> str:
    """``value`` as JSON, non-ASCII text as it is and every control character and lone
    surrogate escaped: the same value when read back."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON)
