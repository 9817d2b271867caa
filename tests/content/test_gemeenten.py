"""gemeenten.yml, version 2: a gemeente's councils as a list; the first shape is refused with the lines to write."""

from __future__ import annotations

from pathlib import Path

import yaml

from adviesregister.content.load import load_gemeenten
from adviesregister.content.model import Adviesraad
from adviesregister.content.project import Project

TWO_COUNCILS = """\
# Met de hand geschreven.
oss:
  naam: Oss
  cbs_code: GM0828
  adviesraden:
    - naam: Adviesraad Sociaal Domein Oss
      afkortingen: [ASD, ASDO]
      website: https://www.asd-oss.nl/
      contact: secretariaat@asd-oss.nl
    - naam: Jongerenraad Oss
      afkortingen: []
      contact: https://www.oss.nl/jongerenraad/contact
"""


def write(tmp_path: Path, text: str) -> Project:
    project = Project(tmp_path)
    project.content.mkdir()
    project.gemeenten_file.write_text(text, encoding="utf-8")
    return project


def test_every_council_is_read_with_its_lines(tmp_path: Path) -> None:
    gemeenten, problems = load_gemeenten(write(tmp_path, TWO_COUNCILS))
    assert problems == []
    oss = gemeenten["oss"]
    assert oss.adviesraden == (
        Adviesraad("Adviesraad Sociaal Domein Oss", ("ASD", "ASDO"), "https://www.asd-oss.nl/", "secretariaat@asd-oss.nl"),
        Adviesraad("Jongerenraad Oss", (), None, "https://www.oss.nl/jongerenraad/contact"),
    )
    assert oss.adviesraad == "Adviesraad Sociaal Domein Oss"  # the first: the export's column and the sender of a new advice
    assert oss.reactietermijn_weken == 8
    assert (oss.lines["oss.adviesraden.0.contact"], oss.lines["oss.adviesraden.1.naam"]) == (9, 10)


def test_afkortingen_may_be_left_out(tmp_path: Path) -> None:
    text = "oss:\n  naam: Oss\n  cbs_code: GM0828\n  adviesraden:\n    - naam: Adviesraad Oss\n"
    gemeenten, problems = load_gemeenten(write(tmp_path, text))
    assert problems == [] and gemeenten["oss"].adviesraden == (Adviesraad("Adviesraad Oss"),)


def test_the_first_shape_is_refused_with_the_lines_to_write_and_other_problems_in_the_same_run(tmp_path: Path) -> None:
    text = 'oss:\n  naam: Oss\n  cbs_code: GM0828\n  adviesraad: "Adviesraad: Oss"\n  reactietermijn_weken: 0\n'
    gemeenten, problems = load_gemeenten(write(tmp_path, text))
    assert gemeenten == {}
    assert [(p.line, p.code) for p in problems] == [(4, "gemeente-oude-vorm"), (5, "ongeldige-waarde")]
    assert problems[1].message == "oss.reactietermijn_weken: 0 kan niet; het getal is minstens 1. Voorbeeld: 8."
    bericht = problems[0].message
    assert bericht.startswith("oss.adviesraad: een gemeente noemt haar adviesraden nu in een lijst 'adviesraden'")
    lines = bericht.split("met de spaties vooraan: ", 1)[1].removesuffix(".")
    block = "\n".join(part.strip("'") for part in lines.split("' '"))
    assert yaml.safe_load(text.replace('  adviesraad: "Adviesraad: Oss"\n', block + "\n").replace("reactietermijn_weken: 0", "reactietermijn_weken: 8")) == {
        "oss": {"naam": "Oss", "cbs_code": "GM0828", "adviesraden": [{"naam": "Adviesraad: Oss", "afkortingen": []}], "reactietermijn_weken": 8}
    }


def test_a_gemeente_without_councils_is_refused(tmp_path: Path) -> None:
    gemeenten, problems = load_gemeenten(write(tmp_path, "oss:\n  naam: Oss\n  cbs_code: GM0828\n  adviesraden: []\n"))
    assert gemeenten == {}
    assert [(p.line, p.code) for p in problems] == [(4, "lege-waarde")]


def test_a_yaml_error_keeps_its_file_and_line(tmp_path: Path) -> None:
    text = TWO_COUNCILS.replace("    - naam: Jongerenraad Oss\n", "    - naam: 'Jongerenraad Oss\n")
    gemeenten, problems = load_gemeenten(write(tmp_path, text))
    assert gemeenten == {}
    assert [(p.path, p.code) for p in problems] == [("content/gemeenten.yml", "yaml-fout")]
    assert problems[0].line >= 10  # at or after the line of the unclosed quote, never before it
