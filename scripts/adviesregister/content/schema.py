"""The JSON Schemas (shipped as package data from the top-level schema/ folder) and the facts read from them.

The schemas are the single source of the front-matter fields, their order, types, Dutch descriptions and examples.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema

DOCUMENT_SCHEMA = "document.schema.json"
GEMEENTEN_SCHEMA = "gemeenten.schema.json"
CONTENT_PAGE_SCHEMA = "pagina.schema.json"

TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string": ("tekst", "tekst"),
    "array": ("lijst", "een lijst (regels die met '- ' beginnen)"),
    "object": ("groep", "een groep velden (ingesprongen regels 'veld: waarde')"),
    "boolean": ("ja/nee", "true of false"),
    "integer": ("getal", "een heel getal"),
}
"""JSON type → (short Dutch name for a table of fields, what an author must write, for an error message)."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema from the package, checked to be a valid JSON Schema 2020-12."""
    schema: dict[str, Any] = json.loads(files("adviesregister.schemas").joinpath(name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for the schema, made once."""
    return jsonschema.Draft202012Validator(load_schema(name))


def front_matter_fields() -> tuple[str, ...]:
    """Every front-matter field, in the order the schema lists them (and files are written in)."""
    return tuple(load_schema(DOCUMENT_SCHEMA)["properties"])


def field_spec(name: str) -> dict[str, Any]:
    """The schema of one front-matter field: type, Dutch description, examples."""
    spec: dict[str, Any] = load_schema(DOCUMENT_SCHEMA)["properties"][name]
    return spec


def type_name(spec: dict[str, Any]) -> str:
    """The short Dutch name of a field's type ('tekst', 'lijst', …)."""
    kind = str(spec.get("type"))
    return TYPE_NAMES[kind][0] if kind in TYPE_NAMES else kind
