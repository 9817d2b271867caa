"""The archive's history from git, read in one pass: when each content file was published and last changed, the
versions of the archive (per commit, the documents added, changed and removed) and the commit of the content; then
what follows from it: each document's history with its status changes, and the last day the data changed.

A document is published when the commit that adds it reaches the main line (a pull request's merge), so the history is
read along the first parents: a merge counts with its own date. A file that git does not know (not committed yet, or an
archive without .git, such as a downloaded copy) has no dates here; the letters' own dates stand in then.
The same commit always gives the same dates, so builds stay reproducible.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePosixPath

from adviesregister.content.derive import REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, derive_status
from adviesregister.content.model import Archive, Derived, Document

DOCUMENTS = "content/documenten/"


@dataclass(frozen=True)
class FileDates:
    gepubliceerd: datetime
    """The first commit on the main line that holds the file."""
    gewijzigd: datetime
    """The last commit on the main line that changed it."""


@dataclass(frozen=True)
class Release:
    """One version of the archive: a commit on the main line that changed documents."""

    commit: str
    datum: datetime
    toegevoegd: tuple[str, ...]
    gewijzigd: tuple[str, ...]
    verwijderd: tuple[str, ...]


@dataclass(frozen=True)
class ContentHistory:
    """What git knows of content/: empty for an archive without git."""

    dates: dict[str, FileDates] = field(default_factory=dict)
    """Per path (relative to the project, as Document.pad names it), its first and last commit."""
    releases: list[Release] = field(default_factory=list)
    """The versions of the archive, newest first."""
    commit: str | None = None
    """The last commit on the main line that changed content/ (a change to the code alone leaves the data as it was);
    without git history, $GITHUB_SHA in GitHub Actions; else unknown."""


def read_history(root: Path, folder: str = "content") -> ContentHistory:
    """One `git log` along the first parents over `folder`, newest first."""
    fallback = ContentHistory(commit=os.environ.get("GITHUB_SHA") or None)
    if not (root / ".git").exists():
        return fallback
    command = ["git", "-C", str(root), "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--relative", "--name-status", "--format=%x00%H %ct", "--", folder]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, encoding="utf-8")
    except OSError:  # no git installed
        return fallback
    if done.returncode != 0 or not done.stdout.strip():
        return fallback
    dates: dict[str, FileDates] = {}
    versions: list[Release] = []
    commits = done.stdout.split("\x00")[1:]
    for commit in commits:
        head, *lines = commit.strip().splitlines()
        sha, stamp = head.split()
        moment = datetime.fromtimestamp(int(stamp), tz=UTC)
        changes: dict[str, list[str]] = {"A": [], "M": [], "D": []}
        for line in filter(None, lines):
            status, _, name = line.partition("\t")
            known = dates.get(name)
            dates[name] = FileDates(moment, known.gewijzigd if known else moment)
            if name.startswith(DOCUMENTS) and name.endswith(".md") and status[:1] in changes:
                changes[status[:1]].append(PurePosixPath(name).stem)
        if any(changes.values()):
            versions.append(Release(sha, moment, *(tuple(sorted(changes[key])) for key in "AMD")))
    return ContentHistory(dates, versions, commits[0].split(None, 1)[0])


def file_dates(root: Path) -> dict[str, FileDates]:
    """Per content file, the dates of its first and last commit; {} without git."""
    return read_history(root).dates


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



def statuses_hold_until(derived: dict[str, Derived]) -> date | None:
    """The last day on which every status surely still holds: the day before the first termijn of a waiting advice
    runs out (a new document can change them sooner). None when no advice is waiting."""
    ends = [info.uiterste_reactiedatum for info in derived.values() if info.status == WACHT_OP_REACTIE and info.uiterste_reactiedatum]
    return min(ends) if ends else None


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
