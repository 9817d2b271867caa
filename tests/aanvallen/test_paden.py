"""Paths that try to leave content/: symlinks, '..' in bron.bestand, special files. Nothing outside content/ is read,
published or even looked at, and the messages say what to do without telling anything about the build machine."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from adviesregister.content.check import load_project
from adviesregister.content.project import Project
from adviesregister.pipeline import build_site, prepare

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
        f"{REACTIE}:12: [ongeldig-formaat] bron.bestand: '{bestand}' heeft niet de goede vorm. Voorbeeld: bronnen/oss/2024/brief.pdf.",
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
        ("documenten/almelo/2023/almelo-2023-03-01-advies-over-mantelzorg.md", "heeft niet de goede vorm. Voorbeeld: bronnen/oss/2024/brief.pdf."),
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
    """A picture in a hand-written page: accepted, built, and harmless (taken out). Dead links are refused by check
    (link-werkt-niet, issue 23: the site would show a dead end), each at its line."""
    project = copy_project(tmp_path)
    links = "[x](bestaat-niet.md), [y](#geen-anker), [z](/absoluut/).\n"
    (project.content_pages / "test.md").write_text("---\ntitle: Test\n---\n\n# Test\n\n" + links, encoding="utf-8")
    refused = run_cli(["check", "--root", project.root])
    assert refused.exit_code == 1
    assert [line.split(" ")[:2] for line in refused.output.splitlines()[:-1]] == [["content/paginas/test.md:7:", "[link-werkt-niet]"]] * 3
    page = "---\ntitle: Test\n---\n\n# Test\n\n![p](plaatje.png) en <img src=x>.\n"
    (project.content_pages / "test.md").write_text(page, encoding="utf-8")
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
        f"--root {root}: content/ is daar een snelkoppeling (symlink) naar iets anders. Het archief leest alleen een echte map content/, "
        "zodat niets van buiten het archief op de site komt. Zet de map zelf daar neer."
    ]
    archive, problems = load_project(Project(root))  # the library, called without the command, reads nothing either
    assert archive is None and [(p.path, p.code) for p in problems] == [("content", "snelkoppeling")]
    assert [(p.path, p.code) for p in prepare(Project(root))[1]] == [("content", "snelkoppeling")]


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


# One rule for paths (issue 22): the build and every command read and write only real files and folders of the
# project. Everything below compares what lies outside (or the whole project) file by file, before and after.

LINK_TEXT = (
    "dit is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, "
    "zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer."
)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (never following a link): a file's sha256, a link's target, or 'map'."""
    found = {}
    for parent, folders, names in os.walk(folder, followlinks=False):
        for name in [*folders, *names]:
            path = Path(parent, name)
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                found[relative] = "map"
            else:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leaked(folder: Path) -> list[str]:
    """The files in `folder` that hold the secret of the build machine."""
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


def outside_folder(tmp_path: Path) -> Path:
    """A folder beside the project, as .git or /etc are: a secret file, a file the build must not overwrite."""
    folder = tmp_path / "buiten"
    folder.mkdir()
    (folder / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n", encoding="utf-8")
    (folder / "privacy.json").write_text("niet overschrijven\n", encoding="utf-8")
    return folder


def small_project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project", BASIS / "content")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_a_symlinked_folder_in_build_pages_never_reaches_the_site(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    outside = outside_folder(tmp_path)
    before = snapshot(outside)
    project.pages.mkdir(parents=True)
    (project.pages / "lek").symlink_to(outside)
    (project.pages / "lek.txt").symlink_to(outside / "config")
    (project.pages / "oud.md").write_text("---\nadviesregister: sjabloon\n---\n\n<script>alert(1)</script>\n", encoding="utf-8")
    assert build_site(project).problems == []
    site = project.root / "site"
    assert (site / "index.html").is_file()
    assert leaked(site) == [] and not (site / "lek").exists() and not (site / "oud").exists()
    assert snapshot(outside) == before


def test_check_names_every_symlink_git_tracks(tmp_path: Path) -> None:
    """A pull request commits a link into the ignored build/pages/ with `git add -f`, or anywhere else."""
    project = small_project(tmp_path)
    (project.root / ".gitignore").write_text("/build/\n/site/\n", encoding="utf-8")
    project.pages.mkdir(parents=True)
    (project.pages / "lek").symlink_to("../../.git")
    (project.root / "docs").mkdir()
    (project.root / "docs" / "wachtwoorden.md").symlink_to("/etc/passwd")
    git(project.root, "init", "-q")
    git(project.root, "add", "-A")
    git(project.root, "add", "-f", "build/pages/lek")
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines() == [
        f"build/pages/lek:1: [snelkoppeling] {LINK_TEXT}",
        f"docs/wachtwoorden.md:1: [snelkoppeling] {LINK_TEXT}",
        "2 problemen in 2 bestanden.",
    ]
    assert run_cli(["build", "--root", project.root]).exit_code == 1
    assert not (project.root / "site").exists()


def test_without_git_only_the_paths_the_build_reads_are_looked_at(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    (project.root / "docs").mkdir()
    (project.root / "docs" / "wachtwoorden.md").symlink_to("/etc/passwd")  # the build never reads docs/
    assert check(project.root) == (0, "Geen problemen gevonden in 2 documenten.\n")
    project.mkdocs_config.rename(project.root / "echte-mkdocs.yml")
    project.mkdocs_config.symlink_to("echte-mkdocs.yml")
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines()[0] == f"mkdocs.yml:1: [snelkoppeling] {LINK_TEXT}"


@pytest.mark.parametrize("target", ["geheim", "/proc/self/environ", "/etc/passwd"])
def test_a_symlinked_asset_is_refused_and_never_reaches_the_site(tmp_path: Path, target: str) -> None:
    from adviesregister.site.engine import LinkedFileError, run_mkdocs

    project = small_project(tmp_path)
    outside = outside_folder(tmp_path)
    (project.root / "site_overrides" / "assets").mkdir(parents=True)
    (project.root / "site_overrides" / "assets" / "x.txt").symlink_to(outside / "config" if target == "geheim" else target)
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines() == [f"site_overrides/assets/x.txt:1: [snelkoppeling] {LINK_TEXT}", "1 probleem in 1 bestand."]
    assert run_cli(["build", "--root", project.root]).exit_code == 1
    assert not (project.root / "site").exists()
    # MkDocs never sees the link, even when the engine is called without the check
    project.pages.mkdir(parents=True)
    (project.pages / "index.md").write_text("# Home\n", encoding="utf-8")
    with pytest.raises(LinkedFileError, match=r"^site_overrides/assets/x.txt is een snelkoppeling \(symlink\)"):
        run_mkdocs(project.mkdocs_config, tmp_path / "uit")
    assert not (tmp_path / "uit").exists()


def test_a_special_file_in_site_overrides_is_refused(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    (project.root / "site_overrides" / "assets").mkdir(parents=True)
    os.mkfifo(project.root / "site_overrides" / "assets" / "pijp.css")
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines()[0].startswith("site_overrides/assets/pijp.css:1: [geen-gewoon-bestand]")


@pytest.mark.parametrize(
    "links", [["build"], ["build/cache", "build/pages", "build/.bouwen.lock"], ["build/cache/privacy.json", "build/pages/open-data", "site"]]
)
def test_links_in_build_never_let_a_command_write_outside(tmp_path: Path, links: list[str]) -> None:
    """build/, build/cache/, build/pages/ and the lock as links to folders and files outside: nothing there is written,
    truncated or deleted, by check or by build, and the build still works."""
    project = small_project(tmp_path)
    outside = outside_folder(tmp_path)
    before = snapshot(outside)
    for link in links:
        path = project.root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(outside / ("privacy.json" if "." in path.name else ""))
    assert check(project.root)[0] == 0
    assert snapshot(outside) == before
    assert build_site(project).problems == []
    assert snapshot(outside) == before
    assert (project.root / "site" / "index.html").is_file() and leaked(project.root / "site") == []
    build = project.root / "build"
    assert not build.is_symlink() and [p for p in build.rglob("*") if p.is_symlink()] == []
    assert not (project.root / "site").is_symlink()
    assert sorted(path.name for path in (build / "cache").iterdir()) == ["brieven.json", "originelen.json", "platte-tekst.json", "privacy.json"]


def test_the_cache_keeps_only_regular_files(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    cache_dir = project.root / "build" / "cache"
    (cache_dir / "map").mkdir(parents=True)
    os.mkfifo(cache_dir / "brieven.json")  # reading it would wait forever
    assert check(project.root)[0] == 0
    assert sorted(path.name for path in cache_dir.iterdir()) == ["brieven.json", "originelen.json", "privacy.json"]  # check keeps the letters' HTML too
    assert (cache_dir / "brieven.json").is_file(), "the pipe was removed, a regular file written in its place"


def built_site_stand_in(project: Project) -> Path:
    """What `offline` copies: a site/ with a home page (its own build is tested in tests/site/test_offline.py)."""
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><html lang="nl"><body><a href="documenten/">Alle</a></body></html>\n', encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("command", "out"),
    [
        (c, o)
        for c in ("offline", "export")
        for o in (".", "..", "content", "content/documenten", "site_overrides", ".git", ".git/hooks", "eigen", "mkdocs-link")
    ]
    + [("offline", "site"), ("offline", "site/x")],
)
def test_out_never_replaces_the_archive_or_someone_elses_folder(tmp_path: Path, command: str, out: str) -> None:
    """`offline --out .` deleted the whole project, `--out content` replaced content/. Now: a Dutch refusal, exit 1,
    every file of the project (and beside it) as it was."""
    project = small_project(tmp_path)
    git(project.root, "init", "-q")
    built_site_stand_in(project)
    (project.root / "eigen").mkdir()
    (project.root / "eigen" / "werk.txt").write_text("mijn eigen werk\n", encoding="utf-8")
    (project.root / "mkdocs-link").symlink_to("eigen")
    before = snapshot(tmp_path)
    result = run_cli([command, "--root", project.root, "--out", project.root / out])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"--out {project.root / out}") and result.output.endswith("Er is niets veranderd.\n"), result.output
    assert snapshot(tmp_path) == before


def test_offline_and_export_replace_their_own_folders(tmp_path: Path) -> None:
    """The defaults (voorbeeld/, site/open-data/) and a folder of one's own keep working on every run."""
    project = small_project(tmp_path)
    built_site_stand_in(project)
    for _ in range(2):
        assert run_cli(["offline", "--root", project.root]).exit_code == 0
        assert run_cli(["offline", "--root", project.root, "--out", tmp_path / "kopie"]).exit_code == 0
        assert run_cli(["export", "--root", project.root]).exit_code == 0
        assert run_cli(["export", "--root", project.root, "--out", tmp_path / "data"]).exit_code == 0
    assert (project.root / "voorbeeld" / ".adviesregister-voorbeeld").is_file() and (tmp_path / "kopie" / ".adviesregister-voorbeeld").is_file()
    assert (project.root / "voorbeeld" / "index.html").is_file()
    assert (tmp_path / "data" / ".adviesregister-export").is_file() and (tmp_path / "data" / "SHA256SUMS").is_file()
    assert (project.root / "site" / "open-data" / "SHA256SUMS").is_file()
    assert not (project.root / "site" / "open-data" / ".adviesregister-export").exists()  # site/ is the build's, replaced whole


def test_offline_never_follows_a_link_in_the_site(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    site = built_site_stand_in(project)
    outside = outside_folder(tmp_path)
    (site / "lek").symlink_to(outside)
    (site / "lek.txt").symlink_to(outside / "config")
    assert run_cli(["offline", "--root", project.root]).exit_code == 0
    copy = project.root / "voorbeeld"
    assert (copy / "index.html").is_file() and leaked(copy) == [] and not (copy / "lek").exists() and not (copy / "lek.txt").exists()


LETTER_ARGS = ["new", "advies", "--gemeente", "almelo", "--titel", "Nieuw advies"]


@pytest.mark.parametrize("args", [["check"], ["build"], ["export"], ["offline"], LETTER_ARGS, ["import", "BRIEF"]])
def test_a_root_that_is_no_archive_is_refused(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "geen-archief"
    folder.mkdir()
    (folder / "mijn.txt").write_text("iets van mij\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text(ADVIES_TEXT, encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli([str(tmp_path / "brief.txt") if arg == "BRIEF" else arg for arg in args] + ["--root", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"--root {folder}: daar staat geen map content/, dus het is geen archief. Geef de map van het archief op (met content/ en mkdocs.yml).\n"
    )
    assert snapshot(tmp_path) == before


def test_a_root_without_mkdocs_yml_is_refused_where_it_is_read(tmp_path: Path) -> None:
    """check, new and import read only content/; build, export and offline need mkdocs.yml too."""
    shutil.copytree(BASIS, tmp_path / "archief")
    root = tmp_path / "archief"
    assert check(root)[0] == 0
    before = snapshot(tmp_path)
    for command in ("build", "export", "offline"):
        result = run_cli([command, "--root", root])
        assert result.exit_code == 1
        assert result.output.startswith(f"--root {root}: daar staat geen bestand mkdocs.yml"), result.output
    assert snapshot(tmp_path) == before


ADVIES_TEXT = "Adviesraad Sociaal Domein Almelo\n\nGeacht college,\n\nWij adviseren u iets.\n\nMet vriendelijke groet,\n\nDe adviesraad\n"


@pytest.fixture
def key_in_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Project, bytes]]:
    """XDG_CACHE_HOME inside the checkout, as some CI set-ups have it: the pull request can bring the key with it."""
    from adviesregister.base import cache

    project = small_project(tmp_path)
    key = b"k" * 32
    (project.root / ".cache" / "adviesregister").mkdir(parents=True)
    (project.root / ".cache" / "adviesregister" / "cache-sleutel").write_bytes(key)
    monkeypatch.setenv("XDG_CACHE_HOME", str(project.root / ".cache"))
    cache._signing_key.cache_clear()
    yield project, key
    cache._signing_key.cache_clear()


def forge(project: Project, name: str, results: dict[str, object], key: bytes) -> None:
    """A cache file signed with `key`, exactly as this machine would sign it."""
    import hmac
    import json

    from adviesregister.base.cache import cache_folder, code_version

    body = json.dumps({"versie": code_version(), "resultaten": results}).encode()
    cache_folder(project.root).mkdir(parents=True, exist_ok=True)
    (cache_folder(project.root) / f"{name}.json").write_bytes(hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body)


def test_a_forged_privacy_check_signed_with_a_key_from_the_checkout_is_ignored(key_in_checkout: tuple[Project, bytes]) -> None:
    from adviesregister.base.cache import text_key
    from adviesregister.content.load import load_archive

    project, key = key_in_checkout
    advies = project.documents / "almelo" / "2023" / "almelo-2023-03-01-advies-over-mantelzorg.md"
    advies.write_text(advies.read_text(encoding="utf-8") + "\nHaar BSN is 637337670.\n", encoding="utf-8")
    archive, _ = load_archive(project)
    forge(project, "privacy", {text_key(repr(doc)): [] for doc in archive.documents}, key)  # "no problems"
    code, output = check(project.root)
    assert code == 1
    assert "[persoonsgegevens]" in output and "burgerservicenummer" in output


def test_a_forged_letter_signed_with_a_key_from_the_checkout_is_ignored(key_in_checkout: tuple[Project, bytes]) -> None:
    from adviesregister.base.cache import text_key
    from adviesregister.content.load import load_archive

    project, key = key_in_checkout
    archive, _ = load_archive(project)
    forge(project, "brieven", {text_key(doc.tekst): '<p>Vervalst</p><script>alert("cache")</script>' for doc in archive.documents}, key)
    assert build_site(project).problems == []
    for doc in archive.documents:
        page = (project.root / "site" / "documenten" / doc.id / "index.html").read_text(encoding="utf-8")
        assert "Vervalst" not in page and "alert(" not in page


def test_a_symlink_loop_is_named_not_followed(tmp_path: Path) -> None:
    """A link that points to itself makes every resolve() fail: it is named as it stands, and --out through it refused."""
    project = small_project(tmp_path)
    (project.root / "site_overrides" / "assets").mkdir(parents=True, exist_ok=True)
    (project.root / "site_overrides" / "assets" / "lus").symlink_to("lus")
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines() == [f"site_overrides/assets/lus:1: [snelkoppeling] {LINK_TEXT}", "1 probleem in 1 bestand."]
    (project.root / "site_overrides" / "assets" / "lus").unlink()
    (project.root / "lus").symlink_to("lus")
    result = run_cli(["export", "--root", project.root, "--out", "lus/open-data"])
    assert result.exit_code == 1
    assert result.output == (
        f"--out {project.root / 'lus' / 'open-data'} is niet te vinden: een map op de weg erheen is een snelkoppeling (symlink) "
        "die naar zichzelf wijst. Geef een echte map op. Er is niets veranderd.\n"
    )


def test_a_hard_link_to_a_file_elsewhere_is_refused(tmp_path: Path) -> None:
    """Git cannot carry a hard link, but a copy made on the build machine can hold one: its content lies elsewhere."""
    project = small_project(tmp_path)
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM van de bouwmachine\n", encoding="utf-8")
    (project.content / "bronnen" / "almelo").mkdir(parents=True, exist_ok=True)
    os.link(secret, project.content / "bronnen" / "almelo" / "brief.txt")
    code, output = check(project.root)
    assert code == 1
    assert output.splitlines() == [
        "content/bronnen/almelo/brief.txt:1: [geen-gewoon-bestand] dit bestand is een harde koppeling (hard link): dezelfde inhoud staat "
        "ook ergens anders op deze computer, misschien buiten het archief. Zet een eigen kopie van het bestand hier neer.",
        "1 probleem in 1 bestand.",
    ]
