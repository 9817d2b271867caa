"""A link that would be a dead end on the site is a `check` problem at its line (link-werkt-niet), never a surprise of
the live-archive tests (tests/test_live_archive.py follows every link of every page): the check and the built site agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from adviesregister.pipeline import build_site

from helpers import add_line, broken_links, copy_project, run_cli

DOCUMENT = "content/documenten/almere/2019/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale.md"
GOOD = [
    "[privacy](../privacy/)",
    "[alle documenten](../documenten/)",
    "[een document](../documenten/almelo-2017-inspectierapport-sociale-wijkteams/)",
    "[Almelo](../gemeenten/almelo/)",
    "[de home](../)",
    "[de cijfers](/cijfers/)",
    "[de open data](../open-data/)",
    "[naar boven](#over-dit-archief)",
    "[met index](../privacy/index.html)",
    "[als Markdown](privacy.md)",
    "[het web](https://www.overheid.nl/)",
    "[alle thema's](../themas/)",
    "[een thema](../themas/jeugd/)",
    "[een jaar](../jaren/2017/)",
]


@pytest.mark.parametrize(
    ("link", "why"),
    [
        ("[kapot](bestaat-niet.md)", "a Markdown file that is not there: the site publishes the address as written"),
        ("[kapot](../privacy.md)", "a Markdown file above the pages' folder"),
        ("[weg](/nergens/)", "no such page from the root"),
        ("[weg](../nergens/)", "no such page"),
        ("[te ver](../../privacy/)", "above the site's root"),
        ("[geen document](../documenten/almelo-2099-01-01-bestaat-niet/)", "no such document"),
        ("[geen gemeente](../gemeenten/amsterdam/)", "no such gemeente"),
        ("[geen kop](#bestaat-niet)", "no such heading on the page"),
        ("[in een pagina](../privacy/privacy.md)", "nothing below a page"),
        ("[themas](../themas/bestaat/niet/diep/)", "the whole path counts, not only its first part"),
        ("[geen thema](../themas/bestaat-niet/)", "no document has this theme"),
        ("[geen jaar](../jaren/1850/)", "no document from that year"),
        ("[onder een gemeente](../gemeenten/almelo/iets/)", "nothing below a gemeente's list but its further pages"),
        ("[onder een document](../documenten/almelo-2017-inspectierapport-sociale-wijkteams/iets/)", "nothing below a document"),
    ],
)
def test_a_dead_link_on_a_page_is_a_problem_at_its_line(tmp_path: Path, link: str, why: str) -> None:
    project = copy_project(tmp_path)
    line = add_line(project.content / "paginas" / "over.md", f"Zie ook {link}.")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1, why
    first = result.output.splitlines()[0]
    href = link.split("](")[1].rstrip(")")
    assert first.startswith(f"content/paginas/over.md:{line}: [link-werkt-niet] tekst: de link '{href}' leidt naar "), (why, first)


def test_a_dead_link_in_a_letter_is_a_problem_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    line = add_line(
        project.root / DOCUMENT, "Zie [de notitie](notitie.md), [de brief](../almelo-2017-inspectierapport-sociale-wijkteams/) en [over](../over.md)."
    )
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{DOCUMENT}:{line}: [link-werkt-niet] tekst: de link 'notitie.md' leidt naar een pagina die de site niet heeft "
        f"(gelezen vanaf de pagina '/documenten/{Path(DOCUMENT).stem}/'). Verbeter het adres, bijvoorbeeld '../privacy/' voor de pagina privacy "
        "of '../documenten/ID/' voor een document, of haal de link weg.",
        "1 probleem in 1 bestand.",
    ]


def test_links_that_check_accepts_resolve_in_the_built_site(tmp_path: Path) -> None:
    """Every kind of link check lets pass leads to a real page (and heading) of the build: what the live tests demand."""
    project = copy_project(tmp_path)
    add_line(project.content / "paginas" / "over.md", "Zie ook " + ", ".join(GOOD) + ".")
    add_line(project.root / DOCUMENT, "Zie [de andere brief](../almelo-2017-inspectierapport-sociale-wijkteams/) en [de lijst](../).")
    result = build_site(project)
    assert result.problems == []
    checked, broken = broken_links(project.root / "site")
    assert broken == []
    over = (project.root / "site" / "over" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{link.split("](")[1].rstrip(")")}"' in over for link in GOOD if ".md)" not in link)
    made = html.fromstring(over).xpath("//a[text()='als Markdown']/@href")
    assert made == ["../privacy/"]  # MkDocs made the page's address of privacy.md
    assert checked > 0


def test_a_link_without_text_is_a_problem_at_its_line(tmp_path: Path) -> None:
    """axe's link-name (WCAG 2.4.4) would fail the page in the live-archive tests: check names the line first."""
    project = copy_project(tmp_path)
    line = add_line(project.content / "paginas" / "over.md", "Lees [](../privacy/) en [ ](https://www.overheid.nl/).")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"content/paginas/over.md:{line}: [link-zonder-tekst] tekst: de link naar '../privacy/' heeft geen tekst, dus niemand ziet of hoort "
        "waar hij heen gaat. Zet tekst tussen de haken: [tekst](../privacy/).",
        f"content/paginas/over.md:{line}: [link-zonder-tekst] tekst: de link naar 'https://www.overheid.nl/' heeft geen tekst, dus niemand ziet "
        "of hoort waar hij heen gaat. Zet tekst tussen de haken: [tekst](https://www.overheid.nl/).",
    ]


def test_each_link_problem_stands_at_its_own_line(tmp_path: Path) -> None:
    """The second address ends the first ('/etc/passwd' in '../../../etc/passwd'), and one dead link stands twice:
    each problem is named at the line of its own link, not at the first line that holds its address."""
    project = copy_project(tmp_path)
    lines = [
        "- A [etc](../../../etc/passwd)",
        "- B tekst",
        "- C tekst",
        "- D tekst",
        "- E [weg](../nergens/)",
        '- F <a href="/etc/passwd">etc</a>',
        "- G [weg](../nergens/)",
    ]
    first = add_line(project.content / "paginas" / "over.md", "\n".join(lines))
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    found = [line.split(" tekst: ")[0] + " " + line.split("'")[1] for line in result.output.splitlines()[:-1]]
    assert found == [
        f"content/paginas/over.md:{first}: [link-werkt-niet] ../../../etc/passwd",
        f"content/paginas/over.md:{first + 4}: [link-werkt-niet] ../nergens/",
        f"content/paginas/over.md:{first + 5}: [link-werkt-niet] /etc/passwd",
        f"content/paginas/over.md:{first + 6}: [link-werkt-niet] ../nergens/",
    ]


def test_a_link_from_the_root_is_a_problem_when_the_site_stands_in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On GitHub Pages the site stands at https://NAAM.github.io/ARCHIEF/: '/privacy/' leads to NAAM.github.io/privacy/."""
    project = copy_project(tmp_path)
    line = add_line(project.content / "paginas" / "over.md", "Lees [privacy](/privacy/) en [de cijfers](/cijfers/#kop) en [een document](../documenten/).")
    monkeypatch.setenv("ADVIESREGISTER_SITE_URL", "https://raad.github.io/adviesregister/")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"content/paginas/over.md:{line}: [link-werkt-niet] tekst: de link '/cijfers/#kop' begint met '/', maar de site staat in een map "
        "(https://raad.github.io/adviesregister/): daar leidt hij nergens heen. Schrijf het adres vanaf deze pagina: '../cijfers/#kop'.",
        f"content/paginas/over.md:{line}: [link-werkt-niet] tekst: de link '/privacy/' begint met '/', maar de site staat in een map "
        "(https://raad.github.io/adviesregister/): daar leidt hij nergens heen. Schrijf het adres vanaf deze pagina: '../privacy/'.",
        "2 problemen in 1 bestand.",
    ]
    monkeypatch.setenv("ADVIESREGISTER_SITE_URL", "https://adviesregister.nl/")  # at the root of its own address, fine
    assert run_cli(["check", "--root", project.root]).exit_code == 0
