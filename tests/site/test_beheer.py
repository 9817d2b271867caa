"""The content editor at /beheer/ (site/beheer.py): its configuration generated from the schema, the page's guards, and
a secretary's work through the form in Chromium against decap-server on 127.0.0.1 in git mode (each save a branch that
waits for review, as a pull request does; publishing merges it), checked and built afterwards."""

from __future__ import annotations

import copy
import gzip
import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from adviesregister.content.load import load_archive
from adviesregister.content.project import Project
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.content.settings import Beheer, SettingsError, settings_from
from adviesregister.pipeline import build_site
from adviesregister.site.beheer import BODY_FIELD, FORM_HINTS, editor_config

from helpers import ROOT, SCREENSHOTS, copy_project, fixed_date, run_axe, run_cli, serve

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
REACTIE = "almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport"
REACTIE_PAD = f"content/documenten/almelo/2023/{REACTIE}.md"
ADVIES_VAN_REACTIE = "almelo-2022-12-22-ongevraagd-advies-nsob-rapport"
NIEUW = "almere-2026-11-02-advies-over-schulden-van-jongeren"
LEFT_OPEN = ("soort", "reactie_op", "besluit", "besluit_citaat")
"""What the import left open in the response the test completes (the schema wants soort, reactie_op with it, and
besluit and besluit_citaat only together)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def turn_on(project: Project, port: int | None = None) -> None:
    """The editor switched on in the project's mkdocs.yml, with node_modules/ (the pinned Decap CMS) beside it."""
    lines = ["    beheer:", "      repository: adviesraad/archief", "      branch: main"]
    if port is not None:
        lines.append(f"      lokaal: {port}")
    with project.mkdocs_config.open("a", encoding="utf-8") as config:
        config.write("\n".join(lines) + "\n")
    (project.root / "node_modules").symlink_to(ROOT / "node_modules")


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fixture archive built with the editor on: its site/."""
    with fixed_date():
        project = copy_project(tmp_path_factory.mktemp("beheer"))
        turn_on(project)
        assert build_site(project).problems == []
        yield project.root / "site"


# (a) the configuration covers every field of the schema


def schema_fields(spec: dict[str, Any], schema: dict[str, Any], prefix: str = "") -> set[str]:
    """Every property of the schema, nested ones as 'bron.ingelezen.titel' and list items' as 'besluiten.aanbeveling'."""
    if "$ref" in spec:
        target: Any = schema
        for part in spec["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        spec = target
    found = set()
    for name, sub in spec.get("properties", {}).items():
        found.add(prefix + name)
        found |= schema_fields(sub, schema, f"{prefix}{name}.")
    if isinstance(spec.get("items"), dict):
        found |= schema_fields(spec["items"], schema, prefix)
    return found


def config_fields(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    """Every field of a Decap configuration, named as schema_fields names them."""
    found = set()
    for field in fields:
        found.add(prefix + field["name"])
        found |= config_fields(field.get("fields", []), f"{prefix}{field['name']}.")
    return found


def missing_fields(schema: dict[str, Any], config: dict[str, Any]) -> set[str]:
    return schema_fields(schema, schema) - config_fields(config["collections"][0]["fields"])


def test_the_configuration_holds_every_field_of_the_schema_with_its_dutch_label_and_hint() -> None:
    schema = load_schema(DOCUMENT_SCHEMA)
    config = editor_config(Beheer("adviesraad/archief"), load_archive(copy_project_view())[0].gemeenten)
    assert len(schema_fields(schema, schema)) > len(schema["properties"]), "nested fields are walked too"
    assert missing_fields(schema, config) == set()
    fields = {field["name"]: field for field in config["collections"][0]["fields"]}
    assert set(fields) == {*schema["properties"], BODY_FIELD}, "nothing that is not in the schema, besides the letter's text"
    for name, spec in schema["properties"].items():
        assert fields[name]["label"] == spec["title"] and fields[name]["hint"] == FORM_HINTS.get(name, spec["description"]), name
        assert fields[name]["required"] == (name in schema["required"]), name


def all_hints(fields: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    for entry in fields:
        yield entry["name"], entry.get("hint", "")
        yield from all_hints(entry.get("fields", []))


def test_the_secretary_reads_no_code_in_the_hints() -> None:
    """The schema's descriptions are written for whoever runs the archive; the form says it in plain words."""
    config = editor_config(Beheer("adviesraad/archief"), load_archive(copy_project_view())[0].gemeenten)
    code = re.compile(r"\bfalse\b|\btrue\b|--[a-z]|sha256|content/|\.\.|\bimport\b")
    assert [(name, text) for name, text in all_hints(config["collections"][0]["fields"]) if code.search(text)] == []


def copy_project_view() -> Project:
    """The frozen fixture archive, read in place (nothing writes to it)."""
    from helpers import ARCHIEF

    return Project(ARCHIEF.parent)


def test_a_field_missing_from_the_configuration_fails_and_a_new_schema_field_reaches_the_form() -> None:
    schema = copy.deepcopy(load_schema(DOCUMENT_SCHEMA))
    gemeenten = load_archive(copy_project_view())[0].gemeenten
    config = editor_config(Beheer("adviesraad/archief"), gemeenten, schema)
    kenmerken = next(field for field in config["collections"][0]["fields"] if field["name"] == "kenmerken")
    kenmerken["fields"] = [field for field in kenmerken["fields"] if field["name"] != "zaaknummer"]
    assert missing_fields(schema, config) == {"kenmerken.zaaknummer"}, "the comparison sees a nested field gone"
    schema["properties"]["kenmerken"]["properties"]["dossier"] = {"title": "Dossier", "description": "Het dossiernummer.", "type": "string"}
    assert missing_fields(schema, editor_config(Beheer("adviesraad/archief"), gemeenten, schema)) == set(), "generated, not kept by hand"
    del schema["properties"]["titel"]["title"]
    with pytest.raises(ValueError, match="titel"):
        editor_config(Beheer("adviesraad/archief"), gemeenten, schema)


def test_the_widgets_follow_the_schema() -> None:
    gemeenten = load_archive(copy_project_view())[0].gemeenten
    config = editor_config(Beheer("adviesraad/archief", lokaal=8081), gemeenten)
    collection = config["collections"][0]
    fields = {field["name"]: field for field in collection["fields"]}
    assert fields["soort"]["widget"] == "select" and fields["soort"]["options"] == ["advies", "reactie", "stuk"]
    assert fields["gemeente"]["options"] == [{"label": gemeente.naam, "value": slug} for slug, gemeente in sorted(gemeenten.items())]
    assert fields["reactie_op"]["widget"] == "relation" and fields["reactie_op"]["value_field"] == "id" and fields["reactie_op"]["multiple"]
    assert fields["themas"]["widget"] == "select" and fields["themas"]["multiple"]
    datum = re.compile(fields["datum"]["pattern"][0])
    assert all(datum.fullmatch(value) for value in ("2024", "2024-05", "2024-05-01")) and not datum.fullmatch("1 mei 2024")
    besluiten = fields["besluiten"]
    assert besluiten["widget"] == "list" and [sub["name"] for sub in besluiten["fields"]] == ["aanbeveling", "besluit", "citaat"]
    assert all(sub["required"] for sub in besluiten["fields"]), "a point added to the list needs all three"
    assert besluiten["label_singular"] == "besluit" and fields["bijlagen"]["label_singular"] == "bijlage", "Decap's button: 'Voeg besluit toe'"
    assert fields["bron"]["widget"] == "object" and not any(sub["required"] for sub in fields["bron"]["fields"]), "an empty bron is allowed"
    assert collection["folder"] == "content/documenten" and collection["slug"] == "{{id}}" and collection["identifier_field"] == "id"
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "nl"
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    assert "local_backend" not in editor_config(Beheer("adviesraad/archief"), gemeenten), "only when the archive asks for it"


# (b) the page's guards, and off by default


def test_the_editor_is_off_by_default(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert not (built_site / "beheer").exists()
    assert settings_from({}).beheer is None


def test_a_wrong_editor_setting_is_named(tmp_path: Path) -> None:
    for group, word in (({"repository": "geen repository"}, "repository"), ({"repository": "a/b", "lokaal": 80}, "lokaal")):
        with pytest.raises(SettingsError, match=word):
            settings_from({"extra": {"adviesregister": {"beheer": group}}})


def test_the_editor_page_is_noindex_dutch_and_loads_only_its_own_files(editor_site: Path) -> None:
    page = html.parse(str(editor_site / "beheer" / "index.html")).getroot()
    assert page.get("lang") == "nl"
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    assert not page.xpath("//*[@data-pagefind-body]")
    policy = dict(part.strip().split(" ", 1) for part in page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"].split()[0] == "'self'"
    assert policy["connect-src"] == "'self' https://api.github.com"
    assert [src for src in page.xpath("//script/@src | //link/@href")] == ["config.yml", "beheer.css", "decap-cms.js", "beheer.js"]
    assert (editor_site / "beheer" / "decap-cms.js").is_file()
    assert not list((editor_site / "beheer").glob("*.map")), "no source maps"
    config = yaml.safe_load((editor_site / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "github", "repo": "adviesraad/archief", "branch": "main"}
    ours = (editor_site / "beheer" / "index.html").read_text(encoding="utf-8") + (editor_site / "beheer" / "config.yml").read_text(encoding="utf-8")
    hosts = set(re.findall(r"https?://([^/\s'\";]+)", ours))
    assert hosts == {"api.github.com", "avatars.githubusercontent.com"}, "our files name no other host"


def test_the_editor_is_not_in_the_sitemap_nor_in_search(editor_site: Path) -> None:
    sitemap = (editor_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "documenten/" in sitemap and "beheer" not in sitemap
    urls = []
    for fragment in (editor_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        urls += re.findall(r'"url":"([^"]*)"', gzip.decompress(fragment.read_bytes()).decode("utf-8", "replace"))
    assert any(url.startswith("/documenten/") for url in urls), "the search index holds the documents"
    assert not [url for url in urls if "beheer" in url]


def test_an_archive_with_the_editor_on_but_no_npm_gets_a_dutch_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    turn_on(project)
    (project.root / "node_modules").unlink()
    result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 1
    assert "npm ci" in result.output and "beheer" in result.output


# (c) a secretary's work through the form, (d) axe


GIT_ENV = {"PATH": os.environ["PATH"], "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
"""git as the test and decap-server run it: only the test repository's own configuration (name, e-mail), no global one."""


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=GIT_ENV).stdout


def make_repository(root: Path) -> None:
    """The copy made a git repository with one commit on main, as the archive is on GitHub."""
    (root / ".gitignore").write_text("build/\nsite/\nnode_modules\n__pycache__/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Secretaris")
    git(root, "config", "user.email", "secretaris@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Het archief")


@pytest.fixture
def decap(tmp_path: Path) -> Iterator[tuple[Project, str]]:
    """A built copy of the fixture archive with the editor on and one response the import left incomplete, committed
    in a git repository (branch main), the site served on 127.0.0.1 and decap-server (Decap's local backend) beside it.

    decap-server runs in git mode (MODE=git), not in fs mode: fs mode writes every save straight into the folder and
    Decap then leaves out the editorial workflow that the real configuration asks for. Git mode is the mode that
    exercises that workflow, the closest local stand-in for GitHub's pull requests: a save becomes a commit on a branch
    cms/<collection>/<slug>, the entry's status the branch's description, and publishing merges the branch into main."""
    port = free_port()
    project = copy_project(tmp_path / "archief")
    turn_on(project, port)
    assert build_site(project).problems == []
    reactie = project.root / REACTIE_PAD
    text = reactie.read_text(encoding="utf-8")
    for field in LEFT_OPEN:
        text = re.sub(rf"^{field}:.*\n(?:  - .*\n)*", "", text, flags=re.MULTILINE)
    reactie.write_text(text, encoding="utf-8")
    make_repository(project.root)
    env = GIT_ENV | {"PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git", "GIT_REPO_DIRECTORY": str(project.root)}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    site, url = serve(project.root / "site")
    try:
        for _ in range(200):  # decap-server takes a moment to listen; bounded
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None:
                pytest.fail(f"decap-server stopped: {server.stdout.read().decode() if server.stdout else ''}")
            time.sleep(0.05)
        yield project, url + "beheer/"
    finally:
        site.shutdown()
        server.terminate()
        server.wait()


def form_field(page: Page, label: str) -> Locator:
    """A field of the form by its label, which Decap follows with '(optioneel)' when the field may stay empty."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(optioneel\))?$"))


def choose(page: Page, label: str, option: str, typed: str | None = None) -> None:
    """Pick an option of a Decap select or relation field, as a person does: open it (or type), click the option."""
    field = form_field(page, label)
    field.click()
    if typed:
        field.fill(typed)
    page.get_by_role("option", name=option, exact=True).click()


BRANCH_NIEUW = f"cms/documenten/almere/2026/{NIEUW}"
"""decap-server's branch for a new entry: cms/<collection>/<slug>, and Decap's slug of an entry in a collection with
a path is that path (content/documenten/<gemeente>/<jaar>/<id> without the folder), not the id alone."""
BRANCH_REACTIE = f"cms/documenten/{REACTIE_PAD.removeprefix('content/documenten/').removesuffix('.md')}"
NIEUW_PAD = f"content/documenten/almere/2026/{NIEUW}.md"


def save(page: Page) -> None:
    """Decap's save button in the editorial workflow: the change becomes a pull request (here a branch), not yet published."""
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("button", name="Status: Concept")).to_be_visible()  # shown once the server has committed
    expect(page.get_by_role("button", name="Opslaan", exact=True)).to_be_disabled()


def publish(page: Page) -> None:
    """Approve and merge, as a reviewer does: status 'Klaar' (ready), then 'Publiceer nu', confirmed."""
    page.get_by_role("button", name="Status: Concept").click()
    page.get_by_role("menuitem", name="Klaar").click()
    expect(page.get_by_role("button", name="Status: Klaar")).to_be_visible()
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    expect(page.get_by_role("button", name="Gepubliceerd", exact=True)).to_be_visible()  # the published entry, once merged


def cms_branches(root: Path) -> dict[str, str]:
    """The branches Decap made (its pull requests), each with its status (the branch's description in git)."""
    names = git(root, "branch", "--list", "cms/*", "--format=%(refname:short)").split()
    return {name: git(root, "config", f"branch.{name}.description").strip() for name in names}


def changed(root: Path, branch: str) -> list[str]:
    """The files a branch changes against main: what its pull request would show."""
    return git(root, "diff", "--name-only", "main", branch).split()


def on_main(root: Path, path: str) -> str | None:
    """The file as main holds it, or None."""
    found = subprocess.run(["git", "-C", str(root), "show", f"main:{path}"], capture_output=True, text=True, env=GIT_ENV)
    return found.stdout if found.returncode == 0 else None


def wait_for_main(page: Page, root: Path) -> None:
    """decap-server checks a branch out while it reads or commits it and goes back to main after: wait (bounded) until
    the working tree is main again and clean, before check and build read it."""
    for _ in range(300):
        if git(root, "branch", "--show-current").strip() == "main" and git(root, "status", "--porcelain") == "":
            return
        page.wait_for_timeout(50)
    pytest.fail("decap-server bleef op een andere branch dan main")


def test_a_secretary_creates_an_advice_and_completes_a_response_in_the_form(decap: tuple[Project, str], page: Page) -> None:
    """The editorial workflow the real configuration asks for, on decap-server's git mode: each save a branch that
    waits for review (main unchanged), each publication a merge into main."""
    project, url = decap
    root = project.root
    config = yaml.safe_load((root / "site" / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow", "the editor's real configuration, not a variant for the test"
    assert run_cli(["check", "--root", root]).exit_code != 0, "the response the import left incomplete does not pass yet"
    blocked: list[str] = []
    page.on("console", lambda message: blocked.extend([message.text] if "Content Security Policy" in message.text else []))
    asked: list[str] = []

    def confirm(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", confirm)
    page.goto(url)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "beheer-inloggen-desktop.png"))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "beheer-documenten-desktop.png"))

    # a new advice, saved: a branch of its own, main unchanged
    new = page.get_by_role("link", name="Nieuw document maken")  # beheer.js: Decap's full-width plus in words
    expect(new).to_have_text("Nieuw document")  # the visible label is in the accessible name (WCAG 2.5.3)
    new.click()
    form_field(page, "Id (vaste naam)").fill(NIEUW)
    choose(page, "Soort document", "advies")
    choose(page, "Soort advies", "ongevraagd")
    form_field(page, "Titel").fill("Advies over schulden van jongeren")
    form_field(page, "Datum").fill("2026-11-02")
    choose(page, "Gemeente", "Almere")
    page.evaluate("for (const box of [document.scrollingElement, ...document.querySelectorAll('*')]) if (box && box.scrollTop) box.scrollTop = 0")
    page.screenshot(path=str(SCREENSHOTS / "beheer-formulier-desktop.png"))  # the form's top, in the guide (tools/guide_images.py)
    choose(page, "Thema's", "armoede en schulden")
    form_field(page, "Tekst van de brief").fill("Geacht college,\n\nWij adviseren u een vast spreekuur voor geldzaken.\n")
    page.screenshot(path=str(SCREENSHOTS / "beheer-nieuw-advies-desktop.png"))
    save(page)
    nieuw = (
        "---\n"
        f"id: {NIEUW}\n"
        "soort: advies\n"
        "adviestype: ongevraagd\n"
        "titel: Advies over schulden van jongeren\n"
        "datum: 2026-11-02\n"
        "gemeente: almere\n"
        "themas:\n"
        "  - armoede en schulden\n"
        "tekst_beschikbaar: true\n"
        "---\n"
        "Geacht college,\n\nWij adviseren u een vast spreekuur voor geldzaken.\n"
    )
    assert cms_branches(root) == {BRANCH_NIEUW: "decap-cms/draft"}
    assert changed(root, BRANCH_NIEUW) == [NIEUW_PAD], "the branch's commit holds the new document and nothing else"
    assert git(root, "show", f"{BRANCH_NIEUW}:{NIEUW_PAD}") == nieuw
    assert on_main(root, NIEUW_PAD) is None, "main does not have it yet: it waits for review, as a pull request does"

    # the response the import left incomplete, saved: a second branch
    before = git(root, "show", f"main:{REACTIE_PAD}")
    page.goto(url + "#/collections/documenten")
    expect(page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)")).to_be_visible()
    page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)").click()
    choose(page, "Soort document", "reactie")
    choose(page, "Reactie op", "Ongevraagd advies NSOB rapport (2022-12-22)", typed="NSOB")
    choose(page, "Besluit van het college", "niet overgenomen")
    form_field(page, "Zin met het besluit").fill("Als college nemen we dit advies niet over.")
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(SCREENSHOTS / "beheer-reactie-telefoon.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the form fits a phone (WCAG 1.4.10; beheer.css)"
    page.set_viewport_size({"width": 1280, "height": 900})
    save(page)
    assert cms_branches(root) == {BRANCH_NIEUW: "decap-cms/draft", BRANCH_REACTIE: "decap-cms/draft"}
    assert changed(root, BRANCH_REACTIE) == [REACTIE_PAD]
    after = git(root, "show", f"{BRANCH_REACTIE}:{REACTIE_PAD}")
    front, body = after.split("\n---\n", 1)
    data = yaml.load(front.removeprefix("---\n"), Loader=yaml.BaseLoader)  # every value as text, as the archive reads dates
    old = yaml.load(before.split("\n---\n", 1)[0].removeprefix("---\n"), Loader=yaml.BaseLoader)
    assert data == {
        **old,
        "soort": "reactie",
        "reactie_op": [ADVIES_VAN_REACTIE],
        "besluit": "niet overgenomen",
        "besluit_citaat": "Als college nemen we dit advies niet over.",
    }
    assert body.strip() == before.split("\n---\n", 1)[1].strip(), "the letter's text stays as it was"
    assert on_main(root, REACTIE_PAD) == before, "main keeps the incomplete response until the change is published"

    # the workflow board: both changes wait as drafts
    page.goto(url + "#/workflow")
    page.reload()  # a fresh board, without the notifications of the saves over its header
    expect(page.get_by_text("Advies over schulden van jongeren")).to_be_visible()
    expect(page.get_by_text("Reactie ongevraagd advies NSOB rapport")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "beheer-workflow-desktop.png"))

    # published, one after the other: each branch merged into main (its commit kept, as a merged pull request) and gone
    saved = {branch: git(root, "rev-parse", branch).strip() for branch in (BRANCH_NIEUW, BRANCH_REACTIE)}
    page.get_by_text("Advies over schulden van jongeren").click()
    publish(page)
    assert on_main(root, NIEUW_PAD) == nieuw
    assert cms_branches(root) == {BRANCH_REACTIE: "decap-cms/draft"}
    page.goto(url + "#/workflow")  # the editor has no menu; its own way back leads to the list of documents
    page.get_by_text("Reactie ongevraagd advies NSOB rapport").click()
    publish(page)
    assert on_main(root, REACTIE_PAD) == after
    assert cms_branches(root) == {}
    for commit in saved.values():
        assert subprocess.run(["git", "-C", str(root), "merge-base", "--is-ancestor", commit, "main"], env=GIT_ENV).returncode == 0
    assert asked == ["Weet u zeker dat u dit item wil publiceren?"] * 2, "Decap asks before it publishes"
    assert blocked == [], "the editor works under the page's Content-Security-Policy"

    page.goto("about:blank")
    wait_for_main(page, root)
    assert (root / NIEUW_PAD).read_text(encoding="utf-8") == nieuw
    checked = run_cli(["check", "--root", root])
    assert checked.exit_code == 0, checked.output
    built = run_cli(["build", "--root", root])
    assert built.exit_code == 0, built.output
    assert (root / "site" / "documenten" / NIEUW / "index.html").is_file()
    reactie_page = html.parse(str(root / "site" / "documenten" / REACTIE / "index.html")).getroot()
    assert "Niet overgenomen" in reactie_page.text_content()


def save_as_decap_does(root: Path, path: str, text: str) -> None:
    """A change saved in the editor, made as decap-server's git mode makes it (the browser test above shows that it
    does): a commit on the branch cms/documenten/<path in the folder> with the status draft in its description."""
    slug = path.removeprefix("content/documenten/").removesuffix(".md")
    branch = f"cms/documenten/{slug}"
    git(root, "switch", "-q", "-c", branch)
    (root / path).write_text(text, encoding="utf-8")
    git(root, "add", path)
    git(root, "commit", "-q", "-m", f"Update document “{slug}”")
    git(root, "config", f"branch.{branch}.description", "decap-cms/draft")
    git(root, "switch", "-q", "main")


def test_axe_finds_nothing_on_the_editor_pages(decap: tuple[Project, str], browser: Browser) -> None:
    """axe on the sign-in page, the list, the workflow board with a change waiting for review, that change in the
    editor, and the form, at 1280 and 375 px (the policy bypassed only so that axe's own script can run)."""
    project, url = decap
    reactie = (project.root / REACTIE_PAD).read_text(encoding="utf-8")
    save_as_decap_does(project.root, REACTIE_PAD, reactie.replace("\n---\n", "\nsoort: reactie\n---\n", 1))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    found = {"inloggen": run_axe(page)}
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)")).to_be_visible()
    found["documenten"] = run_axe(page)
    page.get_by_role("link", name="Workflow").click()
    expect(page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)")).to_be_visible()
    found["workflow"] = run_axe(page)
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(SCREENSHOTS / "beheer-workflow-telefoon.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the board fits a phone (WCAG 1.4.10)"
    header = page.get_by_role("heading", name="Wordt beoordeeld")
    assert header.evaluate("element => element.scrollWidth <= element.clientWidth"), "a column's name is not cut off (beheer.css)"
    found["workflow-telefoon"] = run_axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_text("Reactie ongevraagd advies NSOB rapport (2023-01-23)").click()
    expect(page.get_by_role("button", name="Status: Concept")).to_be_visible()
    found["wijziging"] = run_axe(page)
    page.screenshot(path=str(SCREENSHOTS / "beheer-wijziging-desktop.png"))
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(SCREENSHOTS / "beheer-wijziging-telefoon.png"))
    found["wijziging-telefoon"] = run_axe(page)
    for name in ("Opslaan", "Status: Concept", "Publiceer", "Verwijder niet-gepubliceerde wijzigingen"):
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, f"'{name}' lies on the phone's screen (beheer.css)"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url + "#/collections/documenten/new")
    expect(form_field(page, "Id (vaste naam)")).to_be_visible()
    found["formulier"] = run_axe(page)
    page.set_viewport_size({"width": 375, "height": 812})
    found["formulier-telefoon"] = run_axe(page)
    context.close()
    pages = ("inloggen", "documenten", "workflow", "workflow-telefoon", "wijziging", "wijziging-telefoon", "formulier", "formulier-telefoon")
    assert found == {name: [] for name in pages}
