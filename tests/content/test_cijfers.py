"""The figures: outcomes, reactietijd (median, quartiles, range) and the share within the termijn, per group."""

from __future__ import annotations

from datetime import date

from adviesregister.content.derive import derive_archive
from adviesregister.content.figures import Figures, compute_figures
from adviesregister.content.model import Adviesraad, Archive, Datum, Document, Gemeente

ALMELO = Gemeente("almelo", "Almelo", "GM0141", (Adviesraad("Adviesraad sociaal domein Almelo"),), reactietermijn_weken=6)
ALMERE = Gemeente("almere", "Almere", "GM0034", (Adviesraad("Adviesraad Sociaal Domein Almere"),), reactietermijn_weken=8)
TODAY = date(2024, 6, 1)


def advies(id: str, datum: str, gemeente: str = "almelo", themas: tuple[str, ...] = ()) -> Document:
    return Document(id=id, soort="advies", titel=id, datum=Datum.parse(datum), gemeente=gemeente, path=f"{id}.md", themas=list(themas))


def reactie(id: str, datum: str, op: str, besluit: str | None) -> Document:
    return Document(id=id, soort="reactie", titel=id, datum=Datum.parse(datum), gemeente="almelo", path=f"{id}.md", reactie_op=[op], besluit=besluit)


def figures(*docs: Document) -> dict[tuple[str, str], Figures]:
    archive = Archive({"almelo": ALMELO, "almere": ALMERE}, list(docs))
    return {(item.soort, item.sleutel): item for item in compute_figures(archive, derive_archive(archive, TODAY))}


def test_outcomes_times_and_termijn_per_group() -> None:
    result = figures(
        advies("a1", "2023-01-02", themas=("jeugd",)),
        reactie("r1", "2023-01-12", "a1", "overgenomen"),  # 10 days, in time
        advies("a2", "2023-02-01", themas=("jeugd", "zorg")),
        reactie("r2", "2023-04-02", "a2", "niet overgenomen"),  # 60 days, after the 6 weeks
        advies("a3", "2023-03-01"),
        reactie("r3", "2023-03-21", "a3", "deels overgenomen"),  # 20 days
        advies("a4", "2023-05-01"),
        reactie("r4", "2023-06-10", "a4", None),  # 40 days, answered without a clear besluit
        advies("a5", "2022-01-01", gemeente="almere"),  # no answer, termijn over
        advies("a6", "2024-05-20", gemeente="almere"),  # no answer, termijn running
        Document(id="s1", soort="stuk", titel="Stuk", datum=Datum.parse("2023"), gemeente="almelo", path="s1.md"),  # not counted
    )
    archief = result[("archief", "alle")]
    assert archief.adviezen == 6
    assert archief.uitkomsten == {
        "overgenomen": 1,
        "deels overgenomen": 1,
        "niet overgenomen": 1,
        "anders beantwoord": 1,
        "reactie uitgebleven": 1,
        "wacht op reactie": 1,
    }
    assert archief.reactietijden == (10, 20, 40, 60)
    assert archief.mediaan == 30
    assert archief.kwartielen == (17.5, 45.0)
    assert (archief.kortste, archief.langste) == (10, 60)
    assert (archief.termijn_bekend, archief.binnen_termijn) == (5, 3)  # four answered, one overdue; the running one is not known yet
    assert archief.aandeel_binnen_termijn == 3 / 5
    assert archief.beantwoord == 4
    almere = result[("gemeente", "almere")]
    assert (almere.naam, almere.adviezen, almere.reactietijden, almere.mediaan, almere.kwartielen) == ("Almere", 2, (), None, None)
    assert (almere.termijn_bekend, almere.binnen_termijn, almere.aandeel_binnen_termijn) == (1, 0, 0.0)
    assert [key for key in result if key[0] == "jaar"] == [("jaar", "2024"), ("jaar", "2023"), ("jaar", "2022")]
    jeugd = result[("thema", "jeugd")]
    assert (jeugd.adviezen, jeugd.reactietijden, jeugd.aandeel("overgenomen")) == (2, (10, 60), 0.5)


def test_one_advice_and_no_advices() -> None:
    one = figures(advies("a1", "2023-01-02"), reactie("r1", "2023-01-12", "a1", "kennisgenomen"))[("archief", "alle")]
    assert (one.mediaan, one.kwartielen, one.uitkomsten["anders beantwoord"]) == (10, None, 1)
    none = figures()[("archief", "alle")]
    assert (none.adviezen, none.aandeel("overgenomen"), none.aandeel_binnen_termijn, none.mediaan) == (0, None, None, None)
    assert list(figures()) == [("archief", "alle")]


def test_a_partial_date_has_no_reactietijd_but_can_be_in_time() -> None:
    result = figures(advies("a1", "2023-01-02"), reactie("r1", "2023-01", "a1", "overgenomen"))[("archief", "alle")]
    assert result.reactietijden == () and (result.termijn_bekend, result.binnen_termijn) == (1, 1)
