"""The plugin `adviesregister` (site/plugin.py) guards every build: `run_mkdocs` runs no other plugin, and when one runs
anyway, our sanitiser still has the last word on a page's HTML. A plugin that puts a script into every page proves both."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugins

from adviesregister import pipeline
from adviesregister.content.project import Project
from adviesregister.site import engine, plugin
from adviesregister.site.engine import PLUGINS, UnknownPluginError, run_mkdocs
from adviesregister.site.plugin import renderer

from helpers import copy_project, fixed_date

SCRIPT = '<script>document.title = "ingespoten"</script>'
INJECTOR = f'''
from mkdocs.plugins import BasePlugin


class Injector(BasePlugin):
    """A plugin as a pull request or a careless install could bring one: a script into every page's content."""

    def on_page_content(self, html, /, *, page, config, files):
        return html + {SCRIPT!r}
'''


@pytest.fixture
def injected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """An archive with its pages rendered, whose mkdocs.yml then names the plugin `injector` after ours, installed for
    this test (a dist-info on sys.path, found by MkDocs' own lookup of entry points). `check` refuses the name in
    mkdocs.yml before MkDocs reads it: that first guard is switched off here, as a hole in it would be."""
    installed = tmp_path / "installed"
    (installed / "injector-1.0.dist-info").mkdir(parents=True)
    (installed / "injector-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: injector\nVersion: 1.0\n", encoding="utf-8")
    (installed / "injector-1.0.dist-info" / "entry_points.txt").write_text("[mkdocs.plugins]\ninjector = injector_plugin:Injector\n", encoding="utf-8")
    (installed / "injector_plugin.py").write_text(INJECTOR, encoding="utf-8")
    monkeypatch.syspath_prepend(str(installed))
    plugins_option = dict(MkDocsConfig._schema)["plugins"]  # MkDocs reads the installed plugins once, when it loads its schema
    monkeypatch.setattr(plugins_option, "installed_plugins", get_plugins())
    monkeypatch.setattr(engine, "check_site_config", lambda project: [])
    monkeypatch.setattr(plugin, "check_site_config", lambda project: [])
    project = copy_project(tmp_path / "archief")
    with fixed_date():
        assert pipeline.render_pages(project).problems == []
    config = project.mkdocs_config.read_text(encoding="utf-8")
    assert "plugins:\n  - adviesregister\n" in config
    project.mkdocs_config.write_text(config.replace("plugins:\n  - adviesregister\n", "plugins:\n  - adviesregister\n  - injector\n"), encoding="utf-8")
    return project


def test_run_mkdocs_refuses_a_plugin_not_on_the_list(injected: Project, tmp_path: Path) -> None:
    with pytest.raises(UnknownPluginError) as refused:
        run_mkdocs(injected.mkdocs_config, tmp_path / "site")
    assert refused.value.for_person() == (
        "De site kon niet gebouwd worden: mkdocs.yml noemt de plugin 'injector' onder 'plugins:'. Een archief bouwt alleen met 'adviesregister': "
        "een andere plugin kan de pagina's veranderen nadat ze veilig gemaakt zijn. Haal hem weg; zo bouwen we niet."
    )
    assert not (tmp_path / "site").exists()


def test_the_sanitiser_runs_after_every_other_plugin(injected: Project, tmp_path: Path) -> None:
    """With the list passed by (as a hole in it would), the script the other plugin adds after ours in mkdocs.yml is
    gone from a hand-written page: our on_page_content runs last (event_priority -100), whatever the order of plugins."""
    with fixed_date():
        site = run_mkdocs(injected.mkdocs_config, tmp_path / "site", plugins=PLUGINS | {"injector"})
    trusted = (site / "index.html").read_text(encoding="utf-8")
    assert SCRIPT in trusted  # the injector ran: pages made from our templates are not sanitised, and keep what it added
    over = html.fromstring((site / "over" / "index.html").read_bytes())
    content = over.find(".//article")
    assert content is not None and content.xpath(".//h1")  # the hand-written page itself is there
    assert over.xpath("//script[contains(., 'ingespoten')]") == []


def test_the_preview_renders_with_the_pipeline() -> None:
    """The plugin (site/) renders the preview through the package's entry point, never by importing the pipeline."""
    assert renderer() is pipeline.render_pages
