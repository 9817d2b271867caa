"""Hostile content: documents, originals and a hand-written page that try to run script or break an output format.
tests/aanvallen/ builds the seed archive with it once (fixture hostile_site) and attacks every output. Everything here
passes `check`: a link to javascript: or data: does not (link-werkt-niet, tests/aanvallen/test_link_soorten.py), so
the links here try to break out of a web address instead; the sanitiser's handling of javascript: links is tested on
the rendered letter (tests/site/test_views.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import yaml

MARKER = "__aanval"
"""Every payload that would run sets window.__aanval; the browser tests assert it never exists."""
PAYLOADS = [
    f"<script>window.{MARKER}=1</script>",
    "<!--<script>",
    f"</script><script>window.{MARKER}=2</script>",
    f"<img src=x onerror=window.{MARKER}=3>",
    f'"><svg onload=window.{MARKER}=4>',
    f"javascript:window.{MARKER}=5",
    "{{ config }} {% raw %}",
    '=HYPERLINK("https://aanval.example")',
    f"]]></title><script>window.{MARKER}=6</script>",
    "regel\u2028scheiding\u2029eind",
    "&lt;script&gt; &amp; &#60;b&#62;",
]
TITEL = "Advies " + " ".join(PAYLOADS[:6])
"""The hostile title; the other text fields get the other payloads."""
ADVIES_ID = "almelo-2024-01-10-vijandig-advies"
REACTIE_ID = "almelo-2024-02-20-vijandige-reactie"
CITAAT = f"Wij nemen het advies over <b onmouseover=window.{MARKER}=7>echt</b>."
LETTER = f"""Geacht college,

<script>window.{MARKER}=8</script>

Een alinea met <img src=x onerror="window.{MARKER}=9"> en <iframe src="javascript:window.{MARKER}=10"></iframe>.

[Klik hier](https://aanval.example/" onclick="window.{MARKER}=11) of <a href="https://aanval.example/" onclick="window.{MARKER}=12">hier</a>.

## Kop met lijst {{ onclick="window.{MARKER}=13" }}

<style>body {{ display: none }}</style>

<form action="https://aanval.example"><input name="wachtwoord"></form>

{PAYLOADS[8]} en {PAYLOADS[9]} en {PAYLOADS[10]}.
"""
HTML_ORIGINAL = f"<!doctype html><html><body><p>Reactie van het college.</p><script>window.{MARKER}=14</script></body></html>\n".encode()
MD_ORIGINAL = f"# Advies\n\n<script>window.{MARKER}=15</script>\n\nWij adviseren u.\n".encode()
PAGE = f"""---
title: "<script>window.{MARKER}=16</script> Over de raad"
---

# Over de raad

<script>window.{MARKER}=17</script>

Tekst met <img src=x onerror="window.{MARKER}=18"> en een [link](https://aanval.example/" onmouseover="window.{MARKER}=19).

## Kop {{ onclick="window.{MARKER}=20" id="__search" }}

!!! note "Let op"
    Een notitie blijft staan.

<div style="position:fixed;inset:0" onclick="window.{MARKER}=21">dekt alles af</div>

[Over dit archief](over.md)
"""


def _document(fields: Mapping[str, object], tekst: str) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n" + tekst


def plant_hostile_content(content: Path) -> None:
    """Add the hostile documents, originals and page to a copy of the seed archive's content/."""
    bronnen = content / "bronnen" / "almelo" / "2024"
    bronnen.mkdir(parents=True)
    (bronnen / "reactie.html").write_bytes(HTML_ORIGINAL)
    (bronnen / "advies.md").write_bytes(MD_ORIGINAL)
    folder = content / "documenten" / "almelo" / "2024"
    folder.mkdir(parents=True)
    advies = {
        "id": ADVIES_ID,
        "soort": "advies",
        "adviestype": "gevraagd",
        "titel": TITEL,
        "datum": "2024-01-10",
        "gemeente": "almelo",
        "van": PAYLOADS[6],
        "aan": PAYLOADS[7],
        "samenvatting": " ".join(PAYLOADS),
        "themas": ["jeugd"],
        "kenmerken": {"ons_kenmerk": PAYLOADS[3], "uw_kenmerk": PAYLOADS[8]},
        "bijlagen": [PAYLOADS[0], PAYLOADS[9]],
        "bron": {"bestand": "bronnen/almelo/2024/advies.md", "sha256": hashlib.sha256(MD_ORIGINAL).hexdigest()},
    }
    (folder / f"{ADVIES_ID}.md").write_text(_document(advies, LETTER), encoding="utf-8")
    reactie = {
        "id": REACTIE_ID,
        "soort": "reactie",
        "titel": f"Reactie {PAYLOADS[1]} {PAYLOADS[2]}",
        "datum": "2024-02-20",
        "gemeente": "almelo",
        "reactie_op": [ADVIES_ID],
        "besluit": "overgenomen",
        "besluit_citaat": CITAAT,
        "themas": ["jeugd"],
        "bron": {"bestand": "bronnen/almelo/2024/reactie.html", "sha256": hashlib.sha256(HTML_ORIGINAL).hexdigest()},
    }
    (folder / f"{REACTIE_ID}.md").write_text(_document(reactie, f"Geachte adviesraad,\n\n{CITAAT}\n"), encoding="utf-8")
    (content / "paginas" / "over-de-raad.md").write_text(PAGE, encoding="utf-8")
