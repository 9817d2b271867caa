"""The reading steps of the letterhead: its labelled fields, and a subject line without a label."""

from __future__ import annotations

import re

from adviesregister.importer.findings import Letter
from adviesregister.importer.header import label_segments, read_header
from adviesregister.importer.layouts import header_labels
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source


def read_letterhead(source: Source, letter: Letter) -> None:
    letter.vooraf = read_header(source.lines[: source.body_start], letter, header_labels(source.layout))


def read_unlabelled_title(source: Source, letter: Letter) -> None:
    """Without 'Betreft' or 'Onderwerp': a line above the salutation that names the advice or response ('Gevraagd advies
    over …', 'Reactie op …'), or a subject label in mid-line ('Collegevoorstel (2024/118) Onderwerp: …')."""
    if "titel" in letter.fields:
        return
    subject_labels = "|".join(re.escape(label) for label, field in rules().kop_labels if field == "titel")
    for index in range(max(source.body_start, source.first + 1)):
        line = source.lines[index].strip()
        inline = re.search(rf"\b(?:{subject_labels})\s*:\s*(\S.+)$", line)
        if inline:
            letter.set("titel", inline[1].rstrip("."), index + 1, line)
            return
        if rules().titel_zonder_label.match(line) and not label_segments(line, []) and len(line) <= 200:
            letter.set("titel", line.rstrip("."), index + 1, line)
            return
