"""A letter copied from a web page: the page's furniture around the letter's own text, and the page's title and date.

A web copy starts with the page's title and a date widget ('oktober 25', '15 juni 2021', 'Geplaatst op 3 maart 2024'),
often under breadcrumbs ('Home > Adviezen > …'), and ends with share buttons and 'Terug naar overzicht'. Those lines
are no part of the letter: the reading steps do not see them (source.py blanks them) and the report lists them. The
page's title and date are candidates of lower standing: used only where the letter gives no subject or date of its
own, and then a person is asked to check. Only a text that has the letter's own salutation is cleaned so: a web post
*about* an advice keeps all its furniture, by which kind.py tells it is no letter. The words are data: see rules.py.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from adviesregister.content.extract import WebPage
from adviesregister.content.model import Datum, DatumError
from adviesregister.importer.dates import find_dates, months
from adviesregister.importer.findings import Letter
from adviesregister.importer.rules import rules


@cache
def _yearless_widget() -> re.Pattern[str]:
    """A date widget without a year ('oktober 25', '25 okt'): page furniture, but no date to use."""
    month = "|".join(sorted(months(), key=len, reverse=True))
    return re.compile(rf"^({month})\.?\s+\d{{1,2}}$|^\d{{1,2}}\s+({month})\.?$", re.IGNORECASE)


SITE_HEADER_LINES, SITE_HEADER_WIDTH = 3, 80
"""Lines above a web copy's breadcrumbs that are the site's name and menu, at most, and their longest."""
TOP_LINES = 4
"""The page's title and its date widget stand among the first lines that are no other furniture."""
MAX_TITLE = 200


@dataclass(frozen=True)
class PageParts:
    """The lines of a web copy that belong to the page, not to the letter (indexes into the text's lines)."""

    meubilair: tuple[tuple[int, str], ...] = ()
    """Breadcrumbs, share buttons, 'Lees meer', cookie lines."""
    titel: tuple[int | None, str] | None = None
    """The page's title: its line (None: only in the HTML's markup) and text."""
    datum: tuple[int | None, Datum | None, str] | None = None
    """The page's date widget: its line (None: from the HTML's markup), the date (None without a year) and text."""

    def lines(self) -> set[int]:
        """Every line index that belongs to the page."""
        found = {index for index, _ in self.meubilair}
        found |= {self.titel[0]} if self.titel and self.titel[0] is not None else set()
        found |= {self.datum[0]} if self.datum and self.datum[0] is not None else set()
        return found


def page_parts(lines: list[str], salutation: int | None, web_page: WebPage | None) -> PageParts:
    """The furniture of a web copy, its title and its date widget; empty for a text that is no web copy, or that has
    no salutation of its own (then the furniture is evidence that the text is a web post: kind.py reads it)."""
    if salutation is None:
        return PageParts()
    meubilair = tuple((index, line.strip()) for index, line in enumerate(lines) if line.strip() and rules().webpagina_meubilair.fullmatch(line.strip()))
    meubilair = _site_header(lines, meubilair) + meubilair
    furniture = {index for index, _ in meubilair}
    top = [index for index in range(salutation) if lines[index].strip() and index not in furniture][:TOP_LINES]
    widget = _date_widget(lines, top)
    web = bool(meubilair) or web_page is not None or (widget is not None and widget[3])
    if not web:
        return PageParts()
    titel: tuple[int | None, str] | None = None
    if widget is not None:
        above = [index for index in top if index < widget[0]]
        if above and _title_like(lines[above[-1]]):
            titel = (above[-1], lines[above[-1]].strip())
    if titel is None and web_page is not None and web_page.titel:
        same = [index for index in top if _loose(lines[index]) == _loose(web_page.titel)]
        titel = (same[0] if same else None, web_page.titel)
    datum: tuple[int | None, Datum | None, str] | None = widget[:3] if widget is not None else None
    if (datum is None or datum[1] is None) and web_page is not None and web_page.datum:
        with contextlib.suppress(DatumError):  # a date the page's markup gives wrong is no candidate
            datum = (datum[0] if datum else None, Datum.parse(web_page.datum), f"de opmaak van de pagina: {web_page.datum}")
    return PageParts(meubilair, titel, datum)


def _site_header(lines: list[str], meubilair: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """The site's name and menu above a web copy's first furniture line ('ASD Hardenberg' / 'Home  Over ons  Adviezen'
    above 'Home > Adviezen > …'): a few short lines, the page's, not a letterhead."""
    if not meubilair:
        return ()
    above = [(index, lines[index].strip()) for index in range(meubilair[0][0]) if lines[index].strip()]
    return tuple(above) if len(above) <= SITE_HEADER_LINES and all(len(line) <= SITE_HEADER_WIDTH for _, line in above) else ()


def _date_widget(lines: list[str], top: list[int]) -> tuple[int, Datum | None, str, bool] | None:
    """(line, date, text, whether its words say it is a web page's date) of the first date widget among the top lines:
    'Geplaatst op 3 maart 2024' anywhere there, a date alone ('15 juni 2021', 'oktober 25') only under a title."""
    for position, index in enumerate(top):
        line = lines[index].strip()
        words = rules().webpagina_datum.match(line)
        if words:
            alone, datum = _date_only(line[words.end() :])
            if alone:
                return index, datum, line, True
        if position == 0:
            continue
        if _yearless_widget().match(line):
            return index, None, line, True
        alone, datum = _date_only(line)
        if alone:
            return index, datum, line, False
    return None


def _date_only(text: str) -> tuple[bool, Datum | None]:
    stripped = text.strip().rstrip(".")
    found = find_dates(stripped)
    if len(found) != 1 or found[0].text.strip() != stripped:
        return False, None
    return True, found[0].datum


def _title_like(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_TITLE and not stripped.endswith((".", ",", ":", ";")) and "\t" not in stripped


def _loose(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:")


class _WithPage(Protocol):
    @property
    def web_page(self) -> PageParts: ...


def read_web_page(source: _WithPage, letter: Letter) -> None:
    """List the page's lines as removed; offer its title and date where the letter gave none, and ask to check them."""
    parts = source.web_page
    for index, line in parts.meubilair:
        letter.verwijderd.add(index + 1, "onderdeel van de webpagina, niet van de brief", line)
    if parts.titel is not None:
        line_number, titel = parts.titel
        if line_number is not None:
            letter.verwijderd.add(line_number + 1, "titel van de webpagina", titel)
        if "titel" not in letter.fields:
            waar = f"regel {line_number + 1}" if line_number is not None else "de opmaak van de pagina"
            letter.set("titel", titel.rstrip("."), None, f"de titel van de webpagina, niet uit de brief zelf ({waar}: '{titel}')")
            letter.beslissingen.add(
                "titel", "titel-van-webpagina", f"titel van de webpagina, niet uit de brief zelf: controleer of '{titel}' het onderwerp van de brief is."
            )
    if parts.datum is not None:
        line_number, datum, tekst = parts.datum
        if line_number is not None:
            letter.verwijderd.add(line_number + 1, "datum van de webpagina", tekst)
        if datum is not None and "datum" not in letter.fields:
            waar = f"regel {line_number + 1}: '{tekst}'" if line_number is not None else tekst
            letter.set("datum", datum, None, f"datum van de webpagina, niet uit de brief zelf ({waar})")
            letter.beslissingen.add(
                "datum",
                "datum-van-webpagina",
                f"datum van de webpagina, niet uit de brief zelf: controleer. De pagina is van {datum}; de brief kan eerder geschreven zijn.",
            )
