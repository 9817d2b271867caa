"""The recommendations of an advice ('aanbevelingen'): the list the council introduces as its advice.

Read from the body as Markdown (text.py made it): a numbered list right after a sentence or heading that introduces
the advice ('Wij adviseren u:', 'De ASD adviseert het college om:', 'Onze adviezen'), or one heading per
recommendation ('Advies 1', 'Advies 2'). A list that is not clearly the advice (questions, findings, articles of a
regulation, a list in a response) is left alone: a person fills the field in. The words are data: see rules.py.
"""

from __future__ import annotations

import re

from adviesregister.importer.findings import Letter
from adviesregister.importer.rules import rules
from adviesregister.importer.source import Source

_NUMBERED_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
"""A numbered list item as body.py writes it ('1. Verhoog de inkomensgrens …')."""
_LETTERED_RE = re.compile(r"(?:^|(?<=[;:.]\s))([a-h])[.)]\s+(?=\S)")
"""The start of a lettered item ('a. de kostendelersnorm …') in a paragraph that body.py kept whole."""
_TRAILING_RE = re.compile(r"\s*(?:[;,]\s*(?:en|of)?|\s(?:en|of))\s*$")
MIN_ITEMS = 2
"""One item is a sentence, not a list of recommendations."""


def read_recommendations(source: Source, letter: Letter) -> None:
    """The recommendations of an advice, in the letter's order, each one line without its number."""
    if letter.value("soort") != "advies":
        return
    blocks = [block.strip() for block in letter.tekst.split("\n\n") if block.strip()]
    found = _introduced_lists(blocks) or _numbered_headings(blocks)
    if found is None:
        return
    items, bewijs = found
    letter.set("aanbevelingen", items, None, bewijs)


def _introduced_lists(blocks: list[str]) -> tuple[list[str], str] | None:
    """Every list right after an introduction of the advice, in order; None when there is none or one is doubtful."""
    items: list[str] = []
    intros: list[str] = []
    for index, block in enumerate(blocks[:-1]):
        intro = _introduction(block)
        if intro is None:
            continue
        following = blocks[index + 1]
        if intro == "kop" and _introduction(following) == "zin" and index + 2 < len(blocks):
            continue  # 'Onze adviezen' above 'Wij adviseren u:': the sentence introduces the list
        listed = _list_items(following)
        if listed is None:
            continue
        if any(rules().aanbevelingen_geen.search(item) for item in listed):
            return None
        items += listed
        intros.append(_first_line(block))
    if not items:
        return None
    return items, f"de genummerde lijst na '{intros[0]}'" + (f" (en {len(intros) - 1} lijst(en) meer)" if len(intros) > 1 else "")


def _introduction(block: str) -> str | None:
    """'zin' for a paragraph ending in an introduction ('… Wij adviseren u:'), 'kop' for a heading ('## Onze adviezen')."""
    last = block.split("\n")[-1].strip()
    if last.startswith("#"):
        heading = last.lstrip("#").strip()
        if rules().aanbevelingen_kop.fullmatch(heading):
            return "kop"
        return "zin" if rules().aanbevelingen_inleiding.search(heading) else None
    if last.endswith(":") and rules().aanbevelingen_inleiding.search(last):
        return "zin"
    return None


def _list_items(block: str) -> list[str] | None:
    """The items of a numbered (1., 2., …) or lettered (a., b., …) list in their order, or None for any other block."""
    lines = block.split("\n")
    numbered = [_NUMBERED_RE.match(line.strip()) for line in lines]
    if all(numbered):
        numbers = [int(match[1]) for match in numbered if match]
        if numbers != list(range(1, len(numbers) + 1)) and set(numbers) != {1}:  # '1. 1. 1.': a list numbered by the word processor
            return None
        items = [_clean(match[2]) for match in numbered if match]
    else:
        items = _lettered(" ".join(line.strip() for line in lines))
    return items if items and len(items) >= MIN_ITEMS and all(items) else None


def _lettered(text: str) -> list[str]:
    """'a. … b. … c. …' kept in one paragraph: the items, if the letters run a, b, c … from the start."""
    starts = list(_LETTERED_RE.finditer(text))
    if not starts or starts[0].start() != 0 or [match[1] for match in starts] != [chr(ord("a") + i) for i in range(len(starts))]:
        return []
    ends = [match.start() for match in starts[1:]] + [len(text)]
    return [_clean(text[match.end() : end]) for match, end in zip(starts, ends, strict=True)]


def _numbered_headings(blocks: list[str]) -> tuple[list[str], str] | None:
    """'## Advies 1' (or 'Advies 1: Maak …') headings, numbered 1, 2, … : each heading's text, or the paragraph under it."""
    items: list[str] = []
    for index, block in enumerate(blocks):
        heading = block.lstrip("#").strip()
        match = rules().aanbevelingen_genummerde_kop.match(heading)
        if match is None or not (block.startswith("#") or not heading[match.end() :].strip()):
            continue  # a paragraph that starts 'Advies 1 is …' is no heading; 'Advies 1' alone on its line is
        number = int(re.search(r"\d{1,2}", match[0])[0])  # type: ignore[index]  # the pattern holds a number
        if number != len(items) + 1:
            return None
        rest = heading[match.end() :].strip()
        under = blocks[index + 1] if index + 1 < len(blocks) and not blocks[index + 1].startswith("#") else ""
        text = rest or _clean(" ".join(under.split("\n")))
        if not text:
            return None
        items.append(_clean(text))
    if len(items) < MIN_ITEMS:
        return None
    return items, f"de koppen 'Advies 1' tot en met 'Advies {len(items)}'"


def _clean(text: str) -> str:
    """One line, without the list's joining words at the end ('…;', '…; en')."""
    return _TRAILING_RE.sub("", " ".join(text.split())).strip()


def _first_line(block: str) -> str:
    line = block.split("\n")[-1].lstrip("#").strip()
    return line if len(line) <= 80 else "…" + line[-79:]
