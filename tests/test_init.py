"""`adviesregister init`: an archive of one's own, from an empty folder, with the generator installed from this checkout.

The whole path runs as a council's secretary runs it, through the installed `adviesregister` command of a fresh
virtual environment: init → import of a letter → check → build. That environment gets its dependencies from this
project's .venv (a .pth file, so nothing is downloaded) and the generator itself from a copy of this checkout
(`pip install --no-deps --no-build-isolation`, as the archive's requirements.txt would install its pinned version).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
import yaml

from adviesregister.content.launch import example_settings
from adviesregister.content.project import Project
from adviesregister.new_archive import dependency_versions

from helpers import ADVIES, ROOT, SOURCE_DATE_EPOCH, run_cli

SOURCES = (ROOT / "pyproject.toml", ROOT / "README.md", ROOT / "scripts", ROOT / "schema", ROOT / "data")
COUNCIL = ["--naam", "Adviesraad Sociaal Domein Oss", "--afkorting", "ASD Oss", "--gemeente", "Oss", "--website", "https://asd-oss.nl/"]
ADDRESS = ["--contact", "secretariaat@asd-oss.nl", "--adres", "https://archief.asd-oss.nl"]
LIBRARY_CODE = ("pagefind/", "assets/javascripts/")
"""Files copied as the libraries ship them (Pagefind's scripts, Material's bundle and its source maps): their code
holds 'https://example.com' as a base for relative URLs and 'for example.' in comments, never a value of the archive."""


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "ADVIESREGISTER_SITE_URL")}
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    return subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def installed_generator(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh virtual environment with the generator installed from a copy of this checkout: its bin/ and the copy."""
    sources = tmp_path / "adviesregister-src"
    for source in SOURCES:
        if source.is_dir():
            shutil.copytree(source, sources / source.name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            sources.mkdir(exist_ok=True)
            shutil.copy(source, sources / source.name)
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", venv).returncode == 0  # its own pip would bring an old setuptools
    site_packages = Path(run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site_packages / "project-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--quiet", "--disable-pip-version-check"]
    done = run(*pip, "--no-deps", "--no-build-isolation", sources)
    assert done.returncode == 0, done.stderr
    return venv / "bin", sources


def test_from_an_empty_folder_to_a_site_of_ones_own(tmp_path: Path) -> None:
    bin_folder, sources = installed_generator(tmp_path)
    where = run(bin_folder / "python", "-c", "import adviesregister; print(adviesregister.__file__)")
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout  # the installed copy, not this checkout

    archive = tmp_path / "oss"
    archive.mkdir()
    made = run(bin_folder / "adviesregister", "init", archive, *COUNCIL, *ADDRESS, "--generator", sources)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Archief gemaakt in {archive}: ")
    config = (archive / "mkdocs.yml").read_text(encoding="utf-8")
    assert "voorbeeld" not in config and "example" not in config
    requirements = (archive / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"adviesregister @ {sources.as_uri()}" in requirements
    lock = set((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    pins = [line for line in requirements if "==" in line]
    assert len(pins) > 20 and [pin for pin in pins if pin not in lock] == []  # every version is this repository's
    assert yaml.safe_load((archive / "content" / "gemeenten.yml").read_text(encoding="utf-8")) == {
        "oss": {
            "naam": "Oss",
            "cbs_code": "GM0828",
            "reactietermijn_weken": 8,
            "adviesraden": [
                {"naam": "Adviesraad Sociaal Domein Oss", "afkortingen": ["ASD Oss"], "website": "https://asd-oss.nl/", "contact": "secretariaat@asd-oss.nl"}
            ],
        }
    }
    assert (archive / ".git").is_dir()

    letter = tmp_path / "advies-schuldhulp.txt"
    letter.write_text(ADVIES.replace("Almere", "Oss"), encoding="utf-8")  # --gemeente fills only what a letter leaves open: a letter of Oss
    imported = run(bin_folder / "adviesregister", "import", letter, "--gemeente", "oss", cwd=archive)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert [path.parent.name for path in (archive / "content" / "documenten").rglob("*.md")] == ["2026"]

    checked = run(bin_folder / "adviesregister", "check", cwd=archive)
    assert (checked.returncode, checked.stdout) == (0, "Geen problemen gevonden in 1 document.\n")
    built = run(bin_folder / "adviesregister", "build", cwd=archive)
    assert built.returncode == 0, built.stdout + built.stderr

    site = archive / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Adviesregister ASD Oss</title>" in home
    assert "mailto:secretariaat@asd-oss.nl" in home and "Adviesraad Sociaal Domein Oss" in home
    assert 'href="https://archief.asd-oss.nl/"' in home
    assert "secretariaat@asd-oss.nl" in (site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    ours = [path for path in site.rglob("*") if path.is_file() and not path.relative_to(site).as_posix().startswith(LIBRARY_CODE)]
    assert len(ours) > 30
    assert [path.relative_to(site).as_posix() for path in ours if b"example." in path.read_bytes().lower()] == []


def test_the_archive_pins_every_package_the_generator_needs() -> None:
    """requirements.txt holds the whole tree of what the generator needs (not only its direct requirements), at this repository's versions."""
    pins = dependency_versions()
    lock = dict(line.split("==", 1) for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines() if "==" in line)
    lowered = {name.lower().replace("_", "-"): version for name, version in lock.items()}
    assert {"mkdocs-material", "jinja2", "markupsafe", "pikepdf", "pagefind-bin"} <= {name.lower().replace("_", "-") for name in pins}
    assert {name: version for name, version in pins.items() if lowered.get(name.lower().replace("_", "-")) != version} == {}
    assert "pytest" not in {name.lower() for name in pins}  # the developers' tools stay out


def test_without_generator_the_archive_pins_the_tag_of_this_version_at_the_repository_of_pyproject(tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("ADVIESREGISTER_GENERATOR", raising=False)
        result = run_cli(["init", tmp_path / "archief", *COUNCIL, *ADDRESS])
    assert result.exit_code == 0, result.output
    first = (tmp_path / "archief" / "requirements.txt").read_text(encoding="utf-8").splitlines()[2]
    assert first == f"adviesregister @ git+{project['urls']['Repository']}@v{project['version']}"


def test_init_writes_only_into_a_new_or_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "notities.txt").write_text("van iemand\n", encoding="utf-8")
    result = run_cli(["init", tmp_path / "vol", *COUNCIL, *ADDRESS])
    assert result.exit_code == 1
    assert result.output == (
        f"De map {tmp_path / 'vol'} is niet leeg. Een nieuw archief komt alleen in een nieuwe of lege map, zodat er niets verloren gaat. Kies een andere map.\n"
    )
    assert sorted(path.name for path in (tmp_path / "vol").iterdir()) == ["notities.txt"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--gemeente",
            "Os",
            "--gemeente: 'Os' staat niet in de lijst van gemeenten van het CBS (gemeenten-cbs-2023.csv van Adviesregister). Bedoelt u \"Oss\"? "
            "Schrijf de naam zoals het CBS hem schrijft.",
        ),
        (
            "--contact",
            "j.jansen@oss.nl",
            "--contact 'j.jansen@oss.nl' lijkt het adres van één persoon. Het contactadres staat op elke pagina van de site en blijft in de "
            "geschiedenis van het archief staan: geef een algemeen adres van de adviesraad, zoals secretariaat@… of info@….",
        ),
        (
            "--contact",
            "adviesregister@example.org",
            "--contact 'adviesregister@example.org' is een voorbeeldadres dat niemand bereikt. Geef het algemene e-mailadres van de adviesraad.",
        ),
        (
            "--adres",
            "https://adviesregister.example/",
            "--adres 'https://adviesregister.example/' is een voorbeeldadres dat niemand bereikt. Geef het echte adres.",
        ),
        (
            "--adres",
            "archief.asd-oss.nl",
            "--adres 'archief.asd-oss.nl' is geen webadres dat met https:// begint. Schrijf het hele adres, zo: https://adviesraad-oss.nl/.",
        ),
    ],
    ids=["gemeente", "persoonlijk-contact", "voorbeeldcontact", "voorbeeldadres", "adres"],
)
def test_init_refuses_what_the_archive_cannot_use(tmp_path: Path, option: str, value: str, message: str) -> None:
    args = [*COUNCIL, *ADDRESS]
    args[args.index(option) + 1] = value
    result = run_cli(["init", tmp_path / "nieuw", *args])
    assert (result.exit_code, result.output) == (1, message + "\n")
    assert not (tmp_path / "nieuw").exists()


def test_a_gemeente_is_found_by_its_name_however_written(tmp_path: Path) -> None:
    result = run_cli(["init", tmp_path / "bosch", *COUNCIL[:5], "sHertogenbosch", "--gemeente", "súdwest-fryslân", *ADDRESS])
    assert result.exit_code == 0, result.output
    gemeenten = yaml.safe_load((tmp_path / "bosch" / "content" / "gemeenten.yml").read_text(encoding="utf-8"))
    assert {slug: (g["naam"], g["cbs_code"]) for slug, g in gemeenten.items()} == {
        "s-hertogenbosch": ("'s-Hertogenbosch", "GM0796"),
        "sudwest-fryslan": ("Súdwest-Fryslân", "GM1900"),
    }
    assert example_settings(Project(tmp_path / "bosch")) == []


def test_a_missing_option_without_a_terminal_is_named(tmp_path: Path) -> None:
    result = run_cli(["init", tmp_path / "nieuw", *COUNCIL])
    assert (result.exit_code, result.output) == (1, "--contact en --adres ontbreken. Geef die opties op (zie adviesregister init --help).\n")


def test_every_missing_option_is_named_in_one_message(tmp_path: Path) -> None:
    result = run_cli(["init", tmp_path / "nieuw", "--naam", "Adviesraad Oss"])
    assert (result.exit_code, result.output) == (1, "--gemeente, --contact en --adres ontbreken. Geef die opties op (zie adviesregister init --help).\n")
    assert not (tmp_path / "nieuw").exists()


def test_at_a_terminal_init_asks_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from adviesregister import cli

    monkeypatch.setattr(cli, "_at_terminal", lambda: True)
    answers = "Adviesraad Sociaal Domein Oss\nOss, Maashorst\nsecretariaat@asd-oss.nl\nhttps://archief.asd-oss.nl/\n"
    result = CliRunner().invoke(cli.main, ["init", str(tmp_path / "nieuw")], input=answers)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "Naam van de adviesraad: Adviesraad Sociaal Domein Oss",
        "Gemeente(n), met komma's ertussen: Oss, Maashorst",
        "Algemeen e-mailadres van de adviesraad (niet van één persoon): secretariaat@asd-oss.nl",
        "Openbaar adres van de site (https://…): https://archief.asd-oss.nl/",
    ]
    assert sorted(yaml.safe_load((tmp_path / "nieuw" / "content" / "gemeenten.yml").read_text(encoding="utf-8"))) == ["maashorst", "oss"]


@pytest.mark.parametrize("workflow", ["pages.yml", "pull-request.yml", "inbox-rapport.yml"])
def test_the_archives_workflows_are_valid(tmp_path: Path, workflow: str) -> None:
    from test_publish import lint_workflows

    assert run_cli(["init", tmp_path / "oss", *COUNCIL, *ADDRESS]).exit_code == 0
    path = tmp_path / "oss" / ".github" / "workflows" / workflow
    assert lint_workflows(path) == []
    text = path.read_text(encoding="utf-8")
    assert "make site" in text or "make test" in text or workflow == "inbox-rapport.yml"  # that one only posts a report
    assert workflow == "inbox-rapport.yml" or text.index("tesseract-ocr-nld") < text.index("make ")


def test_the_archive_is_on_main_and_its_make_serve_takes_a_port(tmp_path: Path) -> None:
    """pages.yml publishes the branch main; make serve runs the Dutch preview on PORT, as the archive's guide says."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("ADVIESREGISTER_GENERATOR", raising=False)
        result = run_cli(["init", tmp_path / "archief", *COUNCIL, *ADDRESS])
    assert result.exit_code == 0, result.output
    archive = tmp_path / "archief"
    assert run("git", "-C", archive, "symbolic-ref", "HEAD").stdout.strip() == "refs/heads/main"
    assert "branches: [main]" in (archive / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    (archive / ".venv").mkdir()
    (archive / ".venv" / ".installed").touch()  # as after make site: only the serve recipe is printed
    dry = run("make", "--no-print-directory", "-n", "serve", "PORT=8123", cwd=archive)
    assert dry.stdout.strip() == ".venv/bin/adviesregister serve --poort 8123"
    assert "git-tag" in (archive / "README.md").read_text(encoding="utf-8")


def test_with_generator_the_archives_readme_names_no_git_tag(tmp_path: Path) -> None:
    result = run_cli(["init", tmp_path / "archief", *COUNCIL, *ADDRESS, "--generator", "adviesregister==0.1.0"])
    assert result.exit_code == 0, result.output
    assert "git-tag" not in (tmp_path / "archief" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--afkorting", "A" * 41, "--afkorting: deze waarde is 41 tekens lang; hooguit 40 mag"),
        ("--naam", "N" * 201, "--naam: deze waarde is 201 tekens lang; hooguit 200 mag"),
        ("--naam", "ASD\n\n# Gehackt", "--naam: hier staat het onzichtbare teken U+000A"),
        ("--afkorting", "ASD\tOss", "--afkorting: hier staat het onzichtbare teken U+0009"),
        ("--contact", "secretariaat@asd-oss.nl\n", "--contact: hier staat het onzichtbare teken U+000A"),
        ("--adres", "https://archief.asd-oss.nl/\r", "--adres: hier staat het onzichtbare teken U+000D"),
    ],
    ids=["afkorting-te-lang", "naam-te-lang", "naam-regeleinde", "afkorting-tab", "contact-regeleinde", "adres-cr"],
)
def test_init_refuses_values_gemeenten_yml_or_one_line_cannot_hold(tmp_path: Path, option: str, value: str, message: str) -> None:
    args = [*COUNCIL, *ADDRESS]
    args[args.index(option) + 1] = value
    result = run_cli(["init", tmp_path / "nieuw", *args])
    assert result.exit_code == 1 and result.output.startswith(message), result.output
    assert not (tmp_path / "nieuw").exists()


def test_the_longest_afkorting_the_schema_allows_gives_a_valid_archive(tmp_path: Path) -> None:
    args = [*COUNCIL, *ADDRESS]
    args[args.index("--afkorting") + 1] = "A" * 40
    assert run_cli(["init", tmp_path / "nieuw", *args]).exit_code == 0
    result = run_cli(["check", "--root", tmp_path / "nieuw"])
    assert "te-lang" not in result.output and "hooguit" not in result.output, result.output
