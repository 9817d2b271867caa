"""The publishing guide: the site's Publiceren page and the first part of CONTRIBUTING.md, from one template."""

from __future__ import annotations

from importlib.resources import files

from adviesregister.content.codes import PROBLEM_CODES
from adviesregister.site.templating import ENV


def render_guide() -> str:
    """The publishing guide in Markdown, as on the site's Publiceren page (CONTRIBUTING.md starts with it)."""
    return ENV.get_template("publiceren.md.j2").render(current="publiceren/", codes=sorted(PROBLEM_CODES.items()))


def contributing_text() -> str:
    """CONTRIBUTING.md: the publishing guide in Dutch, then the notes for developers."""
    developers = files("adviesregister.site").joinpath("templates", "contributing-dev.md").read_text(encoding="utf-8")
    return render_guide().rstrip() + "\n\n" + developers
