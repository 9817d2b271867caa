"""Values computed from the documents, never typed by hand: status, links both ways, reactietijd."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from adviesregister.content.model import DEFAULT_REACTIETERMIJN_WEKEN, Archive, Derived, Document

WACHT_OP_REACTIE = "wacht op reactie"
REACTIE_UITGEBLEVEN = "reactie uitgebleven"
BEANTWOORD = "beantwoord"
"""A response exists, but it gives no clear besluit."""


def reference_date(environ: Mapping[str, str] = os.environ) -> date:
    """'Today': from SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def derive_archive(archive: Archive, today: date) -> dict[str, Derived]:
    by_id = archive.by_id()
    answers: dict[str, list[Document]] = {doc_id: [] for doc_id in by_id}
    papers: dict[str, list[Document]] = {doc_id: [] for doc_id in by_id}
    for doc in sorted(archive.documents, key=lambda d: (d.datum.sort_key(), d.id)):
        for target in doc.reactie_op:
            answers.setdefault(target, []).append(doc)
        for target in doc.hoort_bij:
            papers.setdefault(target, []).append(doc)
    derived = {}
    for doc in archive.documents:
        reacties = answers[doc.id]
        base = Derived(reacties=tuple(d.id for d in reacties), stukken=tuple(d.id for d in papers[doc.id]))
        if doc.soort == "advies":
            gemeente = archive.gemeenten.get(doc.gemeente)
            weken = gemeente.reactietermijn_weken if gemeente else DEFAULT_REACTIETERMIJN_WEKEN
            base = derive_advice(doc, [d for d in reacties if d.soort == "reactie"], weken, today, base)
        derived[doc.id] = base
    return derived


def derive_advice(advies: Document, reacties: list[Document], weken: int, today: date, base: Derived) -> Derived:
    """Status, deadline and response time of one advice, from its college responses (oldest first)."""
    deadline = advies.datum.laatst() + timedelta(weeks=weken)
    reactietijd = days_to_answer(advies, reacties[0]) if reacties else None
    return Derived(
        reacties=base.reacties,
        stukken=base.stukken,
        status=derive_status(reacties, deadline, today),
        uiterste_reactiedatum=deadline,
        reactietijd=reactietijd,
    )


def days_to_answer(advies: Document, reactie: Document) -> int | None:
    """Days from an advice to a response, when both dates are full."""
    if advies.datum.volledig and reactie.datum.volledig:
        return (reactie.datum.vroegst() - advies.datum.vroegst()).days
    return None


def within_deadline(reactie: Document, deadline: date) -> bool:
    """Whether a response came on or before the last day of the termijn (for a partial date: its whole period)."""
    return reactie.datum.laatst() <= deadline


def derive_status(reacties: list[Document], deadline: date, today: date) -> str:
    with_besluit = [d for d in reacties if d.besluit]
    if with_besluit:
        return with_besluit[-1].besluit or BEANTWOORD
    if reacties:
        return BEANTWOORD
    return WACHT_OP_REACTIE if today <= deadline else REACTIE_UITGEBLEVEN
