"""Personal data disguised in the Markdown source but shown whole to the reader (issue 22): written with HTML entities,
a backslash escape, an empty comment, a span or a link inside the number, invisible characters inside it, or a hyphen
glued between a label and the number. `check` reads what the page shows (content/markup.py: the same renderer and
sanitiser as the site) and every string that is published as a name: ids, file and folder names, bron.bestand,
gemeenten.yml. And what must stay: nothing found on the seeds, the test letters (tests/brieven) or the synthetic
archive. Every name, number and address here is made up."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from adviesregister.base.cache import ResultCache, cache_folder, text_key
from adviesregister.content.load import load_archive
from adviesregister.content.markup import content_page_html, letter_html, visible_text
from adviesregister.content.parse import parse_document
from adviesregister.content.privacy import INVISIBLE_RE, detect, detect_in_name
from adviesregister.content.project import Project
from adviesregister.importer.letter_import import import_letter
from adviesregister.opendata.records import plain_text
from adviesregister.pipeline import prepare

from accuracy import empty_project, labelled_letters
from helpers import copy_project, run_cli
from synthetic import write_archive

DOCUMENT = "content/documenten/almelo/2022/almelo-2022-12-22-ongevraagd-advies-nsob-rapport.md"
RAPPORT = "content/documenten/almelo/2017/almelo-2017-inspectierapport-sociale-wijkteams.md"
ADVICE = {
    "bsn": "lijkt een burgerservicenummer (BSN).",
    "telefoonnummer": "lijkt een telefoonnummer.",
    "e-mailadres": "lijkt een persoonlijk e-mailadres.",
    "iban": "lijkt een bankrekeningnummer (IBAN).",
}

# (kind, a line of Markdown with the disguised value, the value as the page shows it)
DISGUISED: list[tuple[str, str, str]] = [
    ("telefoonnummer", "Bel 06&#45;24681357 voor een afspraak.", "06-24681357"),
    ("telefoonnummer", "Bel &#x30;6-24681358 voor een afspraak.", "06-24681358"),
    ("telefoonnummer", "Bel 06&hyphen;24681359 voor een afspraak.", "06\u201024681359"),
    ("telefoonnummer", "Bel 06\\-24681360 voor een afspraak.", "06-24681360"),
    ("telefoonnummer", "Bel 06<!-- -->24681361 voor een afspraak.", "0624681361"),
    ("telefoonnummer", "Bel 06<span>2468</span>1362 voor een afspraak.", "0624681362"),
    ("telefoonnummer", "Bel 06[2468](https://example.nl/)1363 voor een afspraak.", "0624681363"),
    ("telefoonnummer", "Bereikbaar via mobiel-0624681364 overdag.", "0624681364"),
    ("telefoonnummer", "Bereikbaar via tel-0624681365 overdag.", "0624681365"),
    ("e-mailadres", "Mail j.jansen&#64;almelo.nl met vragen.", "j.jansen@almelo.nl"),
    ("e-mailadres", "Mail p.devries&commat;almelo.nl met vragen.", "p.devries@almelo.nl"),
    ("bsn", "Het nummer 637&#51;37670 staat in het dossier.", "637337670"),
    ("bsn", "Het nummer 552\ufeff619292 staat in het dossier.", "552619292"),
    ("bsn", "Het nummer 862\u200b347\u200c816 staat in het dossier.", "862347816"),
    ("bsn", "Het nummer 9322\u00ad82908 staat in het dossier.", "932282908"),
    ("bsn", "Het nummer 2505\u206091960 staat in het dossier.", "250591960"),
    ("bsn", "Dossier BSN-825937711 is bekend.", "825937711"),
    ("iban", "Rekening NL44&#82;ABO0123456789 ten name van de cliënt.", "NL44RABO0123456789"),
]


def shown(markdown: str) -> str:
    """What a reader sees of a letter's Markdown: the page's text, without the characters nobody sees."""
    return INVISIBLE_RE.sub("", visible_text(letter_html(markdown)))


@pytest.mark.parametrize(("kind", "markdown", "value"), DISGUISED, ids=[value for _, _, value in DISGUISED])
def test_a_disguised_value_is_shown_whole_and_found_in_what_the_page_shows(kind: str, markdown: str, value: str) -> None:
    assert value in shown(markdown), "the page and the open data would show it whole"
    assert value in INVISIBLE_RE.sub("", plain_text(markdown)), "the open data's tekst_platte would show it whole"
    found = detect(visible_text(letter_html(markdown)))
    assert [(one.kind, INVISIBLE_RE.sub("", one.value)) for one in found] == [(kind, value)]


def test_check_names_every_disguised_value_at_its_file_line_and_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project.root / DOCUMENT
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "\n\n".join(markdown for _, markdown, _ in DISGUISED) + "\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    reported = [line for line in result.output.splitlines() if "[persoonsgegevens]" in line]
    for kind, markdown, value in DISGUISED:
        regel = lines.index(markdown) + 1
        visible = INVISIBLE_RE.sub("", value)
        matches = [line for line in reported if line.startswith(f"{DOCUMENT}:{regel}: [persoonsgegevens] tekst") and f"'{visible}'" in line]
        assert len(matches) == 1, (markdown, reported)
        assert ADVICE[kind] in matches[0]
    assert len(reported) == len(DISGUISED)


def test_a_hyphen_separates_a_label_from_a_number_but_joins_the_digits_of_one() -> None:
    assert [one.value for one in detect("BSN-825937711, mobiel-0624681357, tel-0624681358")] == ["825937711", "0624681357", "0624681358"]
    assert [one.value for one in detect("bel 06-24681357 of 053-4812361")] == ["06-24681357", "053-4812361"]
    assert detect("Covid-19, artikel-2, de jaren 2023-2024, Wmo-2015 en zaak DCS-2383592") == []


def test_invisible_characters_are_every_format_character_of_unicode() -> None:
    """A reader does not see any character of category Cf; the detectors read past each of them."""
    missing = [hex(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf" and not INVISIBLE_RE.match(chr(code))]
    assert missing == []
    planted = "BSN 5526\u2063\u202e1929\u20662"
    assert [INVISIBLE_RE.sub("", one.value) for one in detect(planted)] == ["552619292"]


def test_comments_are_dropped_entities_resolved_and_link_addresses_kept() -> None:
    text = visible_text(letter_html("Een <!-- 0624681357 --> brief &amp; [mail](mailto:k.smit@almelo.nl).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
    assert "0624681357" not in text and "&" in text and "mailto:k.smit@almelo.nl" in text
    assert "1\n" in text and "12" not in text, "the cells of a table are not read as one number"
    assert [one.kind for one in detect(text)] == ["e-mailadres"]


def _rewrite_front_matter(path: Path, change: dict[str, object]) -> None:
    document = parse_document(path.read_bytes())
    front = yaml.safe_dump({**document.front_matter.data, **change}, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{front}---\n\n{document.tekst}", encoding="utf-8")


def test_a_number_in_a_published_name_is_refused(tmp_path: Path) -> None:
    """An id (and so the file's name), bron.bestand, a folder, a title and gemeenten.yml: published in addresses,
    lists, feeds and every download."""
    project = copy_project(tmp_path / "project")
    old = project.root / RAPPORT
    doc_id = "almelo-2017-0624681357"
    new = old.with_name(f"{doc_id}.md")
    old.rename(new)
    _rewrite_front_matter(new, {"id": doc_id, "titel": "Advies over BSN-825937711", "onderwerp": "Bel 06\\-24681360 of 06&#45;24681361"})
    other = next(path for path in sorted(project.content.rglob("*.md")) if "documenten" in path.parts and path != new)
    folder = other.parent / "bsn_637337670"
    folder.mkdir()
    moved = folder / other.name
    other.rename(moved)
    _rewrite_front_matter(moved, {"bron": {"bestand": "bronnen/almelo/2023/mobiel-0624681358.pdf", "sha256": "0" * 64}})
    gemeenten = project.gemeenten_file
    gemeenten.write_text(
        gemeenten.read_text(encoding="utf-8") + "lochem-0624681359:\n  naam: Lochem\n  cbs_code: GM0262\n  adviesraden:\n    - naam: Adviesraad Lochem\n"
    )
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    reported = [line for line in result.output.splitlines() if "[persoonsgegevens]" in line]
    pad = project.relative(new)
    lines = new.read_text(encoding="utf-8").split("\n")
    id_line = next(number for number, line in enumerate(lines, 1) if line.startswith("id:"))
    titel_line = next(number for number, line in enumerate(lines, 1) if line.startswith("titel:"))
    assert f"{pad}:{id_line}: [persoonsgegevens] id: '0624681357' lijkt een telefoonnummer." in "\n".join(reported)
    assert f"{pad}:{titel_line}: [persoonsgegevens] titel: '825937711' lijkt een burgerservicenummer (BSN)." in "\n".join(reported)
    onderwerp_line = next(number for number, line in enumerate(lines, 1) if line.startswith("onderwerp:"))
    for value in ("06-24681360", "06-24681361"):  # a list page's title passes through Markdown; the open data may be shown as HTML
        assert f"{pad}:{onderwerp_line}: [persoonsgegevens] onderwerp: '{value}' lijkt een telefoonnummer." in "\n".join(reported)
    moved_pad = project.relative(moved)
    assert any(line.startswith(f"{moved_pad}:1: [persoonsgegevens] map: '637337670'") for line in reported), reported
    moved_lines = moved.read_text(encoding="utf-8").split("\n")
    bron_line = next(number for number, line in enumerate(moved_lines, 1) if line.strip().startswith("bestand:"))
    assert any(line.startswith(f"{moved_pad}:{bron_line}: [persoonsgegevens] bron.bestand: '0624681358'") for line in reported), reported
    gemeenten_line = gemeenten.read_text(encoding="utf-8").split("\n").index("lochem-0624681359:") + 1
    assert any(line.startswith(f"content/gemeenten.yml:{gemeenten_line}: [persoonsgegevens] lochem-0624681359.slug: '0624681359'") for line in reported), (
        reported
    )


def test_a_hand_written_page_is_checked_as_shown_and_by_its_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project.content_pages / "contact-0624681357.md").write_text("---\ntitle: Contact\n---\n\nBel ons.\n\nOf bel 06&#45;24681358.\n", encoding="utf-8")
    assert "06-24681358" in visible_text(content_page_html("Of bel 06&#45;24681358."))
    reported = [line for line in run_cli(["check", "--root", project.root]).output.splitlines() if "[persoonsgegevens]" in line]
    assert reported == [
        "content/paginas/contact-0624681357.md:1: [persoonsgegevens] bestandsnaam: '0624681357' lijkt een telefoonnummer. Haal het weg; "
        "alleen servicenummers (0800, 0900, of 14 met het netnummer) mogen blijven.",
        "content/paginas/contact-0624681357.md:7: [persoonsgegevens] tekst (zoals de pagina het toont): '06-24681358' lijkt een telefoonnummer. "
        "Haal het weg; alleen servicenummers (0800, 0900, of 14 met het netnummer) mogen blijven.",
    ]


def test_hashes_and_the_names_of_a_clean_archive_are_not_read_as_numbers() -> None:
    assert detect_in_name("almelo-2023-05-22-programmas-sociaal-domein") == []
    assert detect_in_name("bronnen/almelo/2023/almelo-2023-05-22-programmas-sociaal-domein.pdf") == []
    assert [one.value for one in detect_in_name("almelo-2024-05-01-0624681357")] == ["0624681357"]


def _persoonsgegevens(project: Project) -> list[str]:
    _, problems = prepare(project)
    return [str(problem) for problem in problems if problem.code == "persoonsgegevens"]


def test_no_false_hits_on_the_seeds(tmp_path: Path) -> None:
    assert _persoonsgegevens(copy_project(tmp_path)) == []


def test_no_false_hits_on_the_test_letters_as_imported(tmp_path: Path) -> None:
    """Every letter of tests/brieven, read by the importer (which leaves out what is personal): check finds nothing
    in the records it writes, neither in their source nor in what their pages show."""
    project = empty_project(tmp_path)
    archive, _ = load_archive(project)
    written = 0
    for _, path, _ in labelled_letters():
        for record in import_letter(project, archive, path).records:
            target = project.root / record.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record.markdown(), encoding="utf-8")
            written += 1
    assert written > 40
    assert _persoonsgegevens(project) == []


def test_no_false_hits_on_the_synthetic_archive(tmp_path: Path) -> None:
    """300 documents here (3,000 measured by hand: 0 hits)."""
    write_archive(tmp_path, 300)
    project = Project(tmp_path)
    assert len(load_archive(project)[0].documents) == 300
    assert _persoonsgegevens(project) == []


def test_the_seed_pages_are_checked_from_the_cached_letter_html(tmp_path: Path) -> None:
    """check keeps the letters' HTML where the build takes it from: one conversion per letter, not two."""
    project = copy_project(tmp_path)
    assert _persoonsgegevens(project) == []
    archive, _ = load_archive(project)
    stored = ResultCache(cache_folder(project.root), "brieven").known
    assert {text_key(doc.tekst) for doc in archive.documents} <= set(stored)
    assert all(stored[text_key(doc.tekst)] == letter_html(doc.tekst) for doc in archive.documents)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Het nummer is \u202e333222111\u202c.", "111222333"),  # a right-to-left override shows the digits reversed
        ("Het nummer is ¹¹¹²²²³³³.", "111222333"),  # superscript digits
        ("Het nummer is 1112\u034f223\ufe0f33.", "111222333"),  # a combining grapheme joiner and a variation selector
        ("| Behandeld door | J. Vredenburgh |", "J. Vredenburgh"),  # the label in one cell, the name in the next
    ],
)
def test_what_a_reader_reads_is_what_is_checked(text: str, shown: str) -> None:
    found = detect(text)
    assert len(found) == 1
    assert unicodedata.normalize("NFKC", INVISIBLE_RE.sub("", found[0].value))[:: -1 if "\u202e" in text else 1] == shown


@pytest.mark.parametrize(
    "name",
    ["almelo-2023-05-01-111222333", "bronnen/almelo/2023/" + "".join(chr(0xFF10 + int(digit)) for digit in "111222333") + ".pdf", "2023-111222333-advies"],
)
def test_a_bsn_after_a_date_or_in_other_digits_in_a_name_is_found(name: str) -> None:
    assert [finding.kind for finding in detect_in_name(name)] == ["bsn"]
