"""The import asks, in a terminal, for each field it could not read from a letter: end to end, through a
pseudo-terminal (no browser). A wrong answer is asked again with why; the answers are written, recorded as given by a
person (ingevuld_door_mens) and named so in the report. --geen-vragen in a terminal, and a pipe, ask nothing."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

from klein_archief import small_archive

from adviesregister.content.parse import parse_document
from adviesregister.content.project import Project

COMMAND = Path(sys.executable).parent / "adviesregister"

OPEN_LETTER = """Onderwerp: Vervoer naar de dagbesteding

Geachte heer, mevrouw,

Over het vervoer naar de dagbesteding willen wij het volgende kwijt. De ritten duren vaak lang en de chauffeurs wisselen veel.

Wij vragen aandacht voor vaste chauffeurs en kortere ritten.

Met vriendelijke groet,

J. Jansen
"""
"""A letter that shows neither its kind, nor its date, nor its gemeente (an invented writer, no council's name)."""

GUARD_SECONDS = 120
"""How long the test waits for a prompt before it gives up (a guard against a hang, not a measure of speed)."""


def letter(tmp_path: Path) -> Path:
    path = tmp_path / "brief.txt"
    path.write_text(OPEN_LETTER, encoding="utf-8")
    return path


def read_until(fd: int, expected: str, seen: bytearray) -> None:
    """Read the terminal until `expected` has appeared after what was already seen."""
    start = len(seen)
    while expected.encode() not in seen[start:]:
        ready, _, _ = select.select([fd], [], [], GUARD_SECONDS)
        assert ready, f"no {expected!r} in:\n{seen.decode(errors='replace')}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the command ended
            chunk = b""
        assert chunk, f"the command ended before {expected!r}:\n{seen.decode(errors='replace')}"
        seen += chunk


def in_terminal(args: list[str], answers: list[tuple[str, str]]) -> tuple[int, str]:
    """Run `adviesregister ARGS` with stdin and stdout on a pseudo-terminal; answer each prompt as it appears."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, on the terminal
        os.execv(COMMAND, [str(COMMAND), *args])
    seen = bytearray()
    for prompt, answer in answers:
        read_until(fd, prompt, seen)
        os.write(fd, answer.encode() + b"\r")
    while True:
        ready, _, _ = select.select([fd], [], [], GUARD_SECONDS)
        assert ready, seen.decode(errors="replace")
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace").replace("\r\n", "\n")


def documents(project: Project) -> dict[str, dict[str, Any]]:
    return {project.relative(path): parse_document(path.read_bytes()).front_matter.data for path in (project.root / "content" / "documenten").rglob("*.md")}


def test_the_import_asks_in_a_terminal_and_records_what_a_person_gave(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    answers = [
        ("soort? [a]dvies [r]eactie [s]tuk [o]verslaan", "x"),
        ("soort? [a]dvies [r]eactie [s]tuk [o]verslaan", "r"),
        ("datum? (JJJJ-MM-DD, JJJJ-MM of JJJJ; leeg = overslaan)", "2024-13-45"),
        ("datum? (JJJJ-MM-DD, JJJJ-MM of JJJJ; leeg = overslaan)", "2024-03-01"),
        ("gemeente? (korte naam of naam uit content/gemeenten.yml; leeg = overslaan)", "Almere"),
        ("besluit? [1] overgenomen [2] deels overgenomen [3] niet overgenomen [4] kennisgenomen [o]verslaan", "2"),
    ]
    code, output = in_terminal(["import", "--root", str(project.root), str(letter(tmp_path))], answers)
    assert code == 0, output
    assert "de import vond 'soort' niet zeker in de brief." in output
    assert "uit afzender en ontvanger blijkt niet of dit een advies, een reactie of een ander stuk is" in output  # the evidence
    assert "Fout: 'x' kan hier niet. Kies uit: 'a', 'r', 's', 'o'." in output
    assert "Fout: " in output.split("2024-13-45", 1)[1].split("2024-03-01", 1)[0]  # the wrong date: why, then asked again
    assert "door een mens gegeven: als antwoord op een vraag van de import" in output
    letters = {pad: data for pad, data in documents(project).items() if data["soort"] == "reactie"}
    assert len(letters) == 1, output
    ((pad, data),) = letters.items()
    assert pad.startswith("content/documenten/almere/2024/almere-2024-03-01-")
    assert (data["soort"], data["datum"], data["gemeente"], data["besluit"]) == ("reactie", "2024-03-01", "almere", "deels overgenomen")
    assert data["ingevuld_door_mens"] == ["soort", "datum", "gemeente", "besluit"]
    assert not {"soort", "datum", "gemeente", "besluit"} & set(data["bron"]["ingelezen"])  # a person's: never rewritten by --force
    before = (project.root / pad).read_bytes()
    code, again = in_terminal(["import", "--root", str(project.root), "--force", str(letter(tmp_path))], [])  # the archive holds it: nothing asked
    assert code == 0, again
    assert "soort?" not in again and "datum?" not in again
    assert (project.root / pad).read_bytes() == before


def test_overslaan_leaves_the_field_open(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    answers = [("soort?", "o"), ("datum?", ""), ("gemeente?", "almere")]
    code, output = in_terminal(["import", "--root", str(project.root), str(letter(tmp_path))], answers)
    assert code == 0, output
    (data,) = documents(project).values()
    assert "soort" not in data and "datum" not in data
    assert (data["gemeente"], data["ingevuld_door_mens"]) == ("almere", ["gemeente"])


def test_geen_vragen_in_a_terminal_asks_nothing(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    code, output = in_terminal(["import", "--root", str(project.root), "--geen-vragen", str(letter(tmp_path))], [])
    assert code == 0, output
    assert "soort?" not in output and "datum?" not in output and "gemeente?" not in output
    (data,) = documents(project).values()
    assert not {"soort", "datum", "gemeente", "ingevuld_door_mens"} & set(data)


def test_a_pipe_asks_nothing(tmp_path: Path) -> None:
    project = small_archive(tmp_path)
    run = subprocess.run(
        [COMMAND, "import", "--root", project.root, letter(tmp_path)], input="r\n2024-03-01\nalmere\n", capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "soort?" not in run.stdout and "datum?" not in run.stdout
    (data,) = documents(project).values()
    assert not {"soort", "datum", "gemeente", "ingevuld_door_mens"} & set(data)
