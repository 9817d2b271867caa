"""The guide's pictures (site/guide.PICTURES, made by tools/guide_images.py): each in the package at the size the guide
gives it, none unused, and each shown on the built Publiceren page and in CONTRIBUTING.md from where that is read."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html
from PIL import Image

from adviesregister.content.names import GUIDE_PICTURES
from adviesregister.content.paths import packaged_theme
from adviesregister.site.guide import PICTURES, PICTURES_IN_REPOSITORY, contributing_text

FOLDER = packaged_theme() / GUIDE_PICTURES


def test_every_picture_is_in_the_package_at_its_size_and_none_is_left_over() -> None:
    folder = FOLDER
    assert sorted(path.name for path in folder.iterdir()) == sorted(picture.name for picture in PICTURES)
    for picture in PICTURES:
        with Image.open(folder / picture.name) as image:
            assert (image.format, image.size) == ("PNG", (picture.width, picture.height)), picture.name
        assert (folder / picture.name).stat().st_size < 150_000, f"{picture.name}: a palette PNG (tools/guide_images.py)"
        assert len(picture.alt) > 40 and picture.alt.startswith("Voorbeeld"), "the alt text says what the picture shows"


def test_the_publiceren_page_shows_every_picture_from_the_site(built_site: Path) -> None:
    page = html.parse(str(built_site / "publiceren" / "index.html")).getroot()
    shown = page.xpath("//article//img")
    assert [Path(image.get("src")).name for image in shown] == [picture.name for picture in PICTURES]
    for image, picture in zip(shown, PICTURES, strict=True):
        assert (built_site / "publiceren" / image.get("src")).resolve().is_file(), image.get("src")
        assert (image.get("width"), image.get("height"), image.get("alt")) == (str(picture.width), str(picture.height), picture.alt)


def test_contributing_shows_every_picture_from_the_repository_root() -> None:
    sources = re.findall(r'<img src="([^"]+)"', contributing_text())
    assert [Path(source).name for source in sources] == [picture.name for picture in PICTURES]
    assert all(source == PICTURES_IN_REPOSITORY + Path(source).name for source in sources), sources
    assert FOLDER.as_posix().endswith("/" + PICTURES_IN_REPOSITORY.rstrip("/")), "the repository path is where the package keeps them"
