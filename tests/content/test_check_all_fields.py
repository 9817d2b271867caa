"""`check` reports every problem of a file in one run: a file without titel, datum and gemeente names all three."""

from __future__ import annotations

from pathlib import Path

from klein_archief import small_archive

from helpers import run_cli


def test_all_missing_required_fields_in_one_run(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    folder = project.root / "content" / "documenten" / "almere" / "2026"
    folder.mkdir(parents=True)
    pad = "content/documenten/almere/2026/almere-2026-03-03-advies.md"
    (project.root / pad).write_text("---\nid: almere-2026-03-03-advies\nsoort: advies\n---\n\nGeacht college,\n\nTekst.\n", encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    missing = [line for line in result.output.splitlines() if "[verplicht-veld]" in line]
    assert missing == [
        f"{pad}:1: [verplicht-veld] datum: dit verplichte veld ontbreekt. Voeg een regel toe, bijvoorbeeld 'datum: 2023-01-23'.",
        f"{pad}:1: [verplicht-veld] gemeente: dit verplichte veld ontbreekt. Voeg een regel toe, bijvoorbeeld 'gemeente: oss'.",
        f"{pad}:1: [verplicht-veld] titel: dit verplichte veld ontbreekt. Voeg een regel toe, bijvoorbeeld 'titel: Advies over mantelzorg'.",
    ]
