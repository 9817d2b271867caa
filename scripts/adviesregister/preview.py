"""The MkDocs plugin `adviesregister`, in every build: it sanitises the HTML of every page not made from our templates
(the hand-written pages of content/paginas/). While `mkdocs serve` runs, it also re-renders the pages when content/ or
the templates change, and indexes them for search; `make site` renders the pages itself before the engine runs.

Registered as the MkDocs plugin `adviesregister` (see pyproject.toml), so it works from an installed wheel too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin

from adviesregister.content.atomic import ArchiveBusy, archive_lock
from adviesregister.content.model import format_problems
from adviesregister.content.paths import theme_folders
from adviesregister.content.project import Project
from adviesregister.content.settings import SettingsError, settings_from
from adviesregister.content.site_config import check_site_config
from adviesregister.pipeline import render_pages
from adviesregister.site.engine import index_search
from adviesregister.site.sanitize import TRUSTED, TRUSTED_HTML, join_head, markdown_head, page_html

ESCAPED_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
"""Settings the theme shows unescaped (`{{ config.site_name }}`, also in aria-label="…"); `check` refuses markup in them too."""


class PreviewPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    command = ""
    """The mkdocs command that runs: 'serve', 'build' or 'gh-deploy'."""

    def __init__(self) -> None:
        super().__init__()
        self._html: dict[str, str] = {}
        """The HTML of each TRUSTED_HTML page between on_page_markdown and on_page_content."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: Any) -> Any:
        """Every build checks the archive's settings (the theme puts the colour in a style): wrong ones stop it. `mkdocs serve`
        run by hand gets here only after MkDocs has loaded mkdocs.yml; `make serve` builds with our check first."""
        problems = check_site_config(Project(Path(config.config_file_path).parent))
        if problems:
            raise PluginError(format_problems(problems, "Instellingen niet goed."))
        try:
            settings_from({"site_url": config.site_url, "site_name": config.site_name, "extra": dict(config.extra)})
        except SettingsError as err:
            raise PluginError(f"Instelling niet goed: {err}") from None
        for key in ESCAPED_SETTINGS:  # Material prints these as they are, in text and in attributes: escape them once
            if isinstance(config[key], str):
                config[key] = Markup(escape(config[key]))  # a Markup: `| e` in our templates leaves it as it is
        stack_theme(config.theme, Path(config.config_file_path).parent)
        return config

    def on_env(self, env: Environment, /, *, config: Any, files: Any) -> Environment:
        """The theme's templates (Material's, ours, and site_overrides/ from a pull request) run in Jinja's sandbox: a template
        can show values, never reach Python (`lipsum.__globals__.os.popen(…)` stops the build)."""
        sandboxed = SandboxedEnvironment(
            loader=env.loader, autoescape=env.autoescape, extensions=[type(extension) for extension in env.extensions.values()], auto_reload=False
        )
        sandboxed.filters.update(env.filters)
        sandboxed.tests.update(env.tests)
        sandboxed.globals.update(env.globals)
        sandboxed.policies.update(env.policies)
        return sandboxed

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        templates = Path(str(files("adviesregister.site").joinpath("templates")))
        if templates.is_dir():
            server.watch(str(templates))
        return server

    def on_pre_build(self, *, config: Any) -> None:
        if self.command != "serve":
            return
        project = Project(Path(config.config_file_path).parent)
        try:
            with archive_lock(project.root, "voorbeeld"):  # never rewrite build/pages/ under a running build
                result = render_pages(project)
        except ArchiveBusy as err:
            raise Abort(f"{err} Voorbeeld niet bijgewerkt.") from None
        if result.problems:
            raise Abort(format_problems(result.problems, "Voorbeeld niet bijgewerkt."))

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        """A page our templates wrote as HTML after a title gives Markdown only the title: it would pass the rest through."""
        if page.meta.get("adviesregister") == TRUSTED_HTML:
            head, self._html[page.file.src_uri] = markdown_head(markdown)
            return head
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        """Markdown may hold raw HTML and attribute lists ({ onclick=… }): only the pages our templates made keep theirs."""
        if page.meta.get("adviesregister") == TRUSTED_HTML:
            return join_head(html, self._html.pop(page.file.src_uri))
        return html if page.meta.get("adviesregister") == TRUSTED else page_html(html)

    def on_post_build(self, *, config: Any) -> None:
        if self.command == "serve":
            index_search(Path(config.site_dir))  # so that search works in the preview too


def stack_theme(theme: Any, root: Path) -> None:
    """The theme's folders, first match wins: the archive's own site_overrides/ (when it has one, named in
    theme.custom_dir or not), then the look the package ships, then Material's. MkDocs looks up templates and copies
    static files (assets/…) through this list, so an archive overrides our files one by one."""
    ours = [str(folder) for folder in theme_folders(root)]
    rest = [folder for folder in theme.dirs if Path(folder).resolve() not in {Path(own).resolve() for own in ours}]
    theme.dirs[:] = [*ours, *rest]
