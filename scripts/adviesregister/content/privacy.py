"""Personal data that must not reach the public archive: BSNs, personal e-mail, civil servants' names."""

from __future__ import annotations

import re
from pathlib import Path

from adviesregister.content.extract import ExtractError, extract_text

_BSN_RE = re.compile(r"(?<![\d.])(\d{4})\.?(\d{2})\.?(\d{3})(?![\d.])")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLED_BY_RE = re.compile(r"behandeld\s+door\s*:?\s*\S", re.IGNORECASE)

# Local parts of e-mail addresses that belong to an organisation, not a person.
FUNCTIONAL_MAILBOXES = frozenset(
    {"adviesraad", "asd", "communicatie", "contact", "gemeente", "griffie", "info", "klantcontact", "post", "postbus", "secretariaat", "servicepunt"}
)


def is_bsn(digits: str) -> bool:
    """Nine digits that pass the eleven-test (elfproef) used for Dutch citizen numbers."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def find_personal_data(text: str) -> list[str]:
    """A Dutch description of each piece of personal data in `text`, with how to fix it."""
    findings = []
    for match in _BSN_RE.finditer(text):
        if is_bsn("".join(match.groups())):
            findings.append(f"'{match[0]}' lijkt een burgerservicenummer (BSN). Haal het weg; een BSN mag nooit in het archief.")
    for match in _EMAIL_RE.finditer(text):
        if match[0].split("@")[0].lower() not in FUNCTIONAL_MAILBOXES:
            findings.append(f"'{match[0]}' lijkt een persoonlijk e-mailadres. Haal het weg; alleen algemene adressen zoals info@ mogen blijven.")
    if _HANDLED_BY_RE.search(text):
        findings.append(
            "'Behandeld door' noemt een ambtenaar. Haal de naam weg; alleen publieke functies (voorzitter, burgemeester, secretaris) mogen blijven."
        )
    return findings


def redact(text: str) -> tuple[str, list[str]]:
    """`text` with BSNs, personal e-mail addresses and names after 'Behandeld door' replaced; and what kind of data was replaced.

    The report names the kind, never the value: it may end up in a public log."""
    removed: list[str] = []

    def bsn(match: re.Match[str]) -> str:
        if not is_bsn("".join(match.groups())):
            return match[0]
        removed.append("een burgerservicenummer (BSN)")
        return "[BSN verwijderd]"

    def email(match: re.Match[str]) -> str:
        if match[0].split("@")[0].lower() in FUNCTIONAL_MAILBOXES:
            return match[0]
        removed.append("een persoonlijk e-mailadres")
        return "[e-mailadres verwijderd]"

    def handled_by(match: re.Match[str]) -> str:
        removed.append("de naam van een ambtenaar ('Behandeld door')")
        return f"{match[1]} [naam verwijderd]"

    text = _BSN_RE.sub(bsn, text)
    text = _EMAIL_RE.sub(email, text)
    text = re.sub(r"(?im)^(.*?behandeld\s+door\s*:?)\s*\S.*$", handled_by, text)
    return text, removed


def is_publishable(path: Path) -> bool:
    """An original letter may be published as it is only when its text can be read and carries no personal data."""
    try:
        text = extract_text(path)
    except (ExtractError, OSError):
        return False
    return not any(find_personal_data(line) for line in text.split("\n"))
