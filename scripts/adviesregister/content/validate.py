"""JSON Schema validation of front matter and gemeenten.yml, with problems in plain Dutch.

The schemas (see `schema.py`) say what is allowed; this module only turns jsonschema's errors into located, Dutch problems.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from adviesregister.content.model import DERIVED_FIELDS, Problem
from adviesregister.content.parse import field_line
from adviesregister.content.schema import TYPE_NAMES, validator


def validate_data(schema: str, data: Any, lines: dict[str, int], relative_path: str) -> list[Problem]:
    """Every violation of the named schema by `data`, located at the line of the field concerned."""
    problems = []
    for error in sorted(validator(schema).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        for code, field, message in _describe_all(error, path, data):
            line = field_line(lines, field.split(".") if field else path)
            problems.append(Problem(relative_path, line, code, message))
    return sorted(problems, key=lambda p: (p.line, p.code))


def _describe_all(error: jsonschema.ValidationError, path: list[Any], data: Any) -> list[tuple[str, str, str]]:
    """(code, field path, Dutch message) for each thing one jsonschema error says is wrong: a 'required' error names
    every missing field at once (titel, datum and gemeente), and each is a problem of its own, reported in one run."""
    if error.validator != "required" or "propertyNames" in error.schema_path:
        return [_describe(error, path, data)]
    field = ".".join(str(part) for part in path)
    problems = []
    for name in (name for name in error.validator_value if name not in error.instance):
        voorbeeld = _example(error.schema.get("properties", {}).get(name, {}))
        problems.append(
            ("verplicht-veld", field, f"{_join(field, name)}: dit verplichte veld ontbreekt. Voeg een regel toe, bijvoorbeeld '{name}: {voorbeeld}'.")
        )
    return problems


def _describe(error: jsonschema.ValidationError, path: list[Any], data: Any) -> tuple[str, str, str]:
    """(code, field path, Dutch message) for one jsonschema error ('required' errors: see _describe_all)."""
    field = ".".join(str(part) for part in path)
    value = error.instance
    kind = error.validator
    if "propertyNames" in error.schema_path:  # a key of gemeenten.yml: a gemeente's short name
        return _describe_name(kind, str(value), error.validator_value)
    if kind == "maxLength":
        return "te-lang", field, _too_long(field, len(value), error.validator_value)
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))[0]
        naam = _join(field, str(extra))
        if not field and extra in DERIVED_FIELDS:
            return "afgeleid-veld", naam, f"{naam}: dit wordt automatisch berekend uit de reacties en termijnen. Haal deze regel weg."
        return "onbekend-veld", naam, f"{naam}: dit veld kennen we niet. Controleer de spelling, of haal de regel weg."
    if kind == "not":  # `{"not": {}}`: this field does not belong to this soort
        soort = data.get("soort") if isinstance(data, dict) else None
        return "veld-past-niet", field, f"{field}: dit veld hoort niet bij een document van soort '{soort}'. Haal het weg, of kies een andere soort."
    if kind == "dependentRequired":
        for name, needs in error.validator_value.items():
            missing = [need for need in needs if name in value and need not in value]
            if missing:
                return "verplicht-veld", name, f"{missing[0]}: dit veld ontbreekt; het hoort bij '{name}'. Vul beide in, of laat beide weg."
    if kind == "type":
        kind = str(error.validator_value)
        soort = TYPE_NAMES[kind][1] if kind in TYPE_NAMES else kind
        if error.validator_value == "string" and isinstance(value, dict):
            hint = "Staat er een dubbele punt met een spatie in de tekst? Zet de hele tekst dan tussen aanhalingstekens."
        else:
            hint = f"Voorbeeld: {_example(error.schema)}."
        return "verkeerd-type", field, f"{field}: de waarde moet {soort} zijn. {hint}"
    if kind == "enum":
        keuzes = ", ".join(f"'{keuze}'" for keuze in error.validator_value)
        return "ongeldige-waarde", field, f"{field}: '{value}' is geen toegestane waarde. Kies uit: {keuzes}."
    if kind == "pattern" and field.startswith("bron.ingelezen."):  # the import's record (importer/reimport.py), changed by hand
        return (
            "ongeldig-formaat",
            field,
            f"{field}: '{value}' is geen controlegetal van de import. Haal deze regel weg; dan telt het veld als door u geschreven.",
        )
    if kind == "pattern":
        code = "ongeldige-datum" if field == "datum" else "ongeldig-formaat"
        return code, field, f"{field}: '{value}' heeft niet de goede vorm. Voorbeeld: {_example(error.schema)}."
    if kind in ("minLength", "minItems"):
        return "lege-waarde", field, f"{field}: dit veld is leeg. Vul het in, of haal de regel weg."
    if kind in ("minimum", "maximum"):
        grens = "minstens" if kind == "minimum" else "hooguit"
        return "ongeldige-waarde", field, f"{field}: {value} kan niet; het getal is {grens} {error.validator_value}. Voorbeeld: {_example(error.schema)}."
    if kind == "uniqueItems":
        return "dubbele-waarde", field, f"{field}: een waarde staat er meer dan één keer in. Houd er één over."
    return "schema", field, f"{field or 'gegevensblok'}: klopt niet met het schema ({error.message})."


def _describe_name(kind: str, naam: str, limit: Any) -> tuple[str, str, str]:
    if kind == "maxLength":
        return (
            "te-lang",
            naam,
            f"{naam}: deze korte naam is {len(naam)} tekens lang; hooguit {limit} mag, want hij wordt ook een deel van webadressen. Kies een kortere.",
        )
    return "ongeldig-formaat", naam, f"{naam}: een korte naam van een gemeente bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld 'oss'."


def _too_long(field: str, lengte: int, limit: int) -> str:
    message = f"{field}: deze waarde is {lengte} tekens lang; hooguit {limit} mag."
    if field == "id":
        return (
            f"{message} De id is ook de naam van het bestand en een deel van elk webadres van het document. Maak hem korter, en geef het bestand dezelfde naam."
        )
    if field.startswith(("reactie_op.", "hoort_bij.")):
        return f"{message} Een id is nooit langer; controleer de id (de bestandsnaam zonder .md)."
    return f"{message} Maak de waarde korter."


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _example(schema: dict[str, Any]) -> str:
    examples = schema.get("examples") or ["..."]
    example = examples[0]
    return example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
