"""The inbox's report in Dutch Markdown, for one pull-request comment: per letter what still needs a person (each
field with a link to its line in the Git host's file view and an edit link), what was read with its evidence, and
whether the original will be published.

Everything quoted from a letter has the signs Markdown reads escaped and its '@' followed by a zero-width space, so
that a letter cannot put a link, a picture, HTML or a mention (@naam) into the comment; the evidence was cleared of
personal data by the import (letter_import.py). What the import left
out of the text is only counted here: quoting it would put it in a public comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from adviesregister.content.parse import ParseError, parse_document
from adviesregister.content.parse import field_line as deepest_line
from adviesregister.content.project import Project
from adviesregister.importer.findings import Decision
from adviesregister.importer.result import ImportResult
from adviesregister.inbox import INBOX, InboxFile, Outcome
from adviesregister.site import dutch

MARKER = "<!-- adviesregister-inbox -->"
"""The report's first line: the workflow finds its own earlier comment by it, and updates that one."""
HIDDEN = frozenset({"id"})
"""Fields the table of what was read leaves out: the id is the document's file name, shown above it."""
MAX_CHARACTERS = 60_000
"""A GitHub comment holds at most 65,536 characters; a longer report is cut here, with a note."""


@dataclass(frozen=True)
class Links:
    """Where the files can be seen and edited on the Git host: `https://github.com/eigenaar/archief` and the branch.
    Without a host the links are relative paths (with `#L<n>`)."""

    repo: str | None = None
    branch: str | None = None

    def view(self, path: str, line: int | None = None) -> str:
        anchor = f"#L{line}" if line else ""
        if self.repo and self.branch:
            return f"{self.repo.rstrip('/')}/blob/{quote(self.branch)}/{quote(path)}{anchor}"
        return f"{quote(path)}{anchor}"

    def edit(self, path: str) -> str | None:
        if self.repo and self.branch:
            return f"{self.repo.rstrip('/')}/edit/{quote(self.branch)}/{quote(path)}"
        return None


@dataclass(frozen=True)
class Place:
    """Where a field stands in a document's file: its line, or, for a field the document lacks, the line to add it above."""

    line: int
    aanwezig: bool


def field_line(text: str, field: str | None) -> Place | None:
    """The line (from 1) of `field` in a written document, as the front-matter parser places it ('kenmerken.uw_kenmerk':
    its sub-key, or its parent's line when the sub-key is absent); for 'tekst' or no field, the text's first line; for a
    field the document lacks, the closing '---' (to add it above). None when the file cannot be read."""
    try:
        document = parse_document(text.encode("utf-8"))
    except ParseError:
        return None
    if field in (None, "tekst"):
        return Place(document.text_line, True)
    path = field.split(".")
    lines = document.front_matter.lines
    if path[0] not in lines:
        return Place(document.end_line, False)
    return Place(deepest_line(lines, path), True)


def format_inbox_report(project: Project, outcome: Outcome, links: Links, folder: str = INBOX) -> str:
    """The whole report: a summary, then each letter."""
    lines = [MARKER, f"## Brieven uit `{folder}/`", ""]
    if not outcome.brieven:
        lines.append(f"Er stond niets nieuws in `{folder}/`. Er is niets veranderd.")
        return "\n".join(lines) + "\n"
    klaar = len(outcome.brieven) - len(outcome.mislukt)
    samenvatting = f"{dutch.count(klaar, 'brief', 'brieven')} in het archief gezet"
    if outcome.mislukt:
        samenvatting += (
            f", {dutch.count(len(outcome.mislukt), 'brief', 'brieven')} niet: {'die staat' if len(outcome.mislukt) == 1 else 'die staan'} nog in `{folder}/`"
        )
    lines.append(samenvatting + ".")
    persoonlijk = [number for number, brief in enumerate(outcome.brieven, 1) if brief.result is not None and _personal(brief.result)]
    if persoonlijk:
        lines += ["", f"> **Let op:** in het originele bestand van brief {_and(persoonlijk)} staan gegevens van personen. Lees hieronder wat u doet.", ""]
    if outcome.commit:
        lines.append(f"De documenten staan in commit {outcome.commit[:7]} op deze branch.")
    elif not outcome.vastgelegd:
        lines.append(
            "Dit verslag is gemaakt zonder commit (bij een pull request uit een fork mag het archief niets op uw branch zetten): "
            "de documenten staan nog niet op de branch. Draai `adviesregister inbox --commit` op uw eigen computer en push, "
            "of vraag de beheerder van het archief."
        )
    lines += [
        "",
        "Kijk per brief na wat het archief las. Vul in wat nog open is: klik op de regel om het veld te zien, of op **bewerken** om het "
        "bestand te veranderen (daarna **Commit changes…**). De controle draait dan opnieuw.",
    ]
    for number, brief in enumerate(outcome.brieven, 1):
        lines += ["", *_letter(project, brief, number, links if outcome.vastgelegd else None)]
    text = "\n".join(lines) + "\n"
    if len(text) > MAX_CHARACTERS:
        text = text[:MAX_CHARACTERS].rsplit("\n", 1)[0] + "\n\n*Het verslag is te lang voor één reactie en is hier afgekapt.*\n"
    return text


def _letter(project: Project, brief: InboxFile, number: int, links: Links | None) -> list[str]:
    naam = Path(brief.file).name
    result = brief.result
    if brief.error is not None:
        return [f"### {number}. {_code(naam)}: niet ingelezen", "", f"{_escape(_sentence(brief.error))} De brief staat nog in `{Path(brief.file).parent}/`."]
    assert result is not None
    if result.houder is not None:
        return [
            f"### {number}. {_code(naam)}: stond al in het archief",
            "",
            f"Dezelfde brief (hetzelfde bestand) staat al in het archief als {_file_link(result.houder, links)}. Er is niets geschreven; "
            "de brief is uit de map gehaald.",
        ]
    eerste = result.records[0]
    lines = [f"### {number}. {_code(naam)} → {eerste.front_matter.get('soort', 'soort onbekend')}", ""]
    for record in result.records:
        wat = "Document" if record is eerste else "Ook gemaakt (het advies waar deze reactie op antwoordt)"
        edit = links.edit(record.path) if links else None
        lines.append(f"{wat}: {_file_link(record.path, links)}" + (f" · [bewerken]({edit})" if edit else ""))
    text = (project.root / eerste.path).read_text(encoding="utf-8") if (project.root / eerste.path).is_file() else ""
    if result.beslissingen:
        lines += ["", "**Nog invullen of nakijken**", "", "| Veld | Wat u doet | Waar |", "| --- | --- | --- |"]
        lines += [_decision_row(decision, eerste.path, text, links) for decision in result.beslissingen]
    else:
        lines += ["", "Niets meer in te vullen."]
    lines += ["", "**Gelezen uit de brief**", "", "| Veld | Waarde | Gevonden |", "| --- | --- | --- |"]
    for field, value in _fields(eerste.ordered()):
        gevonden = result.ingevuld.get(field) or eerste.bewijs.get(field, "")
        lines.append(f"| `{field}` | {_escape(value)} | {_escape(gevonden)} |")
    lines += ["", f"**Origineel:** {_original(result)}"]
    if result.verwijderd:
        lines += [
            "",
            f"**Weggelaten:** {dutch.count(len(result.verwijderd), 'stuk', 'stukken')} tekst (briefhoofd, adressen, namen of nummers van personen). Het document noemt ze niet.",
        ]
    return lines


def _decision_row(decision: Decision, path: str, text: str, links: Links | None) -> str:
    place = field_line(text, decision.field) if text else None
    if place is None:
        waar = ""
    elif links is None:
        waar = f"regel {place.line}" if place.aanwezig else f"ontbreekt: boven regel {place.line}"
    else:
        label = f"regel {place.line}" if place.aanwezig else f"ontbreekt: voeg toe boven regel {place.line}"
        waar = f"[{label}]({links.view(path, place.line)})"
    field = f"`{decision.field}`" if decision.field else (f"regel {decision.line} van de brief" if decision.line else "")
    return f"| {field} | {_escape(_sentence(decision.message))} | {waar} |"


def _original(result: ImportResult) -> str:
    if result.origineel is None:
        return "onbekend."
    reason = result.origineel.buiten_archief()
    if reason is None:
        return "komt in `content/` en wordt gepubliceerd op de site."
    niet = f"wordt niet gepubliceerd: {_escape(reason)}. Het staat niet in `content/`; alleen het controlegetal staat bij `bron.sha256`."
    if _personal(result):
        return (
            f"{niet}\n\n> **Let op:** er staan gegevens van personen in dit bestand, en het blijft in de geschiedenis van deze branch "
            "staan, ook nu het uit de map is gehaald. Is het archief openbaar, sluit dan deze pull request zonder samen te voegen, "
            "verwijder de branch en lees in de handleiding (Publiceren) wat u verder doet. Upload daarna een versie zonder die gegevens."
        )
    return niet


def _personal(result: ImportResult) -> bool:
    """Whether the uploaded original holds personal data (so it must not stay in a public branch's history)."""
    return result.origineel is not None and (result.origineel.persoonlijk or result.origineel.buiten_archief_soort() == "persoonsgegevens")


def _and(numbers: list[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else f"{', '.join(map(str, numbers[:-1]))} en {numbers[-1]}"


def _fields(front_matter: dict[str, object]) -> list[tuple[str, str]]:
    """Every field as the report shows it: nested fields by their dotted name, lists joined; not the id (the file's
    name) and not `bron` (the original has its own line)."""
    items: list[tuple[str, str]] = []
    for field, field_value in front_matter.items():
        pairs = [(f"{field}.{key}", value) for key, value in field_value.items()] if isinstance(field_value, dict) else [(field, field_value)]
        for naam, value in pairs:
            if naam not in HIDDEN and not naam.startswith("bron."):  # the original has its own line
                items.append((naam, ", ".join(map(str, value)) if isinstance(value, list) else str(value)))
    return items


def _file_link(path: str, links: Links | None) -> str:
    return f"[`{path}`]({links.view(path)})" if links else f"`{path}`"


def _code(text: str) -> str:
    """Text from a letter as a code span on one line, safe in a table cell: no Markdown, link or mention works in it."""
    flat = " ".join(str(text).split()).replace("|", "\\|")
    if not flat:
        return ""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{ticks} {flat} {ticks}" if "`" in flat else f"`{flat}`"


def _escape(text: str) -> str:
    """Our own Dutch messages on one line, with the signs Markdown would read escaped (a message may quote a letter)."""
    flat = " ".join(text.split())
    return re.sub(r"([\\`*_\[\]<>|#!~])", r"\\\1", flat).replace("@", "@\u200b")


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else text + "."
