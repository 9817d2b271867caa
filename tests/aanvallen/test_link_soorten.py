"""A link to anything but a web address, an e-mail address or a page of the site ('javascript:', 'data:', 'file:'):
the sanitiser takes its address away, so the page shows a link that leads nowhere and that no keyboard reaches.
`check` names it at its own line, as written, with what a link may be."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import add_line, copy_project, run_cli

DOCUMENT = "content/documenten/almelo/2017/almelo-2017-inspectierapport-sociale-wijkteams.md"
ALLOWED = (
    "werkt niet op de site: de site laat zo'n adres weg. Een link kan alleen naar een webadres (https://…), een e-mailadres (mailto:…) "
    "of een pagina van deze site, zoals '../privacy/'. Verbeter het adres of haal de link weg."
)


@pytest.mark.parametrize(
    ("link", "written"),
    [
        ("[klik](javascript:alert(1))", "javascript:alert(1)"),
        ("[klik](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"),
        ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4="),
        ("[klik](vbscript:msgbox)", "vbscript:msgbox"),
        ("[klik](file:///etc/passwd)", "file:///etc/passwd"),
        ('<a href="javascript:alert(1)">klik</a>', "javascript:alert(1)"),
        ('<a href="java&#x09;script:alert(1)">klik</a>', "java&#x09;script:alert(1)"),
        ("<a href=DATA:text/html,x>klik</a>", "DATA:text/html,x"),
    ],
)
def test_a_link_of_another_kind_is_a_problem_at_its_line(tmp_path: Path, link: str, written: str) -> None:
    project = copy_project(tmp_path)
    line = add_line(project.content / "paginas" / "over.md", f"Zie [privacy](../privacy/).\n\nEn {link} hier.")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"content/paginas/over.md:{line + 2}: [link-werkt-niet] tekst: de link '{written}' {ALLOWED}",
        "1 probleem in 1 bestand.",
    ]


def test_links_of_other_kinds_in_a_letter_are_each_named_at_their_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    line = add_line(project.root / DOCUMENT, "Zie [de brief](javascript:void(0)).\n\n[Goed](https://www.overheid.nl/) en [bel](tel:14020).")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{DOCUMENT}:{line}: [link-werkt-niet] tekst: de link 'javascript:void(0)' {ALLOWED}",
        f"{DOCUMENT}:{line + 2}: [link-werkt-niet] tekst: de link 'tel:14020' {ALLOWED}",
        "2 problemen in 1 bestand.",
    ]
