"""The recipes of the Open data page: a few lines of pandas, DuckDB and R that read the download as it is published,
each column with its type. The page shows this code and the tests run this same code on a built download, so a
recipe that stops working fails a test before a researcher finds out.

The types come from the table's columns (tables.columns), as the Data Package declares them: a column that is empty
in every row still loads as text, and a whole number with empty cells as a whole number (pandas 'Int64'), not as a
floating-point number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from adviesregister.opendata.downloads import CSV_TABLE, JSON_DUMP
from adviesregister.opendata.tables import columns

PANDAS_DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}
"""Column type (Frictionless) → pandas dtype; a date column is read with parse_dates (datetime64)."""
DUCKDB_TYPES = {"integer": "INTEGER", "boolean": "BOOLEAN", "date": "DATE"}
"""Column type → DuckDB type; every other column is VARCHAR."""
R_CONVERSIONS = {"integer": "as.integer({})", "boolean": '{} == "true"', "date": "as.Date({})"}
"""Column type → the R expression that converts the text of a column; every other column stays character."""
TYPE_NAMES = {"string": "tekst", "integer": "geheel getal", "boolean": "waar of onwaar", "date": "datum"}


@dataclass(frozen=True)
class Recipe:
    name: str
    """The tool, as the page's heading names it."""
    taal: str
    """The language of the code (for its highlighting): python, sql or r."""
    file: str
    """The downloaded file the code reads."""
    code: str
    uitleg: str
    """What the code gives, in one sentence of plain Dutch."""


def _typed(kind: str) -> list[str]:
    return [column.naam for column in columns() if column.soort == kind]


@cache
def recipes() -> tuple[Recipe, ...]:
    """Every recipe, in the order of the page."""
    dates = ", ".join(f'"{name}"' for name in _typed("date"))
    pandas_types = ", ".join(f'"{column.naam}": "{PANDAS_DTYPES[column.soort]}"' for column in columns() if column.soort in ("integer", "boolean"))
    duckdb_types = ", ".join(f"'{column.naam}': '{DUCKDB_TYPES[column.soort]}'" for column in columns() if column.soort in DUCKDB_TYPES)
    r_types = ",\n  ".join(f"{column.naam} = {R_CONVERSIONS[column.soort].format(column.naam)}" for column in columns() if column.soort in R_CONVERSIONS)
    return (
        Recipe(
            "pandas (Python), uit de CSV",
            "python",
            CSV_TABLE,
            "import pandas as pd\n"
            "from collections import defaultdict\n"
            f'documenten = pd.read_csv("{CSV_TABLE}", dtype=defaultdict(lambda: "string", {{{pandas_types}}}), parse_dates=[{dates}])\n',
            "Eén regel per document. Tekst is 'string', ook een kolom die overal leeg is; een geheel getal met lege cellen is 'Int64'; "
            "waar of onwaar is 'boolean'; een datum is 'datetime64'.",
        ),
        Recipe(
            "pandas (Python), uit de JSON",
            "python",
            JSON_DUMP,
            "import gzip, json, pandas as pd\n"
            f'download = json.load(gzip.open("{JSON_DUMP}"))\n'
            'documenten = pd.json_normalize(download, record_path="documenten").convert_dtypes()\n',
            'De JSON heeft een kop en een lijst documenten: record_path pakt de lijst, download["kop"] is de kop. '
            "Lijsten (zoals themas) blijven echte lijsten; een groep als bron wordt kolommen als bron.sha256.",
        ),
        Recipe(
            "DuckDB (SQL)",
            "sql",
            CSV_TABLE,
            f"CREATE TABLE documenten AS\nSELECT * FROM read_csv('{CSV_TABLE}', all_varchar = true, types = {{{duckdb_types}}});\n",
            "DuckDB leest het ingepakte bestand zoals het is. Alle kolommen zijn tekst (VARCHAR), behalve de datums, de reactietijd en tekst_beschikbaar.",
        ),
        Recipe(
            "R",
            "r",
            CSV_TABLE,
            f'documenten <- read.csv("{CSV_TABLE}", encoding = "UTF-8", na.strings = "", colClasses = "character")\n'
            f"documenten <- transform(documenten,\n  {r_types})\n",
            "Zonder extra pakketten. Eerst is alles tekst; daarna worden de datums, de reactietijd en tekst_beschikbaar omgezet.",
        ),
    )


def typed_columns() -> list[tuple[str, str, str]]:
    """Each column that is not text: (name, its type in words, its pandas dtype), for the page's explanation."""
    return [
        (column.naam, TYPE_NAMES[column.soort], PANDAS_DTYPES.get(column.soort, "datetime64 (parse_dates)")) for column in columns() if column.soort != "string"
    ]
