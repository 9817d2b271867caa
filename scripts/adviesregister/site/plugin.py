"""The MkDocs plugin `adviesregister`, the guard of every build (written as mkdocs-material writes its plugins: a config
class, `is_serve`, event priorities). It checks the archive's settings, stacks the theme's folders, runs every template
in Jinja's sandbox, and sanitises the HTML of every page not made from our templates (the hand-written pages of
content/paginas/) as the last step of `on_page_content`, after any other plugin. `site/engine.run_mkdocs` refuses a
configuration with another plugin, or without this one.

While `mkdocs serve` runs (`make serve`), it also re-renders the pages when content/ or the templates change and
indexes them for search; `make site` renders the pages itself before the engine runs. When the content has problems,
the preview keeps the last good pages and shows the problems in Dutch at the top of every page (file, line, field, how
to fix it); saving the fixed file reloads the browser without them. The renderer is the package's own
(`pipeline.render_pages`), found through the entry point `adviesregister.preview: render` (site/ never imports the
pipeline that runs it).

Registered as the MkDocs plugin `adviesregister` (see pyproject.toml), so it works from an installed wheel too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from importlib.metadata import entry_points
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from adviesregister.base.atomic import ArchiveBusyError, archive_lock
from adviesregister.content.model import Problem, format_problems, summarize_problems
from adviesregister.content.paths import theme_folders
from adviesregister.content.project import Project
from adviesregister.content.settings import SettingsError, settings_from
from adviesregister.content.site_config import check_site_config
from adviesregister.site.engine import index_search
from adviesregister.site.sandbox import sandboxed
from adviesregister.site.sanitize import TRUSTED, TRUSTED_HTML, join_head, markdown_head, page_html

LOG = logging.getLogger("adviesregister.preview")
_BODY_RE = re.compile(r"<body[^>]*>")

ESCAPED_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
"""Settings the theme shows unescaped (`{{ config.site_name }}`, also in aria-label="…"); `check` refuses markup in them too."""

RENDERER_GROUP = "adviesregister.preview"
"""The entry-point group of the preview's renderer (pyproject.toml: `render = adviesregister.pipeline:render_pages`)."""


class Rendered(Protocol):
    """What the preview's renderer returns: the content's problems (none when the pages were written)."""

    problems: list[Problem]


class GuardConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin's options: none, on purpose. An option to switch the sanitiser off would be one a pull request could
    set; `check` refuses any option under `adviesregister` (content/site_config.py) and MkDocs, strict, any unknown."""


class GuardPlugin(BasePlugin[GuardConfig]):  # type: ignore[no-untyped-call]
    """The guard of every build (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.is_serve = False
        """True while `mkdocs serve` runs: only then does the plugin render the pages and show their problems."""
        self._html: dict[str, str] = {}
        """The HTML of each TRUSTED_HTML page between on_page_markdown and on_page_content (popped there): MkDocs passes
        a page's Markdown, not our split of it, from one event to the next."""
        self._banner: str | None = None
        """While serving: the problems of the last render, as HTML at the top of every page; None when there are none."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: Any) -> Any:
        """Every build checks the archive's settings (the theme puts the colour in a style): wrong ones stop it. `mkdocs serve`
        run by hand gets here only after MkDocs has loaded mkdocs.yml; `make serve` builds with our check first."""
        problems = check_site_config(Project(Path(config.config_file_path).parent))
        if problems:
            raise PluginError(format_problems(problems, "Instellingen niet goed."))
        try:
            settings_from({"site_url": config.site_url, "site_name": config.site_name, "extra": dict(config.extra)})
        except SettingsError as err:
            raise PluginError(err.for_person()) from None
        config.validation.nav.omitted_files = logging.DEBUG  # the pages outside the menu (footer links) are meant so
        for key in ESCAPED_SETTINGS:  # Material prints these as they are, in text and in attributes: escape them once
            if isinstance(config[key], str):
                config[key] = Markup(escape(config[key]))  # a Markup: `| e` in our templates leaves it as it is
        stack_theme(config.theme, Path(config.config_file_path).parent)
        return config

    def on_env(self, env: Environment, /, *, config: Any, files: Any) -> Environment:
        """The theme's templates (Material's, ours, and site_overrides/ from a pull request) run in Jinja's sandbox: a template
        can show values, never reach Python (site/sandbox.py; `lipsum.__globals__.os.popen(…)` stops the build)."""
        return sandboxed(env)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        templates = Path(str(files("adviesregister.site").joinpath("templates")))
        if templates.is_dir():
            server.watch(str(templates))
        LOG.warning("Het voorbeeld staat op %s en wordt bijgewerkt als u een bestand in content/ opslaat. Stoppen: Ctrl+C.", getattr(server, "url", ""))
        return server

    def on_pre_build(self, *, config: Any) -> None:
        if not self.is_serve:
            return
        project = Project(Path(config.config_file_path).parent)
        try:
            with archive_lock(project.root, "voorbeeld"):  # never rewrite build/pages/ under a running build
                result = renderer()(project)
        except ArchiveBusyError as err:
            self._banner = banner_html([], f"{err} Voorbeeld niet bijgewerkt.")
            LOG.warning("%s Voorbeeld niet bijgewerkt.", err)
            return
        if result.problems:
            self._banner = banner_html(result.problems)
            LOG.warning("%s", format_problems(result.problems, "Voorbeeld niet bijgewerkt; de problemen staan ook bovenaan elke pagina."))
        else:
            if self._banner is not None:
                LOG.warning("Geen problemen meer: het voorbeeld is bijgewerkt.")
            self._banner = None

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        """With problems and no pages yet (the first render failed), a home page that shows them."""
        if self._banner is not None and files.get_file_from_path("index.md") is None:
            files.append(
                File.generated(config, "index.md", content="# Voorbeeld\n\nEr is nog geen voorbeeld: eerst moeten de problemen hierboven opgelost zijn.\n")
            )
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        """A page our templates wrote as HTML after a title gives Markdown only the title: it would pass the rest through."""
        if page.meta.get("adviesregister") == TRUSTED_HTML:
            head, self._html[page.file.src_uri] = markdown_head(markdown)
            return head
        return markdown

    @event_priority(-100)  # last, after every other plugin: nothing changes a page's HTML after it is sanitised
    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        """Markdown may hold raw HTML and attribute lists ({ onclick=… }): only the pages our templates made keep theirs."""
        if page.meta.get("adviesregister") == TRUSTED_HTML:
            return join_head(html, self._html.pop(page.file.src_uri))
        return html if page.meta.get("adviesregister") == TRUSTED else page_html(html)

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        """While the content has problems, every page of the preview shows them at the top."""
        if self._banner is None:
            return output
        body = _BODY_RE.search(output)
        at = body.end() if body else 0
        return output[:at] + self._banner + output[at:]

    def on_post_build(self, *, config: Any) -> None:
        if self.is_serve:
            index_search(Path(config.site_dir))  # so that search works in the preview too


def renderer() -> Callable[[Project], Rendered]:
    """The preview's renderer: check the content, then write the open data and the pages (the package's entry point)."""
    (entry,) = entry_points(group=RENDERER_GROUP, name="render")
    render: Callable[[Project], Rendered] = entry.load()
    return render


def stack_theme(theme: Any, root: Path) -> None:
    """The theme's folders, first match wins: the archive's own site_overrides/ (when it has one, named in
    theme.custom_dir or not), then the look the package ships, then Material's. MkDocs looks up templates and copies
    static files (assets/…) through this list, so an archive overrides our files one by one."""
    ours = [str(folder) for folder in theme_folders(root)]
    rest = [folder for folder in theme.dirs if Path(folder).resolve() not in {Path(own).resolve() for own in ours}]
    theme.dirs[:] = [*ours, *rest]


def banner_html(problems: list[Problem], melding: str = "") -> str:
    """The problems as a block at the top of a page: each with its file, line, code and what to do, escaped."""
    items = "".join(
        f"<li><strong>{escape(problem.path)}</strong>, regel {problem.line}: [{escape(problem.code)}] {escape(problem.message)}</li>" for problem in problems
    )
    kop = f"Het voorbeeld is niet bijgewerkt: {summarize_problems(problems)}" if problems else "Het voorbeeld is niet bijgewerkt"
    uitleg = (
        escape(melding) if melding else "Wat hieronder staat is de vorige versie. Verbeter de bestanden en sla ze op: deze pagina laadt dan vanzelf opnieuw."
    )
    style = "margin:0;padding:1rem 1.5rem;background:#fff3cd;color:#1a1a1a;border-bottom:4px solid #b45309;font-size:1rem;line-height:1.5"
    return (
        f'<section id="adviesregister-problemen" role="alert" style="{style}"><h2 style="margin:0 0 .5rem">{kop}</h2><p>{uitleg}</p><ul>{items}</ul></section>'
    )
