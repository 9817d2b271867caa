"""Adding a gemeente to content/gemeenten.yml: looked up in the CBS list, written as a block of text at the end.

The file is written by hand too, with comments; so it is never rewritten, only added to, and every value is quoted
where YAML needs it ("'s-Hertogenbosch"). `adviesregister gemeente toevoegen` and `adviesregister init` call
`add_gemeente`; every message about an unknown gemeente shows `add_command`.
"""

from __future__ import annotations

import difflib
import json
import re
import shlex
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from adviesregister.base.atomic import write_all
from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.contact import contact_problem
from adviesregister.content.model import DEFAULT_REACTIETERMIJN_WEKEN, Gemeente
from adviesregister.content.names import slugify
from adviesregister.content.reference import MUNICIPALITIES_FILE, cbs_municipalities
from adviesregister.content.schema import GEMEENTEN_SCHEMA, load_schema
from adviesregister.content.validate import validate_data

SLUG_LENGTH = 50
"""The longest short name gemeenten.schema.json allows."""
HEADER = """\
# De gemeenten in het archief. Per gemeente: de korte naam (gebruikt in 'gemeente:' van elk document),
# de naam en CBS-code (uit de lijst van het CBS), de reactietermijn in weken en de adviesraden:
# per adviesraad de naam, de afkortingen waarmee brieven hem noemen (mag leeg: []), de website en een
# contactadres (een functionele mailbox of het webadres van een contactformulier, nooit het adres van een persoon).
# Een gemeente toevoegen: adviesregister gemeente toevoegen "Naam van de gemeente" --adviesraad "Naam van de raad"
"""

ALIASES = {"den bosch": "'s-Hertogenbosch", "den haag": "'s-Gravenhage"}
"""Names in daily use that the CBS writes otherwise (see data/README.md), offered when they are typed."""


class GemeenteError(AdviesregisterError):
    """Nothing was written; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class Added:
    slug: str
    naam: str
    cbs_code: str
    blok: str
    """The text appended to the file."""


def _plain(text: str) -> str:
    """'Súdwest-Fryslân', '\u2019s-Hertogenbosch' (a typographic apostrophe) → 'sudwest-fryslan', "'s-hertogenbosch": for comparing names."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("`", "'"))
    return " ".join("".join(char for char in text if not unicodedata.combining(char)).casefold().split())


def gemeente_slug(naam: str) -> str:
    """The default short name: lower case, accents dropped, apostrophes left out, every other run of signs one hyphen
    ("'s-Hertogenbosch" → 's-hertogenbosch', 'Súdwest-Fryslân' → 'sudwest-fryslan', 'Bergen (NH.)' → 'bergen-nh')."""
    return slugify(naam, SLUG_LENGTH)


def cbs_name(text: str) -> str | None:
    """The CBS name that `text` means (a name in any case, with or without accents, or its short name); None if none."""
    wanted = _plain(text)
    for naam in cbs_municipalities().values():
        if _plain(naam) == wanted or gemeente_slug(naam) == text:
            return naam
    bare = _bare(text)  # 'sHertogenbosch', 'Sudwest Fryslan': the letters alone
    return next((naam for naam in cbs_municipalities().values() if _bare(naam) == bare), None) if bare else None


def _bare(text: str) -> str:
    """Only the letters and digits of a name, compared without case or accents."""
    return "".join(char for char in _plain(text) if char.isalnum())


def lookup(naam: str) -> tuple[str, str]:
    """(CBS code, CBS name) of a gemeente named as a person would type it; GemeenteError with the closest names if unknown."""
    gevonden = cbs_name(naam)
    if gevonden is not None:
        return {value: code for code, value in cbs_municipalities().items()}[gevonden], gevonden
    close = [ALIASES[_plain(naam)]] if _plain(naam) in ALIASES else suggestions(naam)
    hint = f" Bedoelt u {_or(close)}?" if close else ""
    raise GemeenteError(
        f"'{naam}' staat niet in de lijst van gemeenten van het CBS ({MUNICIPALITIES_FILE} van Adviesregister).{hint} Schrijf de naam zoals het CBS hem schrijft."
    )


def suggestions(naam: str) -> list[str]:
    """CBS names close to a name that is none: first those that start with it as a word ('Bergen' → 'Bergen (L.)',
    'Bergen (NH.)'; 'Nuenen' → 'Nuenen, Gerwen en Nederwetten'), then difflib's closest spellings; three at most."""
    wanted = _plain(naam)
    names = {_plain(value): value for value in cbs_municipalities().values()}
    starting = sorted(value for plain, value in names.items() if wanted and re.match(rf"{re.escape(wanted)}\b", plain))
    close = [names[match] for match in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.7)]
    return list(dict.fromkeys(starting + close))[:3]


def _or(names: list[str]) -> str:
    quoted = [f'"{naam}"' for naam in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} of {quoted[-1]}"


def add_command(naam: str) -> str:
    """The command that adds a gemeente, quoted for a shell, with the option it needs:
    adviesregister gemeente toevoegen "'s-Hertogenbosch" --adviesraad "Naam van de adviesraad"."""
    shown = cbs_name(naam) or naam
    quoted = f'"{shown}"' if not re.search(r'["$`\\!]', shown) else shlex.quote(shown)
    return f'adviesregister gemeente toevoegen {quoted} --adviesraad "Naam van de adviesraad"'


def resolve_gemeente(text: str, gemeenten: Mapping[str, Gemeente]) -> str:
    """The short name in gemeenten.yml that a --gemeente value means: the short name itself, or the gemeente's name in
    any case, with or without accents ('Oss', "'s-Hertogenbosch"). GemeenteError, saying how to add it, if none."""
    if text in gemeenten:
        return text
    wanted, bare = _plain(text), _bare(text)
    for slug, gemeente in gemeenten.items():
        if wanted in (_plain(slug), _plain(gemeente.naam)) or (bare and bare in (_bare(slug), _bare(gemeente.naam))):
            return slug
    naam = cbs_name(text)
    code = {value: key for key, value in cbs_municipalities().items()}.get(naam or "")
    for slug, gemeente in gemeenten.items():
        if code is not None and gemeente.cbs_code == code:
            return slug
    keuzes = ", ".join(sorted(gemeenten)) or "er staat nog geen gemeente in"
    close = difflib.get_close_matches(wanted, [_plain(slug) for slug in gemeenten], n=1, cutoff=0.75)
    slug_of = {_plain(slug): slug for slug in gemeenten}
    if close:
        hint = f" Bedoelt u '{slug_of[close[0]]}'?"
    elif naam is not None:
        hint = f" Voeg de gemeente toe met: {add_command(naam)}"
    else:
        hint = f" '{text}' is ook geen gemeente in de lijst van het CBS." + (f" Bedoelt u {_or(suggestions(text))}?" if suggestions(text) else "")
    raise GemeenteError(f"'{text}' staat niet in content/gemeenten.yml (kies uit: {keuzes}).{hint}")


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line: plain when YAML reads it back as the same text, else in double quotes."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1_000_000)
    plain = dumped.removesuffix("\n...\n").removesuffix("\n")
    if plain == text and "#" not in text and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def gemeente_block(
    slug: str,
    naam: str,
    cbs_code: str,
    adviesraad: str,
    afkortingen: tuple[str, ...] = (),
    website: str | None = None,
    contact: str | None = None,
    reactietermijn_weken: int = DEFAULT_REACTIETERMIJN_WEKEN,
) -> str:
    """The lines of one gemeente in gemeenten.yml, in the shape of gemeenten.schema.json."""
    lines = [
        f"{slug}:",
        f"  naam: {yaml_scalar(naam)}",
        f"  cbs_code: {cbs_code}",
        f"  reactietermijn_weken: {reactietermijn_weken}",
        "  adviesraden:",
        f"    - naam: {yaml_scalar(adviesraad)}",
    ]
    if afkortingen:
        lines += ["      afkortingen:", *(f"        - {yaml_scalar(afkorting)}" for afkorting in afkortingen)]
    else:
        lines.append("      afkortingen: []")
    lines += [f"      {key}: {yaml_scalar(value)}" for key, value in (("website", website), ("contact", contact)) if value]
    return "\n".join(lines) + "\n"


def add_gemeente(
    path: Path,
    naam: str,
    adviesraad: str,
    afkortingen: tuple[str, ...] = (),
    website: str | None = None,
    contact: str | None = None,
    reactietermijn_weken: int = DEFAULT_REACTIETERMIJN_WEKEN,
    wanted_slug: str | None = None,
) -> Added:
    """Append the gemeente `naam` (looked up in the CBS list) to gemeenten.yml at `path`, creating the file with a
    header when there is none. The text already there stays byte for byte. GemeenteError (nothing written) for an
    unknown name, a gemeente already in the file, or a value the schema or the contact rule refuses."""
    cbs_code, cbs_naam = lookup(naam)
    slug = wanted_slug or gemeente_slug(cbs_naam)
    if (error := slug_problem(slug)) is not None:
        raise GemeenteError(f"--sleutel '{slug}': {error} Er is niets geschreven.")
    bestaand = _read(path)
    data = yaml.safe_load(bestaand) if bestaand.strip() else {}
    if not isinstance(data, dict) and data is not None:
        raise GemeenteError(
            f"{path.name} bestaat uit regels 'korte-naam:' met daaronder de gegevens van de gemeente, maar nu staat er iets anders in. Er is niets geschreven."
        )
    data = data or {}
    if slug in data:
        raise GemeenteError(f"de korte naam '{slug}' staat al in {path.name}. Er is niets geschreven; kies een andere met --sleutel.")
    for key, fields in data.items():
        if isinstance(fields, dict) and fields.get("cbs_code") == cbs_code:
            raise GemeenteError(f"{cbs_naam} ({cbs_code}) staat al in {path.name}, onder '{key}'. Er is niets geschreven.")
    if contact is not None and (reason := contact_problem(contact)):
        raise GemeenteError(f"--contact: {reason} Er is niets geschreven.")
    blok = gemeente_block(slug, cbs_naam, cbs_code, adviesraad, tuple(afkortingen), website, contact, reactietermijn_weken)
    problems = validate_data(GEMEENTEN_SCHEMA, yaml.safe_load(blok), {}, path.name)
    if problems:
        raise GemeenteError(f"{problems[0].message} Er is niets geschreven.")
    begin = bestaand if bestaand else HEADER
    regeleinde = "\r\n" if "\r\n" in begin else "\n"  # a file written on Windows keeps its line ends
    text = begin + ("" if begin.endswith("\n") else regeleinde) + blok.replace("\n", regeleinde)
    if not _holds_all(text, data, slug):
        raise GemeenteError(f"{path.name}: {_shape_hint(bestaand)} Er is niets geschreven.")
    write_all([(path, text.encode("utf-8"))])
    return Added(slug, cbs_naam, cbs_code, blok)


def slug_problem(key: str) -> str | None:
    """Why `key` cannot be a gemeente's short name (the schema's rule for the keys of gemeenten.yml, and read back
    by YAML as that same text), in Dutch with an example; None when it can."""
    line = load_schema(GEMEENTEN_SCHEMA)["propertyNames"]
    if not jsonschema.Draft202012Validator(line).is_valid(key):
        return (
            f"een korte naam bestaat uit kleine letters en cijfers, met hooguit één streepje ertussen (geen spatie, '#', ':' of "
            f"andere tekens), en is hooguit {line['maxLength']} tekens lang. Bijvoorbeeld --sleutel s-hertogenbosch."
        )
    if yaml.safe_load(key) != key:
        return "YAML leest deze korte naam als een getal, ja/nee of leeg, niet als tekst. Kies een naam met letters, bijvoorbeeld --sleutel oss."
    return None


def _holds_all(text: str, data: Mapping[str, object], slug: str) -> bool:
    """Whether `text` reads as one mapping with every gemeente of `data`, unchanged, and the new one."""
    try:
        new = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(new, dict) and set(new) == {*data, slug} and all(new[key] == value for key, value in data.items())


def _shape_hint(text: str) -> str:
    """What in a valid gemeenten.yml keeps a block added at the end from being read with the rest, and how to fix it."""
    if re.search(r"(?m)^\.\.\.[ \t]*(#.*)?\r?$", text):
        return "de regel '...' sluit het bestand af, dus een gemeente eronder hoort er niet meer bij. Haal de regel '...' weg en probeer het opnieuw."
    if re.search(r"(?m)^[ \t]*[{\[]", text):
        return (
            "de gemeenten staan tussen { } (of [ ]) op één regel. Schrijf de gemeenten onder elkaar, niet tussen { }: per gemeente "
            "een regel 'korte-naam:' met de gegevens ingesprongen eronder (een leeg bestand mag ook), en probeer het opnieuw."
        )
    return "de nieuwe gemeente zou niet goed onder de andere komen te staan. Controleer het einde van het bestand en probeer het opnieuw."


def _read(path: Path) -> str:
    """The file's text ('' when there is none); GemeenteError when it cannot be read as YAML: then appending would hide the error."""
    if not path.exists():
        return ""
    text = path.read_bytes().decode("utf-8")  # not read_text: that turns CRLF into LF, and the file stays byte for byte
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as err:
        line = f" (regel {err.problem_mark.line + 1})" if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark else ""
        raise GemeenteError(
            f"{path.name} is geen geldige YAML{line}. Er is niets geschreven; herstel het bestand eerst (zie 'adviesregister check')."
        ) from None
    return text
