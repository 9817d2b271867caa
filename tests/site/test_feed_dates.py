"""Feeds date an entry by when it was published and last changed (the git history), not by the letter's date."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree, html

from adviesregister.content.history import file_dates
from adviesregister.pipeline import build_site

from helpers import copy_project, download_text, standard

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REACTIE = "content/documenten/almelo/2023/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md"
NSOB = "content/documenten/almelo/2022/almelo-2022-12-22-ongevraagd-advies-nsob-rapport.md"


def git(root: Path, *args: str, when: str = "2026-01-05T10:00:00Z") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Secretaris", "GIT_AUTHOR_EMAIL": "s@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Secretaris", "GIT_COMMITTER_EMAIL": "s@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def history(root: Path) -> None:
    """The seed archive published on 5 January 2026; the NSOB advice added on 3 March (a merged pull request); one response changed on 9 March."""
    nsob = (root / NSOB).read_bytes()
    (root / NSOB).unlink()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archief")
    git(root, "checkout", "-q", "-b", "nsob")
    (root / NSOB).write_bytes(nsob)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "advies NSOB", when="2026-02-20T09:00:00Z")  # written in a pull request...
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "samenvoegen", "nsob", when="2026-03-03T12:00:00Z")  # ...published when merged
    (root / REACTIE).write_text((root / REACTIE).read_text(encoding="utf-8") + "\nNaschrift.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "naschrift", when="2026-03-09T08:30:00Z")


def test_dates_come_from_the_main_line_of_the_history(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    history(project.root)
    dates = file_dates(project.root)
    assert dates[NSOB].gepubliceerd == dates[NSOB].gewijzigd == datetime(2026, 3, 3, 12, tzinfo=UTC)
    assert dates[REACTIE].gepubliceerd == datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert dates[REACTIE].gewijzigd == datetime(2026, 3, 9, 8, 30, tzinfo=UTC)
    assert file_dates(tmp_path) == {}  # no git: no dates


def test_a_feed_shows_what_was_published_or_changed_last_and_stays_the_same_on_another_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "archief")
    history(project.root)
    assert build_site(project).problems == []  # today is the tests' fixed day (SOURCE_DATE_EPOCH)
    first = (project.root / "site" / "feeds" / "alles.xml").read_bytes()
    feed = etree.fromstring(first)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated") for e in entries[:2]] == ["2026-03-09T08:30:00Z", "2026-03-03T12:00:00Z"]
    assert entries[0].findtext(f"{ATOM}title") == "Reactie op advies Programma's Sociaal en Vitaal en Zorg en Veiligheid"
    assert entries[0].findtext(f"{ATOM}published") == "2026-01-05T10:00:00Z"
    assert entries[1].findtext(f"{ATOM}title") == "Ongevraagd advies NSOB rapport"  # a letter of 2022, new in the feed in 2026
    assert feed.findtext(f"{ATOM}updated") == "2026-03-09T08:30:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 2, 1, tzinfo=UTC).timestamp())))  # another day, the same commit
    assert build_site(project).problems == []
    assert (project.root / "site" / "feeds" / "alles.xml").read_bytes() == first


def test_the_sitemap_says_when_content_changed_and_robots_txt_names_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    history(project.root)
    assert build_site(project).problems == []
    site = project.root / "site"
    sitemap = etree.parse(str(site / "sitemap.xml"))
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in sitemap.getroot()}
    base = "https://adviesregister.example/"
    assert lastmod[f"{base}documenten/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid/"] == "2026-03-09"
    assert lastmod[f"{base}documenten/almelo-2022-12-22-ongevraagd-advies-nsob-rapport/"] == "2026-03-03"
    assert lastmod[f"{base}documenten/almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale/"] == "2026-01-05"
    assert lastmod[base] == lastmod[f"{base}documenten/"] == lastmod[f"{base}gemeenten/almelo/"] == "2026-03-09"
    assert lastmod[f"{base}gemeenten/almere/"] == "2026-01-05"
    assert lastmod[f"{base}zoeken/"] is None  # not the build date: nothing there changes with the content
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines()[-2:] == [f"Sitemap: {base}sitemap.xml", f"Sitemap: {base}sitemap-diwoo.xml"]
    etree.XMLSchema(etree.parse(str(standard("sitemap/sitemap.xsd")))).assertValid(sitemap)
    woo = etree.parse(str(site / "sitemap-diwoo.xml")).getroot()
    woo_lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in woo}
    assert woo_lastmod and all(woo_lastmod[loc] == lastmod[loc] for loc in woo_lastmod)  # the Woo index sees the same changes


def test_without_git_the_sitemap_gives_no_dates(built_site: Path) -> None:
    sitemap = etree.parse(str(built_site / "sitemap.xml"))
    assert not sitemap.getroot().findall(f"{SITEMAP}url/{SITEMAP}lastmod")
    etree.XMLSchema(etree.parse(str(standard("sitemap/sitemap.xsd")))).assertValid(sitemap)


def test_every_document_has_a_history_from_git_in_its_json_and_on_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    history(project.root)
    assert build_site(project).problems == []
    site = project.root / "site"
    nsob = json.loads((site / "open-data" / "documenten" / "almelo-2022-12-22-ongevraagd-advies-nsob-rapport.json").read_text(encoding="utf-8"))
    assert (nsob["gepubliceerd"], nsob["gewijzigd"]) == ("2026-03-03", "2026-03-03")
    # its response was in the archive already: on the day the advice arrived, its status was the response's
    assert nsob["geschiedenis"] == [
        {"datum": "2026-03-03", "gebeurtenis": "gepubliceerd", "status": None, "document": None},
        {"datum": "2026-03-03", "gebeurtenis": "status", "status": "niet overgenomen", "document": None},
    ]
    reactie = json.loads((site / "open-data" / "documenten" / f"{Path(REACTIE).stem}.json").read_text(encoding="utf-8"))
    assert (reactie["gepubliceerd"], reactie["gewijzigd"]) == ("2026-01-05", "2026-03-09")
    assert [event["gebeurtenis"] for event in reactie["geschiedenis"]] == ["gepubliceerd", "gewijzigd"]
    almere = "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale"
    page = html.parse(str(site / "documenten" / almere / "index.html")).getroot()
    lines = [" ".join(li.text_content().split()) for li in page.xpath("//section[h2='Tijdlijn']/ol/li")]
    assert lines == [  # one timeline: the letters' dates, then the archive's (here from git)
        "11 maart 2019: Advies verstuurd aan het college",
        "6 mei 2019: Laatste dag van de reactietermijn; daarna vonden we in dit archief geen reactie",
        "5 januari 2026: Toegevoegd aan het archief",
        "5 januari 2026: Status bij het toevoegen aan het archief: geen reactie bekend",
    ]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(download_text(site / "open-data", "adviesregister.csv")))}
    assert (rows[Path(REACTIE).stem]["gepubliceerd"], rows[Path(REACTIE).stem]["gewijzigd"]) == ("2026-01-05", "2026-03-09")


def test_without_git_the_history_follows_the_letters_dates(built_site: Path) -> None:
    almere = "almere-2019-03-11-ongevraagd-advies-adviesraad-sociaal-domein-ten-aanzien-van-het-regionale"
    record = json.loads((built_site / "open-data" / "documenten" / f"{almere}.json").read_text(encoding="utf-8"))
    assert (record["gepubliceerd"], record["gewijzigd"]) == (None, None)
    assert record["geschiedenis"] == [
        {"datum": "2019-03-11", "gebeurtenis": "status", "status": "wacht op reactie", "document": None},
        {
            "datum": str(date.fromisoformat(record["uiterste_reactiedatum"]) + timedelta(days=1)),
            "gebeurtenis": "status",
            "status": "reactie uitgebleven",
            "document": None,
        },
    ]
    page = html.parse(str(built_site / "documenten" / almere / "index.html")).getroot()
    lines = [" ".join(li.text_content().split()) for li in page.xpath("//section[h2='Tijdlijn']/ol/li")]
    # the statuses follow the letters' own dates here: the timeline does not say them twice
    assert lines == [
        "11 maart 2019: Advies verstuurd aan het college",
        "6 mei 2019: Laatste dag van de reactietermijn; daarna vonden we in dit archief geen reactie",
    ]
    nsob = json.loads((built_site / "open-data" / "documenten" / "almelo-2022-12-22-ongevraagd-advies-nsob-rapport.json").read_text(encoding="utf-8"))
    assert [(event["datum"], event["status"]) for event in nsob["geschiedenis"]] == [("2022-12-22", "wacht op reactie"), ("2023-01-23", "niet overgenomen")]
    page = html.parse(str(built_site / "documenten" / "almelo-2022-12-22-ongevraagd-advies-nsob-rapport" / "index.html")).getroot()
    (link,) = page.xpath("//section[h2='Tijdlijn']/ol/li/a")
    assert (link.text, link.get("href")) == ("Reactie van het college: niet overgenomen", "../almelo-2023-01-23-reactie-ongevraagd-advies-nsob-rapport/")


def test_the_release_history_lists_each_version_of_the_archive(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "archief")
    history(project.root)
    assert build_site(project).problems == []
    open_data = project.root / "site" / "open-data"
    versions = json.loads((open_data / "versies.json").read_text(encoding="utf-8"))["versies"]
    assert [(v["datum"], len(v["toegevoegd"]), v["gewijzigd"], v["verwijderd"]) for v in versions] == [
        ("2026-03-09T08:30:00Z", 0, [Path(REACTIE).stem], []),
        ("2026-03-03T12:00:00Z", 1, [], []),  # the merge of the pull request, not its own commit of 20 February
        ("2026-01-05T10:00:00Z", 6, [], []),
    ]
    assert versions[1]["toegevoegd"] == [Path(NSOB).stem]
    feed = etree.parse(str(open_data / "versies.xml")).getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "2026-03-09: 1 gewijzigd (document)",
        "2026-03-03: 1 erbij (document)",
        "2026-01-05: 6 erbij (documenten)",
    ]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-09T08:30:00Z"
    links = entries[1].findall(".//{http://www.w3.org/1999/xhtml}a")
    assert [(link.text, link.get("href")) for link in links] == [
        ("Ongevraagd advies NSOB rapport", f"https://adviesregister.example/documenten/{Path(NSOB).stem}/")
    ]


def test_without_git_the_release_history_is_empty(built_site: Path) -> None:
    assert json.loads((built_site / "open-data" / "versies.json").read_text(encoding="utf-8"))["versies"] == []
    assert etree.parse(str(built_site / "open-data" / "versies.xml")).getroot().findall(f"{ATOM}entry") == []
