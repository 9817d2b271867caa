"""The publishing guide: the site's Publiceren page and the first part of CONTRIBUTING.md, from one template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from adviesregister.content.codes import PROBLEM_CODES
from adviesregister.content.model import Gemeente
from adviesregister.site.templating import ENV


@dataclass(frozen=True)
class Example:
    """The gemeente in the guide's examples (its short name, name and first council)."""

    slug: str
    naam: str
    adviesraad: str


NEUTRAL = Example("oss", "Oss", "Adviesraad Sociaal Domein Oss")
"""The example where the archive has no gemeente (and in CONTRIBUTING.md of the generator): none of the seeds'."""


def example(gemeenten: dict[str, Gemeente] | None = None) -> Example:
    """The archive's first gemeente, so that its guide shows its own values; NEUTRAL when there is none or its names
    hold signs that code blocks would show escaped ('&', quotes, '<')."""
    for slug, gemeente in (gemeenten or {}).items():
        if not re.search(r"[<>&'\"`\u2019|]", gemeente.naam + gemeente.adviesraad):
            return Example(slug, gemeente.naam, gemeente.adviesraad)
        break
    return NEUTRAL


def render_guide(gemeenten: dict[str, Gemeente] | None = None) -> str:
    """The publishing guide in Markdown, as on the site's Publiceren page (CONTRIBUTING.md starts with it), with the
    archive's first gemeente in its examples."""
    return ENV.get_template("publiceren.md.j2").render(current="publiceren/", codes=sorted(PROBLEM_CODES.items()), vb=example(gemeenten))


def contributing_text() -> str:
    """CONTRIBUTING.md: the publishing guide in Dutch, then the notes for developers."""
    developers = files("adviesregister.site").joinpath("templates", "contributing-dev.md").read_text(encoding="utf-8")
    return render_guide().rstrip() + "\n\n" + developers
