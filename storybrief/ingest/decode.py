"""Turn the bytes of a file into text, or say why they are not text.

Byte-order marks are trusted first, then strict UTF-8 (most of the web), and
only then charset-normalizer's guess, so a legacy cp1252 or latin-1 page
still decodes instead of failing on its first curly quote.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from storybrief.terminal import CONTROLS

# UTF-32 marks start with the UTF-16 ones, so they must be tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# UTF-16 without a BOM: over this share of one parity's bytes is NUL (and under it of
# the other's); the text it decodes to is at least this share printable. Set by
# hand on English, French and German samples, where the shares are 0.9-1.0.
_UTF16_NULS = 0.3
_PRINTABLE = 0.95


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode(data: bytes) -> str:
    """Decode ``data`` to text with ``\\n`` newlines; raise ``NotText`` for binary data."""
    return normalise_newlines(_decode(data))


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    # Text without a BOM never holds NUL bytes, unless it is UTF-16; images and
    # archives nearly always do.
    if b"\x00" in data:
        text = _utf16(data)
        if text is None:
            raise NotText("binary file (contains NUL bytes)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise NotText("binary file (no text encoding fits its bytes)")
    # On short texts several single-byte code pages fit equally well; cp1252 is
    # what legacy web and Windows text nearly always is, so it wins the tie.
    for match in matches:
        if match.encoding == "cp1252" and (match.chaos, match.coherence) == (
            best.chaos,
            best.coherence,
        ):
            return str(match)
    return str(best)


def _utf16(data: bytes) -> str | None:
    """``data`` as UTF-16 without a byte-order mark, if that is what it is, else None.

    Text in a Latin script has a NUL as the high byte of nearly every
    character: at odd offsets in little-endian, at even ones in big-endian,
    and (almost) never at the other parity. Binary data has NULs anywhere.
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0) / half, data[1::2].count(0) / half
    codec = (
        "utf-16-le"
        if odd > _UTF16_NULS > even
        else "utf-16-be"
        if even > _UTF16_NULS > odd
        else None
    )
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return text if printable >= _PRINTABLE * len(text) else None


# Control characters, which no article's text holds and a terminal obeys (ESC, or C1's CSI,
# opens a sequence that clears the screen or retitles the window when a brief is printed):
# out. A vertical tab, form feed or NEL, read as no line break before, is a space. (A
# carriage return is a newline by then.)
_CONTROLS: dict[int, str | None] = {
    **dict.fromkeys(CONTROLS),
    **dict.fromkeys([0x0B, 0x0C, 0x85], " "),
}


def normalise_newlines(text: str) -> str:
    """Unix newlines only, and no control characters, whatever the source used."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
