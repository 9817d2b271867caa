"""Paths that try to leave content/: symlinks, '..' in bron.bestand, special files. Nothing outside content/ is read,
published or even looked at, and the messages say what to do without telling anything about the build machine."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from adviesregister.pipeline import build_site

from helpers import ROOT, copy_project, run_cli

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis"
REACTIE = "content/documenten/almelo/2023/almelo-2023-04-03-reactie-op-advies-over-mantelzorg.md"
SECRET = "GEHEIM-TOKEN-van-de-bouwmachine"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The small valid archive of the bad-input catalogue, and beside it (outside the project) a secret file."""
    shutil.copytree(BASIS, tmp_path / "project")
    (tmp_path / "geheim.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path / "project"


def check(root: Path) -> tuple[int, str]:
    result = run_cli(["check", "--root", root])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def set_bron(root: Path, bestand: str) -> None:
    path = root / REACTIE
    text = path.read_text(encoding="utf-8")
    start = text.index("  bestand: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"  bestand: {bestand}" + text[end:], encoding="utf-8")


def test_a_symlinked_page_is_refused_and_never_read(root: Path) -> None:
    (root / "content" / "paginas").mkdir(exist_ok=True)
    (root / "content" / "paginas" / "omgeving.md").symlink_to("/proc/self/environ")
    (root / "content" / "paginas" / "git.md").symlink_to(root.parent / "geheim.txt")
    code, output = check(root)
    assert code == 1
    assert output.splitlines() == [
        "content/paginas/git.md:1: [snelkoppeling] dit is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, "
        "zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer.",
        "content/paginas/omgeving.md:1: [snelkoppeling] dit is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, "
        "zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer.",
        "2 problemen in 2 bestanden.",
    ]
    assert SECRET not in output


def test_a_symlinked_folder_of_documents_is_refused_and_not_followed(root: Path) -> None:
    outside = root.parent / "buiten"
    (outside / "2023").mkdir(parents=True)
    shutil.copy(root / REACTIE, outside / "2023" / "kopie.md")
    (root / "content" / "documenten" / "extern").symlink_to(outside)
    code, output = check(root)
    assert code == 1
    assert output.splitlines()[0].startswith("content/documenten/extern:1: [snelkoppeling] dit is een snelkoppeling (symlink)")
    assert "kopie" not in output  # the file behind the link was not read: no duplicate id, no wrong file name


def test_a_symlinked_original_is_refused(root: Path) -> None:
    bron = root / "content" / "bronnen" / "almelo" / "basis-reactie.txt"
    bron.unlink()
    bron.symlink_to(root.parent / "geheim.txt")
    code, output = check(root)
    assert code == 1
    assert f"{REACTIE}:12: [bron-pad] bron.bestand: het originele bestand (of een map erboven) is een snelkoppeling (symlink)." in output
    assert hashlib.sha256(SECRET.encode()).hexdigest() not in output


@pytest.mark.parametrize("bestand", ["bronnen/../../geheim.txt", "bronnen/almelo/../../../geheim.txt", "bronnen/./almelo/basis-reactie.txt", "bronnen//x.txt"])
def test_a_source_path_with_dots_is_refused_without_looking(root: Path, bestand: str) -> None:
    set_bron(root, bestand)
    code, output = check(root)
    assert code == 1
    assert output.splitlines() == [
        f"{REACTIE}:12: [ongeldig-formaat] bron.bestand: '{bestand}' heeft niet de goede vorm. Voorbeeld: bronnen/almelo/2023/brief.pdf.",
        "1 probleem in 1 bestand.",
    ]


def test_check_tells_nothing_about_files_outside(root: Path) -> None:
    """The same answer whether the file outside exists or not, and never its checksum."""
    set_bron(root, "bronnen/../../geheim.txt")
    _, exists = check(root)
    set_bron(root, "bronnen/../../bestaat-niet.txt")
    _, missing = check(root)
    assert exists.replace("geheim", "X") == missing.replace("bestaat-niet", "X")
    assert hashlib.sha256(SECRET.encode()).hexdigest() not in exists


@pytest.mark.parametrize(
    ("bestand", "bericht"),
    [
        ("documenten/almelo/2023/almelo-2023-03-01-advies-over-mantelzorg.md", "heeft niet de goede vorm. Voorbeeld: bronnen/almelo/2023/brief.pdf."),
        ("bronnen/almelo/basis-reactie.exe", "het archief kan alleen originelen van deze soorten bewaren: .txt, .md, .pdf, .docx, .html, .htm."),
    ],
)
def test_a_source_outside_bronnen_or_of_another_kind_is_refused(root: Path, bestand: str, bericht: str) -> None:
    set_bron(root, bestand)
    code, output = check(root)
    assert code == 1
    line = output.splitlines()[0]
    assert line.startswith(f"{REACTIE}:12: [") and bericht in line, line


def test_a_special_file_is_refused(root: Path) -> None:
    os.mkfifo(root / "content" / "documenten" / "pijp.md")
    code, output = check(root)
    assert code == 1
    assert (
        output.splitlines()[0]
        == "content/documenten/pijp.md:1: [geen-gewoon-bestand] dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat). Haal het weg."
    )


@pytest.mark.parametrize(
    ("naam", "geldig"), [("index.md", False), ("open-data.md", False), ("documenten.md", False), ("Over Ons.md", False), ("over-de-raad.md", True)]
)
def test_page_names_cannot_take_the_place_of_generated_pages(root: Path, naam: str, geldig: bool) -> None:
    (root / "content" / "paginas").mkdir(exist_ok=True)
    (root / "content" / "paginas" / naam).write_text("---\ntitle: Pagina\n---\n\nTekst.\n", encoding="utf-8")
    code, output = check(root)
    assert code == (0 if geldig else 1), output
    if not geldig:
        assert output.startswith(f"content/paginas/{naam}:1: [pagina-naam] '{naam}' kan geen naam van een pagina zijn")


def test_page_settings_are_limited_to_title_and_hide(root: Path) -> None:
    (root / "content" / "paginas").mkdir(exist_ok=True)
    (root / "content" / "paginas" / "over.md").write_text("---\ntitle: Over\njsonld: '</script><script>x()</script>'\n---\n\nTekst.\n", encoding="utf-8")
    code, output = check(root)
    assert code == 1
    assert output.startswith("content/paginas/over.md:3: [onbekend-veld] jsonld:")


def test_a_build_without_the_sanitising_plugin_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n  - adviesregister\n", "plugins: []\n"), encoding="utf-8")
    result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 1
    assert "mkdocs.yml noemt de plugin 'adviesregister' niet onder 'plugins:'. Zet hem terug; zonder hem bouwen we niet." in result.output


def test_the_writer_never_writes_outside_its_folder(tmp_path: Path) -> None:
    from adviesregister.site.render import _Writer

    writer = _Writer(tmp_path / "pages")
    with pytest.raises(ValueError, match="buiten"):
        writer.file("../ontsnapt.md", "x")
    assert not (tmp_path / "ontsnapt.md").exists()


def test_a_clean_symlink_free_build_still_works(tmp_path: Path) -> None:
    """The guard costs nothing for honest content: the seed archive builds, its originals are copied."""
    project = copy_project(tmp_path)
    assert build_site(project).problems == []
    assert sorted(p.suffix for p in (project.root / "site" / "bronnen").iterdir()) == [".txt", ".txt", ".txt"]


def test_a_required_page_that_is_missing_is_named(root: Path) -> None:
    (root / "content" / "paginas" / "privacy.md").unlink()
    code, output = check(root)
    assert code == 1
    assert output.splitlines()[0] == (
        "content/paginas/privacy.md:1: [pagina-ontbreekt] deze pagina ontbreekt; het menu van de site wijst ernaar. "
        "Zet haar terug (zie de pagina's in het voorbeeldarchief)."
    )


def test_what_check_accepts_in_a_page_the_build_builds(tmp_path: Path) -> None:
    """Broken links, a picture and an absolute link in a hand-written page: accepted, built, and harmless."""
    project = copy_project(tmp_path)
    page = "---\ntitle: Test\n---\n\n# Test\n\n[x](bestaat-niet.md), [y](#geen-anker), ![p](plaatje.png), [z](/absoluut/) en <img src=x>.\n"
    (project.paginas / "test.md").write_text(page, encoding="utf-8")
    assert run_cli(["check", "--root", project.root]).exit_code == 0
    result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 0, result.output
    built = (project.root / "site" / "test" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in built.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]


def test_the_menu_names_only_generated_and_required_pages() -> None:
    """Otherwise an archive that `check` accepts (without some hand-written page) would fail to build."""
    import yaml

    from adviesregister.content.names import REQUIRED_PAGES

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # a SafeLoader that ignores !ENV
    named = {next(iter(entry.values())) for entry in config["nav"]}
    generated = {"index.md", "documenten/index.md", "gemeenten/index.md", "themas/index.md", "cijfers.md", "zoeken.md", "open-data.md", "publiceren.md"}
    assert named <= generated | {f"{naam}.md" for naam in REQUIRED_PAGES}
    assert "over.md" in named  # the others (toegankelijkheid, privacy, publiceren) are in the footer of every page


def test_a_symlinked_gemeenten_file_is_not_read(root: Path) -> None:
    """Found by review: its keys were echoed in the messages, and 'missing' or 'empty' told whether the target existed."""
    (root.parent / "s.yml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    gemeenten = root / "content" / "gemeenten.yml"
    gemeenten.unlink()
    answers = []
    for target in (root.parent / "s.yml", root.parent / "bestaat-niet.yml"):
        if gemeenten.is_symlink():
            gemeenten.unlink()
        gemeenten.symlink_to(target)
        code, output = check(root)
        assert code == 1 and SECRET not in output
        answers.append(output)
    assert answers[0] == answers[1]
    assert answers[0].startswith("content/gemeenten.yml:1: [snelkoppeling]")


def test_a_symlinked_content_folder_is_not_read(tmp_path: Path, root: Path) -> None:
    shutil.move(root / "content", tmp_path / "elders")
    (root / "content").symlink_to(tmp_path / "elders")
    code, output = check(root)
    assert code == 1
    assert output.splitlines() == [
        "content:1: [snelkoppeling] de map content/ is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, "
        "zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer.",
        "1 probleem in 1 bestand.",
    ]


@pytest.mark.parametrize("target", ["/etc/hostname", "/bestaat/niet"])
def test_a_symlinked_required_page_tells_nothing_about_its_target(root: Path, target: str) -> None:
    page = root / "content" / "paginas" / "privacy.md"
    page.unlink()
    page.symlink_to(target)
    code, output = check(root)
    assert code == 1
    assert [line.split(" ")[:2] for line in output.splitlines()[:-1]] == [["content/paginas/privacy.md:1:", "[snelkoppeling]"]]


def test_a_source_name_too_long_for_the_file_system_is_a_problem_not_a_crash(root: Path) -> None:
    set_bron(root, "bronnen/" + "x" * 256 + ".pdf")
    code, output = check(root)
    assert code == 1
    assert output.splitlines()[0] == (
        f"{REACTIE}:12: [bron-pad] bron.bestand: een naam in dit pad is langer dan 200 tekens. Geef het bestand (of de map) een kortere naam."
    )


def test_index_cannot_be_an_id_or_a_gemeente(root: Path) -> None:
    """Its page would silently take the place of the list of all documents (or gemeenten)."""
    advies = root / "content" / "documenten" / "almelo" / "2023" / "almelo-2023-03-01-advies-over-mantelzorg.md"
    advies.write_text(advies.read_text(encoding="utf-8").replace("id: almelo-2023-03-01-advies-over-mantelzorg", "id: index"), encoding="utf-8")
    advies.rename(advies.with_name("index.md"))
    gemeenten = root / "content" / "gemeenten.yml"
    gemeenten.write_text(gemeenten.read_text(encoding="utf-8").replace("almelo:", "index:", 1), encoding="utf-8")
    code, output = check(root)
    assert code == 1
    assert "content/documenten/almelo/2023/index.md:2: [gereserveerde-naam] id: de naam 'index' gebruikt het archief zelf" in output
    assert "content/gemeenten.yml:1: [gereserveerde-naam] index: de naam 'index' gebruikt het archief zelf" in output
