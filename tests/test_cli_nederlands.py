"""click's frame in Dutch: every help page and every mistake a person can make on the command line, without an
English word of click's."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from adviesregister.cli import main
from adviesregister.cli_dutch import CATALOGUE, DEVELOPER_ONLY, PLURALS

from helpers import run_cli

ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Error:",
    "Invalid value",
    "Missing argument",
    "Missing option",
    "Missing command",
    "does not exist",
    "is a directory",
    "No such option",
    "No such command",
    "Did you mean",
    "Show this message and exit",
    "Show the version and exit",
    "Try '",
    "for help",
    "is not one of",
    "Choose from",
    "unexpected extra",
    "requires an argument",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    " TEXT",
    " PATH",
    " DIRECTORY",
    "default:",
    "required]",
    "Aborted",
)
"""The phrases of click's English frame that no output may hold."""


def english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name)


COMMANDS = list(_commands(main))


def _click_messages() -> set[str | tuple[str, str]]:
    """Every message id in the installed click: `_("…")` and `ngettext("…", "…", n)`, read with ast."""
    found: set[str | tuple[str, str]] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if '_(extra["required"])' in source and 'extra["required"] = "required"' in source:
            found.add("required")  # the one message click passes to gettext through a variable
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if node.func.id == "_" and texts:
                found.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                found.add((texts[0], texts[1]))
    return found


def test_every_message_of_click_has_a_dutch_text() -> None:
    messages = _click_messages()
    assert len(messages) > 60  # the scan reads click's real source
    missing = sorted(str(message) for message in messages if message not in CATALOGUE and message not in PLURALS and message not in DEVELOPER_ONLY)
    assert missing == [], "click has messages without a Dutch text in cli_dutch.CATALOGUE / PLURALS"
    stale = sorted(str(message) for message in [*CATALOGUE, *PLURALS] if message not in messages)
    assert stale == [], "cli_dutch translates messages this click no longer has"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command) or "adviesregister")
def test_every_help_page_is_dutch(command: tuple[str, ...]) -> None:
    result = run_cli([*command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Gebruik: adviesregister {' '.join(command)}".rstrip() + " [OPTIES]")
    assert "Toon deze uitleg en stop." in result.output
    assert english_in(result.output) == []


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["check", "--bla"], "Fout: De optie '--bla' bestaat niet."),
        (["check", "--roo", "."], "Fout: De optie '--roo' bestaat niet. Bedoelt u '--root'?"),
        (["bouw"], "Fout: De opdracht 'bouw' bestaat niet."),
        (["import"], "Fout: Er ontbreekt een argument: 'BESTANDEN...'."),
        (["import", "geen-brief.pdf"], "Fout: De waarde bij 'BESTANDEN...' klopt niet: Bestand 'geen-brief.pdf' bestaat niet."),
        (["import", "."], "Bestand '.' is een map; hier hoort een bestand."),
        (["new", "brief", "--gemeente", "x", "--titel", "y"], "'brief' kan hier niet. Kies uit: 'advies', 'reactie', 'stuk'."),
        (["new", "advies", "--titel", "y"], "Fout: Er ontbreekt een optie: '--gemeente'."),
        (["new", "advies", "--titel"], "Fout: Achter de optie '--titel' hoort een waarde."),
        (["check", "--format", "html"], "De waarde bij '--format' klopt niet: 'html' kan hier niet. Kies uit: 'text', 'github'."),
        (["check", "overbodig"], "Fout: Er staat een argument te veel (overbodig)."),
    ],
)
def test_every_mistake_on_the_command_line_is_answered_in_dutch(args: list[str], dutch: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2, result.output
    assert dutch in result.output
    if "--titel" not in args[-1]:  # click names the usage for every mistake but an option without its value
        assert "Gebruik: adviesregister" in result.output
        assert "Uitleg: typ 'adviesregister" in result.output
    assert english_in(result.output) == []


def test_the_installed_command_is_dutch_too(tmp_path: Path) -> None:
    """The command as the secretary starts it: a new process, so the frame is in place before click makes its options."""
    command = Path(sys.executable).with_name("adviesregister")
    result = subprocess.run([command, "import", "ontbreekt.docx"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Bestand 'ontbreekt.docx' bestaat niet." in result.stderr
    assert english_in(result.stdout + result.stderr) == []
    version = subprocess.run([command, "--help"], capture_output=True, text=True, check=True)
    assert "--version  Toon de versie en stop." in version.stdout


@pytest.mark.parametrize("extra", [[], ["--dry-run"]])
def test_import_outside_an_archive_refuses_and_writes_nothing(tmp_path: Path, extra: list[str]) -> None:
    """Run in a folder that is no archive (no content/), import stops with a Dutch message and makes no content/ or lock."""
    letter = tmp_path / "brief.txt"
    letter.write_text("Geacht college,\n\nWij adviseren u iets.\n\nMet vriendelijke groet,\nDe adviesraad\n", encoding="utf-8")
    command = Path(sys.executable).with_name("adviesregister")
    result = subprocess.run([command, "import", *extra, "brief.txt"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "daar staat geen map content/, dus het is geen archief" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brief.txt"]
