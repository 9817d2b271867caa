"""The sandbox the theme's templates run in (Material's, ours, and an archive's own site_overrides/, which comes with a
pull request): a template shows values; it never reaches Python.

Jinja's SandboxedEnvironment already refuses `__globals__`, `_private` names and the like. MkDocs hands its templates
objects whose methods lead out of any sandbox: `config.theme.get_env()` returns MkDocs' own, unsandboxed environment,
whose `from_string(…).render()` runs a template where `lipsum.__globals__.os` is Python's os module; a plugin's hooks
(`config.plugins[…].on_post_build(…)`) run code with the arguments the template chooses. So this sandbox also refuses
every attribute that is, or is a method of, a Jinja environment, template or loader, every method of a plugin, and
the methods of MkDocs' theme that make environments or load templates.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BaseLoader, Environment, Template
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.plugins import BasePlugin
from mkdocs.theme import Theme

from adviesregister.site.urls import URLS

MACHINERY = (Environment, Template, BaseLoader)
"""Objects that compile or load templates: reaching one is leaving the sandbox."""
THEME_METHODS = frozenset({"get_env", "_load_theme_config", "_add_parent_themes"})
"""The methods of MkDocs' Theme that make an environment or read files; its values (language, features, …) stay."""


class ThemeSandbox(SandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(value, MACHINERY) or isinstance(getattr(value, "__self__", None), MACHINERY):
            return False
        if isinstance(obj, BasePlugin) and callable(value):
            return False
        return not (isinstance(obj, Theme) and attr in THEME_METHODS)


def sandboxed(env: Environment) -> ThemeSandbox:
    """`env` (MkDocs' environment for the theme) as a sandbox with the same loader, filters, tests and globals, and the
    site's addresses as `urls` (site/urls.py): main.html writes `{{ urls.open_data | url }}`, not 'open-data/'."""
    sandbox = ThemeSandbox(
        loader=env.loader, autoescape=env.autoescape, extensions=[type(extension) for extension in env.extensions.values()], auto_reload=False
    )
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    sandbox.globals.update(env.globals)
    sandbox.globals["urls"] = URLS
    sandbox.policies.update(env.policies)
    return sandbox
