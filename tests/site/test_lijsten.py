"""The list pages (status/…, gemeenten/…, themas/…): the most overdue advice first on 'Geen reactie bekend', each
card saying how late, and the feed link beside the title rather than under the cards (issue 25, items 3 and 6)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html

from adviesregister.pipeline import build_site

from helpers import ARCHIEF, copy_project, fixed_date

OVERDUE = "almere/2019/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale.md"


@pytest.fixture(scope="module")
def two_overdue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fixture archive with a second overdue advice, newer (so less late) than the one it has."""
    root = tmp_path_factory.mktemp("lijsten")
    content = root / "content"
    shutil.copytree(ARCHIEF, content)
    source = content / "documenten" / OVERDUE
    head = source.read_text(encoding="utf-8").split("\nbron:")[0].replace("2019-03-11", "2020-06-15")
    newer = (
        head.replace("ten aanzien van het regionale programma", "over de wachtlijsten in")
        + "\n---\n\nGeacht college,\n\nDe adviesraad adviseert u de wachtlijsten voor jeugdhulp te verkorten.\n"
    )
    target = content / "documenten" / "almere" / "2020"
    target.mkdir()
    (target / source.name.replace("2019-03-11", "2020-06-15")).write_text(newer, encoding="utf-8")
    with fixed_date():
        project = copy_project(root / "project", content)
        result = build_site(project)
        assert result.problems == []
    yield project.root / "site"


def cards(site: Path, address: str) -> list[html.HtmlElement]:
    doc = html.parse(str(site / address / "index.html")).getroot()
    return list(doc.xpath("//ul[@class='ar-kaarten']/li"))


def days_late(card: html.HtmlElement) -> int:
    match = re.search(r"Termijn ([\d.]+) dagen?(?: \([^)]*\))? voorbij", card.text_content())
    assert match, card.text_content()
    return int(match.group(1).replace(".", ""))


def test_geen_reactie_bekend_lists_the_most_overdue_first_with_days_late(two_overdue: Path) -> None:
    shown = cards(two_overdue, "status/reactie-uitgebleven")
    assert len(shown) == 2
    late = [days_late(card) for card in shown]
    assert late == sorted(late, reverse=True) and late[0] > late[1], late
    assert [card.get("data-datum") for card in shown] == ["2019-03-11", "2020-06-15"], "oldest first here: the newest-first order of other lists"
    doc = html.parse(str(two_overdue / "status" / "reactie-uitgebleven" / "index.html")).getroot()
    assert "Bovenaan staat het advies waarvan de termijn het langst voorbij is" in doc.xpath("string(//article)")
    # every other list keeps the newest first
    almere = cards(two_overdue, "gemeenten/almere")
    assert [card.get("data-datum") for card in almere] == ["2020-06-15", "2019-03-11"]


@pytest.mark.parametrize("address,text", [("gemeenten/almelo", "Volg deze gemeente"), ("themas/jeugd", "Volg dit thema")])
def test_the_feed_link_sits_under_the_title_not_under_the_cards(built_site: Path, address: str, text: str) -> None:
    doc = html.parse(str(built_site / address / "index.html")).getroot()
    article = doc.xpath("//article")[0]
    blocks = [el for el in article.iterchildren() if el.tag in ("h1", "p", "ul", "nav")]
    heading = next(i for i, el in enumerate(blocks) if el.tag == "h1")
    feed = next(i for i, el in enumerate(blocks) if el.get("class") == "ar-feed")
    first_cards = next(i for i, el in enumerate(blocks) if el.get("class") == "ar-kaarten")
    assert feed == heading + 1 < first_cards, "right under the title, before the cards"
    link = blocks[feed].xpath("a")[0]
    assert link.text_content().strip().endswith(text)
    assert link.get("href").startswith("../../feeds/#")
    assert len(article.xpath(".//p[@class='ar-feed']")) == 1, "one feed link: none under the cards any more"
