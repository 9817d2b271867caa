"""A small archive of our own for the tests of a first import: a gemeenten.yml and the hand-written pages the menu
names, never the seeds."""

from __future__ import annotations

from pathlib import Path

from adviesregister.content.project import Project

from helpers import copy_project

GEMEENTEN = """almere:
  naam: Almere
  cbs_code: GM0034
  reactietermijn_weken: 8
  adviesraden:
    - naam: Adviesraad Sociaal Domein Almere
      afkortingen: []
"""

PAGINAS = {"over.md": "Over dit archief", "privacy.md": "Privacy", "toegankelijkheid.md": "Toegankelijkheid"}


def small_archive(tmp_path: Path) -> Project:
    """A project whose content/ holds only the gemeente Almere: everything a build reads, and no document."""
    content = tmp_path / "inhoud"
    content.mkdir(parents=True)
    (content / "gemeenten.yml").write_text(GEMEENTEN, encoding="utf-8")
    (content / "paginas").mkdir()
    for naam, titel in PAGINAS.items():
        (content / "paginas" / naam).write_text(
            f"---\ntitle: {titel}\n---\n\n# {titel}\n\nDeze pagina hoort bij een archief voor een test.\n", encoding="utf-8"
        )
    return copy_project(tmp_path / "project", content)
