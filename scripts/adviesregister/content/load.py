"""Content files → model. Every file is read once; problems are collected, never raised."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from typing import Any

from adviesregister.base.folders import is_real_folder, is_regular_file
from adviesregister.base.parallel import parallel_map
from adviesregister.content.gemeenten_schrijven import yaml_scalar
from adviesregister.content.model import Adviesraad, Archive, Besluit, Bron, ContentPage, Datum, DatumError, Document, Gemeente, Problem
from adviesregister.content.names import REQUIRED_PAGES, RESERVED_PAGES
from adviesregister.content.parse import ParseError, decode_text, parse_document, parse_yaml, read_content_file
from adviesregister.content.paths import content_files
from adviesregister.content.project import Project
from adviesregister.content.reference import MUNICIPALITIES_FILE, cbs_municipalities
from adviesregister.content.schema import CONTENT_PAGE_SCHEMA, DOCUMENT_SCHEMA, GEMEENTEN_SCHEMA
from adviesregister.content.validate import validate_data


def load_archive(project: Project) -> tuple[Archive, list[Problem]]:
    """Read gemeenten.yml and every document; return the model and all problems found."""
    gemeenten, problems = load_gemeenten(project)
    archive = Archive(gemeenten, [])
    paths = list(content_files(project.documents))
    for path, (document, file_problems) in zip(paths, parallel_map(partial(load_document, project), paths), strict=True):
        problems.extend(file_problems)
        if document is not None:
            archive.documents.append(document)
        else:
            archive.onleesbaar.append(project.relative(path))
    archive.pages, page_problems = load_content_pages(project)
    return archive, problems + page_problems


_PAGE_NAME_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def load_content_pages(project: Project) -> tuple[list[ContentPage], list[Problem]]:
    """The hand-written pages of content/paginas/ (only .md files directly in it)."""
    pages: list[ContentPage] = []
    problems: list[Problem] = []
    for path in content_files(project.content_pages, recursive=False):
        relative_path = project.relative(path)
        if not _PAGE_NAME_RE.fullmatch(path.stem) or path.stem in RESERVED_PAGES:
            problems.append(
                Problem(
                    relative_path,
                    1,
                    "pagina-naam",
                    f"'{path.name}' kan geen naam van een pagina zijn: gebruik kleine letters, cijfers en streepjes, en niet een naam die het archief zelf al gebruikt ({', '.join(sorted(RESERVED_PAGES))}).",
                )
            )
            continue
        try:
            parsed = parse_document(read_content_file(path))
        except ParseError as err:
            problems.append(Problem(relative_path, err.line, err.code, err.message))
            continue
        found = validate_data(CONTENT_PAGE_SCHEMA, parsed.front_matter.data, parsed.front_matter.lines, relative_path)
        if found:
            problems += found
            continue
        data = parsed.front_matter.data
        lines = parsed.front_matter.lines
        pages.append(ContentPage(path.name, data["title"], parsed.tekst, tuple(data.get("hide", [])), lines["title"], parsed.text_line))
    if os.path.lexists(project.content_pages) and not is_real_folder(project.content_pages):
        return pages, problems  # a symlink: named by find_unsafe_files; what lies behind it is not looked at
    for naam in REQUIRED_PAGES:
        if not os.path.lexists(project.content_pages / f"{naam}.md"):
            problems.append(
                Problem(
                    f"content/paginas/{naam}.md",
                    1,
                    "pagina-ontbreekt",
                    "deze pagina ontbreekt; het menu van de site wijst ernaar. Zet haar terug (zie de pagina's in het voorbeeldarchief).",
                )
            )
    return pages, problems


def load_gemeenten(project: Project) -> tuple[dict[str, Gemeente], list[Problem]]:
    path = project.gemeenten_file
    relative_path = project.relative(path)
    if os.path.lexists(path) and not is_regular_file(path):  # a symlink or special file: named by find_unsafe_files, never read
        return {}, []
    if not path.exists():
        return {}, [Problem(relative_path, 1, "bestand-ontbreekt", "dit bestand ontbreekt. Het noemt elke gemeente in het archief.")]
    try:
        parsed = parse_yaml(decode_text(read_content_file(path)))
    except ParseError as err:
        return {}, [Problem(relative_path, err.line, err.code, err.message)]
    old_shape = old_shape_problems(parsed.data, parsed.lines, relative_path)
    problems = old_shape + validate_data(GEMEENTEN_SCHEMA, new_shape(parsed.data) if old_shape else parsed.data, parsed.lines, relative_path)
    if problems:
        return {}, problems
    gemeenten = {slug: _gemeente(slug, fields, parsed.lines) for slug, fields in parsed.data.items()}
    known = cbs_municipalities()
    for slug, gemeente in gemeenten.items():
        if known.get(gemeente.cbs_code) != gemeente.naam:
            problems.append(
                Problem(
                    relative_path,
                    parsed.lines[f"{slug}.cbs_code"],
                    "onbekende-cbs-code",
                    f"{slug}.cbs_code: '{gemeente.cbs_code}' met naam '{gemeente.naam}' staat niet in de CBS-lijst van gemeenten "
                    f"({MUNICIPALITIES_FILE} van Adviesregister). Neem code en naam precies uit die lijst over, of schrijf de gemeente opnieuw met "
                    "'adviesregister gemeente toevoegen'.",
                )
            )
    return (gemeenten, []) if not problems else ({}, problems)


def _gemeente(slug: str, fields: dict[str, Any], lines: dict[str, int]) -> Gemeente:
    raden = tuple(Adviesraad(raad["naam"], tuple(raad.get("afkortingen", ())), raad.get("website"), raad.get("contact")) for raad in fields["adviesraden"])
    rest = {key: value for key, value in fields.items() if key != "adviesraden"}
    return Gemeente(slug=slug, adviesraden=raden, lines=lines, **rest)


def old_shape_problems(data: Any, lines: dict[str, int], path: str) -> list[Problem]:
    """A gemeente written in the first shape of gemeenten.yml ('adviesraad: naam', one text): a problem at that line
    that shows the lines to write instead. Both shapes are never accepted side by side."""
    problems = []
    for slug, fields in data.items() if isinstance(data, dict) else ():
        if not isinstance(fields, dict) or "adviesraad" not in fields or "adviesraden" in fields:
            continue
        naam = fields["adviesraad"]
        value = yaml_scalar(naam) if isinstance(naam, str) and naam else "Naam van de adviesraad"
        problems.append(
            Problem(
                path,
                lines.get(f"{slug}.adviesraad", lines.get(slug, 1)),
                "gemeente-oude-vorm",
                f"{slug}.adviesraad: een gemeente noemt haar adviesraden nu in een lijst 'adviesraden' (met naam, afkortingen, website en contact). "
                f"Vervang deze regel door deze drie regels, met de spaties vooraan: '  adviesraden:' '    - naam: {value}' '      afkortingen: []'.",
            )
        )
    return problems


def new_shape(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with every old-shape gemeente as the new shape would have it, so the schema finds the other problems in the same run."""
    converted = {}
    for slug, fields in data.items():
        if isinstance(fields, dict) and "adviesraad" in fields and "adviesraden" not in fields:
            fields = {key: value for key, value in fields.items() if key != "adviesraad"} | {"adviesraden": [{"naam": fields["adviesraad"]}]}
        converted[slug] = fields
    return converted


def load_document(project: Project, path: Path) -> tuple[Document | None, list[Problem]]:
    """One document file → a Document, or None and the problems that stop it."""
    return read_document(project.relative(path), read_content_file(path))


def read_document(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """A document's bytes (from its file, or from git's history) → a Document, or None and the problems that stop it."""
    try:
        parsed = parse_document(raw)
    except ParseError as err:
        return None, [Problem(path, err.line, err.code, err.message)]
    data, lines = parsed.front_matter.data, parsed.front_matter.lines
    if isinstance(data.get("datum"), int):  # `datum: 2023` is a year, written without quotes
        data["datum"] = str(data["datum"])
    problems = validate_data(DOCUMENT_SCHEMA, data, lines, path)
    datum = None
    if not any(problem.line == lines.get("datum") for problem in problems) and isinstance(data.get("datum"), str):
        try:
            datum = Datum.parse(data["datum"])
        except DatumError as err:
            problems.append(Problem(path, lines["datum"], "ongeldige-datum", f"datum: {err}. Controleer de datum in de brief."))
    if problems or datum is None:
        return None, sorted(problems, key=lambda p: (p.line, p.code))
    document = _build_document(data, datum, path, lines)
    document.tekst = parsed.tekst
    document.text_line = parsed.text_line
    return document, []


def _build_document(data: dict[str, Any], datum: Datum, relative_path: str, lines: dict[str, int]) -> Document:
    fields = dict(data)
    fields["datum"] = datum
    if "bron" in fields:
        fields["bron"] = Bron(**{key: value for key, value in fields["bron"].items() if key != "ingelezen"})  # the import's record stays in the file
    fields["besluiten"] = [Besluit(**besluit) for besluit in fields.get("besluiten", [])]
    return Document(path=relative_path, lines=lines, **fields)
