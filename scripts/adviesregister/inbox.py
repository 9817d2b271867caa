"""`adviesregister inbox`: every letter uploaded into `nieuw/` imported without questions, taken out of `nieuw/`, and,
with `commit`, one git commit of exactly those changes. What happened to each letter goes into one report
(inbox_rapport.py): the pull-request workflow posts it as a comment.

A letter that cannot be imported stays in `nieuw/` with its Dutch error: nothing is lost. The folder keeps its
README.md (PLACEHOLDER), which GitHub shows below the folder's files, so that the folder exists after the last letter
left and whoever opens it reads what it is for. Run again on the result, the command finds nothing new: no file
changes and no commit.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from adviesregister.base.errors import AdviesregisterError
from adviesregister.base.folders import inbox_problem
from adviesregister.content.load import load_archive
from adviesregister.content.model import Archive
from adviesregister.content.project import Project
from adviesregister.importer.result import ImportResult
from adviesregister.importer.run import Options, read_letters, write_letters

INBOX = "nieuw"
"""The folder, relative to the project, where letters are uploaded."""
PLACEHOLDER = "README.md"
"""The file that keeps the inbox folder in git and says what it is for; never read as a letter."""
PLACEHOLDER_TEXT = """# Nieuwe brieven

Zet hier een brief die in het archief moet: een advies van de adviesraad of een reactie van het college (PDF, Word,
HTML of tekst). Doe dat in een nieuwe branch, met een pull request.

Het archief leest de brief dan voor u. Het zet het document in `content/`, haalt de brief uit deze map en zegt in de
pull request wat het las en wat u nog moet invullen.

**Let op:** zet hier nooit een brief met gegevens van personen (namen van inwoners, adressen, BSN, medische gegevens)
als het archief openbaar is. Ook na het verplaatsen blijft de brief in de geschiedenis van de branch staan.
"""
COMMIT_AUTHOR = ("Adviesregister inbox", "adviesregister-inbox@users.noreply.github.com")
"""Who the commit is by when git knows no name (a fresh runner); a configured user.name and user.email win."""


class InboxError(AdviesregisterError):
    """The inbox could not run at all (no git repository for --commit, a git command failed); a Dutch message."""


@dataclass(frozen=True)
class InboxFile:
    """One file of the inbox and what became of it."""

    file: str
    """Its path from the project ('nieuw/advies.pdf')."""
    result: ImportResult | None = None
    """What the import read; None when it could not be read."""
    error: str | None = None
    """Why it stays in the inbox (Dutch); None when it was imported."""
    geschreven: tuple[str, ...] = ()
    """The files written for it, from the project."""


@dataclass
class Outcome:
    """What one run of the inbox did."""

    brieven: list[InboxFile] = field(default_factory=list)
    commit: str | None = None
    """The commit made (its full hash); None without --commit or when nothing changed."""
    vastgelegd: bool = False
    """Whether --commit was given: the report links to the files only when they are in a commit on the branch."""

    @property
    def mislukt(self) -> list[InboxFile]:
        return [brief for brief in self.brieven if brief.error is not None]


def letters_in(project: Project, folder: str = INBOX) -> list[Path]:
    """The files waiting in the inbox, by name; not the placeholder, hidden files or folders."""
    inbox = project.root / folder
    if not inbox.is_dir():
        return []
    return sorted(path for path in inbox.iterdir() if path.is_file() and not path.is_symlink() and path.name != PLACEHOLDER and not path.name.startswith("."))


def run_inbox(project: Project, folder: str = INBOX, commit: bool = False) -> Outcome:
    """Import every letter in the inbox (no questions), remove the imported ones, and with `commit` commit exactly the
    files this run wrote and removed. Letters in one run see each other: a response finds its advice."""
    problem = inbox_problem(project.root, folder)
    if problem is not None:
        raise InboxError(problem)
    if commit:
        _git(project, "rev-parse", "--show-toplevel")  # refused before anything is written
    outcome = Outcome(vastgelegd=commit)
    paths = letters_in(project, folder)
    if not paths:
        return outcome
    tracked = set(_git(project, "ls-files", "-z", "--", folder).split("\0")) if commit else set()
    archive, _ = load_archive(project)
    outcome.brieven = _import(project, archive, paths)
    changed: list[str] = []
    for path, letter in zip(paths, outcome.brieven, strict=True):
        if letter.error is not None:
            continue
        path.unlink()
        changed += [*letter.geschreven, *([letter.file] if letter.file in tracked else [])]
    placeholder = project.root / folder / PLACEHOLDER
    if len(outcome.mislukt) < len(outcome.brieven) and not placeholder.exists():  # the folder stays when its last letter left
        placeholder.write_text(PLACEHOLDER_TEXT, encoding="utf-8")
        changed.append(project.relative(placeholder))
    if commit and changed:
        outcome.commit = _commit(project, changed, outcome)
    return outcome


def _import(project: Project, archive: Archive, paths: list[Path]) -> list[InboxFile]:
    """The letters read and written as `import --geen-vragen` does (importer/run.py, the same batch), in the inbox's
    order: a letter the archive holds already is no error (nothing to write, the upload can go)."""
    batch = read_letters(project, archive, paths, Options())
    refused = {refusal.path: refusal for refusal in batch.refused}
    written = iter(write_letters(project, batch, force=False, dry_run=False))
    letters = []
    for path in paths:
        file = project.relative(path)
        if path in refused:
            letters.append(InboxFile(file, refused[path].result, refused[path].message("'adviesregister import --toch'")))
        else:
            done = next(written)
            letters.append(InboxFile(file, done.result, done.error, done.paden))
    return letters


def _commit(project: Project, changed: list[str], outcome: Outcome) -> str | None:
    """One commit of exactly `changed` (other staged or changed files are left out); None when git sees no change."""
    _git(project, "add", "--all", "--", *changed)
    if not _git(project, "diff", "--cached", "--name-only", "--", *changed).strip():
        return None
    _git(project, "commit", "--quiet", "--no-verify", "-m", commit_message(outcome), "--", *changed, identity=True)
    return _git(project, "rev-parse", "HEAD").strip()


def commit_message(outcome: Outcome) -> str:
    """The commit's message in Dutch: how many letters, then each letter and where it went."""
    klaar = [brief for brief in outcome.brieven if brief.error is None]
    titel = f"Inbox: {len(klaar)} {'brief' if len(klaar) == 1 else 'brieven'} uit nieuw/ in het archief gezet"
    lines = []
    for brief in klaar:
        waar = ", ".join(brief.geschreven) if brief.geschreven else f"stond al in het archief als {brief.result.houder if brief.result else '?'}"
        lines.append(f"- {brief.file} → {waar}")
    return titel + "\n\n" + "\n".join(lines) + "\n" if lines else titel + "\n"


def _git(project: Project, *args: str, identity: bool = False) -> str:
    """A git command in the project; InboxError with git's own message when it fails."""
    command = ["git", "-C", str(project.root)]
    if identity:
        for key, value in zip(("user.name", "user.email"), COMMIT_AUTHOR, strict=True):
            if subprocess.run(["git", "-C", str(project.root), "config", key], capture_output=True).returncode != 0:
                command += ["-c", f"{key}={value}"]
    try:
        done = subprocess.run([*command, *args], capture_output=True, text=True, check=False)
    except OSError as err:
        raise InboxError(f"git kon niet starten ({err.strerror}). Installeer git, of draai de inbox zonder --commit.") from None
    if done.returncode != 0:
        raise InboxError(f"git {args[0]} ging mis: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout
