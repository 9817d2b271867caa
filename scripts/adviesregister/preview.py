"""`make serve` (`adviesregister serve --poort`): MkDocs' server in Dutch, without its English lines, on a port checked
first. What the preview does on every save (re-render, the problems at the top of every page) is the plugin's
(site/plugin.py), so that `mkdocs serve` by hand does it too.
"""

from __future__ import annotations

import errno
import logging
import os
import socket

from adviesregister.base.errors import AdviesregisterError
from adviesregister.content.project import Project
from adviesregister.site.engine import serve_site

HOST = "127.0.0.1"
LOG = logging.getLogger("adviesregister.preview")


def port_problem(port: int) -> str | None:
    """Why the preview cannot listen on `port`, in Dutch; None when it can."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((HOST, port))
        except OSError as err:
            return _port_message(port, err)
    return None


def _port_message(port: int, err: OSError) -> str:
    other = 8001 if port != 8001 else 8002
    reason = (
        "is al in gebruik: draait het voorbeeld al in een ander venster, of gebruikt een ander programma deze poort?"
        if err.errno == errno.EADDRINUSE
        else f"kan niet gebruikt worden ({os.strerror(err.errno or 0) or err})."
    )
    return f"Poort {port} {reason} Kies een andere poort: make serve PORT={other} (of: adviesregister serve --poort {other})."


class PortBusyError(AdviesregisterError):
    """The port is taken; the message says which and how to choose another."""


def serve_preview(project: Project, port: int) -> None:
    """Serve the preview on http://127.0.0.1:PORT/, re-rendered when content/ or the templates change, until Ctrl+C.
    MkDocs' own lines (English) stay out of the terminal; ours say what happens. Raises PortBusyError."""
    problem = port_problem(port)
    if problem is not None:
        raise PortBusyError(problem)
    project.pages.mkdir(parents=True, exist_ok=True)  # MkDocs wants its docs_dir before the plugin renders into it
    LOG.warning("Het voorbeeld wordt gebouwd; daarna staat het op http://%s:%d/ (stoppen: Ctrl+C).", HOST, port)
    try:
        serve_site(project.mkdocs_config, f"{HOST}:{port}")
    except OSError as err:  # taken between our check and MkDocs' own bind
        if err.errno in (errno.EADDRINUSE, errno.EACCES):
            raise PortBusyError(_port_message(port, err)) from None
        raise
