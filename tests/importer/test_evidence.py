"""The kind from all the evidence (importer/evidence.py): each cue with its line, a decision when they agree, an
abstention that names the cues when they conflict, and what the archive knows of its councils."""

from __future__ import annotations

from pathlib import Path

from test_councils import archive, imported

from adviesregister.importer.letter import read_letter

ADDRESS = "College van burgemeester en wethouders\nvan de gemeente Tiel\nPostbus 6325\n4000 HH TIEL\n\n"


def kind(text: str) -> tuple[object, str]:
    """soort and its evidence (or the decision on soort)."""
    letter = read_letter(text)
    found = letter.fields.get("soort")
    if found is not None:
        return found.value, found.bewijs
    return None, " ".join(decision.message for decision in letter.beslissingen if decision.field == "soort")


def test_an_advice_cut_off_before_its_signature_is_read_from_address_subject_and_voice() -> None:
    text = (
        ADDRESS
        + "Onderwerp: ongevraagd advies over de regiotaxi\n\nGeacht college,\n\nAls Wmo-adviesraad maken wij ons zorgen over de regiotaxi. Wij adviseren u de ritten"
    )
    soort, bewijs = kind(text)
    assert soort == "advies"
    assert "uit alle aanwijzingen" in bewijs and "het onderwerp zegt advies" in bewijs and "de brief spreekt als adviesraad" in bewijs


def test_a_retouradres_line_above_the_address_block_hides_no_addressee() -> None:
    text = (
        "Retouradres Postbus 12, 4000 AA Tiel\nCollege van burgemeester en wethouders\nPostbus 6325\n4000 HH Tiel\n\n"
        + "Onderwerp: advies armoedebeleid\n\nGeachte heer, mevrouw,\n\nDe adviesraad adviseert het college om"
    )
    letter = read_letter(text)
    assert letter.value("aan") == "College van burgemeester en wethouders"
    assert letter.value("soort") == "advies"


def test_a_response_of_a_department_to_the_council_is_a_response() -> None:
    text = (
        "Sociale Adviesraad Tiel\nPostbus 1\n4000 AA Tiel\n\nOnderwerp: uw advies over de minimaregelingen\n\nBeste leden van de Sociale Adviesraad,\n\n"
        "Dank voor uw advies van 3 maart 2026 over de minimaregelingen. Wij nemen uw advies over.\n\nMet vriendelijke groet,\n\nGemeente Tiel\nteam Werk en Inkomen\n"
    )
    soort, bewijs = kind(text)
    assert soort == "reactie"
    assert "afzender het college" in bewijs and "ontvanger een adviesraad" in bewijs


def test_a_salutation_to_the_chair_alone_decides_nothing() -> None:
    soort, bericht = kind(
        "Onderwerp: de vergadering van juni\n\nGeachte voorzitter,\n\nGraag nodigen wij u uit voor een gesprek over de jeugdzorg in de gemeente."
    )
    assert soort is None
    assert "Vul 'soort' in" in bericht


def test_conflicting_cues_abstain_and_are_named() -> None:
    text = ADDRESS + "Onderwerp: advies over de regiotaxi\n\nGeacht college,\n\nDank voor uw advies van 3 maart 2026. Wij adviseren u de ritten te bundelen.\n"
    soort, bericht = kind(text)
    assert soort is None
    assert "de aanwijzingen spreken elkaar tegen" in bericht
    assert "het onderwerp zegt advies" in bericht and "maar" in bericht and "de brief antwoordt op een advies" in bericht


def test_a_council_letter_that_advises_nothing_is_no_advice() -> None:
    text = ADDRESS + "Onderwerp: uitnodiging werkbezoek\n\nGeacht college,\n\nAls adviesraad nodigen wij u uit voor ons werkbezoek op 4 juni.\n"
    soort, _ = kind(text)
    assert soort is None


def test_a_signature_in_brackets_names_the_council() -> None:
    text = (
        ADDRESS
        + "Onderwerp: advies schuldhulp\n\nGeacht college,\n\nWij adviseren u de wachttijd te verkorten.\n\nMet vriendelijke groet,\n\nA. de Wit\n(Voorzitter Cliëntenraad Tiel)\n"
    )
    letter = read_letter(text)
    assert letter.value("soort") == "advies"
    assert letter.value("van") == "Cliëntenraad Tiel"


LEARNT = """Platform Meedoen Almere
Postbus 1
1300 AA Almere

Aan het college van burgemeester en wethouders van de gemeente Almere

Datum 3 april 2026
Onderwerp Zienswijze op het armoedebeleid

Geacht college,

Het armoedebeleid raakt veel inwoners. Wij vragen u de regeling eenvoudiger te maken, want het advies van vorig jaar is nog niet uitgevoerd.

Met vriendelijke groet,

Platform Meedoen Almere
"""


def test_a_council_the_archive_learnt_from_its_advices_decides_the_kind(tmp_path: Path) -> None:
    """The same letter abstains in an archive that knows nothing of its sender, and is an advice in one whose content/
    holds an advice of that sender; the evidence says it came from the archive."""
    letter = tmp_path / "brief.txt"
    letter.write_text(LEARNT, encoding="utf-8")
    empty = archive(tmp_path / "leeg", ("Almere", "Adviesraad Sociaal Domein Almere", ()))
    assert "soort" not in imported(empty, letter)
    full = archive(tmp_path / "vol", ("Almere", "Adviesraad Sociaal Domein Almere", ()))
    earlier = full / "content" / "documenten" / "almere" / "2025" / "almere-2025-05-01-advies-vervoer.md"
    earlier.parent.mkdir(parents=True)
    earlier.write_text(
        "---\nid: almere-2025-05-01-advies-vervoer\nsoort: advies\ntitel: Advies vervoer\ndatum: '2025-05-01'\ngemeente: almere\nvan: Platform Meedoen Almere\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    record = imported(full, letter)
    assert record["soort"] == "advies"
    assert "uit het archief" in record["bewijs"]["soort"]
