"""The publishing guide: the site's Publiceren page and the first part of CONTRIBUTING.md, from one template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from adviesregister.content.codes import PROBLEM_CODES
from adviesregister.content.model import Gemeente
from adviesregister.content.names import GUIDE, GUIDE_PICTURES
from adviesregister.site.templating import ENV
from adviesregister.site.views import relative_url


@dataclass(frozen=True)
class Example:
    """The gemeente in the guide's examples (its short name, name and first council)."""

    slug: str
    name: str
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


@dataclass(frozen=True)
class Picture:
    """A screenshot of our own pages in the guide (theme/assets/gids/, made by tools/guide_images.py from what the
    browser tests photograph): its size, so the page keeps its place while it loads, and what it shows."""

    name: str
    width: int
    height: int
    alt: str


PICTURES = (
    Picture(
        "inbox-rapport.png",
        880,
        925,
        "Voorbeeld van de reactie van het archief in een pull request: per brief de velden die u nog invult, "
        "met een link naar de regel, en wat het archief uit de brief las.",
    ),
    Picture(
        "beheer-documenten.png",
        1000,
        440,
        "Voorbeeld van het formulier: links Documenten, rechts de lijst met documenten en de knop Nieuw document.",
    ),
    Picture(
        "beheer-formulier.png",
        1280,
        900,
        "Voorbeeld van het formulier voor een nieuw advies: bij elk veld een korte uitleg, en bovenaan de knoppen om op te slaan.",
    ),
)
PICTURES_IN_REPOSITORY = "scripts/adviesregister/site/theme/" + GUIDE_PICTURES
"""Where they are in the generator's repository, for CONTRIBUTING.md at its root."""


def render_guide(gemeenten: dict[str, Gemeente] | None = None, pictures: str | None = None) -> str:
    """The publishing guide in Markdown, as on the site's Publiceren page (CONTRIBUTING.md starts with it), with the
    archive's first gemeente in its examples. `pictures` is the folder of the screenshots as seen from where the guide
    is read; by default the site's, from the Publiceren page."""
    folder = pictures if pictures is not None else relative_url(GUIDE_PICTURES, GUIDE)
    return ENV.get_template("publiceren.md.j2").render(
        current=GUIDE,
        codes=sorted(PROBLEM_CODES.items()),
        vb=example(gemeenten),
        afbeelding={picture.name.removesuffix(".png"): (folder + picture.name, picture) for picture in PICTURES},
    )


def contributing_text() -> str:
    """CONTRIBUTING.md: the publishing guide in Dutch, then the notes for developers."""
    developers = files("adviesregister.site").joinpath("templates", "contributing-dev.md").read_text(encoding="utf-8")
    return render_guide(pictures=PICTURES_IN_REPOSITORY).rstrip() + "\n\n" + developers
