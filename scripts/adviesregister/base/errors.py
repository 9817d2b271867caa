"""The one family of our errors (MkDocs' `exceptions.py` is the model): every error a person may read derives from
`AdviesregisterError`, carries its whole Dutch message and the exit code, and the command line turns it into output in
one place (`cli._guarded`). Errors of the engines we run (MkDocs, Jinja) never pass `site/`: `site/engine.py` turns
them into ours."""

from __future__ import annotations


class AdviesregisterError(Exception):
    """The base class of our errors; raise a subclass. `str(err)` is the message, in Dutch, with what to do;
    `for_person()` puts the class's `prefix` before it (what failed, when the message says only why)."""

    exit_code = 1
    """The command's exit code: 1 for what the person can fix (content, settings, a busy archive), 2 for what only
    whoever maintains Adviesregister can fix."""

    prefix = ""

    def for_person(self) -> str:
        """The message as the command line prints it."""
        return f"{self.prefix}{self}"


class OptionError(AdviesregisterError):
    """The value given for a command's option is wrong; `option` names it ('--datum'). The command line shows it as a
    wrong option (its usage and exit code 2), as it does for a value click itself refuses."""

    exit_code = 2

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class RefusedError(AdviesregisterError):
    """A command refuses to start or to go on (a folder that is no archive, an --out that is not its own); the message
    says why and what to do."""
