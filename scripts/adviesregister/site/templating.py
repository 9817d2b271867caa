"""The one Jinja environment for our templates (pages, feeds, guide): autoescaped, strict about missing values, with
the site's addresses as `urls` (site/urls.py) and the filter `rel` that makes one relative to the page."""

from __future__ import annotations

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
