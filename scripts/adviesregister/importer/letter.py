"""Read a Dutch letter: header fields, sender and recipient, kind, body, verdict, and the advice it answers.

Every value comes with its evidence (the line it was read from). Where the letter does not say,
the field is left out and a decision for a person is recorded: we abstain rather than guess.
The words that mark a salutation, a closing, a council's name or a verdict are data: see rules.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from adviesregister.content.extract import WebPage
from adviesregister.importer.completeness import read_completeness
from adviesregister.importer.findings import Letter
from adviesregister.importer.gemeente import read_gemeente
from adviesregister.importer.kind import read_kind
from adviesregister.importer.letterhead import read_letterhead, read_unlabelled_title
from adviesregister.importer.ocr_fields import repair_ocr_fields
from adviesregister.importer.ocr_text import read_ocr, reading_ocr
from adviesregister.importer.own_date import read_date_otherwise, read_own_date
from adviesregister.importer.recommendations import read_recommendations
from adviesregister.importer.sender import read_recipient, read_sender
from adviesregister.importer.source import Source, read_source
from adviesregister.importer.text import read_attachments, read_body
from adviesregister.importer.verdict import read_answered_advice, read_response_verdict
from adviesregister.importer.webpage import read_web_page


@dataclass(frozen=True)
class Step:
    """One step of reading a letter: the fields it reads from earlier steps and the fields it may set."""

    run: Callable[[Source, Letter], None]
    reads: frozenset[str] = frozenset()
    sets: frozenset[str] = frozenset()
    as_written: bool = False
    """The step copies the letter's words (the body): in an OCR-damaged text it reads them as written, not repaired."""


READING_STEPS: tuple[Step, ...] = (
    Step(read_letterhead, sets=frozenset({"titel", "datum", "aan", "van", "bijlagen", "kenmerken", "vooraf", "kop_van"})),
    Step(read_unlabelled_title, reads=frozenset({"titel"}), sets=frozenset({"titel"})),
    Step(read_own_date, reads=frozenset({"datum"}), sets=frozenset({"datum", "datum_gezien"})),
    Step(read_web_page, reads=frozenset({"titel", "datum"}), sets=frozenset({"titel", "datum"})),
    Step(read_body, reads=frozenset({"vooraf"}), sets=frozenset({"tekst"}), as_written=True),
    Step(read_attachments, reads=frozenset({"tekst", "bijlagen"}), sets=frozenset({"bijlagen"})),
    Step(read_sender, reads=frozenset({"van", "kop_van", "titel"}), sets=frozenset({"van", "afzender", "rollen"})),
    Step(read_recipient, reads=frozenset({"aan", "rollen"}), sets=frozenset({"aan", "ontvanger", "rollen"})),
    Step(repair_ocr_fields, reads=frozenset({"titel", "aan", "van"}), sets=frozenset({"titel", "aan", "van"})),
    Step(read_gemeente, reads=frozenset({"van", "aan"}), sets=frozenset({"gemeente", "gemeente_naam"})),
    Step(
        read_kind,
        reads=frozenset({"van", "aan", "titel", "tekst", "afzender", "ontvanger", "rollen"}),
        sets=frozenset({"soort", "stuktype", "adviestype", "geen_brief"}),
    ),
    Step(read_date_otherwise, reads=frozenset({"datum", "datum_gezien"}), sets=frozenset({"datum"})),
    Step(read_completeness, reads=frozenset({"soort", "geen_brief"})),
    Step(read_recommendations, reads=frozenset({"soort", "tekst"}), sets=frozenset({"aanbevelingen"})),
    Step(read_response_verdict, reads=frozenset({"soort", "tekst"}), sets=frozenset({"besluit", "besluit_citaat"})),
    Step(read_answered_advice, reads=frozenset({"soort", "datum", "tekst", "kenmerken"}), sets=frozenset({"advies"})),
)
"""The order of reading. A field keeps the first value offered, so the most reliable source comes first: the header's
'Datum' before a collegevoorstel's deadline, 'Aan:' before the address block. Each step reads only what earlier steps set
(a test checks this); Letter refuses to give or take a field the running step did not declare (STEP_ATTRIBUTES count as fields)."""


def _as_written(source: Source, text: str) -> Source:
    """The source with the letter's own words: the lines of `text`, blank where the source left a line out."""
    lines = [line if kept.strip() else kept for line, kept in zip(text.split("\n"), source.lines, strict=True)]
    return replace(source, text="\n".join(lines), lines=lines)


def read_letter(text: str, web_page: WebPage | None = None) -> Letter:
    """Everything we can read from a letter's text, with evidence, decisions and what was removed; `web_page`: the title
    and date a web page gives of itself (see webpage.py)."""
    reading, signs = read_ocr(text)
    source = read_source(reading, web_page)
    written = _as_written(source, text) if signs else source
    letter = Letter()
    with reading_ocr(signs):  # an OCR-damaged text: its words and dates are read repaired, its body as written
        for step in READING_STEPS:
            letter.allowed, letter.readable = step.sets, step.reads | step.sets
            step.run(written if step.as_written else source, letter)
    letter.allowed = letter.readable = None
    return letter
