"""A response whose 'Uw kenmerk' is an advice's 'Ons kenmerk' answers that advice: the strongest evidence there is, so
the import links on it first and asks no check; the date and subject rules decide only when no single advice has it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from klein_archief import small_archive

from adviesregister.content.project import Project

from helpers import run_cli

RESPONSE = """Gemeente Almere
Postbus 200
1300 AE Almere

Aan de Adviesraad Sociaal Domein Almere

Datum 12 januari 2027
Uw kenmerk {kenmerk}
Onderwerp Reactie op uw advies over schuldhulpverlening voor jongeren

Geachte leden van de adviesraad,

Wij danken u voor uw advies van 2 november 2026 over schuldhulpverlening voor jongeren. Wij nemen uw advies over en openen op elke middelbare school een spreekuur voor geldzaken.

Met vriendelijke groet,

Burgemeester en wethouders van Almere
"""


def advice(project: Project, doc_id: str, titel: str, kenmerk: str) -> str:
    """An advice of 2 November 2026 in the archive, with its own reference number."""
    path = project.root / "content" / "documenten" / "almere" / "2026" / f"{doc_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\nid: {doc_id}\nsoort: advies\nadviestype: ongevraagd\ntitel: {titel}\ndatum: '2026-11-02'\ngemeente: almere\n"
        f"kenmerken:\n  ons_kenmerk: {kenmerk}\nsamenvatting: Een advies.\ntekst_beschikbaar: false\n---\n",
        encoding="utf-8",
    )
    return doc_id


def imported(tmp_path: Path, project: Project, kenmerk: str) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    letter = tmp_path / "reactie.txt"
    letter.write_text(RESPONSE.format(kenmerk=kenmerk), encoding="utf-8")
    result = run_cli(["import", "--root", project.root, "--dry-run", "--json", letter])
    assert result.exit_code == 0, result.output
    [records] = json.loads(result.output)
    report = run_cli(["import", "--root", project.root, "--dry-run", letter])
    assert report.exit_code == 0, report.output
    return records[0], records[1:], report.output


def test_uw_kenmerk_links_to_the_advice_with_that_ons_kenmerk_without_a_check(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    wanted = advice(
        project, "almere-2026-11-02-ongevraagd-advies-schuldhulpverlening-jongeren", "Ongevraagd advies schuldhulpverlening jongeren", "ASD-2026-014"
    )
    advice(project, "almere-2026-11-02-advies-vervoer-minima", "Advies vervoer voor minima", "ASD-2026-015")  # same date: the date alone cannot tell
    reactie, others, report = imported(tmp_path, project, "asd 2026 - 014")  # written otherwise: case, spaces and dashes do not count
    assert reactie["soort"] == "reactie"
    assert reactie["reactie_op"] == [wanted]
    assert others == []  # no text-less advice made up
    assert "Uw kenmerk" in reactie["bewijs"]["reactie_op"] and "ons_kenmerk" in reactie["bewijs"]["reactie_op"]
    assert not [decision for decision in reactie["beslissingen"] if decision.startswith("reactie_op:")]
    assert "Controleer dit" not in report
    assert re.search(rf"^  reactie_op +{wanted}\n +gevonden: regel \d+: Uw kenmerk asd 2026 - 014: het kenmerk \(ons_kenmerk\)", report, re.M)


def test_two_advices_with_one_kenmerk_link_nothing_by_kenmerk(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    first = advice(
        project, "almere-2026-11-02-ongevraagd-advies-schuldhulpverlening-jongeren", "Ongevraagd advies schuldhulpverlening jongeren", "ASD-2026-014"
    )
    second = advice(project, "almere-2026-11-02-advies-vervoer-minima", "Advies vervoer voor minima", "ASD-2026-014")
    reactie, _, _ = imported(tmp_path, project, "ASD-2026-014")
    assert "reactie_op" not in reactie
    [decision] = [decision for decision in reactie["beslissingen"] if decision.startswith("reactie_op:")]
    assert first in decision and second in decision  # the date rule: both advices of 2 November 2026 fit; a person chooses


def test_a_kenmerk_no_advice_has_leaves_the_date_rule(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    wanted = advice(
        project, "almere-2026-11-02-ongevraagd-advies-schuldhulpverlening-jongeren", "Ongevraagd advies schuldhulpverlening jongeren", "ASD-2026-014"
    )
    reactie, _, _ = imported(tmp_path, project, "ASD-2026-099")
    assert reactie["reactie_op"] == [wanted]
    assert "Uw kenmerk" not in reactie["bewijs"]["reactie_op"]
