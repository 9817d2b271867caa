"""The body of the letter as Markdown, and the attachments its text lists."""

from __future__ import annotations

import re

from adviesregister.importer.body import letter_to_markdown
from adviesregister.importer.findings import Letter
from adviesregister.importer.layouts import artefacts
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source


def read_body(source: Source, letter: Letter) -> None:
    tekst = letter_to_markdown(source.lines[source.body_start :], source.body_start + 1, letter.verwijderd, artefacts(source.layout))
    letter.tekst = "\n".join(letter.vooraf) + "\n\n" + tekst if letter.vooraf else tekst


def read_attachments(source: Source, letter: Letter) -> None:
    """A section 'Bijlage(n)' in the text lists the attachments, one paragraph or list item each."""
    match = re.search(rf"^## (?:{rules().bijlagen_kop.pattern})\n\n(.*?)(?=\n\n## |\Z)", letter.tekst, re.DOTALL | re.MULTILINE)
    if match and "bijlagen" not in letter.fields:
        items = [re.sub(r"^(- |\d+\. )", "", item.strip()) for item in re.split(r"\n\n|\n(?=- |\d+\. )", match[1]) if item.strip()]
        items = [item for item in items if not rules().geen_bijlage.match(item)]
        if not items:
            return
        letter.set("bijlagen", items, None, "de paragraaf 'Bijlagen' in de tekst")
