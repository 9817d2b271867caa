"""A build after a change reuses what the last build computed for the documents that did not change (build/cache/),
and gives exactly the site a build from nothing gives. A cache file this machine did not write is never believed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adviesregister.base import cache
from adviesregister.base.cache import cache_folder, code_version, text_key
from adviesregister.base.parallel import parallel_map
from adviesregister.content.project import Project
from adviesregister.pipeline import build_site, prepare

from helpers import ARCHIEF_DOCUMENTEN, copy_project

CHANGED = "content/documenten/almelo/2023/almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport.md"
NEW_ID = "almelo-2024-03-05-rapport-van-de-adviesraad"
NEW = f"""---
id: {NEW_ID}
soort: stuk
stuktype: rapport
titel: Rapport van de adviesraad
datum: "2024-03-05"
gemeente: almelo
hoort_bij:
  - almelo-2022-12-22-ongevraagd-advies-nsob-rapport
---

De adviesraad sprak over het rapport en over de reactie van het college.

## Vervolg

De adviesraad volgt de uitvoering.
"""


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(site.rglob("*")) if path.is_file()}


def change(project: Project) -> None:
    """One letter gets a paragraph more, one document is added."""
    letter = project.root / CHANGED
    letter.write_text(letter.read_text(encoding="utf-8") + "\nHet college komt hier in het voorjaar op terug.\n", encoding="utf-8")
    (project.documents / "almelo" / "2024").mkdir()
    (project.documents / "almelo" / "2024" / f"{NEW_ID}.md").write_text(NEW, encoding="utf-8")


@pytest.fixture
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A signing key of this test's own (outside every project), as a new machine has."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "machine-cache"))
    cache._signing_key.cache_clear()
    yield
    cache._signing_key.cache_clear()


def test_a_build_after_a_change_redoes_only_the_changed_documents_and_equals_a_clean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_key: None
) -> None:
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    project = copy_project(tmp_path / "stap-voor-stap")
    assert build_site(project).problems == []
    assert sorted(path.name for path in cache_folder(project.root).iterdir()) == ["brieven.json", "originelen.json", "platte-tekst.json", "privacy.json"]
    change(project)
    computed: list[tuple[str, int]] = []
    real = parallel_map

    def counting(function: Any, items: Any) -> Any:
        computed.append((function.__name__, len(items)))
        return real(function, items)

    monkeypatch.setattr(cache, "parallel_map", counting)
    assert build_site(project).problems == []
    # the changed letter and the new one: their HTML made once, by check (the render takes it from the cache);
    # no original changed: none judged again (by check, then by the build)
    assert sorted(computed) == [
        ("check_privacy_shown", 2),
        ("judge_original", 0),
        ("judge_original", 0),
        ("letter_html", 0),
        ("letter_html", 2),
        ("plain_text", 2),
    ]
    monkeypatch.setattr(cache, "parallel_map", real)
    monkeypatch.setenv("ADVIESREGISTER_CACHE", "0")
    clean = copy_project(tmp_path / "in-een-keer", content=project.content)
    assert build_site(clean).problems == []
    assert not cache_folder(clean.root).exists()
    incremental, fresh = digests(project.root / "site"), digests(clean.root / "site")
    assert sorted(incremental.keys() ^ fresh.keys()) == []
    assert [name for name in incremental if incremental[name] != fresh[name]] == []
    assert f"documenten/{NEW_ID}/index.html" in incremental


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path: Path, own_key: None) -> None:
    project = copy_project(tmp_path / "project")
    assert build_site(project).problems == []
    (project.root / CHANGED).unlink()
    assert build_site(project).problems == []
    body = (cache_folder(project.root) / "brieven.json").read_bytes().split(b"\n", 1)[1]
    prepared, _ = prepare(project)
    assert prepared is not None and len(prepared.archive.documents) == ARCHIEF_DOCUMENTEN - 1  # CHANGED was removed
    assert set(json.loads(body)["resultaten"]) == {text_key(doc.tekst) for doc in prepared.archive.documents}


@pytest.mark.parametrize("signature", ["geen handtekening", "een andere sleutel"])
def test_a_cache_file_from_elsewhere_is_ignored(tmp_path: Path, own_key: None, signature: str) -> None:
    """build/ could come with a pull request: a forged letter (a script) or a forged privacy check (no problems) must
    not be believed, however well its keys are made."""
    import hmac

    project = copy_project(tmp_path / "project")
    letter = project.root / CHANGED
    prepared, _ = prepare(project)
    assert prepared is not None
    text = prepared.archive.by_id()[letter.stem].tekst
    forged = {"versie": code_version(), "resultaten": {text_key(text): '<p>Vervalst</p><script>alert("cache")</script>'}}
    body = json.dumps(forged).encode()
    head = b"0" * 64 if signature == "geen handtekening" else hmac.new(b"k" * 32, body, hashlib.sha256).hexdigest().encode()
    cache_folder(project.root).mkdir(parents=True, exist_ok=True)
    (cache_folder(project.root) / "brieven.json").write_bytes(head + b"\n" + body)
    assert build_site(project).problems == []
    page = (project.root / "site" / "documenten" / letter.stem / "index.html").read_text(encoding="utf-8")
    assert "Vervalst" not in page and "alert(" not in page
    rewritten = (cache_folder(project.root) / "brieven.json").read_bytes()
    assert b"Vervalst" not in rewritten  # replaced by this machine's own, signed results


def test_without_a_place_for_the_key_the_build_runs_without_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand, geen map", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    cache._signing_key.cache_clear()
    project = copy_project(tmp_path / "project")
    assert build_site(project).problems == []
    assert not cache_folder(project.root).exists()
    cache._signing_key.cache_clear()


def test_content_with_problems_keeps_no_cache(tmp_path: Path, own_key: None) -> None:
    """prepare saves the check's caches (privacy, the letters' HTML, the originals' verdicts) only when the content has
    no problems: content with problems builds nothing, not even the cache."""
    project = copy_project(tmp_path / "project")
    letter = project.root / CHANGED
    good = letter.read_text(encoding="utf-8")
    letter.write_text(good + "\nBel mij op 06-24681357.\n", encoding="utf-8")
    prepared, problems = prepare(project)
    assert prepared is None and [problem.code for problem in problems] == ["persoonsgegevens"]
    assert sorted(cache_folder(project.root).glob("*.json")) == []
    letter.write_text(good, encoding="utf-8")
    prepared, problems = prepare(project)
    assert prepared is not None and problems == []
    assert sorted(path.name for path in cache_folder(project.root).glob("*.json")) == ["brieven.json", "originelen.json", "privacy.json"]
