"""Read one content file: text, front matter and YAML, keeping the line of every field.

This is the project's only parser of front matter. It raises `ParseError`
with a problem code, a line and a Dutch message; it never lets a YAML or
decoding exception escape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

_HANDLER = YAMLHandler()
_TAG_RE = re.compile(r"tag '([^']+)'")


class ParseError(Exception):
    def __init__(self, code: str, regel: int, bericht: str) -> None:
        super().__init__(bericht)
        self.code = code
        self.regel = regel
        self.bericht = bericht


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so our own date check sees them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class Parsed:
    """A YAML mapping with the line (1-based, in the file) of each field path."""

    data: dict[str, Any]
    regels: dict[str, int]


@dataclass
class ParsedDocument:
    gegevens: Parsed
    tekst: str
    tekst_regel: int


def decode_text(raw: bytes) -> str:
    """UTF-8 text without a byte-order mark; ParseError names the line of a bad byte."""
    if not raw.strip():
        raise ParseError("leeg-bestand", 1, "het bestand is leeg. Vul het gegevensblok in of haal het bestand weg.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        regel = raw.count(b"\n", 0, err.start) + 1
        raise ParseError(
            "geen-utf8",
            regel,
            f"het bestand bevat tekens die geen UTF-8 zijn (byte 0x{raw[err.start]:02x}). "
            "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8).",
        ) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, eerste_regel: int = 1) -> Parsed:
    """Parse a YAML mapping safely; `eerste_regel` is the file line of the text's first line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ParseError("geen-gegevens", eerste_regel, "het gegevensblok is leeg. Vul de velden in.")
        if not isinstance(node, yaml.MappingNode):
            raise ParseError(
                "geen-gegevens",
                node.start_mark.line + eerste_regel,
                "het gegevensblok moet bestaan uit regels 'veld: waarde'.",
            )
        regels: dict[str, int] = {}
        _collect_lines(node, "", eerste_regel, regels)
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark or err.context_mark
        regel = mark.line + eerste_regel if mark else eerste_regel
        tag = _TAG_RE.search(err.problem or "")
        naam = tag[1].replace("tag:yaml.org,2002:", "!!") if tag else "!"
        raise ParseError(
            "yaml-tag",
            regel,
            f"de tag '{naam}' is niet toegestaan: een waarde is altijd gewone tekst, een getal of een lijst. Haal het deel dat met ! begint weg.",
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        regel = mark.line + eerste_regel if mark else eerste_regel
        raise ParseError(
            "yaml-fout",
            regel,
            "op deze regel of vlak erboven klopt de schrijfwijze niet. Kijk naar de dubbele punt na elke veldnaam, "
            "naar inspringing, en naar aanhalingstekens: elk aanhalingsteken moet ook weer gesloten worden. "
            f"(Technisch: {err.problem or err.context}.)",
        ) from None
    except yaml.YAMLError as err:
        raise ParseError("yaml-fout", eerste_regel, f"het gegevensblok is geen geldige YAML ({err}).") from None
    finally:
        loader.dispose()
    return Parsed(data, regels)


def _collect_lines(node: yaml.Node, prefix: str, eerste_regel: int, regels: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            naam = f"{prefix}{key.value}"
            regel = key.start_mark.line + eerste_regel
            if naam in regels:
                raise ParseError(
                    "dubbel-veld",
                    regel,
                    f"{naam}: dit veld staat er twee keer (ook op regel {regels[naam]}). Houd er één over.",
                )
            regels[naam] = regel
            _collect_lines(value, f"{naam}.", eerste_regel, regels)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            naam = f"{prefix}{index}"
            regels[naam] = item.start_mark.line + eerste_regel
            _collect_lines(item, f"{naam}.", eerste_regel, regels)


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
    eerste_regel = text.count("\n", 0, opening.end()) + 1
    gegevens = parse_yaml(text[opening.end() : closing.start()], eerste_regel)
    body = text[closing.end() :]
    stripped = body.lstrip("\n")
    tekst_regel = text.count("\n", 0, closing.end()) + len(body) - len(stripped) + 1
    if not stripped.strip():  # no text: point at the line under the closing '---', where it belongs
        tekst_regel = text.count("\n", 0, closing.start()) + 2
    tekst = stripped.rstrip() + "\n" if stripped.strip() else ""
    return ParsedDocument(gegevens, tekst, tekst_regel)


def field_line(regels: dict[str, int], path: Sequence[str | int], default: int = 1) -> int:
    """The line of the deepest part of `path` that is in the file."""
    for end in range(len(path), 0, -1):
        naam = ".".join(str(part) for part in path[:end])
        if naam in regels:
            return regels[naam]
    return default
