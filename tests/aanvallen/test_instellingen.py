"""mkdocs.yml arrives by pull request too: hooks, plugins, Markdown extensions, paths, YAML tags and site texts that
try to run code on the build machine, read its files or put a script on every page. `check` names each one, the
build refuses it before MkDocs loads the file, and nothing of it reaches site/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from adviesregister.content.paths import packaged_theme
from adviesregister.content.project import Project
from adviesregister.content.settings import SettingsError, settings_from
from adviesregister.content.site_config import check_site_config
from adviesregister.pipeline import build_site
from adviesregister.site.engine import UnsafeConfigError, run_mkdocs, site_folder

from helpers import ROOT, copy_project, fixed_date, run_cli

TEXT = (
    "hier staat '{teken}'. Een tekst van de site mag geen <, >, \" of &…; bevatten, en geen onzichtbare tekens: "
    "de site zou ze als opmaak of code lezen. Schrijf gewone tekst; voor aanhalingstekens kan “…”."
)
WEB_ADDRESS = "is geen webadres. Schrijf een volledig adres dat begint met https:// (of http://), zonder spaties, aanhalingstekens of < >."
HOOKS = (
    "hooks: hiermee voert MkDocs bij het bouwen Python-code uit, en die kan met een pull request meekomen. Het archief staat dat niet toe: "
    "haal 'hooks' en de regels eronder weg. Wat het archief nodig heeft, doet de plugin 'adviesregister' al."
)
EXTENSIONS = (
    "abbr, admonition, attr_list, def_list, footnotes, md_in_html, pymdownx.caret, pymdownx.details, pymdownx.mark, pymdownx.tilde, sane_lists, tables, toc"
)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "archief")


def edit_config(project: Project, old: str, new: str) -> int:
    """Replace `old` (which must be there) in mkdocs.yml by `new`; the line where `new` starts."""
    text = project.mkdocs_config.read_text(encoding="utf-8")
    assert old in text, old
    start = text.index(old)
    project.mkdocs_config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, start) + 1


def add_config(project: Project, lines: str) -> int:
    """Append `lines` to mkdocs.yml; the line of the first one."""
    text = project.mkdocs_config.read_text(encoding="utf-8")
    project.mkdocs_config.write_text(text + lines, encoding="utf-8")
    return text.count("\n") + 1


def check(project: Project) -> list[str]:
    result = run_cli(["check", "--root", project.root])
    assert "Traceback" not in result.output
    assert result.exit_code == (1 if "[" in result.output else 0), result.output
    return result.output.splitlines()


def refused_build(project: Project) -> str:
    """Build through the command: refused, and no site/."""
    with fixed_date():
        result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 1, result.output
    assert not (project.root / "site").exists()
    return result.output


def test_the_projects_own_settings_pass(tmp_path: Path) -> None:
    assert check_site_config(copy_project(tmp_path)) == []


def test_a_hook_is_refused_by_check_and_build_and_never_runs(project: Project) -> None:
    marker = project.root.parent / "hook-ran"
    (project.root / "hook.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n", encoding="utf-8")
    line = add_config(project, "hooks:\n  - hook.py\n")
    expected = f"mkdocs.yml:{line}: [instelling-onbekend] {HOOKS}"
    assert check(project) == [expected, "1 probleem in 1 bestand."]
    assert expected in refused_build(project)
    assert run_cli(["offline", "--root", project.root]).exit_code == 1  # reads site_dir: never through MkDocs' loader
    with pytest.raises(UnsafeConfigError):
        run_mkdocs(project.mkdocs_config, project.root / "elders")  # the engine's own guard, for any caller
    with pytest.raises(UnsafeConfigError):
        site_folder(project.mkdocs_config)
    assert not marker.exists()


def test_a_snippet_from_outside_the_project_is_refused_and_never_published(project: Project) -> None:
    line = edit_config(project, "  - attr_list\n", "  - attr_list\n  - pymdownx.snippets:\n      base_path: /\n      check_paths: false\n")
    (project.content_pages / "lek.md").write_text('---\ntitle: Lek\n---\n\n# Lek\n\n--8<-- "/etc/hostname"\n', encoding="utf-8")
    expected = (
        f"mkdocs.yml:{line + 1}: [instelling-onbekend] markdown_extensions.4.pymdownx.snippets: de Markdown-uitbreiding 'pymdownx.snippets' "
        "staat het archief niet toe: zo een kan bij het bouwen bestanden lezen of code draaien. Zij zet elk bestand van de bouwmachine in een pagina. "
        f"Haal haar weg. Toegestaan: {EXTENSIONS}."
    )
    assert check(project) == [expected, "1 probleem in 1 bestand."]
    assert expected in refused_build(project)
    assert not (project.root / "site" / "lek").exists()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "docs_dir: build/pages",
            "docs_dir: /etc",
            "[instelling-pad] docs_dir: '/etc' kan niet: het archief bouwt altijd met de map build/pages/. Zet 'docs_dir: build/pages' terug (zie het voorbeeldarchief).",
        ),
        (
            "  font: false",
            "  custom_dir: ../x\n  font: false",
            "[instelling-pad] theme.custom_dir: '../x' kan niet: het archief bouwt altijd met de map site_overrides/. "
            "Zet 'custom_dir: site_overrides' terug (zie het voorbeeldarchief).",
        ),
        (
            "logo: assets/logo.svg",
            "logo: ../../etc/passwd",
            "[instelling-pad] theme.logo: '../../etc/passwd' wijst buiten het archief: een pad mag niet met '/' beginnen en geen '..' bevatten. "
            "Zet het bestand in site_overrides/ en schrijf het pad vanaf die map, zoals assets/logo.svg.",
        ),
        (
            "  - assets/adviesregister.css",
            "  - /etc/passwd",
            "[instelling-pad] extra_css.0: '/etc/passwd' wijst buiten het archief: een pad mag niet met '/' beginnen en geen '..' bevatten. "
            "Zet het bestand in site_overrides/ en schrijf het pad vanaf die map, zoals assets/logo.svg.",
        ),
        (
            "site_dir: site",
            "site_dir: ../buiten",
            "[instelling-pad] site_dir: '../buiten' kan niet: het archief bouwt altijd met de map site/. Zet 'site_dir: site' terug (zie het voorbeeldarchief).",
        ),
    ],
    ids=["docs_dir", "custom_dir", "logo", "extra_css", "site_dir"],
)
def test_a_path_out_of_the_project_is_refused(project: Project, old: str, new: str, expected: str) -> None:
    line = edit_config(project, old, new)
    assert check(project) == [f"mkdocs.yml:{line}: {expected}", "1 probleem in 1 bestand."]


def test_a_symlinked_logo_is_refused(project: Project) -> None:
    """A logo inside site_overrides/ that is a symlink would publish what it points at."""
    logo = project.root / "site_overrides" / "assets" / "logo.svg"
    logo.parent.mkdir(parents=True)
    logo.symlink_to("/etc/passwd")
    problems = [str(p) for p in check_site_config(project)]
    line = 1 + project.mkdocs_config.read_text(encoding="utf-8").split("  logo:")[0].count("\n")
    assert problems == [
        f"mkdocs.yml:{line}: [instelling-pad] theme.logo: 'assets/logo.svg' is geen gewoon bestand in site_overrides/ "
        "(het ontbreekt, of er is een snelkoppeling). Zet het bestand zelf daar neer."
    ]


def test_env_is_allowed_only_for_the_public_address(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEHEIM", "token-van-de-bouwmachine")
    line = edit_config(project, "site_name: Adviesregister", "site_name: !ENV GEHEIM")
    lines = check(project)
    assert lines == [
        f"mkdocs.yml:{line}: [yaml-tag] site_name: de tag '!ENV' haalt een waarde uit de omgeving van de bouwmachine, waar ook geheimen staan. "
        'Dat mag alleen bij site_url, zo: site_url: !ENV [ADVIESREGISTER_SITE_URL, "https://…/"]. Schrijf hier de waarde zelf.',
        "1 probleem in 1 bestand.",
    ]
    assert "token-van-de-bouwmachine" not in refused_build(project)


def test_site_url_is_resolved_by_mkdocs_own_env_tag_and_never_from_another_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyyaml-env-tag (MkDocs' constructor) resolves site_url's `!ENV`; a second variable in the list is never read."""
    from adviesregister.content.parse import parse_yaml
    from adviesregister.content.site_config import ENV_TAG, resolve_site_url

    def site_url(text: str) -> object:
        return resolve_site_url(parse_yaml(f"site_url: {text}\n", tags=frozenset({ENV_TAG})).data["site_url"])

    monkeypatch.delenv("ADVIESREGISTER_SITE_URL", raising=False)
    assert site_url('!ENV [ADVIESREGISTER_SITE_URL, "https://archief.example.nl/"]') == "https://archief.example.nl/"
    monkeypatch.setenv("ADVIESREGISTER_SITE_URL", "https://asd.example.nl/archief/")
    assert site_url('!ENV [ADVIESREGISTER_SITE_URL, "https://archief.example.nl/"]') == "https://asd.example.nl/archief/"
    monkeypatch.setenv("GEHEIM", "token-van-de-bouwmachine")
    assert site_url('!ENV [GEHEIM, ADVIESREGISTER_SITE_URL, "https://archief.example.nl/"]') is None
    assert site_url("!ENV GEHEIM") is None


@pytest.mark.parametrize("tag", ["!relative", "!!python/object/apply:os.system ['touch gemaakt']"])
def test_other_yaml_tags_are_refused_before_anything_runs(project: Project, tag: str) -> None:
    line = edit_config(project, "site_name: Adviesregister", f"site_name: {tag}")
    naam = tag.split()[0].replace("tag:yaml.org,2002:", "!!")
    expected = (
        f"mkdocs.yml:{line}: [yaml-tag] de tag '{naam}' is niet toegestaan: een waarde is altijd gewone tekst, een getal of een lijst. "
        "Haal het deel dat met ! begint weg."
    )
    assert check(project) == [expected, "1 probleem in 1 bestand."]
    refused_build(project)
    assert not (project.root / "gemaakt").exists() and not Path("gemaakt").exists()


@pytest.mark.parametrize(
    ("old", "new", "veld", "teken"),
    [
        ("site_name: Adviesregister", "site_name: Raad<script>alert(1)</script>", "site_name", "<"),
        ("site_name: Adviesregister", "site_name: 'Raad\" autofocus onfocus=\"alert(1)'", "site_name", '"'),
        ("copyright: Teksten", "copyright: Teksten &lt;img src=x onerror=alert(1)&gt;", "copyright", "&lt;"),
        ("    organisatie: Adviesregister", "    organisatie: Raad <img src=x onerror=alert(1)>", "extra.adviesregister.organisatie", "<"),
    ],
    ids=["site_name-script", "site_name-quote", "copyright-entity", "organisatie-img"],
)
def test_markup_in_a_site_text_is_refused_by_check_and_build(project: Project, old: str, new: str, veld: str, teken: str) -> None:
    line = edit_config(project, old, new)
    expected = f"mkdocs.yml:{line}: [instelling-waarde] {veld}: {TEXT.format(teken=teken)}"
    assert check(project) == [expected, "1 probleem in 1 bestand."]
    assert expected in refused_build(project)


def test_an_invisible_character_in_a_site_text_is_refused(project: Project) -> None:
    line = edit_config(project, "    uitgever: Adviesregister", '    uitgever: "Raad\\u202eredipsnegeb"')
    assert check(project) == [
        f"mkdocs.yml:{line}: [instelling-waarde] extra.adviesregister.uitgever: "
        + TEXT.replace("'{teken}'", "{teken}").format(teken="het onzichtbare teken U+202E"),
        "1 probleem in 1 bestand.",
    ]


@pytest.mark.parametrize(
    "contact",
    ["adviesraad@example.org?bcc=iedereen@example.org", "mailto:adviesraad@example.org", "a@example.org, b@example.org", "adviesraad@example.org?subject=Hoi"],
)
def test_contact_must_be_one_plain_address(project: Project, contact: str) -> None:
    line = edit_config(project, "contact: adviesregister@example.org", f"contact: '{contact}'")
    assert check(project) == [
        f"mkdocs.yml:{line}: [instelling-waarde] extra.adviesregister.contact: '{contact}' is geen gewoon e-mailadres. "
        "Schrijf alleen het adres, zonder 'mailto:', '?', spaties, komma's of een tweede adres, zo: naam@gemeente.nl.",
        "1 probleem in 1 bestand.",
    ]
    with pytest.raises(SettingsError) as raised:  # and a build that reads the settings another way (the preview) says so too
        settings_from({"extra": {"adviesregister": {"contact": contact}}})
    assert str(raised.value) == (
        f"mkdocs.yml, onder extra: adviesregister: contact '{contact}' is geen e-mailadres, of er staat meer dan het adres. "
        "Schrijf alleen het adres, zonder 'mailto:', '?', spaties of komma's, zo: naam@gemeente.nl."
    )


@pytest.mark.parametrize(
    ("veld", "regel"),
    [("repo_url", "repo_url: javascript:alert(1)\n"), ("extra.adviesregister.formulier", None)],
)
def test_web_addresses_are_http_only(project: Project, veld: str, regel: str | None) -> None:
    if regel is None:
        line = edit_config(project, "    uitgever: Adviesregister\n", "    uitgever: Adviesregister\n    formulier: javascript:alert(1)\n") + 1
    else:
        line = add_config(project, regel)
    assert check(project) == [f"mkdocs.yml:{line}: [instelling-waarde] {veld}: 'javascript:alert(1)' {WEB_ADDRESS}", "1 probleem in 1 bestand."]


def test_the_public_address_from_the_environment_is_checked_when_building(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVIESREGISTER_SITE_URL", "javascript:alert(1)//")
    output = refused_build(project)
    assert (
        "Instelling niet goed: mkdocs.yml: site_url (of ADVIESREGISTER_SITE_URL) 'javascript:alert(1)//' is geen webadres. "
        "Schrijf het hele adres, dat begint met https://."
    ) in output


def test_an_unknown_setting_plugin_and_inherit_are_refused(project: Project) -> None:
    plugin = edit_config(project, "  - adviesregister\n", "  - adviesregister\n  - material/info\n") + 1
    line = add_config(project, "INHERIT: ../elders.yml\nuse_directory_urls: false\n")
    lines = check(project)
    assert lines == [
        f"mkdocs.yml:{plugin}: [instelling-onbekend] plugins.1: de plugin 'material/info' staat het archief niet toe: zo een kan bij het bouwen "
        "bestanden lezen of code draaien. Haal haar weg. Toegestaan: adviesregister.",
        f"mkdocs.yml:{line}: [instelling-onbekend] INHERIT: hiermee leest MkDocs nog een instellingenbestand, dat ook buiten het archief kan liggen. "
        "Zet de instellingen zelf in mkdocs.yml en haal 'INHERIT' weg.",
        f"mkdocs.yml:{line + 1}: [instelling-onbekend] use_directory_urls: het archief kent deze instelling niet, of staat haar niet toe "
        "(mkdocs.yml komt ook met een pull request mee). Controleer de spelling, of haal de regel weg. Hier kan: copyright, docs_dir, edit_uri, "
        "extra, extra_css, extra_javascript, markdown_extensions, nav, not_in_nav, plugins, repo_name, repo_url, site_author, site_description, "
        "site_dir, site_name, site_url, strict, theme, validation, watch.",
        "3 problemen in 1 bestand.",
    ]


def test_what_a_council_reasonably_sets_builds(project: Project) -> None:
    """The allow-list is not so tight that a council cannot make the archive its own: all of it builds. A name with '
    and & is shown escaped once on every page, also where Material prints it as it is (the header, aria-label)."""
    edit_config(project, "site_name: Adviesregister", "site_name: Raad 't Gooi & Vecht")
    edit_config(project, "  - attr_list\n", "  - attr_list\n  - footnotes\n  - pymdownx.details\n")
    edit_config(project, "  features:\n", "  favicon: assets/logo.svg\n  palette:\n    scheme: default\n    primary: indigo\n  features:\n")
    add_config(project, "repo_url: https://github.com/gemeente/adviesregister\nrepo_name: gemeente/adviesregister\nedit_uri: edit/main/content/\n")
    edit_config(
        project, "    uitgever: Adviesregister\n", "    uitgever: Adviesregister\n    telefoon: 14 0546\n    formulier: https://www.example.org/vraag\n"
    )
    assert check(project)[-1].startswith("Geen problemen gevonden")
    with fixed_date():
        assert build_site(project).problems == []
    home = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.example.org/vraag"' in home
    assert 'aria-label="Raad &#39;t Gooi &amp; Vecht"' in home
    for page in (project.root / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "'t Gooi & Vecht" not in text and "&amp;amp;" not in text and "&amp;#" not in text, page


@pytest.mark.parametrize("workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")), ids=lambda path: path.name)
def test_every_checkout_leaves_no_token_behind(workflow: Path) -> None:
    """A build runs content from a pull request; a token in .git/config would be one `cat` away."""
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    checkouts = [step for job in jobs.values() for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout")]
    assert checkouts or "actions/checkout" not in workflow.read_text(encoding="utf-8")  # inbox-rapport.yml checks out nothing
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_a_symlinked_mkdocs_yml_is_not_read(project: Project) -> None:
    elders = project.root.parent / "elders.yml"
    project.mkdocs_config.rename(elders)
    project.mkdocs_config.symlink_to(elders)
    assert check(project) == [
        "mkdocs.yml:1: [snelkoppeling] dit is een snelkoppeling (symlink) naar iets anders. Het archief leest alleen echte bestanden, zodat niets van buiten content/ op de site komt. Zet het bestand zelf hier neer.",
        "1 probleem in 1 bestand.",
    ]


ESCAPES = {
    "globals": ("{{{{ lipsum.__globals__.os.popen('touch {marker}').read() }}}}", "access to attribute '__globals__' of 'function' object is unsafe."),
    # MkDocs' objects hand out its own, unsandboxed environment: a template rendered there reaches Python again
    "theme-omgeving": (
        "{{{{ config.theme.get_env().from_string(\"{{{{ lipsum.__globals__.os.popen('touch {marker}').read() }}}}\").render() }}}}",
        "access to attribute 'get_env' of 'Theme' object is unsafe.",
    ),
    "plugin": (
        "{{{{ config.plugins['adviesregister'].on_post_build(config=config) }}}}",
        "access to attribute 'on_post_build' of 'GuardPlugin' object is unsafe.",
    ),
    "omgeving-van-zelf": (
        "{{{{ self._TemplateReference__context.environment }}}}",
        "access to attribute '_TemplateReference__context' of 'TemplateReference' object is unsafe.",
    ),
}


@pytest.mark.parametrize("payload", list(ESCAPES), ids=list(ESCAPES))
def test_a_template_in_site_overrides_never_reaches_python(project: Project, payload: str) -> None:
    """site_overrides/ comes with a pull request too: its templates run in Jinja's sandbox and can only show values."""
    marker = project.root / "GEHACKT"
    main = project.root / "site_overrides" / "main.html"
    main.parent.mkdir()
    template, reason = ESCAPES[payload]
    main.write_text(
        (packaged_theme() / "main.html").read_text(encoding="utf-8") + "{% block announce %}" + template.format(marker=marker) + "{% endblock %}\n",
        encoding="utf-8",
    )
    with fixed_date():
        result = run_cli(["build", "--root", project.root])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Een sjabloon in site_overrides/ probeert iets wat niet mag ({reason}).")
    assert not marker.exists()
    assert not (project.root / "site").exists()
