"""Writing one import's files into content/: all or nothing, one import at a time, never overwriting without force."""

from __future__ import annotations

from pathlib import Path

from adviesregister.base.atomic import ArchiveBusyError, WriteError, archive_lock, write_all
from adviesregister.content.project import Project
from adviesregister.importer.result import ImportRefusedError, ImportResult


def write_result(project: Project, result: ImportResult, force: bool = False) -> list[str]:
    """Write the copy of the original and the records, all or nothing, one import at a time; refuse (before writing
    anything) to overwrite without `force`. The original goes first and a record after the record it links to, so
    that even a process killed halfway never leaves a record that points to a missing file."""
    targets = _targets(project, result)
    try:
        with archive_lock(project.root, "import"):
            changed = _changes(project, targets, force)
            write_all(changed)
    except ArchiveBusyError as err:
        raise ImportRefusedError(f"{err} Er is niets geschreven.") from None
    except WriteError as err:
        raise ImportRefusedError(f"kon {project.relative(err.path)} niet schrijven: {err.reason}. Er is niets van deze brief geschreven.") from None
    return [project.relative(path) for path, _ in reversed(changed)]


def _targets(project: Project, result: ImportResult) -> list[tuple[Path, bytes]]:
    """Every file of one letter with its content, in the order to write them: the original, then the records, last first."""
    targets = [(project.root / record.path, record.markdown().encode("utf-8")) for record in reversed(result.records)]
    if result.bron is not None:
        targets.insert(0, (project.root / result.bron[1], result.bron[0].read_bytes()))
    return targets


def _changes(project: Project, targets: list[tuple[Path, bytes]], force: bool) -> list[tuple[Path, bytes]]:
    """The targets that are new or different; ImportRefusedError when one would overwrite a file without `force`."""
    changed = [(path, data) for path, data in targets if not (path.exists() and path.read_bytes() == data)]
    clashes = [path for path, _ in changed if path.exists()]
    if clashes and not force:
        names = ", ".join(project.relative(path) for path in reversed(clashes))
        raise ImportRefusedError(f"{names} bestaat al en is anders. Er is niets geschreven. Gebruik --force om te overschrijven.")
    return changed
