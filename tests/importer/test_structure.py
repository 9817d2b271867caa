"""The importer's structure: its rules file follows a schema, a new kind of text or a new layout is data only, steps
read and set only what they declare, and every decision code is registered."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

from adviesregister.importer import dates, letter, own_date, rules
from adviesregister.importer.decision_codes import DECISION_CODES
from adviesregister.importer.findings import Decisions, Letter, UndeclaredReadError
from adviesregister.importer.letter import READING_STEPS, Step, read_letter

from helpers import ARCHIEF, ROOT, copy_project, run_cli

RULES = yaml.safe_load(files("adviesregister.data").joinpath("brieven.yml").read_text(encoding="utf-8"))
SOURCE = ROOT / "scripts" / "adviesregister"


def _forget_rules() -> None:
    for cached in (rules.rules, dates.months, dates._word_patterns, own_date._place_re, own_date._weekdays):
        cached.cache_clear()


@pytest.fixture
def use_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Any], None]]:
    """Make the importer read the rules given (data or the text of a brieven.yml) instead of the package's own."""
    real_files = files

    def install(data: Any) -> None:
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (tmp_path / "brieven.yml").write_text(text, encoding="utf-8")
        _forget_rules()

    monkeypatch.setattr(rules, "files", lambda package: tmp_path if package == "adviesregister.data" else real_files(package))
    install(real_files("adviesregister.data").joinpath("brieven.yml").read_text(encoding="utf-8"))
    yield install
    monkeypatch.undo()
    _forget_rules()


def _changed(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(yaml.safe_dump(RULES))  # a deep copy
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"onbekend": ["x"]}, "brieven.yml: (the top of the file): Additional properties are not allowed ('onbekend' was unexpected)"),
        ({"slot": [{"met vriendelijke groet": None}]}, "brieven.yml: slot"),
        ({"geen_brief": {"vacature": {"patronen": ["^vacature"]}}}, "brieven.yml: geen_brief.vacature: 'beschrijving' is a required property"),
        ({"layouts": {"memo": {"herkenning": "memo", "tekst_begint": "ergens"}}}, "brieven.yml: layouts.memo.tekst_begint: 'ergens' is not one of"),
        ({"kop_labels": [["Datum", "dag"]]}, "brieven.yml: kop_labels.0.1: 'dag' is not one of"),
        ({"raden": ["adviesraad", "wmo[- raad"]}, "brieven.yml: raden #2: 'wmo[- raad' is no regular expression"),
        ({"besluit": {"overgenomen": ["(nemen over"]}}, "brieven.yml: besluit.overgenomen #1: '(nemen over' is no regular expression"),
    ],
)
def test_a_broken_rules_file_is_refused_naming_the_key(change: dict[str, Any], message: str) -> None:
    with pytest.raises(rules.RulesError) as refused:
        rules.load_rules(yaml.safe_dump(_changed(**change), allow_unicode=True))
    assert str(refused.value).startswith(message), str(refused.value)


def test_a_missing_key_is_named() -> None:
    data = _changed()
    del data["stopwoorden"]
    with pytest.raises(rules.RulesError, match="'stopwoorden' is a required property"):
        rules.load_rules(yaml.safe_dump(data, allow_unicode=True))


def test_the_cli_says_the_rules_are_broken_without_a_traceback(tmp_path: Path, use_rules: Callable[[Any], None]) -> None:
    project = copy_project(tmp_path / "project")
    brief = next((ARCHIEF / "bronnen").rglob("*.txt"))
    use_rules(_changed(slot=["met (vriendelijke groet"]))
    result = run_cli(["import", "--dry-run", "--root", project.root, brief])
    assert result.exit_code == 2
    assert "De regels van de importer kloppen niet: brieven.yml: slot #1: 'met (vriendelijke groet' is no regular expression" in result.output
    assert "Traceback" not in result.output and "Er ging iets mis" not in result.output


VACATURE = (
    "Vacature\n\nDe Wmo-raad Moerdijk zoekt een nieuw lid dat meedenkt over zorg en welzijn in de gemeente. U bent betrokken en "
    "heeft tijd voor zes vergaderingen per jaar.\n\nInteresse? Mail de secretaris.\n"
)


def test_a_new_kind_of_text_that_is_no_letter_is_one_entry_of_data(use_rules: Callable[[Any], None]) -> None:
    assert read_letter(VACATURE).geen_brief is None  # the rules as they ship do not know a vacancy
    geen_brief = {**RULES["geen_brief"], "vacature": {"beschrijving": "een vacature van de adviesraad", "waar": "bovenaan", "patronen": [r"^vacature$"]}}
    use_rules(_changed(geen_brief=geen_brief))
    assert read_letter(VACATURE).geen_brief == "dit lijkt geen brief maar een vacature van de adviesraad (regel 1: 'Vacature')"
    lower_down = "Wmo-raad Moerdijk\n\nNieuws\n\nWie zijn wij\n\nVacature\n\n" + VACATURE.split("\n\n", 1)[1]
    assert read_letter(lower_down).geen_brief is None  # 'bovenaan': only among the first three lines of text


MEMO = (
    "Memo aan het college\n\nSteller\tafdeling Zorg\nOnderwerp\tvervoer naar de dagbesteding\n\n14 maart 2024\n\n"
    "De aanbesteding van het vervoer naar de dagbesteding loopt af; wij stellen voor het contract een jaar te verlengen en intussen "
    "met de reizigers te spreken over wachttijden.\n"
)


def test_a_new_layout_is_declared_in_data_and_changes_how_a_text_is_read(use_rules: Callable[[Any], None]) -> None:
    before = read_letter(MEMO)
    assert (before.value("soort"), str(before.value("datum"))) == (None, "2024-03-14")
    memo = {"herkenning": r"memo\s+aan\s+het\s+college", "labels": ["Steller"], "eigen_datum": False, "soort": "stuk", "stuktype": "brief"}
    use_rules(_changed(layouts={**RULES["layouts"], "memo": memo}))
    after = read_letter(MEMO)
    assert (after.value("soort"), after.value("stuktype"), after.value("datum")) == ("stuk", "brief", None)
    assert after.fields["soort"].line == 1
    assert after.tekst.startswith("- Steller: afdeling Zorg\n\n")
    assert after.value("titel") == "vervoer naar de dagbesteding"


def test_the_collegevoorstel_is_a_layout_of_the_shipped_rules() -> None:
    seed = next(path for path in (ARCHIEF / "bronnen").rglob("*.txt") if path.read_text(encoding="utf-8").strip().startswith("Collegevoorstel"))
    found = read_letter(seed.read_text(encoding="utf-8"))
    assert (found.value("soort"), found.value("stuktype")) == ("stuk", "collegevoorstel")
    assert [layout.naam for layout in rules.rules().layouts] == ["collegevoorstel"]


def test_a_step_may_read_only_what_it_declared() -> None:
    found = Letter(allowed=frozenset({"datum"}), readable=frozenset({"titel", "datum"}))
    found.set("datum", "2024", 3, "Datum 2024")
    assert found.value("titel") is None and "datum" in found.fields
    with pytest.raises(UndeclaredReadError, match="'soort'"):
        found.value("soort")
    with pytest.raises(UndeclaredReadError, match="'tekst'"):
        _ = found.tekst
    with pytest.raises(UndeclaredReadError, match="'van'"):
        _ = "van" in found.fields
    with pytest.raises(ValueError, match="'vooraf'"):
        found.vooraf = ["- Advies: ja"]
    with pytest.raises(TypeError):
        found.fields["datum"] = found.fields["datum"]  # type: ignore[index]


def test_reading_fails_when_a_step_drops_a_read_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """read_sender reads the title (a council's name in it) and read_kind who writes: without declaring it they fail."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ARCHIEF / "bronnen").rglob("*.txt"))]
    for name, dropped in (("read_sender", "titel"), ("read_kind", "afzender")):
        steps = tuple(Step(step.run, step.reads - {dropped}, step.sets) if step.run.__name__ == name else step for step in READING_STEPS)
        monkeypatch.setattr(letter, "READING_STEPS", steps)
        with pytest.raises(UndeclaredReadError, match=f"'{dropped}'"):
            for seed in seeds:
                read_letter(seed)
    monkeypatch.undo()
    for seed in seeds:
        assert read_letter(seed).readable is None


def test_fields_are_set_only_through_letter_set() -> None:
    """No module writes `….fields[…] = …`: Letter.set records every value with its evidence one way."""
    writes = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                continue
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute) and target.value.attr == "fields":
                    writes.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert writes == []


def test_every_decision_code_is_registered_and_every_registered_code_is_used() -> None:
    source = "".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py") if path.name != "decision_codes.py")
    added = set(re.findall(r"(?:\.add\(|Decision\()\s*(?:\"[a-z_]+\"|None|veld)\s*,\s*\"([a-z-]+)\"", source))
    assert len(added) >= 15, sorted(added)
    assert added <= set(DECISION_CODES), sorted(added - set(DECISION_CODES))
    assert [code for code in DECISION_CODES if f'"{code}"' not in source] == [], "registered codes that no code gives"
    with pytest.raises(ValueError, match="'soort-geraden'"):
        Decisions().add("soort", "soort-geraden", "een code die niet bestaat")


_DUTCH_STEMS = (
    *("advi", "aanbevel", "college", "reactie", "antwoord", "overgenom", "gemeente", "raad", "namens", "uitgebracht", "geacht"),
    *("brief", "beslo", "beslu", "onderwerp", "betreft", "artikel", "vergader"),
)
"""Dutch words (their start) that belong in data/brieven.yml, not in a regular expression in code."""
_DUTCH_SMALL_WORDS = {"uw", "wij", "we", "ons", "onze", "aan", "de", "het", "en", "of", "op", "uur"}
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
_ALLOWED_DUTCH = {
    # Grammar inside the shape of a name or a date, no phrase a council writes differently: these stay in code.
    ("gemeente.py", "en"): "'Midden- en West-Brabant': 'en' joins the capitalised words of one regional name",
    ("linking.py", "de"): "whether a sender's name starts with an article, to write 'van de ASD' and not 'van de de ASD'",
    ("linking.py", "het"): "the same, for 'het Platform'",
    ("parties.py", "de"): "the article taken off a name ('de Wmo-raad' is the Wmo-raad)",
    ("parties.py", "het"): "the same, for 'het Platform'",
    ("own_date.py", "uur"): "a time after a date ('3 maart 2024 14.30 uur') is cut off before the date is read",
    ("recommendations.py", "en"): "'en' or 'of' closing a list item ('…; en') is left out of the recommendation",
    ("recommendations.py", "of"): "the same, for 'of'",
    ("sender.py", "op"): "'Uitgebracht door X op 3 maart': the name ends before 'op' or 'd.d.' and a date",
}
"""(module, word) → why that word stays in a regular expression in code."""


def _dutch_in_regexes(source: str) -> set[str]:
    """The Dutch words in the string literals given to re.compile, re.search … in a module's source."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_FUNCTIONS and node.args):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            continue
        pattern = node.args[0]
        parts = pattern.values if isinstance(pattern, ast.JoinedStr) else [pattern]
        text = "".join(part.value for part in parts if isinstance(part, ast.Constant) and isinstance(part.value, str))
        for word in re.findall(r"[^\W\d_]+", re.sub(r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[a-zA-Z])", " ", text)):  # '\buw' is 'uw', '\u00de' none
            if word.lower() in _DUTCH_SMALL_WORDS or word.lower().startswith(_DUTCH_STEMS):
                found.add(word.lower())
    return found


def test_the_dutch_words_of_the_importer_are_in_brieven_yml_not_in_its_code() -> None:
    """Every phrase of Dutch letters the importer recognises is data (brieven.yml), so a council's template is one
    line to add there; rules.py compiles them and is the one module that may."""
    assert _dutch_in_regexes('import re\nA = re.compile(r"\\buw\\s+advies\\b", re.IGNORECASE)\nre.sub(rf"^{A}colleges", "", "")\n') == {
        "uw",
        "advies",
        "colleges",
    }
    found = {
        (path.name, word)
        for path in sorted((SOURCE / "importer").glob("*.py"))
        if path.name != "rules.py"
        for word in _dutch_in_regexes(path.read_text(encoding="utf-8"))
    }
    assert sorted(found - _ALLOWED_DUTCH.keys()) == [], "move these words to data/brieven.yml"
    assert sorted(_ALLOWED_DUTCH.keys() - found) == [], "no longer in code: take them off the allow-list"
