"""Personal data that must not reach the public archive.

One list of detectors (DETECTORS) finds each piece as a Finding: its kind, where it is and on which line, on a whole
text (a contact block spans lines). `check` (detect and describe, at the line of each finding), the importer (redact)
and the publication of originals (is_publishable) all use that one list, so what is reported is exactly what is removed.

What counts as personal, and what stays:
- BSN: nine digits that pass the eleven-test, also written 1234.56.782, 123 456 782, 1234 56 782 or 123-456-782; any
  8 or 9 digits right after 'BSN' or 'burgerservicenummer'. Not an amount (€ 123.456.789).
- Phone numbers: every Dutch number of ten digits (06-12345678, 053-4812345, (053) 481 23 45, +31 6 12345678,
  +31 (0)53 …, 0031 …), other numbers starting with +, and any number after 'Doorkiesnummer', 'Telefoon', 'Tel.'.
  A gemeente's switchboard looks like a direct line, so it is found too. Public service numbers stay: 0800 and 0900,
  0906, 0909 numbers, 14 + area code (the gemeente's general number, '14 0546'), 112.
- IBAN: a bank account number (NL91ABNA0417164300, NL91 ABNA 0417 1643 00) that passes the mod-97 test.
- E-mail: any address whose name part is not an organisation's (info@, secretariaat@, adviesraad…@ stay), also
  written 'j.jansen[at]almelo.nl' or 'j.jansen (at) almelo punt nl'.
- Names: see privacy_names.py.

Every text is read as a reader sees it: past invisible characters (Unicode's format characters: U+200B, U+FEFF, the
soft hyphen …), with any dash as '-' and a hyphen between a word and a number as a space ('BSN-123456782'). check
also reads the letter as its page shows it (markup.visible_text: entities, escapes, comments and tags resolved), and
names published as they are (ids, file names) with hyphens as word breaks (detect_in_name).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace

from adviesregister.content.privacy_names import Span, find_names


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text: its kind (a key of KINDS), where it is, and the line it starts on (0 = first)."""

    kind: str
    start: int
    end: int
    value: str
    line: int
    label: str | None = None
    """The contact label the value stands under ('Behandeld door'), if that is how it was found."""


@dataclass(frozen=True)
class Kind:
    placeholder: str
    noun: str
    """What redact reports: the kind, never the value."""
    advice: str


KINDS: dict[str, Kind] = {
    "bsn": Kind("[BSN verwijderd]", "een burgerservicenummer (BSN)", "lijkt een burgerservicenummer (BSN). Haal het weg: een BSN mag nooit in het archief."),
    "iban": Kind("[IBAN verwijderd]", "een bankrekeningnummer (IBAN)", "lijkt een bankrekeningnummer (IBAN). Haal het weg."),
    "telefoonnummer": Kind(
        "[telefoonnummer verwijderd]",
        "een telefoonnummer",
        "lijkt een telefoonnummer. Haal het weg; alleen servicenummers (0800, 0900, of 14 met het netnummer) mogen blijven.",
    ),
    "e-mailadres": Kind(
        "[e-mailadres verwijderd]",
        "een persoonlijk e-mailadres",
        "lijkt een persoonlijk e-mailadres. Haal het weg; alleen algemene adressen zoals info@ mogen blijven.",
    ),
    "naam": Kind(
        "[naam verwijderd]",
        "de naam van een ambtenaar of inwoner",
        "lijkt de naam van een ambtenaar of inwoner. Haal de naam weg; alleen namen bij een publieke functie (voorzitter, secretaris, burgemeester, wethouder) mogen blijven.",
    ),
}
_PLACEHOLDERS_RE = re.compile("|".join(re.escape(kind.placeholder) for kind in KINDS.values()))


def without_placeholders(text: str) -> str:
    """`text` without the placeholders redact put in: for an id or a file name, where '[naam verwijderd]' means nothing."""
    return " ".join(_PLACEHOLDERS_RE.sub(" ", text).split())


_PRIORITY = ("iban", "e-mailadres", "telefoonnummer", "bsn", "naam")
"""Where two findings overlap, the earlier kind here wins (the digits of an IBAN also look like a phone number)."""


def is_bsn(digits: str) -> bool:
    """Nine digits that pass the eleven-test (elfproef) used for Dutch citizen numbers."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


_BSN_RE = re.compile(r"(?<![\w.,/-])(?<!\d[ .-])(?:\d{9}|\d{8}|\d{4}[ .-]?\d{2}[ .-]?\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3})(?!\d)(?![.,/-]\d)")
_BSN_LABEL_RE = re.compile(r"(?i:\bbsn|burgerservicenummer|sofi-?nummer)\b[^\n\d]{0,20}$")
_AMOUNT_BEFORE_RE = re.compile(r"(?i:€|\beur|\beuro)\s*$")


def _bsns(text: str) -> Iterator[Span]:
    for match in _BSN_RE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _AMOUNT_BEFORE_RE.search(before) or text.startswith((",-", ",0"), match.end()):
            continue
        digits = re.sub(r"\D", "", match[0])
        if is_bsn(digits) or (_BSN_LABEL_RE.search(before) and len(digits) in (8, 9)):
            yield match.start(), match.end(), None


_PHONE_START_RE = re.compile(r"(?<![\w+/.,-])(?:\+|00|\(0|0)")
_PHONE_SEPARATORS = frozenset(" -\u2013./()")
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")
_DATE_RE = re.compile(r"(?<!\d)\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?!\d)")


def _is_date(candidate: str) -> bool:
    """'01-02-2023 1…' holds a date; '06.12.34.56.78' and '+31-6-1234-5678' do not, though parts of them look like one."""
    if candidate.startswith("+"):
        return False
    date = _DATE_RE.search(candidate)
    return date is not None and (len(re.split(r"[-./]", date[0])[-1]) == 4 or date[0] == candidate.strip("()"))


def _national(digits: str, international: bool) -> str | None:
    """A Dutch number as dialled at home ('+31 (0)6 …' and '0031 6 …' become '06…'); None for another country's."""
    if not international:
        return digits
    if not digits.startswith("31"):
        return None
    rest = digits[2:]
    return rest if rest.startswith("0") else "0" + rest


def _phone_end(text: str, start: int) -> int | None:
    """Where the phone number that starts at `start` ends, or None when none starts there (or it is a service number)."""
    international = text.startswith(("+", "00"), start)
    index = start + (1 if text[start] == "+" else 2 if international else 0)
    digits, gap = "", 0
    while index < len(text) and gap <= 3:
        char = text[index]
        index += 1
        if char in _PHONE_SEPARATORS:
            gap += 1
        elif not char.isdigit():
            return None
        elif index == len(text) or not text[index].isdigit():
            digits, gap = digits + char, 0
            national = _national(digits, international)
            if national is not None and len(national) == 10:
                return index if national[1] != "0" and not national.startswith(_SERVICE_PREFIXES) else None
            if national is None and 9 <= len(digits) <= 15 and not _continues(text, index):
                return index
        else:
            digits += char
    return None


def _continues(text: str, index: int) -> bool:
    """A separator and more digits follow: the number goes on."""
    return index + 1 < len(text) and text[index] in _PHONE_SEPARATORS and text[index + 1].isdigit()


def _phones(text: str) -> Iterator[Span]:
    yield from _labelled_phones(text)
    position = 0
    while match := _PHONE_START_RE.search(text, position):
        end = _phone_end(text, match.start())
        if end is None or _is_date(text[match.start() : end]):
            position = match.start() + 1
            continue
        opened = text[match.start()] == "(" and ")" not in text[match.start() : end]
        yield match.start() + opened, end, None  # '(06 1234 5678)': the brackets are not part of it
        position = end


_PHONE_LABEL_RE = re.compile(
    r"(?<!\w)(?i:doorkiesnummer|doorkies|telefoonnummer|telefoon|tel\.|tel|mobiel|mob\.|gsm|direct nummer)(?!\w)[ \t]*[:.]?[ \t]*(\n[ \t]*)?"
    r"(?P<value>[+(]?\d(?:[ \-\u2013./()]{0,3}\d)*)"
)
_PUBLIC_NUMBER_RE = re.compile(r"^(?:14[ -]?0\d{2,3}|112|(?:19|20)\d\d)$|^\(?(?:0800|090[069])")


def _labelled_phones(text: str) -> Iterator[Span]:
    """A number after 'Doorkiesnummer' or 'Telefoon' is a phone number even when short (an extension)."""
    for match in _PHONE_LABEL_RE.finditer(text):
        value = match["value"]
        if sum(char.isdigit() for char in value) >= 4 and not _PUBLIC_NUMBER_RE.search(value) and not _DATE_RE.search(value):
            yield match.start("value"), match.end("value"), None


IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "LU": 20, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "PL": 28, "PT": 25, "TR": 26, "AT": 20, "CH": 21, "IE": 22}
"""Countries whose IBANs are found, with their length."""
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}")


def is_iban(candidate: str) -> bool:
    """An IBAN of a known country and length whose check digits pass the mod-97 test."""
    compact = candidate.replace(" ", "").upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    number = "".join(str(int(char, 36)) for char in compact[4:] + compact[:4])
    return int(number) % 97 == 1


def _ibans(text: str) -> Iterator[Span]:
    position = 0
    while match := _IBAN_RE.search(text, position):
        position = match.start() + 1
        ends = [match.start() + index + 1 for index, char in enumerate(match[0]) if char != " "]
        for end in reversed(ends):  # the longest IBAN that ends where a word ends
            if (end == len(text) or not text[end].isalnum()) and is_iban(text[match.start() : end]):
                yield match.start(), end, None
                position = end
                break


FUNCTIONAL_MAILBOXES = frozenset(
    {
        "adviesraad",
        "adviesregister",
        "asd",
        "bezwaar",
        "communicatie",
        "contact",
        "gemeente",
        "griffie",
        "helpdesk",
        "info",
        "klachten",
        "klantcontact",
        "loket",
    }
    | {"noreply", "no-reply", "pers", "post", "postbus", "privacy", "receptie", "secretariaat", "servicepunt", "webmaster", "wmo", "wmoraad"}
)
"""Names before the @ (or the first part of it, before a dot) that belong to an organisation, not a person."""
_FUNCTIONAL_PREFIXES = ("adviesraad", "secretariaat", "gemeente", "griffie", "klantcontact", "wmo", "clientenraad", "cliëntenraad", "participatieraad", "info")
_AT = r"(?:[ ]?@[ ]?|[ ]?[\[({<][ ]?(?i:at|apenstaartje)[ ]?[\])}>][ ]?|[ ](?i:apenstaartje)[ ])"
_DOT = r"(?:\.|[ ]?[\[({<][ ]?(?i:dot|punt)[ ]?[\])}>][ ]?|[ ](?i:dot|punt)[ ])"
_EMAIL_RE = re.compile(rf"(?<![\w.+-])(?P<local>[\w+-]+(?:\.[\w+-]+)*){_AT}[\w-]+(?:{_DOT}[\w-]+)*?{_DOT}[A-Za-z]{{2,24}}(?![\w-])")


def _is_functional(local: str) -> bool:
    first = re.split(r"[._+]", local.lower())[0]
    return first in FUNCTIONAL_MAILBOXES or first.startswith(_FUNCTIONAL_PREFIXES)


def _emails(text: str) -> Iterator[Span]:
    for match in _EMAIL_RE.finditer(text):
        if not _is_functional(match["local"]):
            yield match.start(), match.end(), None


DETECTORS: dict[str, Callable[[str], Iterator[Span]]] = {
    "bsn": _bsns,
    "telefoonnummer": _phones,
    "iban": _ibans,
    "e-mailadres": _emails,
    "naam": find_names,
}
"""Every kind of personal data and the function that finds it; find, redact and publish all use this list."""


_SEEN_AS = {
    **{ord(space): " " for space in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # full-width letters, digits and signs
    **{ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"},  # '&hyphen;' and other dashes
    **{ord(markup): " " for markup in "*_`"},  # emphasis and code in Markdown, and '_' in file names
}
"""How the detectors see a text: special spaces as spaces, full-width characters as plain ones, and Markdown emphasis
as spaces, every dash as '-', so that '06-*1234*5678', '06\u201012345678' or '123\u2009456\u2009782' is found. One character for one, so every position found
is a position in the text itself."""

INVISIBLE_RE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
"""Characters nobody sees (Unicode's format characters, category Cf: zero-width spaces and joiners, U+2060, U+FEFF,
the soft hyphen, direction marks; and the other default-ignorable ones: the combining grapheme joiner, variation
selectors, Hangul fillers): a reader reads '123\ufeff456782' as 123456782, so the detectors do too."""
_LABEL_JOINER_RE = re.compile(r"(?<=[^\W\d_])[-/.](?=[+(]?\d)")
"""A hyphen, slash or full stop glued between a word and a number ('BSN-123456782', 'mobiel-0612345678', 'tel/06…',
'tel.080000009') separates them, as a space would; between digits it still joins them ('06-12345678')."""


_SKIPPED_RE = re.compile(INVISIBLE_RE.pattern + r"|\\(?=[!-/:-@\[-`{-~])")
"""What a reader reads past: invisible characters, and a backslash before a punctuation mark (a Markdown escape that
Markdown leaves standing, as in 'j.jansen\\@almelo.nl')."""
_SOFT_BREAK_RE = re.compile(r"(?<=[\d.\-/)])[ \t]*\n[ \t]*(?=[\d(])")
"""A single line break inside a number ('06-1234' at the end of a line, '5678' on the next): Markdown and a browser
show it as a space, so the number is read whole."""


_RIGHT_TO_LEFT_OVERRIDE_RE = re.compile("\u202e[^\u202c\n]*")
"""U+202E shows what follows right to left, up to U+202C or the end of the line: '\u202e333222111' reads 111222333."""


def _visible(text: str) -> tuple[str, list[int] | None]:
    """`text` as a reader reads it: without what a reader reads past, a right-to-left override's run in the order it is
    shown, digits and letters of another form (superscript ¹, circled ①) as plain ones; and for each character its
    position in `text` (None: the same as `text`)."""
    skipped = {match.start() for match in _SKIPPED_RE.finditer(text)}
    compatible = {index: plain for index, char in enumerate(text) if not char.isascii() and (plain := _plain_form(char)) is not None}
    if not skipped and not compatible:
        return text, None
    kept = [index for index in range(len(text)) if index not in skipped]
    for match in _RIGHT_TO_LEFT_OVERRIDE_RE.finditer(text):
        inside = [place for place, index in enumerate(kept) if match.start() < index < match.end()]
        if inside:
            kept[inside[0] : inside[-1] + 1] = reversed(kept[inside[0] : inside[-1] + 1])
    return "".join(compatible.get(index, text[index]) for index in kept), kept


def _plain_form(char: str) -> str | None:
    """The plain digit or letter a reader reads in a character of another form (NFKC: '¹' → '1'); None when there is
    none, or it is more than one character (positions must stay as they are)."""
    plain = unicodedata.normalize("NFKC", char)
    return plain if plain != char and len(plain) == 1 and plain.isalnum() else None


def detect(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, in order, none overlapping; read as a reader sees it (past invisible
    characters, with a hyphen between a word and a number as a space). Positions and values are those in `text`."""
    visible, kept = _visible(text)
    found = _detect_visible(visible)
    if kept is None:
        return found
    spans = [(min(kept[f.start : f.end]), max(kept[f.start : f.end]) + 1) for f in found]
    return [Finding(f.kind, start, end, text[start:end], f.line, f.label) for f, (start, end) in zip(found, spans, strict=True)]


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match[0])


def _detect_visible(text: str) -> list[Finding]:
    newlines = [match.start() for match in re.finditer("\n", text)]
    seen = _SOFT_BREAK_RE.sub(_spaces, _LABEL_JOINER_RE.sub(" ", text.translate(_SEEN_AS)))
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted spans of the findings chosen so far
    for kind in _PRIORITY:
        for start, end, label in DETECTORS[kind](seen):
            place = bisect_left(taken, (start, end))
            if not any(a < end and start < b for a, b in taken[max(0, place - 1) : place + 1]):
                taken.insert(place, (start, end))
                chosen.append(Finding(kind, start, end, text[start:end], bisect_left(newlines, start), label))
    return sorted(chosen, key=lambda finding: finding.start)


_NAME_SEPARATORS = str.maketrans({"-": " ", "_": " ", "/": " ", "\\": " "})
_NAME_PARTS = str.maketrans({"-": "\t", "_": "\t", "/": "\t", "\\": "\t"})
"""Read a second time with each part on its own ('2023-05-01-111222333': the BSN after a date is no part of a longer number)."""


def detect_in_name(name: str) -> list[Finding]:
    """Personal data in a name published as it is, in addresses, lists and every download (an id, a file or folder
    name, bron.bestand, a gemeente's short name): there a hyphen, an underscore or a slash separates words, so
    'almelo-2024-05-01-0612345678' holds a phone number. Values as they are in `name`."""
    found = {(one.start, one.end): one for one in detect(name.translate(_NAME_PARTS))}
    found.update({(one.start, one.end): one for one in detect(name.translate(_NAME_SEPARATORS))})
    return [replace(one, value=name[one.start : one.end]) for _, one in sorted(found.items())]


def describe(finding: Finding) -> str:
    """What was found and how to fix it, in Dutch, for the person who wrote the text."""
    shown = " ".join(_SKIPPED_RE.sub("", finding.value).split())
    where = f" (bij '{finding.label}')" if finding.label else ""
    hidden = " (met onzichtbare tekens ertussen)" if INVISIBLE_RE.search(finding.value) else ""
    return f"'{shown}'{hidden}{where} {KINDS[finding.kind].advice}"


def find_personal_data(text: str) -> list[str]:
    """A Dutch description of each piece of personal data in `text`, with how to fix it."""
    return [describe(finding) for finding in detect(text)]


def redact(text: str) -> tuple[str, list[str]]:
    """`text` with each piece of personal data replaced by a placeholder such as '[naam verwijderd]'; and the kind of each.

    The report names the kind, never the value: it may end up in a public log."""
    findings = detect(text)
    pieces, position = [], 0
    for finding in findings:
        pieces += [text[position : finding.start], KINDS[finding.kind].placeholder]
        position = finding.end
    return "".join([*pieces, text[position:]]), [KINDS[finding.kind].noun for finding in findings]


_NOT_TEXT = frozenset({"path", "tekst", "lines", "text_line", "sha256"})
"""Fields of a Document that are not front-matter text, or not written by a person."""


def text_fields(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a front matter (a mapping, or a dataclass such as Document), with its dotted path: 'titel',
    'kenmerken.ons_kenmerk', 'bijlagen.0', 'besluiten.1.citaat'."""
    prefix = f"{path}." if path else ""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                yield from text_fields(item, f"{prefix}{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from text_fields(item, f"{prefix}{index}")
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            if field.name not in _NOT_TEXT:
                yield from text_fields(getattr(value, field.name), f"{prefix}{field.name}")
