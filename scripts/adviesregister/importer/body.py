"""The text of a letter → Markdown: paragraphs, headings, lists and tables; artefacts out, words unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adviesregister.importer.rules import rules

_FINISHED = (".", "!", "?", ":", ";")


@dataclass
class Removed:
    """What cleaning left out, with the line it stood on, for the import report."""

    items: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, line: int, reason: str, tekst: str) -> None:
        self.items.append((line, reason, tekst))


def letter_to_markdown(lines: list[str], first_line: int, removed: Removed, artefacts: frozenset[str] = frozenset()) -> str:
    """Markdown for the body `lines` (which start at line `first_line` of the letter); `artefacts`: lines the letter's
    template prints on every page (see layouts.py). Page furniture is data: 'opmaak' in brieven.yml."""
    furniture = rules().opmaak
    kept: list[tuple[int, str]] = []
    in_signature = False
    for offset, line in enumerate(lines):
        line_number = first_line + offset
        stripped = line.strip()
        in_signature = bool(stripped) and (in_signature or bool(furniture["handtekening"].search(stripped)))
        if in_signature:  # a description of a signature image, possibly wrapped over several lines
            removed.add(line_number, "beschrijving van een handtekening", stripped)
        elif stripped and (furniture["pagina"].match(stripped) or furniture["lijn"].match(stripped)):
            removed.add(line_number, "paginanummer of scheidingslijn", stripped)
        elif stripped in artefacts:
            removed.add(line_number, "tekst van het sjabloon", stripped)
        else:
            kept.append((line_number, line))
    closing = next((i for i, (_, line) in enumerate(kept) if rules().slot.match(line)), len(kept))
    blocks = _main_blocks([line for _, line in kept[:closing]])
    blocks += _closing_blocks(kept[closing:], removed)
    return "\n\n".join(blocks).strip() + "\n" if blocks else ""


def _main_blocks(lines: list[str]) -> list[str]:
    texts = [line.strip() for line in lines if line.strip()]
    if not texts:
        return []
    width = max(len(t) for t in texts)
    wrapped = width <= 200 and len(texts) >= 5 and sum(len(t) >= 0.7 * width for t in texts) >= 0.3 * len(texts)
    # Double-spaced extraction (one blank line after every line): lines that stop mid-sentence are still followed by a blank.
    unfinished = [i for i, line in enumerate(lines[:-1]) if len(line.strip()) >= 0.7 * width and not line.strip().endswith(_FINISHED)]
    blank_after = sum(1 for i in unfinished if not lines[i + 1].strip())
    double_spaced = wrapped and len(unfinished) >= 3 and blank_after >= 0.6 * len(unfinished)
    return _Builder(width, wrapped, double_spaced).build(lines)


class _Builder:
    """Gathers lines into Markdown blocks. In wrapped text (PDF) lines of a paragraph are joined."""

    def __init__(self, width: int, wrapped: bool, double_spaced: bool) -> None:
        self.width = width
        self.wrapped = wrapped
        self.double_spaced = double_spaced
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.kind = ""  # "p", "li" or "table"
        self.last_long = False

    def build(self, lines: list[str]) -> list[str]:
        blank_run = 2
        index = 0
        while index < len(lines):
            line = lines[index]
            stripped = line.strip()
            if not stripped:
                blank_run += 1
                index += 1
                continue
            # In double-spaced extractions one blank line sits between wrapped lines; only more end a paragraph.
            separated = blank_run >= (2 if self.double_spaced else 1)
            blank_run = 0
            table_end = self._table_at(lines, index) if self.wrapped and separated else None
            if table_end is not None:
                self._flush()
                self.blocks.append(_table(lines[index:table_end]))
                index = table_end
                blank_run = 1
                continue
            alone = separated and (index + 1 == len(lines) or not lines[index + 1].strip())
            self._add(line, stripped, separated, alone and not self.double_spaced)
            index += 1
        self._flush()
        return self.blocks

    def _add(self, line: str, stripped: str, separated: bool, alone: bool) -> None:
        finished = not self.current or self.current[-1].endswith(_FINISHED) or self.kind == "h"
        if rules().opmaak["lijst"].match(stripped):
            if self.kind != "li":
                self._flush()
            self._start("li", _list_item(stripped))
        elif _is_heading(stripped, 90 if alone or not self.wrapped else 60) and (separated or finished) and (self.wrapped or separated):
            self._flush()
            self._start("h", "## " + stripped.rstrip(":").rstrip())
        elif self.current and self.kind != "h" and self._continues(line, stripped, separated, finished):
            self.current[-1] = _join(self.current[-1], stripped)
        else:
            if self.kind != "li" or separated:
                self._flush()
            self._start("p", stripped)
        self.last_long = len(stripped) >= 0.6 * self.width

    def _continues(self, line: str, stripped: str, separated: bool, finished: bool) -> bool:
        if not self.wrapped:
            return False
        if not separated:
            return True
        return not finished and self.last_long and (stripped[0].islower() or line.startswith(" "))

    def _start(self, kind: str, text: str) -> None:
        if kind != "li" or self.kind != "li":
            self._flush()
        self.kind = kind
        self.current.append(text)
        if kind == "h":
            self._flush()
            self.kind = "h"

    def _flush(self) -> None:
        if self.current:
            self.blocks.append("\n".join(self.current))
        self.current = []
        self.kind = "" if self.kind != "h" else "h"

    def _table_at(self, lines: list[str], index: int) -> int | None:
        """The end of a two-column table whose header line is at `index` ('Onderwerp Aanbeveling'), or None."""
        header = lines[index].split()
        if len(header) != 2 or not all(word[:1].isupper() and word.isalpha() for word in header):
            return None
        blocks = _blocks_after(lines, index + 1)
        rows = 0
        end = None
        for start, stop in blocks:
            text = " ".join(line.strip() for line in lines[start:stop])
            first = lines[start].strip()
            if text.endswith(".") or (_is_heading(first, 60) and stop - start == 1 and first.isupper()):
                break
            rows += _split_columns(first)[0] != ""
            end = stop
        return end if rows >= 2 else None


def _blocks_after(lines: list[str], index: int) -> list[tuple[int, int]]:
    blocks = []
    start = None
    for i in range(index, len(lines) + 1):
        blank = i == len(lines) or not lines[i].strip()
        if blank and start is not None:
            blocks.append((start, i))
            start = None
        elif not blank and start is None:
            start = i
    return blocks


def _split_columns(line: str) -> tuple[str, str]:
    """'Aanpak mensenhandel Zorg voor ...' → ('Aanpak mensenhandel', 'Zorg voor ...'): the second column starts with a capital."""
    words = line.split()
    for position in range(1, len(words)):
        if words[position][:1].isupper():
            return " ".join(words[:position]), " ".join(words[position:])
    return "", line.strip()


def _table(lines: list[str]) -> str:
    header = lines[0].split()
    rows: list[list[str]] = []
    for index in range(1, len(lines)):
        line, stripped = lines[index], lines[index].strip()
        if not stripped:
            continue
        if not rows or not lines[index - 1].strip():  # a new block (after a blank line) is a new row
            rows.append(list(_split_columns(stripped)))
        elif line.startswith(" "):
            rows.append(["", stripped])
        else:
            rows[-1][1] = _join(rows[-1][1], stripped)
    out = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    out += [f"| {_cell(a)} | {_cell(b)} |" if a else f"| | {_cell(b)} |" for a, b in rows]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _closing_blocks(kept: list[tuple[int, str]], removed: Removed) -> list[str]:
    """After 'Hoogachtend,': every line its own paragraph; a logo in bold (**...**) is left out."""
    blocks: list[str] = []
    group: list[tuple[int, str]] = []
    for item in [*kept, (0, "")]:
        if item[1].strip():
            group.append(item)
            continue
        text = "\n".join(line.strip() for _, line in group)
        if text.startswith("**") and text.endswith("**"):
            removed.add(group[0][0], "logo of briefhoofd", " ".join(text.split()))
        else:
            blocks.extend(line.strip() for _, line in group)
        group = []
    return blocks


def _is_heading(text: str, width: int) -> bool:
    words = text.split()
    return (
        len(text) <= width
        and len(words) <= 12
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", ",", ";", "!", "?"))
        and not rules().opmaak["lijst"].match(text)
    )


def _list_item(text: str) -> str:
    numbered = re.match(r"^(\d{1,2})[.)]?\s+", text)
    if numbered:
        return f"{numbered[1]}. {text[numbered.end() :]}"
    return "- " + re.sub(r"^[-•*▪\u2013]\s+", "", text)


def _join(previous: str, addition: str) -> str:
    """Join a wrapped line; a word split after a hyphen ('ex-' + 'gedetineerden') keeps its hyphen."""
    if len(previous) >= 2 and previous[-1] == "-" and (previous[-2].isalnum() or previous[-2] == "_"):  # not a regex on a growing paragraph
        return previous + addition
    return f"{previous} {addition}"
