"""A new document file to fill in: every field with its Dutch explanation (from the schema) as a comment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from adviesregister.base.atomic import write_all
from adviesregister.base.errors import OptionError
from adviesregister.content.model import Archive, Datum, Gemeente
from adviesregister.content.names import document_id, document_path
from adviesregister.content.schema import field_spec
from adviesregister.importer.options import datum_option, gemeente_option

# The fields each soort starts with; the others follow commented out, to be filled in when the letter has them.
_FIELDS = {
    "advies": [
        "id",
        "soort",
        "adviestype",
        "titel",
        "datum",
        "gemeente",
        "van",
        "aan",
        "themas",
        "samenvatting",
        "kenmerken",
        "aanbevelingen",
        "bijlagen",
        "bron",
    ],
    "reactie": [
        "id",
        "soort",
        "titel",
        "datum",
        "gemeente",
        "van",
        "aan",
        "themas",
        "kenmerken",
        "reactie_op",
        "besluit",
        "besluit_citaat",
        "besluiten",
        "bijlagen",
        "bron",
    ],
    "stuk": ["id", "soort", "stuktype", "titel", "datum", "gemeente", "van", "aan", "themas", "hoort_bij", "bijlagen", "bron"],
}


def new_document(soort: str, gemeente: Gemeente, titel: str, datum: Datum | None, reactie_op: str | None) -> tuple[str, str]:
    """(path relative to the project, file text) of a new document of this soort."""
    doc_id = document_id(gemeente.slug, datum, titel)
    values: dict[str, Any] = {"id": doc_id, "soort": soort, "titel": titel, "gemeente": gemeente.slug}
    college = f"Burgemeester en wethouders van {gemeente.naam}"
    if soort == "advies":
        values.update(van=gemeente.adviesraad, aan=college)
    elif soort == "reactie":
        values.update(van=college, aan=gemeente.adviesraad)
    if datum is not None:
        values["datum"] = str(datum)
    if reactie_op:
        values["reactie_op" if soort == "reactie" else "hoort_bij"] = [reactie_op]
    lines = ["---"]
    for name in _FIELDS[soort]:
        spec = field_spec(name)
        lines.append(f"# {spec['description']}")
        if name in values:
            lines.append(_yaml_line(name, values[name]))
        else:
            example = spec.get("examples", [""])[0]
            lines.extend(f"# {line}" for line in _yaml_line(name, example).splitlines())
    lines += ["---", ""]
    return document_path(gemeente.slug, datum.jaar if datum else None, doc_id), "\n".join(lines) + "\n"


def _yaml_line(name: str, value: Any) -> str:
    return yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False).rstrip()


def new_for_archive(archive: Archive, soort: str, gemeente: str, titel: str, datum: str | None, reactie_op: str | None) -> tuple[str, str]:
    """`new`'s options checked against the archive (the gemeente by its short name or name, the date, the document a
    response answers), then the new file: its path from the project and its text. GemeenteError or OptionError."""
    slug = gemeente_option(gemeente, archive.gemeenten)
    vaste_datum = datum_option(datum)
    if reactie_op and reactie_op not in archive.by_id():
        raise OptionError("--reactie-op", f"'{reactie_op}' is geen document in het archief. Gebruik de id (de bestandsnaam zonder .md).")
    return new_document(soort, archive.gemeenten[slug], titel, vaste_datum, reactie_op)


def write_new(root: Path, relative: str, text: str) -> Path:
    """Write the new file, whole or not at all (WriteError); never over an existing one (FileExistsError)."""
    path = root / relative
    if path.exists():
        raise FileExistsError(relative)
    write_all([(path, text.encode("utf-8"))])
    return path
