"""Readable, stable URL parts from Dutch text."""

from __future__ import annotations

import re
import unicodedata

ID_LENGTH = 80


def slugify(text: str, limit: int = ID_LENGTH) -> str:
    """'Reactie op advies Programma's …' → 'reactie-op-advies-programmas-…', cut at a word to `limit` characters."""
    text = re.sub(r"['`\u2019]", "", text)  # Programma's → programmas, not programma-s
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug
