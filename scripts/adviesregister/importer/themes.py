"""Which themes a letter is about, as a suggestion for the person who publishes it (never filled in by itself)."""

from __future__ import annotations

import re

from adviesregister.importer.rules import rules

MINIMUM = 3


def suggest_themes(text: str, most: int = 3) -> list[tuple[str, int]]:
    """Themes whose words ('themas' in data/brieven.yml; a word matches words that start with it) occur at least MINIMUM times, most often first: (theme, count)."""
    lowered = text.lower()
    counts = {theme: sum(len(re.findall(rf"\b{re.escape(word)}", lowered)) for word in words) for theme, words in rules().themas.items()}
    ranked = sorted(((count, theme) for theme, count in counts.items() if count >= MINIMUM), key=lambda item: (-item[0], item[1]))
    return [(theme, count) for count, theme in ranked[:most]]
