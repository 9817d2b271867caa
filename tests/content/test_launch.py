"""Launch safety: the example address and contact go live only from the example archive (extra.adviesregister.voorbeeld: true)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adviesregister.content.launch import example_settings, is_example_host
from adviesregister.content.project import Project

from helpers import copy_project, run_cli

FLAG = "    voorbeeld: true\n"


def without_flag(project: Project) -> None:
    text = project.mkdocs_config.read_text(encoding="utf-8")
    assert FLAG in text
    project.mkdocs_config.write_text(text.replace(FLAG, ""), encoding="utf-8")


def line_of(project: Project, start: str) -> int:
    lines = project.mkdocs_config.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.lstrip().startswith(start))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.delenv("ADVIESREGISTER_SITE_URL", raising=False)
    return copy_project(tmp_path / "archief")


@pytest.mark.parametrize(
    ("host", "example"),
    [
        ("adviesregister.example", True),
        ("example.org", True),
        ("EXAMPLE.COM", True),
        ("mail.example.net", True),
        ("adviesraad.test", True),
        ("x.invalid", True),
        ("localhost", True),
        ("asd-oss.nl", False),
        ("example.nl", False),
        ("myexample.org", False),
        ("", False),
    ],
)
def test_example_hosts(host: str, example: bool) -> None:
    assert is_example_host(host) is example


def test_without_the_flag_build_refuses_the_example_values_and_check_warns(project: Project) -> None:
    without_flag(project)
    url_line, contact_line = line_of(project, "site_url:"), line_of(project, "contact:")
    expected = [
        f"mkdocs.yml:{url_line}: [voorbeeld-instelling] site_url: 'https://adviesregister.example/': dat is een voorbeeld uit het voorbeeldarchief, "
        "dat niemand bereikt. Schrijf in mkdocs.yml bij site_url het echte adres van uw site (https://…), of zet ADVIESREGISTER_SITE_URL bij het bouwen.",
        f"mkdocs.yml:{contact_line}: [voorbeeld-instelling] extra.adviesregister.contact: 'adviesregister@example.org': dat is een voorbeeld uit het "
        "voorbeeldarchief, dat niemand bereikt. Schrijf in mkdocs.yml bij contact het algemene e-mailadres van uw adviesraad (geen adres van één persoon).",
    ]
    built = run_cli(["build", "--root", project.root])
    assert built.exit_code == 1
    assert built.output.splitlines() == [*expected, "2 problemen in 1 bestand. Site niet gebouwd."]
    assert not (project.root / "site").exists()

    checked = run_cli(["check", "--root", project.root])
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines()[:2] == [f"{line} (waarschuwing: zo bouwt de site niet)" for line in expected]
    assert checked.output.splitlines()[2].startswith("Geen problemen gevonden in ")
    assert checked.output.splitlines()[2].endswith(" Wel 2 waarschuwingen hierboven: los die op voor u de site bouwt.")

    github = run_cli(["check", "--format", "github", "--root", project.root])
    assert github.exit_code == 0
    assert github.output.startswith(f"::warning file=mkdocs.yml,line={url_line},title=[voorbeeld-instelling]::site_url: ")


def test_a_missing_contact_is_the_example_contact_too(project: Project) -> None:
    without_flag(project)
    text = project.mkdocs_config.read_text(encoding="utf-8").replace("    contact: adviesregister@example.org\n", "")
    project.mkdocs_config.write_text(text.replace("https://adviesregister.example/", "https://adviesraad-oss.nl/"), encoding="utf-8")
    assert [f"{p.code} {p.message.split(':')[0]}" for p in example_settings(project)] == [
        "voorbeeld-instelling extra.adviesregister.contact ontbreekt, dus de site gebruikt 'adviesregister@example.org'"
    ]


def test_the_public_address_from_the_environment_counts(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    without_flag(project)
    monkeypatch.setenv("ADVIESREGISTER_SITE_URL", "https://adviesraad-oss.nl/")
    assert [p.message.split(":")[0] for p in example_settings(project)] == ["extra.adviesregister.contact"]


def test_with_the_flag_the_example_archive_builds(project: Project) -> None:
    assert example_settings(project) == []
    built = run_cli(["build", "--root", project.root])
    assert built.exit_code == 0, built.output
    assert "example.org" in (project.root / "site" / "index.html").read_text(encoding="utf-8")
