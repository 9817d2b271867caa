"""The one Jinja environment for our templates (pages, feeds, guide): autoescaped, strict about missing values, with
the site's addresses as `urls` (site/urls.py) and the filter `rel` that makes one relative to the page; and the
plain-text one for the files `init` writes. Jinja is used nowhere outside site/."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from adviesregister.site.urls import URLS
from adviesregister.site.views import relative_url

ENV = Environment(
    loader=PackageLoader("adviesregister.site", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@pass_context
def _rel(context: Context, target: str) -> str:
    """A site-root URL made relative to the page being rendered (its `current` URL)."""
    return relative_url(target, context["current"])


ENV.filters["rel"] = _rel
ENV.globals["urls"] = URLS


TEXT_ENV = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
"""For text files that are no HTML (a new archive's mkdocs.yml, README.md, pages): nothing escaped, a missing value an error."""
TEXT_ENV.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is a quoted YAML scalar


def render_text(template: str, values: dict[str, Any]) -> str:
    """A text template (not HTML) filled in with `values`; `| yaml` quotes a value as a YAML scalar."""
    return TEXT_ENV.from_string(template).render(values)
