"""The values of `import`'s and `new`'s options read against the archive: --datum as a date, --gemeente as a short name
in gemeenten.yml. A wrong one raises our error with the Dutch message the command line prints."""

from __future__ import annotations

from adviesregister.base.errors import OptionError
from adviesregister.content.gemeenten_schrijven import GemeenteError, resolve_gemeente
from adviesregister.content.model import Datum, DatumError, Gemeente


def datum_option(datum: str | None) -> Datum | None:
    """The --datum option as a (partial) date; OptionError with the reason when it is no date."""
    try:
        return Datum.parse(datum) if datum else None
    except DatumError as err:
        raise OptionError("--datum", str(err)) from None


def gemeente_option(gemeente: str, gemeenten: dict[str, Gemeente]) -> str:
    """The short name in gemeenten.yml that --gemeente means (its short name or its name); GemeenteError saying so if none."""
    try:
        return resolve_gemeente(gemeente, gemeenten)
    except GemeenteError as err:
        raise GemeenteError(f"--gemeente: {err} Er is niets geschreven.") from None
