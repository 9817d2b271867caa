"""The look ships in the package (adviesregister/site/theme/); an archive's own site_overrides/ replaces its files one by one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adviesregister.content.paths import packaged_theme
from adviesregister.content.project import Project
from adviesregister.content.site_config import check_site_config

from helpers import run_cli

COUNCIL = ["--naam", "Adviesraad Sociaal Domein Oss", "--gemeente", "Oss", "--contact", "secretariaat@asd-oss.nl", "--adres", "https://archief.asd-oss.nl/"]
OWN_LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>ASD Oss</title></svg>\n'


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.delenv("ADVIESREGISTER_SITE_URL", raising=False)
    made = run_cli(["init", tmp_path / "oss", *COUNCIL])
    assert made.exit_code == 0, made.output
    return Project(tmp_path / "oss")


def test_the_packaged_theme_holds_the_look() -> None:
    assert sorted(path.relative_to(packaged_theme()).as_posix() for path in packaged_theme().rglob("*") if path.is_file()) == [
        "404.html",
        "assets/adviesregister.css",
        "assets/delen.js",
        "assets/gids/beheer-documenten.png",
        "assets/gids/beheer-formulier.png",
        "assets/gids/inbox-rapport.png",
        "assets/logo.svg",
        "assets/menu.js",
        "assets/overzicht.js",
        "assets/zoeken.js",
        "main.html",
        "partials/header.html",
        "sitemap.xml",
    ]


def test_an_archives_own_file_replaces_the_packaged_one_and_only_that(archive: Project) -> None:
    own = archive.root / "site_overrides" / "assets"
    own.mkdir(parents=True)
    (own / "logo.svg").write_bytes(OWN_LOGO)
    (archive.root / "site_overrides" / "404.html").write_text(
        '{% extends "main.html" %}\n{% block content %}<h1>Eigen 404</h1>{% endblock %}\n', encoding="utf-8"
    )
    built = run_cli(["build", "--root", archive.root])
    assert built.exit_code == 0, built.output
    site = archive.root / "site"
    assert (site / "assets" / "logo.svg").read_bytes() == OWN_LOGO
    for name in ("adviesregister.css", "menu.js", "delen.js", "overzicht.js", "zoeken.js"):
        assert (site / "assets" / name).read_bytes() == (packaged_theme() / "assets" / name).read_bytes()
    assert "<h1>Eigen 404</h1>" in (site / "404.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="voet-contact"' in home and "mailto:secretariaat@asd-oss.nl" in home  # our main.html, from the package, still frames every page


def test_a_custom_dir_that_is_missing_is_named(archive: Project) -> None:
    config = archive.mkdocs_config.read_text(encoding="utf-8")
    archive.mkdocs_config.write_text(config.replace("  font: false", "  custom_dir: site_overrides\n  font: false", 1), encoding="utf-8")
    line = 1 + config.split("  font: false")[0].count("\n")
    assert [str(problem) for problem in check_site_config(archive)] == [
        f"mkdocs.yml:{line}: [instelling-pad] theme.custom_dir: de map site_overrides/ ontbreekt (of is een snelkoppeling). "
        "Haal de regel weg: het archief gebruikt die map vanzelf als zij er is."
    ]
    (archive.root / "site_overrides").mkdir()
    assert check_site_config(archive) == []


def test_our_header_is_materials_own_but_for_the_menu_button_and_the_skip_link() -> None:
    """partials/header.html copies Material's: when Material changes its header (a new version), this test says so."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (packaged_theme() / "partials" / "header.html").read_text(encoding="utf-8")
    ours_without_changes = re.sub(r"[ ]*\{#-.*?-#\}\n", "", ours, flags=re.DOTALL)
    ours_without_changes = re.sub(r"  \{% if page and not \(page\.toc.*?\{% endif %\}\n", "", ours_without_changes, flags=re.DOTALL)
    ours_without_changes = re.sub(
        r'    <button type="button" class="md-header__button md-icon ar-menuknop".*?</button>\n', "", ours_without_changes, flags=re.DOTALL
    )
    ours_without_changes = ours_without_changes.replace(' ar-menu-zonder-js" for="__drawer">', '" for="__drawer">')
    ours_without_changes = ours_without_changes.replace(
        '    {% set icon = config.theme.icon.menu or "material/menu" %}\n    <label class="md-header__button md-icon" for="__drawer">\n',
        '    <label class="md-header__button md-icon" for="__drawer">\n      {% set icon = config.theme.icon.menu or "material/menu" %}\n',
    )
    theirs_without_banner = re.sub(r"\{#-.*?-#\}\n", "", theirs, flags=re.DOTALL)
    assert ours_without_changes == theirs_without_banner
