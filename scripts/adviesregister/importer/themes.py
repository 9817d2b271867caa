"""Which themes a letter is about, as a suggestion for the person who publishes it (never filled in by itself)."""

from __future__ import annotations

import re

# Words (and words that start with them) that point to a theme of the sociaal domein.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "armoede en schulden": ("armoede", "schuld", "minima"),
    "gezondheid": ("gezondheid", "ggz", "psychisch", "ggd", "huisarts"),
    "huiselijk geweld": ("huiselijk geweld", "kindermishandeling", "meldcode"),
    "inclusie": ("inclusie", "toegankelijk", "beperking"),
    "jeugd": ("jeugd", "jongere", "kinderen", "kind "),
    "mantelzorg": ("mantelzorg",),
    "onderwijs": ("onderwijs", "school", "scholen", "leerling"),
    "participatie": ("participatie", "vrijwillig", "meedoen"),
    "welzijn": ("welzijn", "eenzaam", "welbevinden"),
    "werk en inkomen": ("werkloos", "inkomen", "bijstand", "uitkering", "participatiewet"),
    "wonen": ("wonen", "woning", "huisvesting"),
    "zorg en ondersteuning": ("wmo", "wijkteam", "ondersteuning", "zorgaanbieder", "voorziening"),
    "zorg en veiligheid": ("veiligheid", "overlast", "criminaliteit", "verward", "onbegrepen gedrag"),
}
MINIMUM = 3


def suggest_themes(text: str, most: int = 3) -> list[tuple[str, int]]:
    """Themes whose words occur at least MINIMUM times, most often first: (theme, count)."""
    lowered = text.lower()
    counts = {theme: sum(len(re.findall(rf"\b{re.escape(word)}", lowered)) for word in words) for theme, words in KEYWORDS.items()}
    ranked = sorted(((count, theme) for theme, count in counts.items() if count >= MINIMUM), key=lambda item: (-item[0], item[1]))
    return [(theme, count) for count, theme in ranked[:most]]
