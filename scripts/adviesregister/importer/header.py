"""The header of a Dutch letter: 'Label value', tab tables with values below their labels, labels with the value on the next line."""

from __future__ import annotations

import re
from functools import cache

from adviesregister.importer.dates import find_dates, parse_dutch_date
from adviesregister.importer.findings import Found, Letter
from adviesregister.importer.parties import clean_name, organ_in, without_article
from adviesregister.importer.rules import rules

_DATED = ("datum", "uw_brief")
"""Labels whose value is a date."""
_PHONE_RE = re.compile(r"^\(?0\d[\d\s()-]{7,}$")


def __getattr__(name: str) -> re.Pattern[str]:
    """TAV_RE ('t.a.v. de voorzitter'), NO_ATTACHMENT_RE ('Bijlage(n): geen') and ADDRESS_RE (a street or postbus), as
    the other modules knew them; the words are in data/brieven.yml (ter_attentie, geen_bijlage, adres)."""
    patterns = {"TAV_RE": "ter_attentie", "NO_ATTACHMENT_RE": "geen_bijlage", "ADDRESS_RE": "adres"}
    if name in patterns:
        pattern: re.Pattern[str] = getattr(rules(), patterns[name])
        return pattern
    raise AttributeError(name)


@cache
def _label_pattern(labels: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Any of the labels at a word boundary, with its colon; made once per set of labels (a layout adds its own)."""
    return re.compile(r"(?<![\w(])(" + "|".join(re.escape(label) for label, _ in labels) + r")(?![\w)])\s*:?")


def label_segments(cell: str, extra: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(key, label, value) for every label at a word boundary in a header cell that starts with a label, or that holds
    three or more (a letterhead flattened onto one line: 'Seniorenraad Enschede Datum 12 september 2023 Ons kenmerk …')."""
    labels = (*rules().kop_labels, *extra)
    matches = list(_label_pattern(labels).finditer(cell.strip()))
    if not matches or (matches[0].start() != 0 and len(matches) < 3):
        return []
    keys = dict(labels)
    stripped = cell.strip()
    out = []
    index = 0
    while index < len(matches):
        match = matches[index]
        end = matches[index + 1].start() if index + 1 < len(matches) else len(stripped)
        value = stripped[match.end() : end].strip()
        if not value and index + 1 < len(matches) and matches[index + 1][1] == match[1]:
            # 'Openbaar Openbaar': the second word is the value, not the label again
            after = matches[index + 2].start() if index + 2 < len(matches) else len(stripped)
            value = stripped[matches[index + 1].start() : after].strip()
            index += 1
        out.append((keys[match[1]], match[1], value))
        index += 1
    return out


def read_header(lines: list[str], letter: Letter, extra: list[tuple[str, str]]) -> list[str]:
    """Header fields, from 'Label value', 'Label<tab>value', label rows with values below, and label lines with the value
    on the next line. `extra`: the labels of the letter's layout (see layouts.py)."""
    pending: list[tuple[int | None, str, str]] = []  # (column, key, label) still waiting for a value
    previous_was_labels = False
    cv_items: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        line_number = index + 1
        cells = re.split(r"\t| {2,}", line) if "\t" in line or "  " in line.strip() else [line]
        labelled = [(col, seg) for col, cell in enumerate(cells) for seg in label_segments(cell, extra)]
        if labelled and labelled[0][1][0] == "aan" and _addresses(line):
            index = _read_addressee(lines, index, letter)
            continue
        if labelled and labelled[0][1][0] == "aan" and len(cells) > 1 and _addresses_organ(cells[0]):
            # a letterhead's columns on the addressee's line ('Aan het college …    Ons kenmerk …', as OCR reads a scan)
            _read_labelled_line(cells[1:], [(col - 1, seg) for col, seg in labelled if col > 0], line_number, letter, cv_items)
            index = _read_addressee(lines, index, letter, cells[0])
            continue
        index += 1
        if not labelled:
            values = [(col, cell.strip()) for col, cell in enumerate(cells) if cell.strip()]
            if values and not pending and _continues_title(lines, index - 1, letter):
                titel = letter.fields["titel"]
                letter.set("titel", f"{titel.value} {line.strip()}".rstrip("."), titel.line, f"{titel.bewijs} {line.strip()}", replace=True)
                continue
            if values:
                pending = _assign_pending(pending, values, "\t" in line, line_number, letter, cv_items)
                previous_was_labels = False
            continue
        waiting = _read_labelled_line(cells, labelled, line_number, letter, cv_items)
        if waiting is None:  # some labels had values: the others on this line are just empty
            previous_was_labels = False
            continue
        columns = [(col if "\t" in line else None, key, label) for col, key, label in waiting]
        # Labels wait for a value below them ('Uw brief  Uw kenmerk  Datum'); consecutive label lines add up.
        pending = [*pending, *columns] if previous_was_labels else columns
        previous_was_labels = True
    return cv_items


def _continues_title(lines: list[str], index: int, letter: Letter) -> bool:
    """A subject too long for one line goes on, unlabelled, on the next (as PDF text extraction gives it)."""
    titel = letter.fields.get("titel")
    line = lines[index].strip()
    return (
        titel is not None
        and titel.line == index
        and bool(lines[index - 1].strip())
        and parse_dutch_date(line) is None
        and not rules().datum_uitgebracht.match(line)
        and not re.match(r"^[\w ]{2,30}\s?:", line)  # 'Advies over : …' is a field of its own
    )


def _read_labelled_line(
    cells: list[str], labelled: list[tuple[int, tuple[str, str, str]]], line: int, letter: Letter, cv: list[str]
) -> list[tuple[int, str, str]] | None:
    """Store the labels that have a value on this line; return the others if no label had one."""
    waiting: list[tuple[int, str, str]] = []
    any_value = False
    used: set[int] = set()
    label_columns = {col for col, _ in labelled}
    for col, (key, label, value) in labelled:
        if col in used:
            continue
        if not value:
            # the next cell, past empty ones ('Datum<tab><tab>2 april 2024'), unless that is a label itself
            after = next((c for c in range(col + 1, len(cells)) if cells[c].strip()), None)
            nxt = cells[after].strip() if after is not None else ""
            next_is_label = after in label_columns
            if after is not None and nxt and (not next_is_label or key == "cv"):
                value = nxt
                used.add(after)
        if value:
            any_value = True
            _store(key, label, value, line, letter, cv)
        else:
            waiting.append((col, key, label))
    return None if any_value else waiting


def _assign_pending(
    pending: list[tuple[int | None, str, str]], values: list[tuple[int, str]], positional: bool, line: int, letter: Letter, cv: list[str]
) -> list[tuple[int | None, str, str]]:
    """Give values to waiting labels: by column in a tab table, else by what they look like. Returns the labels still waiting."""
    if positional and pending and all(col is not None for col, _, _ in pending):
        by_column = {col: (key, label) for col, key, label in pending}
        if len(values) == len(pending) and any(col not in by_column for col, _ in values):
            # as many values as labels, but other tab stops ('Datum<tab><tab>Ons kenmerk' over 'x<tab>y'): by order
            by_column = {col: (key, label) for (col, _), (_, key, label) in zip(values, pending, strict=True)}
        for col, value in values:
            if col in by_column:
                _store(*by_column[col], value, line, letter, cv)
        return []
    open_labels = list(pending)
    if len(values) == len(open_labels) > 1:  # a row of values under a row of labels, lined up with spaces: by order
        for (_, value), (_, key, label) in zip(values, open_labels, strict=True):
            _store(key, label, value, line, letter, cv)
        return []
    dated = [p for p in open_labels if p[1] in _DATED]
    value_dates = sum(parse_dutch_date(value) is not None for _, value in values)
    if len(values) > 1 and len(dated) >= 2 and value_dates >= 2:
        # fewer values than labels ('Uw kenmerk' left empty) and more than one date: which is the letter's, we cannot tell
        letter.beslissingen.add(None, "kop-waarde-onduidelijk", f"welke datum in regel {line} is van deze brief? Vul 'datum' zelf in.", line)
        return []
    if len(values) == 1 and len(dated) >= 2:
        # one row of values under 'Uw brief Uw kenmerk Ons kenmerk Datum' (tabs lost in a PDF): the dates in order
        dates = [found for found in find_dates(values[0][1]) if found.datum is not None]
        if len(dates) == len(dated):
            for (_, key, label), found in zip(dated, dates, strict=True):
                _store(key, label, found.text, line, letter, cv)
            return []
        letter.beslissingen.add(None, "kop-waarde-onduidelijk", f"welke datum in '{values[0][1]}' is van deze brief? Vul 'datum' zelf in.", line)
        return []
    for _, value in values:
        if not open_labels:
            break
        if parse_dutch_date(value) and any(key == "datum" for _, key, _ in open_labels):
            target = next(p for p in open_labels if p[1] == "datum")
        elif _PHONE_RE.match(value) and any(key == "doorkies" for _, key, _ in open_labels):
            target = next(p for p in open_labels if p[1] == "doorkies")
        elif len(open_labels) == 1 or open_labels[0][1] in ("cv", "titel"):
            target = open_labels[0]
        else:
            names = ", ".join(label for _, _, label in open_labels)
            letter.beslissingen.add(None, "kop-waarde-onduidelijk", f"bij welk veld hoort '{value}'? De kop noemt {names}; vul het zelf in.", line)
            continue
        open_labels.remove(target)
        _store(target[1], target[2], value, line, letter, cv)
    return open_labels


def _store(key: str, label: str, value: str, line: int, letter: Letter, cv: list[str]) -> None:
    value = value.strip()
    if key == "cv":
        cv.append(f"- {label} {value}" if label.endswith("?") else f"- {label}: {value}")
    elif key == "behandeld_door":
        letter.verwijderd.add(line, "de naam van een ambtenaar ('Behandeld door')", "")  # never repeat the name
    elif key == "doorkies":
        letter.verwijderd.add(line, "een doorkiesnummer", "")
    elif key in ("uw_brief", "uw_kenmerk", "ons_kenmerk", "zaaknummer"):
        letter.kenmerken.setdefault(key, Found(value, line, f"{label} {value}"))
    elif key == "bijlagen":
        if not rules().geen_bijlage.match(value):
            letter.set("bijlagen", [value], line, f"{label} {value}")
    elif key == "titel":
        letter.set("titel", value.rstrip("."), line, f"{label} {value}")
    elif key == "aan":  # 'Aan …' in a letterhead flattened onto one line; without its street and postcode
        parts = [part for part in re.split(r",\s+", value.rstrip(".")) if not _address_part(part)]
        if parts:
            letter.set("aan", ", ".join(parts), line, f"{label} {value}")
    elif key == "van":  # the signature names the sender more fully ('Van: ASD', signed 'Adviesraad Sociaal Domein …')
        letter.kop_van = letter.kop_van or Found(value.rstrip("."), line, f"{label} {value}")
    elif key == "datum":
        datum = parse_dutch_date(value)
        if datum is not None:
            letter.set("datum", datum, line, f"{label} {value}")


def _addressee_labels() -> str:
    """The labels of the addressee ('Aan'), from kop_labels in data/brieven.yml."""
    return "|".join(re.escape(label) for label, field in rules().kop_labels if field == "aan")


def _addresses(line: str) -> bool:
    """'Aan: …', or 'Aan' without a colon before an organ ('Aan het college van …'), not a title ('Aan de slag met …')."""
    match = re.match(rf"^\s*(?:{_addressee_labels()})\b\s*(:?)\s*(.*)$", line)
    if match is None:
        return False
    return match[1] == ":" or not match[2] or organ_in(match[2]) is not None


def _addresses_organ(cell: str) -> bool:
    """'Aan het college van …': a cell that addresses an organ by name."""
    return _addresses(cell) and organ_in(rules().namen_zinnen["aan_label"].sub("", cell)) is not None


def _read_addressee(lines: list[str], index: int, letter: Letter, first_cell: str | None = None) -> int:
    """'Aan: X' (or 'Aan X') and the lines below it up to a blank or labelled line, or a line of copies ('Kopie: …');
    street and postcode lines are addresses, not names. A line that ends in a comma goes on on the next ('Oostzaan,' /
    'Landsmeer en Edam'), and so does a name continued with 'van' ('College van burgemeester en wethouders' / 'van de
    gemeente Tiel'). A letter to the chair of an organ is to the organ ('Aan de voorzitter van de Wmo-raad X')."""
    first = re.sub(rf"^\s*(?:{_addressee_labels()})\s*:?\s*", "", first_cell or lines[index]).strip()
    names = [first] if first else []
    end = index + 1
    while end < len(lines) and lines[end].strip() and not label_segments(lines[end], []) and not rules().na_ondertekening.match(lines[end]):
        line = lines[end].strip()
        if not rules().adres.match(line) and not rules().ter_attentie.match(line):
            if names and (names[-1].endswith(",") or line.startswith("van ")):
                names[-1] = f"{names[-1]} {line}"
            else:
                names.append(line)
        end += 1
    parts = [part for name in names for part in re.split(r",\s+", name.rstrip(".")) if not _address_part(part)]
    if parts:
        aan = ", ".join(parts)
        bare = without_article(clean_name(aan))
        organ = organ_in(bare) if rules().functies.match(bare) else None
        letter.set("aan", organ.naam if organ and organ.naam and organ.naam != bare else aan, index + 1, lines[index].strip())
    return end


def _address_part(part: str) -> bool:
    """A street, postcode, 't.a.v.' or person ('Aan: ASD Zundert, Markt 1, 4881 CZ Zundert'): no part of the addressee."""
    return bool(rules().adres.match(part) or rules().ter_attentie.match(part) or rules().namen_zinnen["persoon"].match(part))
