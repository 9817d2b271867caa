"""The archive's model: municipalities, documents and problems.

Pure data, no I/O. Field names are the Dutch domain words used in the front
matter, the JSON Schema and the export.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from adviesregister.base.errors import AdviesregisterError

_DATUM_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(text: str) -> str:
    return _CONTROL_RE.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


FIRST_YEAR, LAST_YEAR = 1900, 2100
"""The years a letter in the archive can be from."""


class DatumError(AdviesregisterError, ValueError):
    """A date that cannot exist or is not written as JJJJ, JJJJ-MM or JJJJ-MM-DD."""


@dataclass(frozen=True)
class Datum:
    """A date that may be partial: only a year, or a year and a month."""

    jaar: int
    maand: int | None = None
    dag: int | None = None

    @classmethod
    def parse(cls, text: str) -> Datum:
        match = _DATUM_RE.match(text)
        if not match:
            raise DatumError(f"'{text}' is geen datum in de vorm JJJJ-MM-DD, JJJJ-MM of JJJJ")
        jaar = int(match[1])
        maand = int(match[2]) if match[2] else None
        dag = int(match[3]) if match[3] else None
        if not FIRST_YEAR <= jaar <= LAST_YEAR:  # year 0 does not exist, and a deadline after 9999 cannot be computed
            raise DatumError(f"'{text}' kan niet kloppen: het jaar moet tussen {FIRST_YEAR} en {LAST_YEAR} liggen")
        if maand is not None and not 1 <= maand <= 12:
            raise DatumError(f"'{text}' bestaat niet: een jaar heeft maar 12 maanden")
        if maand is not None and dag is not None:
            laatste = calendar.monthrange(jaar, maand)[1]
            if not 1 <= dag <= laatste:
                raise DatumError(f"'{text}' bestaat niet: deze maand heeft {laatste} dagen")
        return cls(jaar, maand, dag)

    @property
    def volledig(self) -> bool:
        return self.dag is not None

    @property
    def precisie(self) -> str:
        """How precise the date is: 'dag', 'maand' or 'jaar'."""
        return "dag" if self.dag is not None else "maand" if self.maand is not None else "jaar"

    def vroegst(self) -> date:
        """The earliest day this (partial) date can mean."""
        return date(self.jaar, self.maand or 1, self.dag or 1)

    def laatst(self) -> date:
        """The latest day this (partial) date can mean."""
        maand = self.maand or 12
        dag = self.dag or calendar.monthrange(self.jaar, maand)[1]
        return date(self.jaar, maand, dag)

    def sort_key(self) -> tuple[date, date]:
        """Order by the earliest day, then the latest: '2023' comes before '2023-01-05'."""
        return (self.vroegst(), self.laatst())

    def __str__(self) -> str:
        text = f"{self.jaar:04d}"
        if self.maand is not None:
            text += f"-{self.maand:02d}"
        if self.dag is not None:
            text += f"-{self.dag:02d}"
        return text


DEFAULT_REACTIETERMIJN_WEKEN = 8
"""Weeks the college has to answer an advice when the gemeente sets nothing else (no national rule fixes it)."""


@dataclass(frozen=True)
class Adviesraad:
    """One advisory council of a gemeente, as gemeenten.yml names it."""

    naam: str
    afkortingen: tuple[str, ...] = ()
    """How letters name the council besides its name ('ASD'); the importer recognises the sender by both."""
    website: str | None = None
    contact: str | None = None
    """A functional mailbox or a contact form's address; never a person's address (see content/contact.py)."""


@dataclass(frozen=True)
class Gemeente:
    slug: str
    naam: str
    cbs_code: str
    adviesraden: tuple[Adviesraad, ...]
    """At least one; the first is the council the site names as the sender of an advice."""
    reactietermijn_weken: int = DEFAULT_REACTIETERMIJN_WEKEN
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """The line in gemeenten.yml of each field ('almelo.naam', 'almelo.adviesraden.0.naam'), for problems."""

    @property
    def adviesraad(self) -> str:
        """The first council's name: the sender of an advice when the letter names none, and the export's column 'adviesraad'."""
        return self.adviesraden[0].naam

    @property
    def tooi_uri(self) -> str:
        return f"https://identifier.overheid.nl/tooi/id/gemeente/{self.cbs_code.lower()}"


@dataclass(frozen=True)
class Bron:
    """The original letter a document was made from."""

    sha256: str
    bestand: str | None = None
    """None: the original is kept outside the archive (it carries personal data); only its sha256 is recorded."""
    reden: str | None = None
    """Why the original is kept outside (a key of originals.WITHHELD), as the import recorded it; None when not recorded."""


@dataclass(frozen=True)
class Besluit:
    """The college's decision on one recommendation of an advice."""

    aanbeveling: str
    besluit: str
    citaat: str


@dataclass
class Document:
    """One letter or paper, as written in its Markdown file."""

    id: str
    soort: str
    titel: str
    datum: Datum
    gemeente: str
    path: str
    van: str | None = None
    aan: str | None = None
    onderwerp: str | None = None
    samenvatting: str | None = None
    adviestype: str | None = None
    stuktype: str | None = None
    themas: list[str] = field(default_factory=list)
    kenmerken: dict[str, str] = field(default_factory=dict)
    bijlagen: list[str] = field(default_factory=list)
    aanbevelingen: list[str] = field(default_factory=list)
    reactie_op: list[str] = field(default_factory=list)
    hoort_bij: list[str] = field(default_factory=list)
    besluit: str | None = None
    besluit_citaat: str | None = None
    besluiten: list[Besluit] = field(default_factory=list)
    tekst_beschikbaar: bool = True
    ingevuld_door_mens: list[str] = field(default_factory=list)
    """The fields a person gave at import (a question, an option, the table of --aanvullen), not read from the letter."""
    bron: Bron | None = None
    tekst: str = ""
    lines: dict[str, int] = field(default_factory=dict)
    text_line: int = 1

    def line(self, field: str) -> int:
        """The line of `field` in the file, or of the opening '---' if it is absent."""
        return self.lines.get(field, 1)


def described(beschrijving: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Field metadata: the Dutch description researchers read, and the JSON Schema of the value in the open data."""
    return {"beschrijving": beschrijving, "schema": schema}


NULLABLE_TEXT: dict[str, Any] = {"anyOf": [{"type": "string"}, {"type": "null"}]}
"""JSON Schema of a text that may be empty (null) in the open data."""
_IDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}


@dataclass(frozen=True)
class Derived:
    """What the archive computes for a document, never typed by hand. Adding a field here adds it to the open data, its schema and its field table."""

    status: str | None = field(
        default=None,
        metadata=described(
            "Berekend, alleen bij een advies: het besluit uit de laatste reactie van het college, of 'wacht op reactie' / 'reactie uitgebleven' volgens de reactietermijn van de gemeente. 'reactie uitgebleven' betekent: de termijn is voorbij en dit archief kent geen reactie (de site zegt 'Geen reactie bekend'; de waarde blijft, zodat analyses blijven werken).",
            NULLABLE_TEXT,
        ),
    )
    reacties: tuple[str, ...] = field(default=(), metadata=described("Berekend: de id's van de documenten die op dit document antwoorden, oudste eerst.", _IDS))
    stukken: tuple[str, ...] = field(default=(), metadata=described("Berekend: de id's van de stukken die bij dit document horen.", _IDS))
    uiterste_reactiedatum: date | None = field(
        default=None,
        metadata=described(
            "Berekend, alleen bij een advies: de laatste dag van de reactietermijn (bij een onvolledige datum gerekend vanaf het eind van die periode).",
            {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        ),
    )
    reactietijd: int | None = field(
        default=None,
        metadata=described(
            "Berekend, alleen bij een advies met een reactie: het aantal dagen tot de eerste reactie, als beide datums volledig zijn.",
            {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        ),
    )


DERIVED_FIELDS = tuple(f.name for f in fields(Derived))
"""The fields the archive computes; typed into front matter they are an error, in the export they are included."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located like a compiler error."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name or a quoted value holds: a line break shows as \\x0a."""
        return _one_line(f"{self.path}:{self.line}: [{self.code}] {self.message}")

    def github_annotation(self, level: str = "error") -> str:
        """The problem as a GitHub Actions annotation (`level` error or warning), shown on the changed line of a pull request."""
        title = f"[{self.code}]".replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
        path = self.path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={path},line={self.line},title={title}::{message}"


@dataclass(frozen=True)
class ContentPage:
    """A hand-written page of content/paginas/ ('Over dit archief'); its Markdown is sanitised when the site is built."""

    naam: str
    """The file name, which is also the page's address: 'over.md'."""
    titel: str
    tekst: str
    verbergen: tuple[str, ...] = ()
    """Parts of the page the theme leaves out: 'toc', 'navigation'."""
    title_line: int = 1
    text_line: int = 1


@dataclass
class Archive:
    gemeenten: dict[str, Gemeente]
    documents: list[Document]
    onleesbaar: list[str] = field(default_factory=list)
    """Paths of document files that could not be read (their problems are reported)."""
    pages: list[ContentPage] = field(default_factory=list)

    def by_id(self) -> dict[str, Document]:
        """Documents by id; where an id is used twice (a problem `check` names), the first one."""
        found: dict[str, Document] = {}
        for doc in self.documents:
            found.setdefault(doc.id, doc)
        return found


def summarize_problems(problems: list[Problem]) -> str:
    """The closing line of a check: how many problems in how many files."""
    files = len({p.path for p in problems})
    woord = "probleem" if len(problems) == 1 else "problemen"
    bestanden = "bestand" if files == 1 else "bestanden"
    return f"{len(problems)} {woord} in {files} {bestanden}."


def format_problems(problems: list[Problem], closing: str = "", github: bool = False) -> str:
    """Every problem on its own line (or as GitHub annotations), then how many there are and `closing`."""
    lines = [problem.github_annotation() if github else str(problem) for problem in problems]
    return "\n".join([*lines, f"{summarize_problems(problems)} {closing}".rstrip()])
