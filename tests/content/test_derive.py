from __future__ import annotations

from datetime import UTC, date, datetime

from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, derive_archive, reference_date
from adviesregister.content.model import Adviesraad, Archive, Datum, Derived, Document, Gemeente

ALMELO = Gemeente("almelo", "Almelo", "GM0141", (Adviesraad("Adviesraad sociaal domein Almelo"),), reactietermijn_weken=6)


def advies(datum: str = "2023-03-01", id: str = "advies") -> Document:
    return Document(id=id, soort="advies", titel="Advies", datum=Datum.parse(datum), gemeente="almelo", path=f"{id}.md")


def reactie(id: str, datum: str, besluit: str | None, op: str = "advies", soort: str = "reactie") -> Document:
    return Document(id=id, soort=soort, titel="Reactie", datum=Datum.parse(datum), gemeente="almelo", path=f"{id}.md", reactie_op=[op], besluit=besluit)


def derive(*docs: Document, today: date = date(2023, 3, 20)) -> dict[str, Derived]:
    return dict(derive_archive(Archive({"almelo": ALMELO}, list(docs)), today))


def test_status_comes_from_the_response_and_links_go_both_ways() -> None:
    derived = derive(advies(), reactie("r1", "2023-04-03", "niet overgenomen"))
    info = derived["advies"]
    assert info.status == "niet overgenomen"
    assert info.reacties == ("r1",)
    assert info.reactietijd == 33
    assert info.uiterste_reactiedatum == date(2023, 4, 12)
    assert derived["r1"].status is None


def test_without_response_the_deadline_decides() -> None:
    assert derive(advies(), today=date(2023, 4, 12))["advies"].status == WACHT_OP_REACTIE
    assert derive(advies(), today=date(2023, 4, 13))["advies"].status == REACTIE_UITGEBLEVEN


def test_a_partial_date_waits_until_the_end_of_its_period() -> None:
    info = derive(advies("2023"), today=date(2024, 2, 11))["advies"]
    assert info.uiterste_reactiedatum == date(2024, 2, 11)
    assert info.status == WACHT_OP_REACTIE
    assert info.reactietijd is None


def test_the_latest_response_with_a_besluit_wins() -> None:
    docs = (advies(), reactie("r1", "2023-04-03", "niet overgenomen"), reactie("r2", "2023-06-01", "deels overgenomen"), reactie("r3", "2023-07-01", None))
    info = derive(*docs)["advies"]
    assert info.status == "deels overgenomen"
    assert info.reacties == ("r1", "r2", "r3")
    assert info.reactietijd == 33


def test_a_response_without_besluit_is_answered_but_undecided() -> None:
    assert derive(advies(), reactie("r1", "2023-04-03", None))["advies"].status == BEANTWOORD


def test_a_council_reply_is_not_a_college_response() -> None:
    """A document of soort advies answering a response does not set the status of an advice."""
    docs = (advies(), reactie("r1", "2023-04-03", None, op="advies", soort="advies"))
    info = derive(*docs, today=date(2023, 5, 1))["advies"]
    assert info.status == REACTIE_UITGEBLEVEN


def test_reference_date_comes_from_source_date_epoch() -> None:
    assert reference_date({"SOURCE_DATE_EPOCH": "1795392000"}) == date(2026, 11, 23)
    assert isinstance(reference_date({}), date)


def test_the_data_changed_on_its_last_document_commit_and_the_statuses_when_a_termijn_ran_out() -> None:
    from adviesregister.content.history import FileDates, data_changed, statuses_as_of

    archive = Archive({"almelo": ALMELO}, [advies("2023-03-01")])
    derived = derive_archive(archive, date(2023, 5, 1))  # the six weeks ended on 12 April: reactie uitgebleven since the 13th
    assert (data_changed({}, archive, date(2023, 5, 1)), statuses_as_of({}, archive, derived, date(2023, 5, 1))) == (date(2023, 3, 1), date(2023, 4, 13))
    commit = datetime(2023, 4, 20, 9, tzinfo=UTC)
    document = {"content/documenten/almelo/2023/advies.md": FileDates(commit, commit)}
    assert (data_changed(document, archive, date(2023, 5, 1)), statuses_as_of(document, archive, derived, date(2023, 5, 1))) == (commit.date(), commit.date())
    gemeenten = {"content/gemeenten.yml": FileDates(commit, commit)}
    assert data_changed(gemeenten, archive, date(2023, 5, 1)) == commit.date()
    page = {"content/paginas/over.md": FileDates(commit, commit)}  # a hand-written page is no data
    assert (data_changed(page, archive, date(2023, 5, 1)), statuses_as_of(page, archive, derived, date(2023, 5, 1))) == (date(2023, 3, 1), date(2023, 4, 13))
    waiting = derive_archive(archive, date(2023, 3, 10))
    assert statuses_as_of({}, archive, waiting, date(2023, 3, 10)) == date(2023, 3, 1)  # no document, no change later


def test_an_advices_history_waits_runs_out_and_is_answered_late() -> None:
    from adviesregister.content.history import FileDates, HistoryEvent, document_history

    docs = [advies("2023-03-01"), reactie("r1", "2023-05-02", "deels overgenomen")]
    archive = Archive({"almelo": ALMELO}, docs)
    today = date(2023, 6, 1)
    derived = derive_archive(archive, today)
    by_id = archive.by_id()
    published = datetime(2023, 3, 2, 9, tzinfo=UTC)
    answered = datetime(2023, 5, 8, 16, tzinfo=UTC)
    dates = {"advies.md": FileDates(published, published), "r1.md": FileDates(answered, answered)}
    assert document_history(docs[0], derived, by_id, dates, today) == [
        HistoryEvent(date(2023, 3, 2), "gepubliceerd"),
        HistoryEvent(date(2023, 3, 2), "status", WACHT_OP_REACTIE),
        HistoryEvent(date(2023, 4, 13), "status", REACTIE_UITGEBLEVEN),  # six weeks after 1 March, the day after the termijn
        HistoryEvent(date(2023, 5, 8), "status", "deels overgenomen", "r1"),  # the day the response reached the archive
    ]
    # on 1 April the termijn had not run out yet and the response was not there: nothing after that day is told
    earlier = derive_archive(archive, date(2023, 4, 1))
    assert [event.status for event in document_history(docs[0], earlier, by_id, dates, date(2023, 4, 1))] == [None, WACHT_OP_REACTIE]
