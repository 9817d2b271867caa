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

from adviesregister.content.derive import REACTIE_UITGEBLEVEN, derive_status
from adviesregister.content.model import Archive, Derived, Document


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


GEPUBLICEERD = "gepubliceerd"
GEWIJZIGD = "gewijzigd"
STATUS = "status"


@dataclass(frozen=True)
class HistoryEvent:
    """One moment in a document's life in the archive."""

    datum: date
    gebeurtenis: str
    """'gepubliceerd', 'gewijzigd' or 'status'."""
    status: str | None = None
    """For 'status': the advice's status from that day on."""
    document: str | None = None
    """For a status that a response brought: the response's id."""


def document_history(doc: Document, derived: dict[str, Derived], by_id: dict[str, Document], dates: dict[str, FileDates], today: date) -> list[HistoryEvent]:
    """When the document was published and last changed (git), and for an advice each change of its status: a
    response arriving, or the termijn running out. Without git the letters' own dates stand in: the advice's status
    then starts on its date and changes on each response's date. Oldest first; nothing after `today`."""
    known = dates.get(doc.pad)
    events = []
    if known:
        events.append(HistoryEvent(known.gepubliceerd.date(), GEPUBLICEERD))
        if known.gewijzigd.date() != known.gepubliceerd.date():
            events.append(HistoryEvent(known.gewijzigd.date(), GEWIJZIGD))
    info = derived[doc.id]
    if doc.soort == "advies" and info.uiterste_reactiedatum is not None:
        events += _status_changes(doc, info.uiterste_reactiedatum, [by_id[i] for i in info.reacties if by_id[i].soort == "reactie"], dates, today)
    return sorted((event for event in events if event.datum <= today), key=lambda event: (event.datum, event.gebeurtenis != GEPUBLICEERD))


def _status_changes(advies: Document, deadline: date, reacties: list[Document], dates: dict[str, FileDates], today: date) -> list[HistoryEvent]:
    """The advice's status on the day it reached the archive, and each later day it changed. Responses that reached
    the archive earlier count from the advice's own day; what arrives on one day is counted together."""
    start = _arrival(advies, dates)
    arrivals = {reactie.id: max(_arrival(reactie, dates), start) for reactie in reacties}
    days = sorted({start, *arrivals.values(), *([max(deadline + timedelta(days=1), start)] if deadline < today else [])})
    events: list[HistoryEvent] = []
    for day in days:
        arrived = [reactie for reactie in reacties if arrivals[reactie.id] <= day]  # oldest letter first, as derive counts them
        status = derive_status(arrived, deadline, day)
        if not events or events[-1].status != status:
            # a response that came later is named; on the advice's own first day the responses were simply there
            today_ones = sorted((reactie for reactie in arrived if arrivals[reactie.id] == day), key=lambda d: (d.datum.sort_key(), d.id))
            events.append(HistoryEvent(day, STATUS, status, today_ones[-1].id if today_ones and day > start else None))
    return events


def _arrival(doc: Document, dates: dict[str, FileDates]) -> date:
    """The day a document reached the archive (git), or without git its own date (the first day it can mean)."""
    known = dates.get(doc.pad)
    return known.gepubliceerd.date() if known else doc.datum.vroegst()


@dataclass(frozen=True)
class Release:
    """One version of the archive: a commit on the main line that changed documents."""

    commit: str
    datum: datetime
    toegevoegd: tuple[str, ...]
    gewijzigd: tuple[str, ...]
    verwijderd: tuple[str, ...]


def releases(root: Path, folder: str = "content/documenten") -> list[Release]:
    """Every version of the archive, newest first: per commit on the main line (a merged pull request counts once,
    at its merge) the ids of the documents added, changed and removed. [] without git."""
    if not (root / ".git").exists():
        return []
    command = ["git", "-C", str(root), "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--name-status", "--format=%x00%H %ct", "--", folder]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, encoding="utf-8")
    except OSError:
        return []
    if done.returncode != 0:
        return []
    out = []
    for commit in done.stdout.split("\x00")[1:]:
        head, *lines = commit.strip().splitlines()
        sha, stamp = head.split()
        changes: dict[str, list[str]] = {"A": [], "M": [], "D": []}
        for line in filter(None, lines):
            status, _, name = line.partition("\t")
            if name.endswith(".md") and status[:1] in changes:
                changes[status[:1]].append(Path(name).stem)
        if any(changes.values()):
            out.append(Release(sha, datetime.fromtimestamp(int(stamp), tz=UTC), *(tuple(sorted(changes[key])) for key in "AMD")))
    return out
