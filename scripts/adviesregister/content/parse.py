"""Read one content file: text, front matter and YAML, keeping the line of every field.

This is the project's only parser of front matter. It raises `ParseError`
with a problem code, a line and a Dutch message; it never lets a YAML or
decoding exception escape.

It also keeps hostile input cheap: every limit below is checked before the
work it protects (a file is read no further than its limit, an alias is refused
before it is expanded, a number before it is converted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from adviesregister.base.errors import AdviesregisterError

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A content file; the longest letter is about 1 MB (the importer takes at most 1,000,000 characters)."""
MAX_YAML_BYTES = 128 * 1024
"""Front matter, or gemeenten.yml with every gemeente of the country (about 60 kB)."""
MAX_DEPTH = 10
"""Levels of lists and groups; the schema needs three (besluiten → one besluit → citaat)."""
MAX_NUMBER_CHARS = 30
"""A number longer than this is text typed without quotes (and a very long one is costly to convert)."""

_HANDLER = YAMLHandler()
_TAG_RE = re.compile(r"tag '([^']+)'")
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = (None, "!", _STR_TAG)
"""Tags a value may carry: none, the non-specific '!' ('! tekst') and '!!str'."""
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_KEY_KINDS = {
    "tag:yaml.org,2002:null": "leeg (null)",
    "tag:yaml.org,2002:bool": "ja/nee",
    "tag:yaml.org,2002:int": "een getal",
    "tag:yaml.org,2002:float": "een getal",
}
_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff"
"""Control characters (except tab, line feed and carriage return), DEL, lone surrogates and the two non-characters
that no XML file (a page, a feed, an Excel sheet) may hold."""
_FORBIDDEN_IN_FILE_RE = re.compile(f"[{_FORBIDDEN}]|\r(?!\n)")
_FORBIDDEN_IN_VALUE_RE = re.compile(f"[{_FORBIDDEN}\r]")
_FORBIDDEN_IN_KEY_RE = re.compile(f"[{_FORBIDDEN}\r\n\t]")
_CHARACTER_HINTS = {
    "\x00": " Staat dit teken na elke letter, dan is het bestand opgeslagen als UTF-16: sla het op als UTF-8.",
    "\x0c": " Het is een pagina-einde, meestal meegekomen uit een PDF.",
    "\r": " Het is een regeleinde van een oud Mac-programma: sla het bestand op met gewone regeleinden (LF of CRLF).",
}


class ParseError(AdviesregisterError):
    """A file's front matter cannot be read; `check` turns it into a Problem with its code and line."""

    def __init__(self, code: str, line: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.message = message


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so our own date check sees them, and refuses what an author never needs:
    anchors and aliases (a few lines of them can expand to gigabytes), tags, and deep nesting."""

    def __init__(self, text: str, first_line: int, tags: frozenset[str] = frozenset()) -> None:
        super().__init__(text)
        self.first_line = first_line
        self.depth = 0
        self.tags = tags
        """Local tags ('!ENV') the caller reads itself: kept as `Tagged`, never interpreted here."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + self.first_line
        anchor: str | None = event.anchor
        if isinstance(event, yaml.AliasEvent):
            raise ParseError("yaml-anker", line, _anchor_message(f"*{anchor}", "een verwijzing naar een anker"))
        if anchor is not None:
            raise ParseError("yaml-anker", line, _anchor_message(f"&{anchor}", "een anker"))
        tag: str | None = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS and tag not in self.tags:
            raise ParseError("yaml-tag", line, _tag_message(tag))
        if self.depth >= MAX_DEPTH:
            raise ParseError(
                "te-diep",
                line,
                f"het gegevensblok is hier meer dan {MAX_DEPTH} lagen diep (lijsten in lijsten, of haken [ of {{ in elkaar). "
                "Een veld is hooguit een lijst van groepen. Kijk of er haken open zijn blijven staan.",
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_tagged(self, node: yaml.Node) -> Tagged:
        value: Any = node.value
        if isinstance(node, yaml.SequenceNode):
            value = self.construct_sequence(node, deep=True)
        elif isinstance(node, yaml.MappingNode):
            value = self.construct_mapping(node, deep=True)
        return Tagged(str(node.tag), value, node)


@dataclass(frozen=True)
class Tagged:
    """A value written with a tag the caller allowed (`parse_yaml(..., tags=...)`), as written: `tag` and the plain value."""

    tag: str
    value: Any
    node: yaml.Node = field(compare=False, repr=False)
    """The YAML node as composed, for a constructor that reads it (site_config resolves `!ENV` with MkDocs' own)."""


def _construct_undefined(loader: _Loader, node: yaml.Node) -> Any:
    if node.tag in loader.tags:
        return loader.construct_tagged(node)
    return loader.construct_undefined(node)


_Loader.add_constructor(None, _construct_undefined)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _anchor_message(teken: str, wat: str) -> str:
    return (
        f"'{teken}' is {wat}. Dat mag niet in het archief: schrijf elke waarde gewoon uit. "
        "Begint de tekst zelf met * of &? Zet hem dan tussen aanhalingstekens."
    )


def _tag_message(tag: str | None) -> str:
    naam = (tag or "!").replace("tag:yaml.org,2002:", "!!")
    return f"de tag '{naam}' is niet toegestaan: een waarde is altijd gewone tekst, een getal of een lijst. Haal het deel dat met ! begint weg."


@dataclass
class Parsed:
    """A YAML mapping with the line (1-based, in the file) of each field path."""

    data: dict[str, Any]
    lines: dict[str, int]


@dataclass
class ParsedDocument:
    front_matter: Parsed
    tekst: str
    text_line: int
    end_line: int = 0
    """The line of the closing '---': where a field the file lacks would be added (above it)."""


def read_content_file(path: Path) -> bytes:
    """A content file's bytes, read no further than one byte past the limit (`decode_text` refuses a larger file)."""
    with path.open("rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


def decode_text(raw: bytes) -> str:
    """UTF-8 text without a byte-order mark; ParseError names the line of a bad byte or a control character."""
    if len(raw) > MAX_FILE_BYTES:
        raise ParseError(
            "bestand-te-groot",
            1,
            f"het bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB; zo groot is geen enkele brief. "
            "Staat er iets anders in, zoals een afbeelding of meer brieven achter elkaar? Haal dat weg, of maak van elke brief een eigen document.",
        )
    if not raw.strip():
        raise ParseError("leeg-bestand", 1, "het bestand is leeg. Vul het gegevensblok in of haal het bestand weg.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise ParseError(
            "geen-utf8",
            line,
            f"het bestand bevat tekens die geen UTF-8 zijn (byte 0x{raw[err.start]:02x}). "
            "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8).",
        ) from None
    bad = _FORBIDDEN_IN_FILE_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        kolom = bad.start() - text.rfind("\n", 0, bad.start())
        raise ParseError("stuurteken", line, _control_message(bad[0], f"op deze regel, als teken {kolom},"))
    return text.removeprefix("\ufeff")


def _control_message(teken: str, waar: str) -> str:
    soort = "onzichtbare stuurteken" if ord(teken) < 0x80 else "ongeldige teken"
    return (
        f"{waar} staat het {soort} U+{ord(teken):04X}. Zulke tekens komen mee bij kopiëren uit een ander programma "
        f"en horen niet in een tekst: haal het weg (veel editors tonen het met 'Toon alle tekens').{_CHARACTER_HINTS.get(teken, '')}"
    )


def _escapes(teken: str) -> str:
    """How a character is written as a YAML escape."""
    code = ord(teken)
    return f"\\x{code:02x} of \\u{code:04x}" if code < 0x100 else f"\\u{code:04x}"


def remove_forbidden_characters(text: str) -> str:
    """`text` without the characters `check` refuses in a file; for text made from content, such as `&#1;` in Markdown."""
    return _FORBIDDEN_IN_VALUE_RE.sub("", text.replace("\r\n", "\n"))


def parse_yaml(text: str, first_line: int = 1, tags: frozenset[str] = frozenset()) -> Parsed:
    """Parse a YAML mapping safely; `eerste_regel` is the file line of the text's first line. A value with one of
    `tags` (local tags such as '!ENV') comes back as `Tagged`, for the caller to judge; any other tag is refused."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise ParseError(
            "gegevensblok-te-groot",
            first_line,
            f"het gegevensblok is groter dan {MAX_YAML_BYTES // 1024} kB; zo veel gegevens heeft geen enkel document. "
            "Staat de tekst van de brief erin? Zet die onder de tweede regel '---'.",
        )
    try:
        loader = _Loader(text, first_line, tags)
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + first_line
        raise ParseError("stuurteken", line, _control_message(chr(err.character), "op deze regel")) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise ParseError("geen-gegevens", first_line, "het gegevensblok is leeg. Vul de velden in.")
        if not isinstance(node, yaml.MappingNode):
            raise ParseError(
                "geen-gegevens",
                node.start_mark.line + first_line,
                "het gegevensblok moet bestaan uit regels 'veld: waarde'.",
            )
        lines: dict[str, int] = {}
        _collect_lines(node, "", first_line, lines)
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else first_line
        tag = _TAG_RE.search(err.problem or "")
        raise ParseError("yaml-tag", line, _tag_message(tag[1] if tag else None)) from None
    except yaml.MarkedYAMLError as err:
        open_quote = _unclosed_quote(text, err)
        if open_quote is not None:
            raise ParseError("yaml-fout", open_quote.start_mark.line + first_line, _quote_message(open_quote, first_line)) from None
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else first_line
        raise ParseError(
            "yaml-fout",
            line,
            "op deze regel of vlak erboven klopt de schrijfwijze niet. Kijk naar de dubbele punt na elke veldnaam, "
            "naar inspringing, en naar aanhalingstekens: elk aanhalingsteken moet ook weer gesloten worden. "
            f"(Technisch: {err.problem or err.context}.)",
        ) from None
    except yaml.YAMLError as err:
        raise ParseError("yaml-fout", first_line, f"het gegevensblok is geen geldige YAML ({err}).") from None
    finally:
        loader.dispose()
    _check_values(data, lines)
    return Parsed(data, lines)


@dataclass(frozen=True)
class _OpenQuote:
    """A quoted text that YAML read past its own line: where it starts, with which quote, and the line it ran on to."""

    start_mark: yaml.Mark
    quote: str
    end_line: int


def _unclosed_quote(text: str, err: yaml.MarkedYAMLError) -> _OpenQuote | None:
    """The quote left open that caused `err`, or None. PyYAML notices an unclosed quote only where the text ends, or
    where the next quote closes it and the rest of that line makes no sense: lines below the mistake. The mistake is
    where the quoted text began: the start of the quoted scalar being read, or of one that ran over several lines and
    ended on the very line of the error."""
    if err.context == "while scanning a quoted scalar" and err.context_mark is not None and err.problem_mark is not None:
        quote = text[err.context_mark.index] if err.context_mark.index < len(text) else '"'
        return _OpenQuote(err.context_mark, quote, err.problem_mark.line)
    if err.problem_mark is None:
        return None
    found: _OpenQuote | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and token.end_mark.line > token.start_mark.line:
                found = _OpenQuote(token.start_mark, token.style, token.end_mark.line)
            if token.start_mark.index >= err.problem_mark.index:
                break
    except yaml.YAMLError:
        pass
    return found if found is not None and found.end_line == err.problem_mark.line else None


def _quote_message(open_quote: _OpenQuote, first_line: int) -> str:
    if open_quote.quote == "'":
        binnen = (
            "Is het een apostrof in de tekst zelf, zoals in 's-Hertogenbosch? Zet de hele waarde dan tussen dubbele aanhalingstekens: \"'s-Hertogenbosch\"."
        )
    else:
        binnen = "Staat het teken \" in de tekst zelf, zoals bij een citaat? Zet de hele waarde dan tussen enkele aanhalingstekens: ' '."
    return (
        f"op deze regel begint een waarde met een aanhalingsteken ({open_quote.quote}) dat op deze regel niet gesloten wordt; "
        f"daardoor loopt de waarde door tot regel {open_quote.end_line + first_line}. Zet aan het eind van de waarde ook een {open_quote.quote}. {binnen}"
    )


def _collect_lines(node: yaml.Node, prefix: str, first_line: int, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            line = key.start_mark.line + first_line
            _check_key(key, line)
            naam = f"{prefix}{key.value}"
            if naam in lines:
                raise ParseError(
                    "dubbel-veld",
                    line,
                    f"{naam}: dit veld staat er twee keer (ook op regel {lines[naam]}). Houd er één over.",
                )
            lines[naam] = line
            _collect_lines(value, f"{naam}.", first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            naam = f"{prefix}{index}"
            lines[naam] = item.start_mark.line + first_line
            _collect_lines(item, f"{naam}.", first_line, lines)
    else:
        _check_scalar(node, node.start_mark.line + first_line)


def _check_key(key: yaml.Node, line: int) -> None:
    """A field name is text: `null:`, `true:`, `1:`, `<<:` or a list are not (and would crash whatever names them)."""
    if isinstance(key, yaml.ScalarNode) and key.tag == _STR_TAG:
        return
    if not isinstance(key, yaml.ScalarNode):
        raise ParseError(
            "veldnaam", line, "een lijst of groep kan geen veldnaam zijn. Een veldnaam is een woord, zoals 'titel', met een dubbele punt erachter."
        )
    kind = _KEY_KINDS.get(key.tag, "een teken met een bijzondere betekenis")
    raise ParseError(
        "veldnaam",
        line,
        f"'{key.value}' kan geen veldnaam zijn: het wordt gelezen als {kind}. Een veldnaam is een woord, zoals 'titel'. "
        "Controleer de spelling; bedoelt u echt deze naam, zet hem dan tussen aanhalingstekens.",
    )


def _check_scalar(node: yaml.Node, line: int) -> None:
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        raise ParseError(
            "getal-te-groot",
            line,
            f"hier staat een getal van {len(node.value)} tekens; zo'n groot getal komt in geen enkel veld voor. "
            "Is het tekst, zoals een kenmerk? Zet het dan tussen aanhalingstekens.",
        )
    if node.tag in ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"):
        raise ParseError("yaml-fout", line, f"'{node.value}' kan hier niet alleen staan. Bedoelt u deze tekens als tekst, zet ze dan tussen aanhalingstekens.")


def _check_values(data: Any, lines: dict[str, int]) -> None:
    """No control character reaches the model by a YAML escape ("\\x07", "\\u0000") either; a field name stays on one line."""
    for path, text, is_key in _texts(data, ()):
        bad = (_FORBIDDEN_IN_KEY_RE if is_key else _FORBIDDEN_IN_VALUE_RE).search(text)
        if bad:
            field = ".".join(str(part) for part in path)
            waar = f"{field}: in deze {'veldnaam' if is_key else 'waarde'} (geschreven als {_escapes(bad[0])})"
            raise ParseError("stuurteken", field_line(lines, path), _control_message(bad[0], waar))


def _texts(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Every text in the parsed YAML with its field path, and whether it is a field name."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), str(key), True
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _texts(item, (*path, index))
    elif isinstance(data, Tagged):
        yield from _texts(data.value, path)


def parse_document(raw: bytes) -> ParsedDocument:
    """Split a Markdown file into its front matter (parsed) and its body."""
    text = decode_text(raw)
    pattern = _HANDLER.FM_BOUNDARY
    assert pattern is not None
    opening = pattern.match(text)
    if not opening:
        raise ParseError(
            "geen-gegevensblok",
            1,
            "het bestand begint niet met een gegevensblok. Zet op de eerste regel '---', daaronder de velden, en sluit af met een regel '---'.",
        )
    closing = pattern.search(text, opening.end())
    if not closing:
        raise ParseError(
            "niet-afgesloten",
            1,
            "het gegevensblok dat op regel 1 begint, wordt nergens afgesloten. Zet een regel '---' onder het laatste veld.",
        )
    first_line = text.count("\n", 0, opening.end()) + 1
    front_matter = parse_yaml(text[opening.end() : closing.start()], first_line)
    body = text[closing.end() :]
    stripped = body.lstrip("\n")
    text_line = text.count("\n", 0, closing.end()) + len(body) - len(stripped) + 1
    if not stripped.strip():  # no text: point at the line under the closing '---', where it belongs
        text_line = text.count("\n", 0, closing.start()) + 2
    tekst = stripped.rstrip() + "\n" if stripped.strip() else ""
    return ParsedDocument(front_matter, tekst, text_line, text.count("\n", 0, closing.start()) + 1)


def field_line(lines: dict[str, int], path: Sequence[str | int], default: int = 1) -> int:
    """The line of the deepest part of `path` that is in the file."""
    for end in range(len(path), 0, -1):
        naam = ".".join(str(part) for part in path[:end])
        if naam in lines:
            return lines[naam]
    return default
