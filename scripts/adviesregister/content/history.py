"""When each content file was published and last changed: from the git history of the archive, read in one pass.

A document is published when the commit that adds it reaches the main line (a pull request's merge), so the history is
read along the first parents: a merge counts with its own date. A file that git does not know (not committed yet, or an
archive without .git, such as a downloaded copy) has no dates here; the feeds then use the letter's own date.
The same commit always gives the same dates, so builds stay reproducible.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from adviesregister.content.derive import REACTIE_UITGEBLEVEN
from adviesregister.content.model import Archive, Derived


@dataclass(frozen=True)
class FileDates:
    gepubliceerd: datetime
    """The first commit on the main line that holds the file."""
    gewijzigd: datetime
    """The last commit on the main line that changed it."""


def file_dates(root: Path, folder: str = "content") -> dict[str, FileDates]:
    """Per path (relative to `root`, as Document.pad names it), the dates of its first and last commit; {} without git."""
    if not (root / ".git").exists():
        return {}
    command = ["git", "-C", str(root), "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--relative", "--name-only", "--format=%x00%ct", "--", folder]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, encoding="utf-8")
    except OSError:  # no git installed
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[str, FileDates] = {}
    for commit in done.stdout.split("\x00")[1:]:  # newest first
        stamp, *names = commit.strip().splitlines()
        moment = datetime.fromtimestamp(int(stamp), tz=UTC)
        for name in filter(None, names):
            known = dates.get(name)
            dates[name] = FileDates(moment, known.gewijzigd if known else moment)
    return dates


def archive_changed(dates: dict[str, FileDates], archive: Archive, derived: dict[str, Derived], today: date) -> date:
    """The last day the archive's data changed: its newest commit in content/ (without git: the newest document's date),
    or a later day on which an advice's termijn ran out and its status became 'reactie uitgebleven'. Never after today.
    The same content gives the same day, whatever day the build runs, until something really changes."""
    if dates:
        content = max(found.gewijzigd.date() for found in dates.values())
    else:
        content = max((doc.datum.vroegst() for doc in archive.documenten), default=today)
    expired = [info.uiterste_reactiedatum + timedelta(days=1) for info in derived.values() if info.status == REACTIE_UITGEBLEVEN and info.uiterste_reactiedatum]
    return min(today, max([content, *expired]))
