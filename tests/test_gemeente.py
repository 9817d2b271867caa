"""`adviesregister gemeente toevoegen` and add_gemeente: a gemeente from the CBS list, appended to the hand-written
gemeenten.yml as a quoted block, refused when it is there already, unknown or has a person's address; and every message
about an unknown gemeente names the command that adds it, which then works as shown."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html

from adviesregister.content.gemeenten_schrijven import (
    HEADER,
    GemeenteError,
    add_command,
    add_gemeente,
    gemeente_block,
    gemeente_slug,
    lookup,
    resolve_gemeente,
    suggestions,
)
from adviesregister.content.load import load_archive, load_gemeenten
from adviesregister.content.project import Project
from adviesregister.content.reference import cbs_municipalities
from adviesregister.site.guide import render_guide

from helpers import ROOT, copy_project, run_cli

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis"
"""A small valid archive of one gemeente (Almelo) and two documents."""
COMMENTS = "# Onze gemeenten; met de hand bijgehouden.\n"


def small_archive(tmp_path: Path) -> Project:
    project = Project(tmp_path / "archief")
    shutil.copytree(BASIS, project.root)
    text = project.gemeenten_file.read_text(encoding="utf-8")
    project.gemeenten_file.write_text(COMMENTS + text.rstrip("\n") + "  # de eerste", encoding="utf-8")  # no final line break after a comment
    return project


def toevoegen(project: Project, *args: str) -> tuple[int, str]:
    result = run_cli(["gemeente", "toevoegen", "--root", project.root, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("naam", "slug"),
    [
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("Bergen (NH.)", "bergen-nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten"),
        ("Almelo", "almelo"),
    ],
)
def test_the_short_name_rule(naam: str, slug: str) -> None:
    assert gemeente_slug(naam) == slug


def test_every_cbs_name_gives_its_own_valid_short_name() -> None:
    slugs = [gemeente_slug(naam) for naam in cbs_municipalities().values()]
    assert len(set(slugs)) == len(slugs) == 342
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 50 for slug in slugs)


def test_lookup_ignores_case_accents_and_the_kind_of_apostrophe() -> None:
    assert lookup("SUDWEST-FRYSLAN") == ("GM1900", "Súdwest-Fryslân")
    assert lookup("\u2019s-hertogenbosch") == ("GM0796", "'s-Hertogenbosch")
    assert lookup("s-hertogenbosch") == ("GM0796", "'s-Hertogenbosch")  # the short name, as a document's gemeente: has it
    with pytest.raises(GemeenteError) as refused:
        lookup("Hertogenbos")
    assert 'Bedoelt u "\'s-Hertogenbosch"?' in str(refused.value)
    with pytest.raises(GemeenteError) as refused:
        lookup("Den Haag")
    assert 'Bedoelt u "\'s-Gravenhage"?' in str(refused.value)


def test_toevoegen_appends_a_quoted_block_and_keeps_the_file(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    before = project.gemeenten_file.read_bytes()
    code, output = toevoegen(
        project,
        "'s-Hertogenbosch",
        "--adviesraad",
        "Adviesraad Sociaal Domein 's-Hertogenbosch",
        "--afkorting",
        "ASD",
        "--afkorting",
        "yes",
        "--website",
        "https://www.asd-denbosch.nl/",
        "--contact",
        "secretariaat@asd-denbosch.nl",
        "--reactietermijn",
        "6",
    )
    assert code == 0, output
    assert "Toegevoegd aan content/gemeenten.yml: 's-Hertogenbosch (GM0796) onder de korte naam s-hertogenbosch:" in output
    after = project.gemeenten_file.read_bytes()
    assert after.startswith(before) and after[len(before) : len(before) + 1] == b"\n"  # comments and all kept, a line break added
    data = yaml.safe_load(after)
    assert data["s-hertogenbosch"] == {
        "naam": "'s-Hertogenbosch",
        "cbs_code": "GM0796",
        "reactietermijn_weken": 6,
        "adviesraden": [
            {
                "naam": "Adviesraad Sociaal Domein 's-Hertogenbosch",
                "afkortingen": ["ASD", "yes"],  # 'yes' stays text, not true
                "website": "https://www.asd-denbosch.nl/",
                "contact": "secretariaat@asd-denbosch.nl",
            }
        ],
    }
    assert '  naam: "\'s-Hertogenbosch"\n' in after.decode()
    check = run_cli(["check", "--root", project.root])
    assert check.exit_code == 0, check.output
    gemeenten, problems = load_gemeenten(project)
    assert problems == [] and gemeenten["s-hertogenbosch"].adviesraden[0].afkortingen == ("ASD", "yes")


def test_a_gemeente_with_accents_is_added_checked_and_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief", BASIS / "content")
    code, output = toevoegen(project, "súdwest-fryslân", "--adviesraad", "Wmo-rie Súdwest-Fryslân", "--contact", "https://www.sudwestfryslan.nl/contact")
    assert code == 0, output
    assert "sudwest-fryslan:\n  naam: Súdwest-Fryslân\n  cbs_code: GM1900\n" in project.gemeenten_file.read_text(encoding="utf-8")
    new = run_cli(["new", "advies", "--root", project.root, "--gemeente", "sudwest-fryslan", "--titel", "Advies over de Wmo", "--datum", "2024-05-01"])
    assert new.exit_code == 0, new.output
    written = project.root / new.output.split("Geschreven: ", 1)[1].split("\n", 1)[0]
    text = written.read_text(encoding="utf-8")
    assert "van: Wmo-rie Súdwest-Fryslân\n" in text
    written.write_text(text + "\nGeacht college,\n\nWij adviseren u de Wmo beter uit te leggen.\n", encoding="utf-8")
    build = run_cli(["build", "--root", project.root])
    assert build.exit_code == 0, build.output
    page = html.parse(str(project.root / "site" / "gemeenten" / "sudwest-fryslan" / "index.html")).getroot()
    intro = " ".join(" ".join(page.xpath("//article//p/text()")).split())
    assert "Adviezen van de Wmo-rie Súdwest-Fryslân en reacties van het college van Súdwest-Fryslân." in intro
    assert page.xpath("//ul[@class='ar-adviesraden']//a/@href") == ["https://www.sudwestfryslan.nl/contact"]


def test_a_gemeente_already_there_is_refused_by_its_key(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    before = project.gemeenten_file.read_bytes()
    assert toevoegen(project, "almelo", "--adviesraad", "X") == (
        1,
        "Gemeente niet toegevoegd: de korte naam 'almelo' staat al in gemeenten.yml. Er is niets geschreven; kies een andere met --sleutel.\n",
    )
    code, output = toevoegen(project, "Almelo", "--adviesraad", "X", "--sleutel", "almelo-2")
    assert (code, output) == (1, "Gemeente niet toegevoegd: Almelo (GM0141) staat al in gemeenten.yml, onder 'almelo'. Er is niets geschreven.\n")
    assert project.gemeenten_file.read_bytes() == before


def test_an_unknown_name_gets_the_closest_names(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    before = project.gemeenten_file.read_bytes()
    code, output = toevoegen(project, "Amsterdm", "--adviesraad", "X")
    assert code == 1
    assert output == (
        "Gemeente niet toegevoegd: 'Amsterdm' staat niet in de lijst van gemeenten van het CBS (gemeenten-cbs-2023.csv van Adviesregister). "
        'Bedoelt u "Amsterdam"? Schrijf de naam zoals het CBS hem schrijft.\n'
    )
    assert project.gemeenten_file.read_bytes() == before


@pytest.mark.parametrize("contact", ["j.jansen@asd-oss.nl", "jan.jansen@asd-oss.nl", "J.P.de-Vries@asd-oss.nl", "pietje@asd-oss.nl"])
def test_a_persons_address_is_refused(tmp_path: Path, contact: str) -> None:
    project = small_archive(tmp_path)
    before = project.gemeenten_file.read_bytes()
    code, output = toevoegen(project, "Oss", "--adviesraad", "Adviesraad Oss", "--contact", contact)
    assert code == 1
    assert output.startswith("Gemeente niet toegevoegd: --contact: ") and contact in output
    assert "Gebruik een functionele mailbox van de adviesraad" in output and output.endswith("Er is niets geschreven.\n")
    assert project.gemeenten_file.read_bytes() == before


def test_a_functional_mailbox_is_accepted(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    assert toevoegen(project, "Oss", "--adviesraad", "Adviesraad Oss", "--contact", "secretariaat.adviesraad@oss.nl")[0] == 0
    assert run_cli(["check", "--root", project.root]).exit_code == 0


def test_add_gemeente_creates_the_file_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "content" / "gemeenten.yml"
    added = add_gemeente(path, "Oss", "Adviesraad Sociaal Domein Oss", ("ASD",))
    text = path.read_text(encoding="utf-8")
    assert text == HEADER + added.blok
    assert yaml.safe_load(text) == {
        "oss": {
            "naam": "Oss",
            "cbs_code": "GM0828",
            "reactietermijn_weken": 8,
            "adviesraden": [{"naam": "Adviesraad Sociaal Domein Oss", "afkortingen": ["ASD"]}],
        }
    }
    gemeenten, problems = load_gemeenten(Project(tmp_path))
    assert problems == [] and gemeenten["oss"].adviesraad == "Adviesraad Sociaal Domein Oss"


def test_a_broken_file_is_not_added_to(tmp_path: Path) -> None:
    path = tmp_path / "gemeenten.yml"
    path.write_text('almelo:\n  naam: "Almelo\n', encoding="utf-8")
    with pytest.raises(GemeenteError, match="geen geldige YAML"):
        add_gemeente(path, "Oss", "Adviesraad Oss")
    assert path.read_text(encoding="utf-8") == 'almelo:\n  naam: "Almelo\n'


def test_the_command_in_checks_message_adds_the_gemeente(tmp_path: Path) -> None:
    """A document of a gemeente not in the archive: check names the command; run as shown, it makes check clean."""
    project = small_archive(tmp_path)
    advies = next(project.content.rglob("*advies-over-mantelzorg.md"))
    advies.write_text(advies.read_text(encoding="utf-8").replace("gemeente: almelo", "gemeente: s-hertogenbosch"), encoding="utf-8")
    first = run_cli(["check", "--root", project.root])
    assert first.exit_code == 1
    line = next(line for line in first.output.splitlines() if "[onbekende-gemeente]" in line)
    command = line.split("voeg de gemeente toe met: ", 1)[1]
    assert command == 'adviesregister gemeente toevoegen "\'s-Hertogenbosch" --adviesraad "Naam van de adviesraad"'
    words = shlex.split(command)  # as a shell reads it, with the option the command needs
    assert words[:3] == ["adviesregister", "gemeente", "toevoegen"]
    added = run_cli([*words[1:], "--root", project.root])
    assert added.exit_code == 0, added.output
    again = run_cli(["check", "--root", project.root])
    assert again.exit_code == 0, again.output


def test_new_with_an_unknown_gemeente_names_the_command(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    result = run_cli(["new", "advies", "--root", project.root, "--gemeente", "s-hertogenbosch", "--titel", "X"])
    assert result.exit_code == 1
    assert result.output == (
        "--gemeente: 's-hertogenbosch' staat niet in content/gemeenten.yml (kies uit: almelo). "
        'Voeg de gemeente toe met: adviesregister gemeente toevoegen "\'s-Hertogenbosch" --adviesraad "Naam van de adviesraad" Er is niets geschreven.\n'
    )


def test_add_command_quotes_for_a_shell() -> None:
    assert add_command("Oss") == 'adviesregister gemeente toevoegen "Oss" --adviesraad "Naam van de adviesraad"'
    assert shlex.split(add_command("nuenen-gerwen-en-nederwetten"))[3:] == ["Nuenen, Gerwen en Nederwetten", "--adviesraad", "Naam van de adviesraad"]
    assert shlex.split(add_command("een $naam"))[3] == "een $naam"  # not a CBS name: shown as typed, never expanded


def test_the_guides_block_is_what_the_command_writes() -> None:
    guide = render_guide()
    block = next(part.split("```", 1)[0] for part in guide.split("```yaml\n")[1:] if "adviesraden:" in part)
    command = next(line for line in guide.splitlines() if "adviesregister gemeente toevoegen" in line and line.startswith("`"))
    words = shlex.split(command.strip("`"))
    options = dict(zip(words[4::2], words[5::2], strict=True))
    assert block == gemeente_block(
        gemeente_slug(words[3]), words[3], lookup(words[3])[0], options["--adviesraad"], (options["--afkorting"],), options["--website"], options["--contact"]
    )


@pytest.mark.parametrize(
    ("naam", "eerst"),
    [("Bergen", ["Bergen (L.)", "Bergen (NH.)"]), ("Nuenen", ["Nuenen, Gerwen en Nederwetten"]), ("nuenen", ["Nuenen, Gerwen en Nederwetten"])],
)
def test_names_that_start_with_the_typed_name_come_first(naam: str, eerst: list[str]) -> None:
    assert suggestions(naam)[: len(eerst)] == eerst
    with pytest.raises(GemeenteError) as refused:
        lookup(naam)
    assert f"Bedoelt u {', '.join(f'{chr(34)}{one}{chr(34)}' for one in eerst)}" in str(refused.value)


def test_a_typing_error_still_gets_difflibs_closest_name() -> None:
    assert suggestions("Amsterdm") == ["Amsterdam"]
    assert suggestions("Berg")[0] == "Berg en Dal" and "Bergen (L.)" not in suggestions("Berg")  # 'Bergen' starts with it, not as a word


@pytest.mark.parametrize(("typed", "slug"), [("almelo", "almelo"), ("Almelo", "almelo"), ("ALMELO", "almelo"), (" Álmelo", "almelo"), ("Amsterdam", None)])
def test_gemeente_option_takes_the_short_name_or_the_name(tmp_path: Path, typed: str, slug: str | None) -> None:
    archive, _ = load_archive(small_archive(tmp_path))
    if slug is None:
        with pytest.raises(GemeenteError):
            resolve_gemeente(typed, archive.gemeenten)
    else:
        assert resolve_gemeente(typed, archive.gemeenten) == slug


def test_a_name_in_the_archive_under_another_key_is_used(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    assert toevoegen(project, "'s-Hertogenbosch", "--adviesraad", "Adviesraad Den Bosch", "--sleutel", "den-bosch")[0] == 0
    archive, _ = load_archive(project)
    for typed in ("'s-Hertogenbosch", "\u2019s-hertogenbosch", "s-hertogenbosch", "sHertogenbosch", "Den-Bosch"):
        assert resolve_gemeente(typed, archive.gemeenten) == "den-bosch", typed
    with pytest.raises(GemeenteError, match="Bedoelt u 'almelo'\\?"):
        resolve_gemeente("almeloo", archive.gemeenten)


def test_new_takes_the_gemeentes_name(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    result = run_cli(["new", "advies", "--root", project.root, "--gemeente", "Almelo", "--titel", "Advies over wonen", "--datum", "2024-05-01"])
    assert result.exit_code == 0, result.output
    written = project.root / result.output.splitlines()[0].removeprefix("Geschreven: ")
    assert written.parent.parent.name == "almelo" and "gemeente: almelo\n" in written.read_text(encoding="utf-8")


def _files(project: Project) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(project.root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("command", ["import", "new"])
def test_an_unknown_gemeente_is_refused_before_anything_is_written(tmp_path: Path, command: str) -> None:
    project = small_archive(tmp_path)
    letter = tmp_path / "brief.txt"
    letter.write_text("Uden, 1 maart 2026\n\nGeacht college,\n\nWij adviseren u.\n\nAdviesraad Uden\n", encoding="utf-8")
    before = _files(project)
    args = ["import", letter] if command == "import" else ["new", "advies", "--titel", "Advies"]
    result = run_cli([*args, "--root", project.root, "--gemeente", "Oss"])
    assert result.exit_code == 1
    assert result.output == (
        "--gemeente: 'Oss' staat niet in content/gemeenten.yml (kies uit: almelo). "
        'Voeg de gemeente toe met: adviesregister gemeente toevoegen "Oss" --adviesraad "Naam van de adviesraad" Er is niets geschreven.\n'
    )
    assert _files(project) == before
    uden = run_cli([*args, "--root", project.root, "--gemeente", "Uden"])  # part of Maashorst since 2022: no CBS name, so no command that fails
    assert uden.exit_code == 1 and "'Uden' is ook geen gemeente in de lijst van het CBS. Bedoelt u " in uden.output
    assert "toevoegen" not in uden.output
    assert _files(project) == before


def test_check_names_an_unknown_gemeente_in_the_same_run_as_a_wrong_id(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    advies = next(project.content.rglob("*-advies-over-mantelzorg.md"))
    text = advies.read_text(encoding="utf-8").replace("gemeente: almelo", "gemeente: Uden")
    broken = project.content / "documenten" / "Uden" / "2026" / "Uden-2026-03-01-advies.md"
    broken.parent.mkdir(parents=True)
    broken.write_text(text.replace(f"id: {advies.stem}", "id: Uden-2026-03-01-advies"), encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    codes = re.findall(r"^content/documenten/Uden/2026/Uden-2026-03-01-advies\.md:\d+: \[([a-z-]+)\]", result.output, re.MULTILINE)
    assert codes == ["ongeldig-formaat", "onbekende-gemeente"], result.output


def test_the_guide_shows_the_archives_own_first_gemeente(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    (project.gemeenten_file).write_text(HEADER, encoding="utf-8")
    add_gemeente(project.gemeenten_file, "Oss", "Adviesraad Sociaal Domein Oss")
    add_gemeente(project.gemeenten_file, "Maashorst", "Adviesraad Maashorst")
    archive, _ = load_archive(project)
    guide = render_guide(archive.gemeenten)
    assert "gemeente: oss\nvan: Adviesraad Sociaal Domein Oss\naan: Burgemeester en wethouders van Oss\n" in guide
    assert "new advies --gemeente oss " in guide and "`bronnen/oss/2024/advies.pdf`" in guide
    assert re.search(r"almelo|nsob", guide, re.IGNORECASE) is None
    maashorst = render_guide({slug: archive.gemeenten[slug] for slug in ("maashorst", "oss")})
    assert "gemeente: maashorst\nvan: Adviesraad Maashorst\n" in maashorst and "--gemeente maashorst " in maashorst
    assert re.search(r"almelo|nsob", render_guide(), re.IGNORECASE) is None  # no archive: the neutral example


def test_checks_examples_are_not_the_seeds(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    advies = next(project.content.rglob("*-advies-over-mantelzorg.md"))
    advies.write_text(advies.read_text(encoding="utf-8").replace(f"id: {advies.stem}", "id: Fout"), encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1 and "Voorbeeld: oss-2024-05-01-advies-over-mantelzorg." in result.output
    assert re.search(r"almelo-20|nsob", result.output.split("[ongeldig-formaat]", 1)[1], re.IGNORECASE) is None


OSS = {"naam": "Oss", "cbs_code": "GM0828", "reactietermijn_weken": 8, "adviesraden": [{"naam": "Adviesraad Oss", "afkortingen": []}]}
ALMELO_BLOK = "almelo:\n  naam: Almelo\n  cbs_code: GM0141\n  adviesraden:\n    - naam: Adviesraad Almelo\n"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (ALMELO_BLOK + "...\n", "Haal de regel '...' weg"),
        ("---\n" + ALMELO_BLOK + "... # einde\n", "Haal de regel '...' weg"),
        ("{}\n", "Schrijf de gemeenten onder elkaar, niet tussen { }"),
        ("{almelo: {naam: Almelo, cbs_code: GM0141, adviesraden: [{naam: Adviesraad Almelo}]}}", "Schrijf de gemeenten onder elkaar, niet tussen { }"),
    ],
    ids=["document-einde", "document-einde-met-commentaar", "leeg-tussen-haken", "tussen-haken"],
)
def test_a_file_the_new_block_would_not_join_is_left_alone(tmp_path: Path, text: str, hint: str) -> None:
    project = small_archive(tmp_path)
    project.gemeenten_file.write_text(text, encoding="utf-8")
    code, output = toevoegen(project, "Oss", "--adviesraad", "Adviesraad Oss")
    assert code == 1 and hint in output and output.endswith("Er is niets geschreven.\n"), output
    assert project.gemeenten_file.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""], ids=["lf", "crlf", "zonder-laatste-regeleinde"])
def test_line_ends_and_a_missing_last_line_end_still_give_one_valid_file(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "gemeenten.yml"
    text = ALMELO_BLOK.replace("\n", "\r\n" if ending == "\r\n" else "\n")
    path.write_bytes((text if ending else text.rstrip("\n")).encode("utf-8"))
    before = path.read_bytes()
    add_gemeente(path, "Oss", "Adviesraad Oss")
    after = path.read_bytes()
    assert after.startswith(before)
    assert yaml.safe_load(after.decode("utf-8")) == {**yaml.safe_load(ALMELO_BLOK), "oss": OSS}
    if ending == "\r\n":
        assert b"\n" not in after.replace(b"\r\n", b"")  # one kind of line end in the file


@pytest.mark.parametrize("sleutel", ["x: y", "[a]", "a\nb", "#x", "Oss", "oss--x", "a" * 51, "null", "123", "yes", "~"])
def test_a_sleutel_the_schema_refuses_is_refused_before_writing(tmp_path: Path, sleutel: str) -> None:
    project = small_archive(tmp_path)
    before = project.gemeenten_file.read_bytes()
    code, output = toevoegen(project, "Oss", "--adviesraad", "Adviesraad Oss", "--sleutel", sleutel)
    assert code == 1, output
    assert output.startswith(f"Gemeente niet toegevoegd: --sleutel '{sleutel}': ")
    assert "--sleutel oss" in output or "--sleutel s-hertogenbosch" in output  # an example that is accepted
    assert "Er ging iets mis" not in output and output.endswith("Er is niets geschreven.\n")
    assert project.gemeenten_file.read_bytes() == before


def test_a_valid_sleutel_is_written_and_checked(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    assert toevoegen(project, "Oss", "--adviesraad", "Adviesraad Oss", "--sleutel", "oss-2")[0] == 0
    assert "oss-2" in yaml.safe_load(project.gemeenten_file.read_text(encoding="utf-8"))
    assert run_cli(["check", "--root", project.root]).exit_code == 0
