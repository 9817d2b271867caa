"""A council's contact in gemeenten.yml: a functional mailbox or a contact form's address, never a person's address.

The site shows the contact on every page of the gemeente, and a public repository keeps it for good; so an address
that names a person is refused, with the reason, wherever it is written (check, `gemeente toevoegen`)."""

from __future__ import annotations

import re

from adviesregister.content.privacy import FUNCTIONAL_MAILBOXES, describe, detect

_PERSON_LOCAL_RE = re.compile(r"(?i)(?:[a-z]\.)+[a-z][\w-]*|[a-z]{2,}[._][a-z]{2,}(?:[._-][a-z]+)*")
"""A name part before the @ shaped like a person's: initials and a surname ('j.jansen', 'j.p.de-vries') or a first
name and a surname ('jan.jansen', 'jan_jansen')."""
_ADVICE = "Gebruik een functionele mailbox van de adviesraad (zoals secretariaat@… of info@…) of het webadres (https://…) van een contactformulier."


def contact_problem(contact: str) -> str | None:
    """Why `contact` may not stand in gemeenten.yml, in Dutch (with what to write instead); None when it may."""
    if contact.startswith("https://"):
        found = detect(contact)
        return f"dit webadres bevat persoonsgegevens: {describe(found[0])} {_ADVICE}" if found else None
    local = contact.partition("@")[0]
    parts = re.split(r"[._+-]", local.lower())
    if parts[0] not in FUNCTIONAL_MAILBOXES and _PERSON_LOCAL_RE.fullmatch(local):
        return (
            f"'{contact}' lijkt het e-mailadres van een persoon (voorletters of voornaam en achternaam). "
            f"Zo'n adres staat dan op elke pagina van de gemeente en blijft in de geschiedenis van het archief. {_ADVICE}"
        )
    found = detect(contact)
    if found:
        return f"dit adres is een persoonsgegeven: {describe(found[0])} {_ADVICE}"
    return None
