"""Every code of a decision the importer leaves to a person, with what it means (the codes stay stable; the messages may change).

`Decisions.add` refuses a code that is not here, and a test checks that every code here is used in the importer. A new
kind of decision is one entry below.
"""

from __future__ import annotations

DECISION_CODES: dict[str, str] = {
    "tekst-uit-ocr": "De tekst komt uit tekstherkenning (OCR) van een scan: vergelijk de velden met de brief.",
    "tekst-lijkt-ocr": "De tekst lijkt uit tekstherkenning (OCR) te komen, met fouten zoals 'co11ege': vergelijk datum, titel en namen met de brief.",
    "geen-brief": "De tekst lijkt geen brief (een webbericht, verslag …), maar werd toch geïmporteerd.",
    "veld-niet-gevonden": "Een verplicht veld staat niet in de brief, of we vonden het niet.",
    "themas-kiezen": "De thema's van het document kiest een mens; we doen alleen een voorstel.",
    "kop-waarde-onduidelijk": "Een waarde in de kop van de brief past bij meer dan één label.",
    "datum-ontbreekt": "De brief heeft geen eigen datum die we kunnen lezen.",
    "afzender-zonder-naam": "De brief is ondertekend zonder de naam van de raad.",
    "gemeente-onbekend": "De brief noemt geen gemeente die we kennen.",
    "gemeente-regionaal": "De brief is gericht aan meer dan één college.",
    "gemeente-nieuw": "De gemeente van de brief staat nog niet in content/gemeenten.yml.",
    "soort-onbekend": "Uit afzender en ontvanger blijkt niet of dit een advies, een reactie of een ander stuk is.",
    "adviestype-onbekend": "De brief zegt niet (eenduidig) of om het advies gevraagd is.",
    "antwoord-op-reactie": "De adviesraad antwoordt op een reactie van het college; op welke, vult een mens in.",
    "besluit-onduidelijk": "De reactie zegt niet duidelijk of het college het advies overneemt.",
    "besluit-per-punt": "De reactie neemt sommige punten over en andere niet.",
    "advies-datum-onbekend": "De reactie noemt de datum van het advies niet.",
    "advies-datum-twijfel": "De reactie noemt twee datums voor het advies.",
    "advies-meerdere": "Meer dan één advies in het archief past bij de reactie.",
    "advies-zonder-tekst": "Het beantwoorde advies staat niet in het archief; er is een record zonder tekst voor gemaakt.",
    "gekoppeld-op-onderwerp": "De reactie is op grond van het onderwerp aan een advies gekoppeld, niet op een datum.",
    "soort-tegenstrijdig": "De aanwijzingen in de brief spreken elkaar tegen (bijvoorbeeld het onderwerp en de ondertekening): een mens kiest de soort.",
    "afzender-misgelezen": "De naam van de afzender lijkt verkeerd gelezen (tekstherkenning): een mens vult 'van' in.",
    "titel-van-webpagina": "De titel komt van de webpagina, niet uit de brief zelf.",
    "datum-van-webpagina": "De datum komt van de webpagina, niet uit de brief zelf.",
    "tekst-afgebroken": "De tekst lijkt afgebroken: er staat geen afsluiting of ondertekening in.",
}
"""code → what the decision means, in Dutch (for the person who reads the report)."""
