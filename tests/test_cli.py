"""The command line as the council's secretary uses it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

from click.testing import Result

from adviesregister.cli import main
from adviesregister.site.plugin import GuardPlugin

from helpers import ARCHIEF_DOCUMENTEN, ROOT, copy_project

CLI = Callable[[Sequence[str | Path]], Result]
BROKEN = ROOT / "tests" / "slechte_invoer" / "04-datum-bestaat-niet" / "content"


def test_check_is_clean_on_the_fixture_archive(tmp_path: Path, cli: CLI) -> None:
    result = cli(["check", "--root", copy_project(tmp_path).root])
    assert result.exit_code == 0, result.output
    assert result.output == f"Geen problemen gevonden in {ARCHIEF_DOCUMENTEN} documenten.\n"


def test_build_refuses_broken_content_and_builds_nothing(tmp_path: Path, cli: CLI) -> None:
    project = copy_project(tmp_path)
    shutil.copytree(BROKEN, project.content, dirs_exist_ok=True)
    result = cli(["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "[ongeldige-datum] datum: '2023-02-30' bestaat niet: deze maand heeft 28 dagen." in result.output
    assert result.output.rstrip().endswith("1 probleem in 1 bestand. Site niet gebouwd.")
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / "build").exists()


def test_the_plugin_renders_only_while_serving(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = SimpleNamespace(config_file_path=str(project.mkdocs_config))
    plugin = GuardPlugin()
    plugin.on_startup(command="build", dirty=False)
    plugin.on_pre_build(config=config)
    assert not project.pages.exists()
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config=config)
    assert (project.pages / "documenten" / "almelo-2017-inspectierapport-sociale-wijkteams.md").is_file()
    shutil.copytree(BROKEN, project.content, dirs_exist_ok=True)
    plugin.on_pre_build(config=config)  # the preview goes on, showing the problems on every page (tests/test_serve.py)
    assert "[ongeldige-datum]" in plugin.on_post_page("<html><body><main></main></body></html>", page=None, config=config)


def test_every_command_is_documented_for_its_users() -> None:
    """Each visible command is in the README (developers) and the guide, CONTRIBUTING.md (secretaries)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        if command.hidden:
            continue
        assert f"adviesregister {name}" in readme or f"adviesregister {name}" in contributing, name
        assert command.help, name
