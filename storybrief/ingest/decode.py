"""Turn the bytes of a file into text, or say why they are not text.

Byte-order marks are trusted first, then strict UTF-8 (most of the web), and
only then charset-normalizer's guess, so a legacy cp1252 or latin-1 page
still decodes instead of failing on its first curly quote.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# UTF-32 marks start with the UTF-16 ones, so they must be tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode(data: bytes) -> str:
    """Decode ``data`` to text with ``\\n`` newlines; raise ``NotText`` for binary data."""
    return normalise_newlines(_decode(data))


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    # Text without a BOM never holds NUL bytes; images and archives nearly always do.
    if b"\x00" in data:
        raise NotText("binary file (contains NUL bytes)")
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


def normalise_newlines(text: str) -> str:
    """Unix newlines only, and no NULs, whatever the source used."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
