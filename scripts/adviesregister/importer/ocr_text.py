"""Text that text recognition (OCR) read from a scan: recognise it, and read its damaged words as the words they were.

OCR confuses characters that look alike: 'rn' for 'm' ('gerneente'), '1' for 'l' ('co11ege'), 'O' and 'l' in numbers
('2O25', '2l augustus'), a space inside a number ('1 7 april'), and a word broken over two lines stays broken
('ou- derenbus'). A damaged word is read as a known word only when the repaired word is a known Dutch word (wordfreq)
or a gemeente (the CBS list) and the damaged word is not. In a text that looks OCR-damaged (read_ocr_signs) the reading
steps see its words repaired, line by line (repair_text), and its dates with repaired numbers (date_text); the body
keeps the letter's words as written, and the fields read from it list each repair as evidence (ocr_fields.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cache

from adviesregister.content.reference import cbs_municipalities

_SIGN_RE = re.compile(
    r"\b[^\W\d_]*[a-z\u00df-\u00ff][01]+[a-z\u00df-\u00ff][^\W\d_]*\b"  # a 1 or 0 between small letters: 'co11ege'
    r"|\b(?=[\dOlI]*\d)(?=[\dOlI]*[OlI])[\dOlI]{2,4}\b"  # a number with O, l or I: '2O25', '1O maart', '2l'
    r"|\brn[aeiou]\w*"  # no Dutch word starts with 'rn': 'rnet', 'rnaar' ('m' read as 'rn')
)
"""A sign of OCR damage. Never in a clean letter: 'A4', '2e', 'K3', 'B1-niveau', 'ASD2024-07', 'art. 2.3.1'."""
MIN_SIGNS = 2
"""One odd word is a typing error; two or more signs make a text OCR-damaged."""
KNOWN = 2.0
"""A word is known when wordfreq's Zipf frequency for Dutch is at least this (about once in ten million words)."""
COMMON = 3.5
"""A broken word is joined into a known word unless both halves are common words ('zorg- en welzijn'): wordfreq knows
many fragments ('ingen', 'lijke') as rare words. Into a compound only when the second half is no word ('ou- derenbus')."""
MAX_SPOTS = 6
"""At most this many places in one word are tried (2^6 candidates)."""
_SPOT_RE = re.compile(r"rn|(?<=[^\W\d_])[01]+(?=[^\W\d_])|^l(?=[bcdfghjkmnpqrstvwxz])")
"""Where a word may be damaged: 'rn' (for 'm'), ones and zeros between letters (for 'l' and 'o'), a first 'l' before
a consonant (for 'I': 'lnkomen')."""
_LETTERS = str.maketrans({"1": "l", "0": "o"})
_SPOT_REPAIRS = {"rn": "m", "l": "I"}
WORD_RE = re.compile(r"[^\W_]+")
_BROKEN_RE = re.compile(r"\b([^\W\d_]+)- ([a-z\u00df-\u00ff][^\W\d_]*)")
"""A word broken over two lines and joined with a space: 'ou- derenbus'."""
_SPLIT_RE = re.compile(r"\b([^\W\d_]{3,}) ([a-z\u00df-\u00ff])\b")
"""A word with its last letter cut off by a space: 'Barnevel d'."""


@dataclass(frozen=True)
class OcrSigns:
    """Why a text looks OCR-damaged: how many signs, the first few damaged words, and the line of the first."""

    aantal: int
    voorbeelden: tuple[str, ...]
    line: int
    herstel: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    """Per line (index) the damaged words read as known words, (damaged, repaired): see repair_text."""


_READING: ContextVar[OcrSigns | None] = ContextVar("reading_ocr", default=None)
"""The signs of the OCR-damaged text being read, or None: see reading_ocr."""


def read_ocr_signs(text: str) -> OcrSigns | None:
    """The signs of OCR damage in a text, or None when it looks like a clean letter. One pass, no word lookups."""
    signs = list(_SIGN_RE.finditer(text))
    if len(signs) < MIN_SIGNS:
        return None
    examples = tuple(dict.fromkeys(match[0] for match in signs))[:3]
    return OcrSigns(len(signs), examples, text.count("\n", 0, signs[0].start()) + 1)


def ocr_signs() -> OcrSigns | None:
    """The OCR signs of the letter being read (None for a clean letter or outside reading)."""
    return _READING.get()


@contextmanager
def reading_ocr(signs: OcrSigns | None) -> Iterator[None]:
    """While a letter is read: its OCR signs (None for a clean letter), so dates are read from repaired numbers."""
    token = _READING.set(signs)
    try:
        yield
    finally:
        _READING.reset(token)


def read_ocr(text: str) -> tuple[str, OcrSigns | None]:
    """The text as the reading steps see it, and its OCR signs: a clean letter as it is, an OCR-damaged text with its
    damaged words repaired (repair_text)."""
    signs = read_ocr_signs(text)
    if signs is None:
        return text, None
    repaired, herstel = repair_text(text)
    return repaired, replace(signs, herstel=herstel)


def repair_text(text: str) -> tuple[str, dict[int, list[tuple[str, str]]]]:
    """The text with each damaged word read as the known word, line by line (the lines stay where they are, so the
    body is copied from the text as written), and per line (index) its repairs, (damaged, repaired)."""
    herstel: dict[int, list[tuple[str, str]]] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        repairs: list[tuple[str, str]] = []
        for match in _SPLIT_RE.finditer(line):
            joined = f"{match[1]}{match[2]}"
            if _known(joined) and not _known(match[1]):
                repairs.append((match[0], joined))
        for damaged, joined in repairs:
            line = line.replace(damaged, joined)
        repairs += [(match[0], better) for match in WORD_RE.finditer(line) if (better := repair_word(match[0])) is not None]
        if repairs:
            herstel[index] = repairs
            lines[index] = _replace_words(line, dict(repairs))
    return "\n".join(lines), herstel


def _replace_words(line: str, fixed: dict[str, str]) -> str:
    return WORD_RE.sub(lambda match: fixed.get(match[0], match[0]), line)


def repair_value(value: str) -> tuple[str, list[str]]:
    """A field's value with its OCR errors repaired, and each repair as the report says it."""
    repairs: list[str] = []

    def join(match: re.Match[str]) -> str:
        head, tail = match[1], match[2]
        joined = f"{head}{tail}"
        if (_known(joined) and not (_score(head) >= COMMON and _score(tail) >= COMMON)) or (_compound(joined) and _score(tail) < KNOWN):
            repairs.append(f"'{match[0]}' gelezen als '{joined}' (afgebroken woord)")
            return joined
        return match[0]

    def word(match: re.Match[str]) -> str:
        better = repair_word(match[0])
        if better is None:
            return match[0]
        repairs.append(f"'{match[0]}' gelezen als '{better}' (OCR-fout)")
        return better

    value = _BROKEN_RE.sub(join, value)
    return WORD_RE.sub(word, value), repairs


def repair_word(damaged: str) -> str | None:
    """The known word a damaged one stands for ('eenzaarnheid' → 'eenzaamheid', 'co11ege' → 'college'), or None.
    Only a word with a suspect spot is looked up, and only a known word replaces one that is not known."""
    spots = list(_SPOT_RE.finditer(damaged))
    if not spots or len(spots) > MAX_SPOTS or _known(damaged):
        return None
    best: tuple[float, str] | None = None
    for chosen in itertools.product((False, True), repeat=len(spots)):
        if not any(chosen):
            continue
        candidate = _substitute(damaged, [spot for spot, take in zip(spots, chosen, strict=True) if take])
        score = _score(candidate)
        if score >= KNOWN and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


def _substitute(word: str, spots: list[re.Match[str]]) -> str:
    out, last = [], 0
    for spot in spots:
        out += [word[last : spot.start()], _SPOT_REPAIRS.get(spot[0]) or spot[0].translate(_LETTERS)]
        last = spot.end()
    return "".join([*out, word[last:]])


def _known(word: str) -> bool:
    """A Dutch word wordfreq knows, or a gemeente."""
    return _score(word) >= KNOWN


def _compound(word: str) -> bool:
    """Two known words written as one, as Dutch does ('ouderenbus': wordfreq knows 'ouderen' and 'bus')."""
    return any(_score(word[:cut]) >= KNOWN + 1 and _score(word[cut:]) >= KNOWN + 1 for cut in range(3, len(word) - 2))


def _score(word: str) -> float:
    """How common a word is in Dutch (wordfreq's Zipf scale); a gemeente counts as known however rare its name."""
    if any(char.isdigit() for char in word):
        return 0.0
    score = _zipf()(word.lower(), "nl")
    return max(score, KNOWN) if word.lower() in _gemeenten() else score


@cache
def _gemeenten() -> frozenset[str]:
    return frozenset(naam.lower() for naam in cbs_municipalities().values())


@cache
def _zipf() -> Callable[[str, str], float]:
    # imported on first use: wordfreq loads its Dutch word list (half a second), needed only for an OCR-damaged text
    from wordfreq import zipf_frequency

    return zipf_frequency


def date_text(text: str, months: Iterable[str]) -> tuple[str, list[int] | None]:
    """While an OCR-damaged text is read: `text` with the numbers of its dates repaired ('2O25' → '2025', '2l augustus'
    → '21 augustus', '1 7 april' → '17 april', '29 septernber' → '29 september'), and for each character of the
    repaired text where it stood in `text` (None when nothing changed). A clean letter's text is returned as it is."""
    if _READING.get() is None:
        return text, None
    where = list(range(len(text)))
    changed = False
    for pattern, repair in _date_repairs(tuple(months)):
        text, where, more = _apply(pattern, repair, text, where)
        changed = changed or more
    return text, (where if changed else None)


@cache
def _date_repairs(months: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]:
    month = "|".join(sorted(months, key=len, reverse=True))
    damaged = "|".join(sorted({name.replace("m", "rn") for name in months if "m" in name}, key=len, reverse=True))
    return (
        (re.compile(r"\b(?=[\dOlI]*\d)[\dOlI]{1,4}\b"), lambda match: match[0].translate(_DIGITS)),
        (re.compile(rf"(?<!\d )\b([0-3]) (\d)(?=\.?\s+(?:{month})\b)", re.IGNORECASE), lambda match: match[1] + match[2]),
        (re.compile(rf"(?<=\b\d )(?:{damaged})\b|(?<=\b\d\d )(?:{damaged})\b", re.IGNORECASE), lambda match: match[0].replace("rn", "m")),
    )


_DIGITS = str.maketrans({"O": "0", "l": "1", "I": "1"})


def _apply(pattern: re.Pattern[str], repair: Callable[[re.Match[str]], str], text: str, where: list[int]) -> tuple[str, list[int], bool]:
    """`text` with every match of `pattern` replaced, and where each character stood in the original."""
    pieces: list[str] = []
    places: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        new = repair(match)
        if new == match[0]:
            continue
        pieces.append(text[last : match.start()])
        places.extend(where[last : match.start()])
        pieces.append(new)
        end = match.end() - 1
        places.extend(where[end] if index == len(new) - 1 else where[min(match.start() + index, end)] for index in range(len(new)))
        last = match.end()
    if not pieces:
        return text, where, False
    pieces.append(text[last:])
    places.extend(where[last:])
    return "".join(pieces), places, True
