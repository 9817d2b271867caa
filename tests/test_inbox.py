"""`adviesregister inbox` on a git repository made here: a PDF and a Word letter uploaded into nieuw/ come out as one
commit with their documents, an empty nieuw/ (but for its README.md) and a Dutch report whose line links point at the
fields to fill; a second run changes nothing; an original with personal data is imported without its original."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from conversions import to_docx, to_pdf
from playwright.sync_api import Page

from adviesregister.inbox import PLACEHOLDER

from helpers import SCREENSHOTS, copy_project, run_cli

REPO = "https://github.com/adviesraad/archief"
BRANCH = "brief/zorg-in-de-wijk"

ADVIES_PDF = """Adviesraad Sociaal Domein Almere
Postbus 200
1300 AE Almere

Aan college van burgemeester en wethouders
Gemeente Almere

Betreft Advies over ontmoetingsplekken in de wijk
Datum 14 september 2026

Geacht college,

Veel ouderen in Almere zien weinig mensen. Een buurthuis dichtbij helpt hen om anderen te ontmoeten.

Wij adviseren u om in elke wijk een ontmoetingsplek te openen die elke werkdag open is.

Met vriendelijke groet,

Adviesraad Sociaal Domein Almere
"""

ADVIES_DOCX = """Adviesraad sociaal domein Almelo

Aan het college van burgemeester en wethouders van Almelo

Onderwerp: Gevraagd advies over vervoer naar dagbesteding
Datum: 5 oktober 2026

Geacht college,

U vroeg ons om advies over het vervoer naar de dagbesteding. Wij spraken met deelnemers en hun familie.

Wij adviseren u om de reistijd in het busje te beperken tot drie kwartier.

Met vriendelijke groet,

Adviesraad sociaal domein Almelo
"""

BSN = "637337670"
ADVIES_MET_BSN = ADVIES_PDF.replace("Advies over ontmoetingsplekken in de wijk", "Advies over de wachtlijst voor begeleiding").replace(
    "Een buurthuis dichtbij helpt hen om anderen te ontmoeten.", f"Een inwoner met BSN {BSN} wachtte een jaar op begeleiding."
)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def archief(tmp_path: Path) -> Path:
    """A git repository with the fixture archive, committed on a branch, and a PDF and a Word letter uploaded into nieuw/."""
    root = copy_project(tmp_path / "archief").root
    (root / ".gitignore").write_text("build/\nsite/\n", encoding="utf-8")  # as in every archive
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Secretaris")
    git(root, "config", "user.email", "secretaris@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Het archief")
    git(root, "switch", "-q", "-c", BRANCH)
    (root / "nieuw").mkdir()
    to_pdf(ADVIES_PDF, root / "nieuw" / "advies ontmoeting.pdf")
    to_docx(ADVIES_DOCX, root / "nieuw" / "advies-vervoer.docx", publishable=True)
    git(root, "add", "nieuw")
    git(root, "commit", "-q", "-m", "Add files via upload")
    return root


def inbox(root: Path, *args: str) -> tuple[int, str, str]:
    rapport = root.parent / "rapport.md"
    result = run_cli(["inbox", "--root", root, "--rapport", rapport, "--repo", REPO, "--branch", BRANCH, *args])
    return result.exit_code, result.output, rapport.read_text(encoding="utf-8")


def documents_of(root: Path, commit: str) -> dict[str, dict[str, object]]:
    """The documents a commit added: path → front matter."""
    added = git(root, "diff-tree", "--no-commit-id", "-r", "--name-status", "--diff-filter=A", commit).splitlines()
    paths = [line.split("\t")[1] for line in added if line.split("\t")[1].startswith("content/documenten/")]
    return {path: yaml.safe_load(git(root, "show", f"{commit}:{path}").split("---\n")[1]) for path in paths}


def test_the_inbox_commits_the_documents_and_reports_each_open_field(archief: Path) -> None:
    before = git(archief, "rev-parse", "HEAD").strip()
    code, output, rapport = inbox(archief, "--commit")
    assert code == 0, output
    head = git(archief, "rev-parse", "HEAD").strip()
    assert head != before and git(archief, "rev-parse", "HEAD~1").strip() == before  # exactly one commit
    assert git(archief, "status", "--porcelain") == ""  # everything it changed is in it
    changes = sorted(git(archief, "diff-tree", "--no-commit-id", "-r", "--name-status", head).splitlines())
    removed = [line.split("\t")[1] for line in changes if line.startswith("D")]
    assert removed == ["nieuw/advies ontmoeting.pdf", "nieuw/advies-vervoer.docx"]
    assert sorted(path.name for path in (archief / "nieuw").iterdir()) == [PLACEHOLDER]
    documents = documents_of(archief, head)
    by_gemeente = {str(data["gemeente"]): (path, data) for path, data in documents.items()}
    assert sorted(by_gemeente) == ["almelo", "almere"]
    almere_path, almere = by_gemeente["almere"]
    assert almere["soort"] == "advies" and almere["datum"] == "2026-09-14" and almere["titel"] == "Advies over ontmoetingsplekken in de wijk"
    assert almere_path == f"content/documenten/almere/2026/{almere['id']}.md"
    assert by_gemeente["almelo"][1]["datum"] == "2026-10-05" and by_gemeente["almelo"][1]["soort"] == "advies"
    originals = [line.split("\t")[1] for line in changes if line.startswith("A") and line.split("\t")[1].startswith("content/bronnen/")]
    assert len(originals) == 2  # both are clean: their originals are published
    assert run_cli(["check", "--root", archief]).exit_code == 0
    message = git(archief, "log", "-1", "--format=%B")
    assert message.startswith("Inbox: 2 brieven uit nieuw/ in het archief gezet") and "advies-vervoer.docx →" in message

    assert rapport.startswith("<!-- adviesregister-inbox -->") and "2 brieven in het archief gezet" in rapport
    assert f"commit {head[:7]}" in rapport
    for path in documents:
        assert f"({REPO}/edit/brief/zorg-in-de-wijk/{path})" in rapport  # an edit link per document
    assert "komt in `content/` en wordt gepubliceerd" in rapport
    # every open field: a link to its line on the branch, and that line of the committed file holds the field
    open_rows = [row for section in re.findall(r"\*\*Nog invullen of nakijken\*\*(.*?)\*\*Gelezen", rapport, re.S) for row in section.split("\n")[4:] if row]
    rows = [re.fullmatch(r"\| `([a-z_.]+)` \| .+ \| \[(regel \d+|ontbreekt: voeg toe boven regel \d+)\]\(([^)]+)\) \|", row) for row in open_rows]
    assert all(rows), open_rows  # every field to fill has its link
    assert [match.group(1) for match in rows if match].count("themas") == 2  # the import never chooses the themes
    for veld, label, link in (match.groups() for match in rows if match):
        prefix = f"{REPO}/blob/brief/zorg-in-de-wijk/"
        assert link.startswith(prefix)
        path, line = unquote(link[len(prefix) :]).split("#L")
        lines = git(archief, "show", f"{head}:{path}").split("\n")
        number = int(line)
        assert label.endswith(f"regel {number}")
        if label.startswith("ontbreekt"):  # not in the file: the link shows the end of the front matter, where it goes
            assert lines[number - 1] == "---" and number > 1
            assert not any(row.startswith(f"{veld}:") for row in lines[: number - 1])
        else:
            assert lines[number - 1].lstrip().startswith(veld.split(".")[-1] + ":")

    code, output, again = inbox(archief, "--commit")  # run again on the result: nothing changes
    assert code == 0, output
    assert git(archief, "rev-parse", "HEAD").strip() == head
    assert git(archief, "status", "--porcelain") == ""
    assert "Er stond niets nieuws in `nieuw/`" in again


def test_an_original_with_personal_data_is_imported_without_it(archief: Path) -> None:
    for letter in (archief / "nieuw").iterdir():
        letter.unlink()
    to_pdf(ADVIES_MET_BSN, archief / "nieuw" / "wachtlijst.pdf")
    code, output, rapport = inbox(archief, "--commit")
    assert code == 0, output
    head = git(archief, "rev-parse", "HEAD").strip()
    added = git(archief, "diff-tree", "--no-commit-id", "-r", "--name-only", "--diff-filter=A", head).split()
    assert not [path for path in added if path.startswith("content/bronnen/")]  # the original is not in the archive
    (path, data), *others = documents_of(archief, head).items()
    assert not others
    assert data["bron"]["reden"] == "persoonsgegevens" and "bestand" not in data["bron"]  # type: ignore[index,operator]
    assert BSN not in git(archief, "show", f"{head}:{path}") and BSN not in rapport
    assert "in het originele bestand van brief 1 staan gegevens van personen" in rapport.split("###")[0]  # said first
    assert "wordt niet gepubliceerd: een burgerservicenummer" in rapport and "blijft in de geschiedenis van deze branch" in rapport
    assert not (archief / "nieuw" / "wachtlijst.pdf").exists()


def test_a_letter_that_fails_stays_in_the_inbox(archief: Path) -> None:
    (archief / "nieuw" / "notulen.odt").write_bytes(b"PK\x03\x04 geen brief")
    code, output, rapport = inbox(archief, "--commit")
    assert code == 1
    assert (archief / "nieuw" / "notulen.odt").is_file()
    assert "notulen.odt" in output and "OpenDocument" in output
    assert "1 brief niet: die staat nog in `nieuw/`" in rapport and "OpenDocument" in rapport
    assert git(archief, "status", "--porcelain") == "?? nieuw/notulen.odt\n"  # the others were committed; it was never added
    assert "2 brieven uit nieuw/" in git(archief, "log", "-1", "--format=%s")


@pytest.mark.parametrize("folder", ["../buiten", "/tmp", ".", "content/documenten", ".git", "site", "koppeling"])
def test_the_inbox_reads_only_its_own_folder_inside_the_archive(archief: Path, folder: str) -> None:
    """It removes what it imports: a folder outside the archive, the archive's own documents or a link are refused."""
    outside = archief.parent / "buiten"
    outside.mkdir()
    to_pdf(ADVIES_PDF, outside / "advies.pdf")
    (archief / "koppeling").symlink_to(outside)
    before = sorted(str(path.relative_to(archief.parent)) for path in archief.parent.rglob("*") if ".git" not in path.parts)
    result = run_cli(["inbox", "--root", archief, "--map", folder, "--commit"])
    assert result.exit_code == 1, result.output
    assert f"--map {folder}" in result.output and "Er is niets veranderd." in result.output and "Traceback" not in result.output
    assert sorted(str(path.relative_to(archief.parent)) for path in archief.parent.rglob("*") if ".git" not in path.parts) == before
    assert git(archief, "log", "-1", "--format=%s").strip() == "Add files via upload"


def test_without_a_host_the_links_are_paths_and_without_commit_nothing_is_committed(archief: Path) -> None:
    before = git(archief, "rev-parse", "HEAD").strip()
    rapport = archief.parent / "rapport.md"
    result = run_cli(["inbox", "--root", archief, "--rapport", rapport])
    assert result.exit_code == 0, result.output
    assert git(archief, "rev-parse", "HEAD").strip() == before
    text = rapport.read_text(encoding="utf-8")
    assert "gemaakt zonder commit" in text and "](" not in text  # no link to a file that is not on the branch
    assert "| `themas` |" in text


def test_the_workflows_only_call_the_command_and_keep_write_access_to_the_inbox() -> None:
    from helpers import ROOT

    workflows = ROOT / ".github" / "workflows"
    jobs = yaml.safe_load((workflows / "pull-request.yml").read_text(encoding="utf-8"))["jobs"]
    inbox_steps = "\n".join(str(step.get("run", "")) for step in jobs["inbox"]["steps"])
    assert "adviesregister inbox --commit" in inbox_steps and "git push" in inbox_steps
    assert jobs["inbox"]["permissions"]["contents"] == "write" and "head.repo.full_name == github.repository" in jobs["inbox"]["if"]
    assert "tesseract-ocr-nld" in inbox_steps
    for name in ("inbox", "controle", "inbox-fork"):  # no token in .git/config while a pull request's files are read or built
        assert jobs[name]["steps"][0]["with"]["persist-credentials"] is False
    push = next(step for step in jobs["inbox"]["steps"] if "git push" in str(step.get("run")))
    assert push["env"]["TOKEN"] == "${{ github.token }}"  # the push step alone gets it
    for name in ("controle", "inbox-fork"):
        assert "permissions" not in jobs[name]  # the workflow's contents: read
    assert "--commit" not in "\n".join(str(step.get("run", "")) for step in jobs["inbox-fork"]["steps"])
    assert jobs["status"]["permissions"] == {"statuses": "write"} and not any(
        "uses" in step for step in jobs["status"]["steps"]
    )  # no checkout: no code of the branch
    rapport = yaml.safe_load((workflows / "inbox-rapport.yml").read_text(encoding="utf-8"))
    assert rapport[True]["workflow_run"]["workflows"] == [yaml.safe_load((workflows / "pull-request.yml").read_text(encoding="utf-8"))["name"]]
    assert "actions/checkout" not in (workflows / "inbox-rapport.yml").read_text(encoding="utf-8")  # never the fork's code


def test_a_letter_cannot_put_markup_or_a_mention_into_the_comment(archief: Path) -> None:
    import markdown
    from lxml import html

    for letter in (archief / "nieuw").iterdir():
        letter.unlink()
    titel = "Advies over <img src=x onerror=alert(1)> en @iedereen [klik hier](https://kwaad.example/) **nu**"
    (archief / "nieuw" / "advies.txt").write_text(ADVIES_PDF.replace("Advies over ontmoetingsplekken in de wijk", titel), encoding="utf-8")
    code, output, rapport = inbox(archief)
    assert code == 0, output
    page = html.fromstring(markdown.markdown(rapport, extensions=["tables"]))
    assert not page.xpath("//img | //strong[.='nu'] | //a[contains(@href, 'kwaad')]")
    text = page.text_content()
    assert "<img src=x onerror=alert(1)>" in text and "[klik hier](https://kwaad.example/)" in text  # shown as it stands, never read
    assert "@iedereen" not in text and "@\u200biedereen" in text  # no mention of anybody


def test_a_new_archive_gets_the_inbox_folder_and_the_same_inbox_jobs() -> None:
    from adviesregister.inbox import PLACEHOLDER_TEXT
    from adviesregister.new_archive import Council, archive_files, find_gemeente

    from helpers import ROOT

    files = archive_files(Council("Adviesraad Sociaal Domein Oss", (find_gemeente("Oss"),), "secretariaat@asd-oss.nl", "https://archief.asd-oss.nl/"))
    assert files[f"nieuw/{PLACEHOLDER}"] == PLACEHOLDER_TEXT
    ours = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load(files[".github/workflows/pull-request.yml"])
    for job in ("inbox", "inbox-fork", "status"):  # one inbox, in the generator's repository and in every council's
        assert theirs["jobs"][job] == ours["jobs"][job]
    assert theirs["env"]["STATUS_CONTEXT"] == theirs["jobs"]["controle"]["name"] and ours["env"]["STATUS_CONTEXT"] == ours["jobs"]["controle"]["name"]
    assert files[".github/workflows/inbox-rapport.yml"] == (ROOT / ".github" / "workflows" / "inbox-rapport.yml").read_text(encoding="utf-8")


def test_a_field_line_is_the_line_of_the_field_or_the_end_of_the_front_matter() -> None:
    from adviesregister.inbox_rapport import Place, field_line

    text = "---\nid: a\nbesluit: overgenomen\nkenmerken:\n  ons_kenmerk: '12'\n  uw_kenmerk: '34'\nthemas:\n- zorg\n---\n\nDe tekst.\n"
    assert field_line(text, "besluit") == Place(3, True)
    assert field_line(text, "kenmerken.uw_kenmerk") == Place(6, True)
    assert field_line(text, "themas") == Place(7, True)
    assert field_line(text, "adviestype") == Place(9, False)  # absent: added above the closing '---'
    assert field_line(text, "tekst") == Place(11, True)
    assert field_line(text, "uw_kenmerk") == Place(9, False)  # a sub-key is not a field of its own


COMMENT_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Reactie in de pull request</title><style>
body {{ margin: 0; padding: 16px; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }}
.comment {{ max-width: 880px; border: 1px solid #d1d9e0; border-radius: 6px; }}
.comment > header {{ background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }}
.comment > div {{ padding: 0 16px 8px; }}
table {{ border-collapse: collapse; display: block; overflow: auto; margin-bottom: 16px; }}
th, td {{ border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; vertical-align: top; }}
th {{ background: #f6f8fa; }} a {{ color: #0969da; }} code {{ background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }}
</style></head><body><article class="comment"><header><strong>github-actions</strong> (bot) reageerde</header><div>{body}</div></article></body></html>"""
"""The report in a frame like a pull request's comment, for the guide's picture: GitHub shows Markdown with tables."""


def test_the_report_renders_as_a_comment_with_tables_and_a_link_for_every_field(archief: Path, page: Page) -> None:
    """The report rendered from its Markdown in Chromium, as the secretary reads it in the pull request: its tables are
    tables (no pipes or asterisks left), every field to fill is a link to its line, and the picture is the guide's
    (tools/guide_images.py copies it)."""
    import markdown

    code, output, rapport = inbox(archief, "--commit")
    assert code == 0, output
    page.set_viewport_size({"width": 912, "height": 700})
    page.set_content(COMMENT_PAGE.format(body=markdown.markdown(rapport, extensions=["tables"])))
    text = page.locator(".comment").inner_text()
    assert "Nog invullen of nakijken" in text and not re.search(r"\*\*|\]\(|^\|", text, re.MULTILINE), text
    rows = page.locator("td a", has_text=re.compile(r"regel \d+"))
    assert rows.count() >= 2, "the themes of both letters at least (the import never chooses them)"
    for link in rows.all():
        assert re.search(r"/blob/brief/zorg-in-de-wijk/content/documenten/.+\.md#L\d+$", link.get_attribute("href") or "")
    assert page.evaluate("document.documentElement.scrollWidth") <= 912, "the comment fits its column"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".comment").screenshot(path=str(SCREENSHOTS / "inbox-rapport.png"))
