"""`import` of a batch of letters, as the library does it: each letter read (with what the options fill in), linked to
the letters before it in the same batch, then written; the rows of the closing table and the count of letters that
failed. The command line (cli.py) only parses the options, calls these and prints what they return."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from adviesregister.content.extract import ExtractError
from adviesregister.content.model import Archive, Datum
from adviesregister.content.project import Project
from adviesregister.importer.batch import Row, refused_row, row_of
from adviesregister.importer.letter_import import import_letter
from adviesregister.importer.linking import add_to_archive
from adviesregister.importer.questions import TerminalQuestions
from adviesregister.importer.result import ImportRefusedError, ImportResult
from adviesregister.importer.writing import write_result


@dataclass(frozen=True)
class Options:
    """What the options of `import` fill in for the letters that leave it open, and how to read them."""

    gemeente: str | None = None
    """A short name in gemeenten.yml (gemeente_option)."""
    datum: Datum | None = None
    soort: str | None = None
    toch: bool = False
    ocr: bool | None = None


@dataclass(frozen=True)
class Refusal:
    """A letter the import did not take."""

    path: Path
    reason: str
    """Why, in Dutch, without the letter's path."""
    result: ImportResult | None = None
    """What was read, when it was read but is no letter (a web page, minutes …): an import with --toch takes it anyway."""

    def message(self, toch: str = "--toch") -> str:
        """What the person reads: the reason, and for a text that is no letter how to import it anyway (`toch`: how
        the caller's person gives that option)."""
        if self.result is not None:
            return f"{self.reason}. Er is niets geschreven. Is het toch een brief of stuk voor het archief? Importeer het dan met {toch}."
        return self.reason


@dataclass
class Batch:
    """What reading the letters of one import gave."""

    results: list[ImportResult] = field(default_factory=list)
    """The letters read, in the order given."""
    rows: list[Row] = field(default_factory=list)
    """One row per letter for the closing table, the refused ones too."""
    refused: list[Refusal] = field(default_factory=list)
    """The letters not read, or no letter (without `toch`)."""


@dataclass(frozen=True)
class Written:
    """What writing one letter's files did."""

    result: ImportResult
    paden: tuple[str, ...] = ()
    """The files written, from the project."""
    error: str | None = None
    """Why nothing was written, in Dutch (without the letter's path); None when it was written or not meant to be."""
    overgeslagen: bool = False
    """Not written on purpose: a dry run, or a letter the archive holds already without --force."""


def read_letters(
    project: Project,
    archive: Archive,
    files: Iterable[Path],
    options: Options,
    vraag: TerminalQuestions | None = None,
    refused: Callable[[Refusal], None] = lambda _: None,
) -> Batch:
    """Read each letter; a later one may link to an advice an earlier one brought (`archive` grows). A letter that cannot
    be read, or is no letter (without `toch`), is refused: `refused` gets it at once, while the batch goes on."""
    batch = Batch()
    for path in files:
        if vraag is not None:
            vraag.file = str(path)
        try:
            result = import_letter(
                project, archive, path, options.gemeente, options.datum, toch=options.toch, ocr=options.ocr, soort=options.soort, vraag=vraag
            )
        except (ExtractError, ImportRefusedError) as err:
            _refuse(batch, refused, Refusal(path, str(err)), refused_row(str(path), "niet gelezen"))
            continue
        if result.geen_brief is not None:
            _refuse(batch, refused, Refusal(path, result.geen_brief, result), refused_row(str(path), "geen brief"))
            continue
        if result.houder is None:
            add_to_archive(archive, result.records)
        batch.results.append(result)
        batch.rows.append(row_of(result))
    return batch


def _refuse(batch: Batch, refused: Callable[[Refusal], None], refusal: Refusal, row: Row) -> None:
    batch.refused.append(refusal)
    batch.rows.append(row)
    refused(refusal)


def write_letters(project: Project, batch: Batch, force: bool, dry_run: bool) -> list[Written]:
    """Write each letter's files, all or nothing per letter; a second import of a letter the archive holds is no error
    (a script may run again): it is skipped, or with `force` rewritten where no person changed it (reimport.py)."""
    done = []
    for result in batch.results:
        if dry_run or (result.houder is not None and not force):
            done.append(Written(result, overgeslagen=True))
            continue
        try:
            done.append(Written(result, tuple(write_result(project, result, force))))
        except ImportRefusedError as err:
            done.append(Written(result, error=str(err)))
    return done


def failures(batch: Batch, written: list[Written]) -> int:
    """How many letters of the batch failed: refused when read, or refused when written."""
    return len(batch.refused) + sum(1 for item in written if item.error is not None)
