"""Site-wide settings from mkdocs.yml: public address, licence, publisher and contact for the open data."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from adviesregister.content.project import Project

DEFAULT_SITE_URL = "https://adviesregister.example/"


@dataclass(frozen=True)
class Settings:
    site_url: str = DEFAULT_SITE_URL
    licentie: str = "CC0-1.0"
    uitgever: str = "Adviesregister"
    contact: str = "adviesregister@example.org"


def load_settings(project: Project) -> Settings:
    """`site_url` (which may come from ADVIESREGISTER_SITE_URL) and `extra.adviesregister` in mkdocs.yml."""
    with project.mkdocs_config.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle) or {}
    extra = (config.get("extra") or {}).get("adviesregister") or {}
    defaults = Settings()
    return Settings(
        site_url=str(config.get("site_url") or defaults.site_url),
        licentie=str(extra.get("licentie") or defaults.licentie),
        uitgever=str(extra.get("uitgever") or defaults.uitgever),
        contact=str(extra.get("contact") or defaults.contact),
    )


def source_commit(root: Path) -> str | None:
    """The commit the content comes from: $GITHUB_SHA in GitHub Actions, else git, else unknown."""
    if os.environ.get("GITHUB_SHA"):
        return os.environ["GITHUB_SHA"]
    if not (root / ".git").exists():
        return None
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or None if done.returncode == 0 else None
