"""The archive's history from git, read in one pass: when each content file was published and last changed, the
versions of the archive (per commit, the documents added, changed and removed) and the commit of the content; then
what follows from it: each document's history with its status changes, and the last day the data changed.

A document is published when the commit that adds it reaches the main line (a pull request's merge), so the history is
read along the first parents: a merge counts with its own date. A file that git does not know (not committed yet, or an
archive without .git, such as a downloaded copy) has no dates here; the letters' own dates stand in then.
The same commit always gives the same dates, so builds stay reproducible.

What the versions publish is only what was accepted: a document is named in a version only if its path carries no
personal data and `check` accepted its content at that commit (read from git in one pass, judged by the same parser,
schema and privacy check); anything else is counted, never named. A rename is one change, and a moved file keeps
the date it was first published. Commit times are held to [1970, the build's today]: a wrong clock or a forged
commit dates nothing in the future and crashes nothing, and the build says so. git's own history keeps every name
ever committed all the same: the Open data page says so.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path, PurePosixPath

from adviesregister.base.cache import ResultCache, cache_folder, text_key
from adviesregister.base.folders import is_regular_file
from adviesregister.base.git_log import Commit, blob_id, read_blobs, read_log
from adviesregister.content.check import check_privacy
from adviesregister.content.derive import REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, derive_status
from adviesregister.content.load import read_document
from adviesregister.content.model import Archive, Derived, Document
from adviesregister.content.privacy import detect

DOCUMENTS = "content/documenten/"
GEMEENTEN = "content/gemeenten.yml"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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
    """Per path (relative to the project, as Document.pad names it), its first and last commit; a moved file keeps
    the first commit of where it was."""
    releases: list[Release] = field(default_factory=list)
    """The versions of the archive, newest first."""
    commit: str | None = None
    """The last commit on the main line that changed content/ (a change to the code alone leaves the data as it was);
    without git history, $GITHUB_SHA in GitHub Actions; else unknown."""
    weggelaten: int = 0
    """Changes to documents the versions leave out: a name with personal data in it, or content `check` refuses."""
    warnings: tuple[str, ...] = ()
    """What the build says on stderr (Dutch): commit times out of range, and what was used instead."""


def read_history(root: Path, today: date | None = None, checked: AbstractSet[str] = frozenset(), folder: str = "content") -> ContentHistory:
    """One `git log` along the first parents over `folder`, renames followed; commit times held to [1970, `today`].
    A version lists a document only if its name carries no personal data and `check` accepts its content at that
    commit (`checked`: the paths check accepted in the working tree, whose content need not be judged again)."""
    commits = read_log(root, folder)
    if not commits:
        return ContentHistory(commit=os.environ.get("GITHUB_SHA") or None)
    last = datetime.combine(today or date.max, time.max, tzinfo=UTC).replace(microsecond=0)
    moments = {commit.sha: _clamped(commit.stamp, last) for commit in commits}
    dates, versions, left_out = _walk(commits, moments, _judge_versions(root, commits, checked))
    clamped = [commit.sha for commit in commits if commit.stamp is None or moments[commit.sha].timestamp() != commit.stamp]
    return ContentHistory(dates, versions, commits[0].sha, left_out, _clamp_warnings(clamped, last))


def _walk(commits: list[Commit], moments: dict[str, datetime], accepted: dict[tuple[str, str], bool]) -> tuple[dict[str, FileDates], list[Release], int]:
    """From the oldest commit on: each file's dates (a moved file keeps its first), the versions (newest first) with
    only accepted documents named, and how many document changes were left out."""
    dates: dict[str, FileDates] = {}
    listed: dict[str, str] = {}  # path → id of each document the versions have named, where it is now
    versions: list[Release] = []
    left_out = 0
    for commit in reversed(commits):
        moment = moments[commit.sha]
        added: set[str] = set()
        changed: set[str] = set()
        removed: set[str] = set()
        for change in commit.changes:
            known = dates.get(change.van or change.path)
            dates[change.path] = FileDates(known.gepubliceerd if known else moment, moment)
            if not _is_document(change.path):
                continue
            before = listed.pop(change.van, None) if change.van else listed.get(change.path)
            if change.status == "D":
                listed.pop(change.path, None)
                removed.update([before] if before else [])
                left_out += before is None
            elif accepted.get((change.path, change.blob), False):
                listed[change.path] = PurePosixPath(change.path).stem
                (changed if before == listed[change.path] else added).add(listed[change.path])
                removed.update([before] if before and before != listed[change.path] else [])
            else:
                removed.update([before] if before and change.van else [])  # moved to a name that cannot be listed
                left_out += 1
        moved = added & removed  # git saw a move as removed + added: one change
        if added or changed or removed:
            versions.append(Release(commit.sha, moment, *(tuple(sorted(ids)) for ids in (added - moved, changed | moved, removed - moved))))
    return dates, versions[::-1], left_out


def _is_document(path: str) -> bool:
    return path.startswith(DOCUMENTS) and path.endswith(".md")


def _clamped(stamp: int | None, last: datetime) -> datetime:
    """A commit's time within [1970, the end of the build's today]: a clock set wrong, or a forged commit, dates nothing
    in 2100 (feeds, sitemap) and crashes nothing."""
    if stamp is None or stamp < 0:
        return EPOCH
    return min(last, datetime.fromtimestamp(min(stamp, int(last.timestamp())), tz=UTC))


def _clamp_warnings(clamped: list[str], last: datetime) -> tuple[str, ...]:
    if not clamped:
        return ()
    commits = "1 commit heeft" if len(clamped) == 1 else f"{len(clamped)} commits hebben"
    return (
        f"Waarschuwing: {commits} in de geschiedenis van content/ een datum na vandaag ({last.date().isoformat()}), van vóór 1970 "
        f"of een die git niet kan lezen (de eerste: {clamped[0][:12]}). Het archief rekent daarvoor met vandaag of met 1 januari 1970. "
        "Controleer de klok van de computer waarop de commit is gemaakt.",
    )


def _judge_versions(root: Path, commits: list[Commit], checked: AbstractSet[str]) -> dict[tuple[str, str], bool]:
    """For each document content the history holds (path and blob, removals left out): whether `check` accepted it.
    What the working tree still holds and check just accepted is not judged again, nor what the last build judged
    (build/cache/versies.json); the rest is read from git in one pass and judged over the cores."""
    wanted = {(change.path, change.blob) for commit in commits for change in commit.changes if change.status != "D" and _is_document(change.path)}
    accepted = {key: False for key in wanted if not _name_passes(key[0])}
    current = {
        path: blob_id((root / path).read_bytes(), blob)
        for path, blob in wanted
        if path in checked and is_regular_file(root / path) and (path, blob) not in accepted
    }
    accepted |= {(path, blob): True for path, blob in wanted if current.get(path) == blob}
    rest = sorted(wanted - accepted.keys())
    keys = [text_key(f"{path}\0{blob}") for path, blob in rest]
    store = ResultCache(cache_folder(root), "versies")
    contents = read_blobs(root, [blob for (_, blob), key in zip(rest, keys, strict=True) if key not in store.known])
    judged = store.map(_judge, [(path, contents.get(blob)) for path, blob in rest], keys)
    store.save()
    return accepted | dict(zip(rest, judged, strict=True))


def _name_passes(path: str) -> bool:
    """A path that may be named in public: UTF-8, and no personal data in it once invisible characters are gone."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are no UTF-8 (os.fsdecode kept them)
        return False
    visible = "".join(char for char in path if unicodedata.category(char) != "Cf")
    return not detect(visible) and not detect(visible.translate(_NAME_SEPARATORS))


_NAME_SEPARATORS = str.maketrans("-/_", "   ")
"""In a file name these separate words: 'bsn-111222333' is read as 'bsn 111222333' too."""


def _judge(version: tuple[str, bytes | None]) -> bool:
    """What `check` says of one document on its own: it reads and validates, its id is its file name, and neither its
    text nor its fields carry personal data."""
    path, raw = version
    if raw is None:
        return False
    document, _ = read_document(path, raw)
    return document is not None and document.id == PurePosixPath(path).stem and not check_privacy(document)


def file_dates(root: Path) -> dict[str, FileDates]:
    """Per content file, the dates of its first and last commit; {} without git."""
    return read_history(root).dates


def data_changed(dates: dict[str, FileDates], archive: Archive, today: date) -> date:
    """The day the data last changed: the newest commit that changed a document or gemeenten.yml (a hand-written page,
    the settings or an original alone change no data); without git the newest document's date. Never after today."""
    data = [found.gewijzigd.date() for path, found in dates.items() if _is_document(path) or path == GEMEENTEN]
    newest = max((doc.datum.vroegst() for doc in archive.documents), default=today)
    return min(today, max(data) if data else newest)


def statuses_as_of(dates: dict[str, FileDates], archive: Archive, derived: dict[str, Derived], today: date) -> date:
    """The day the statuses (and so the figures) were computed for: the last day any of them changed, that is the day
    the data last changed (`data_changed`) or a later day on which an advice's termijn ran out and its status became
    'reactie uitgebleven'. Never after today. Statuses computed today are the same as on this day (nothing changed
    between), so the same content gives the same day, whatever day the build runs, until a status really changes."""
    expired = [info.uiterste_reactiedatum + timedelta(days=1) for info in derived.values() if info.status == REACTIE_UITGEBLEVEN and info.uiterste_reactiedatum]
    return min(today, max([data_changed(dates, archive, today), *expired]))


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
    known = dates.get(doc.path)
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
    known = dates.get(doc.path)
    return known.gepubliceerd.date() if known else doc.datum.vroegst()
