"""Model → Markdown pages for the site engine (build/pages/). The engine only turns them into HTML."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .derive import Derived
from .model import Archive
from .project import Project
from .views import STATUS_LABELS, DocumentView, build_views, relative_url, status_view

_ENV = Environment(
    loader=PackageLoader("adviesregister", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_HEADING_RE = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def render_site(project: Project, archive: Archive, derived: dict[str, Derived]) -> int:
    """Write every page into project.pages; returns the number of pages written."""
    out = project.pages
    (out / "documenten").mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    views = build_views(archive, derived)
    ordered = sorted(views.values(), key=lambda v: (v.doc.datum.sort_key(), v.id), reverse=True)
    for view in ordered:
        written.add(_write(out / "documenten" / f"{view.id}.md", _page(view.titel, render_document(view))))
    written.add(_write(out / "index.md", _page(None, render_home(ordered), hide=["toc"])))
    for page in sorted(project.paginas.glob("*.md")):
        written.add(_write(out / page.name, page.read_text(encoding="utf-8")))
    for stale in set(out.rglob("*.md")) - written:
        stale.unlink()
    return len(written)


def render_document(view: DocumentView) -> str:
    tekst = _HEADING_RE.sub(r"#\1 ", view.doc.tekst)
    return _ENV.get_template("document.md.j2").render(v=view, tekst=tekst)


def render_home(views: list[DocumentView]) -> str:
    counts = Counter(v.status.code for v in views if v.status)
    statussen = [(status_view(code), counts[code]) for code in STATUS_LABELS if counts[code]]
    rows = [(v, relative_url(v.url, "")) for v in views]
    return _ENV.get_template("home.md.j2").render(rows=rows, statussen=statussen, aantal=len(views))


def _page(title: str | None, body: str, hide: list[str] | None = None) -> str:
    """A page with its own front matter for the site engine (the home page takes the site's name as title)."""
    fields: dict[str, object] = {"title": title} if title else {}
    if hide:
        fields["hide"] = hide
    meta = yaml.safe_dump(fields, allow_unicode=True, width=10_000).strip()
    return f"---\n{meta}\n---\n\n{body}"


def _write(path: Path, text: str) -> Path:
    """Write only what changed, so that `mkdocs serve` does not rebuild in a loop."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
