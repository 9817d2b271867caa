"""A council's contact in gemeenten.yml: a functional mailbox or a contact form's address, never a person's address.

The site shows the contact on every page of the gemeente, and a public repository keeps it for good; so an address
that names a person is refused, with the reason, wherever it is written (check, `gemeente toevoegen`).

A mailbox is functional when every part of the name before the @ (split on . - _ +) is a word of an organisation
('secretariaat', 'sociaal', 'domein', 'clientenraad'), the name of a gemeente of the CBS list, such words written as
one ('adviesraadsociaaldomein', 'asdalmere'), or an abbreviation
(in capitals, or without vowels: 'ASD', 'cvd'); one other part refuses it, and a part that is an
initial, or two such parts (first name and surname), make it a person's. A form's address is refused when its query
names a person (?naam=…, ?voornaam=…) or a path segment under medewerkers/, team/, mensen/ … is a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise
from urllib.parse import parse_qsl, unquote, urlsplit

from adviesregister.content.privacy import FUNCTIONAL_MAILBOXES, describe, detect
from adviesregister.content.reference import cbs_municipalities

ORGANISATION_WORDS = frozenset(
    {
        "adviesraad",
        "adviesraden",
        "asd",
        "bestuur",
        "burgerraad",
        "clientenraad",
        "clientenplatform",
        "contact",
        "domein",
        "gehandicaptenraad",
        "jeugd",
        "jongerenraad",
        "mail",
        "ondersteuning",
        "ouderenraad",
        "participatie",
        "participatieraad",
        "platform",
        "post",
        "raad",
        "secretaris",
        "seniorenraad",
        "sociaal",
        "sociaaldomein",
        "voorzitter",
        "welzijn",
        "wmo",
        "wmoraad",
        "zorg",
    }
)
"""Words of a council's mailbox besides privacy.FUNCTIONAL_MAILBOXES (compared without accents: 'cliëntenraad')."""
NAME_PARAMETERS = frozenset(
    {
        "naam",
        "voornaam",
        "achternaam",
        "tussenvoegsel",
        "voorletters",
        "roepnaam",
        "name",
        "firstname",
        "lastname",
        "surname",
        "fullname",
        "contactpersoon",
        "medewerker",
        "persoon",
    }
)
"""Query parameters of a form's address whose value is a person's name (compared without '_' and '-')."""
PEOPLE_FOLDERS = frozenset(
    {"medewerker", "medewerkers", "team", "persoon", "personen", "mensen", "contactpersoon", "contactpersonen", "leden", "people", "staff", "profiel"}
)
"""Path segments under which a form's address names one person (/medewerkers/jan-de-vries)."""
_SPLIT_RE = re.compile(r"[._+-]")
_ADVICE = "Gebruik een functionele mailbox van de adviesraad (zoals secretariaat@… of info@…) of het webadres (https://…) van een contactformulier."


def _plain(text: str) -> str:
    """Lower case, accents dropped ('Cliëntenraad' → 'clientenraad')."""
    return "".join(char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char))


@cache
def gemeente_words() -> frozenset[str]:
    """Every CBS gemeente's name as letters only ('shertogenbosch', 'sudwestfryslan') and each word of four letters or more in it (not "van", "aan", "den")."""
    words: set[str] = set()
    for naam in cbs_municipalities().values():
        parts = re.findall(r"[a-z0-9]+", _plain(naam))
        words.add("".join(parts))
        words.update(part for part in parts if len(part) >= 4)
    return frozenset(words)


def _is_abbreviation(part: str) -> bool:
    """'ASD', 'GGD' (written in capitals) or 'cvd' (no vowels): an abbreviation, not a name."""
    letters = part.isascii() and part.isalpha()
    return letters and 2 <= len(part) <= 6 and (part.isupper() or not re.search(r"[aeiouy]", part.lower())) and not detect(part)


def _is_functional(part: str) -> bool:
    plain = _plain(part)
    return _is_word(plain) or _is_compound(plain) or _is_abbreviation(part)


def _is_word(plain: str) -> bool:
    return plain in FUNCTIONAL_MAILBOXES or plain in ORGANISATION_WORDS or plain in gemeente_words()


@cache
def _is_compound(plain: str) -> bool:
    """Written as one word of such words: 'adviesraadsociaaldomein', 'asdalmere', 'wmoraadoss'."""
    return any(_is_word(plain[:end]) and (_is_word(plain[end:]) or _is_compound(plain[end:])) for end in range(3, len(plain) - 2))


def _looks_like_name(parts: list[str]) -> bool:
    """An initial ('j'), or a first name and a surname ('jan', 'jansen'), among parts that are no organisation's words."""
    unknown = [part for part in parts if part and not _is_functional(part)]
    return any(len(part) == 1 and part.isalpha() for part in unknown) or sum(part.isalpha() for part in unknown) >= 2


def contact_problem(contact: str) -> str | None:
    """Why `contact` may not stand in gemeenten.yml, in Dutch (with what to write instead); None when it may."""
    if contact.startswith("https://"):
        return _form_problem(contact)
    local = contact.partition("@")[0]
    parts = _SPLIT_RE.split(local)
    if all(part and _is_functional(part) for part in parts):
        return None
    if _looks_like_name(parts):
        return (
            f"'{contact}' lijkt het e-mailadres van een persoon (voorletters of voornaam en achternaam). "
            f"Zo'n adres staat dan op elke pagina van de gemeente en blijft in de geschiedenis van het archief. {_ADVICE}"
        )
    found = detect(contact)
    if found:
        return f"dit adres is een persoonsgegeven: {describe(found[0])} {_ADVICE}"
    return (
        f"'{contact}' is geen bekende functionele mailbox: elk deel vóór de @ moet een woord van een organisatie zijn "
        f"(secretariaat, info, adviesraad, sociaal, domein …), de naam van een gemeente of een afkorting (ASD). {_ADVICE}"
    )


def _form_problem(address: str) -> str | None:
    """Why a form's address names a person, or None."""
    parts = urlsplit(address)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if re.sub(r"[_-]", "", key.lower()) in NAME_PARAMETERS and value.strip():
            return f"dit webadres noemt een persoon: '{key}={value}'. Haal dat deel (vanaf de ?) weg. {_ADVICE}"
    segments = [unquote(segment) for segment in parts.path.split("/")]
    for folder, segment in pairwise(segments):
        if folder.lower() in PEOPLE_FOLDERS and _looks_like_name(re.split(r"[\s._+-]+", segment)):
            return f"dit webadres is de pagina van een persoon: '/{folder}/{segment}'. Gebruik het adres van het algemene contactformulier. {_ADVICE}"
    found = detect(address)
    return f"dit webadres bevat persoonsgegevens: {describe(found[0])} {_ADVICE}" if found else None
