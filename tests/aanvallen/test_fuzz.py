"""Property-based attacks (hypothesis): whatever the input, only the documented errors, and what `check` accepts renders.

(a) front matter: YAML-ish text, wrong-typed values for every schema field, any unicode (control characters too);
(b) letter bodies: Markdown with brackets, HTML, comments, entities, tables, nesting;
(c) imported files: random bytes and mutated real letters as .txt, .html, .md, .docx and .pdf;
(d) personal data disguised in the Markdown but shown whole on the page: a BSN, phone number, e-mail address or IBAN
    with entities, backslash escapes, empty comments, spans, links, emphasis and invisible characters inside it, and a
    label glued to it with a hyphen.

Properties: loading gives a document or Problems, never another exception (ParseError becomes a Problem); extracting
gives text or ExtractError; for a document `check` accepts, the page, the feeds and every open-data writer run
without an exception; what the importer writes, the parser reads; a planted value the page shows is refused by
`check` (0 leaks).

`make test` runs a small, fixed profile; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs at least 10,000 cases and says how many.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import string
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conversions import to_docx, to_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adviesregister.content.check import check_archive
from adviesregister.content.derive import derive_archive
from adviesregister.content.extract import ExtractError, extract_text
from adviesregister.content.load import load_archive, load_document
from adviesregister.content.markup import visible_text
from adviesregister.content.model import Archive, Document
from adviesregister.content.parse import ParseError, parse_document
from adviesregister.content.privacy import INVISIBLE_RE, is_bsn, is_iban
from adviesregister.content.project import Project
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.content.settings import Settings
from adviesregister.importer.letter import read_letter
from adviesregister.importer.letter_import import import_letter
from adviesregister.opendata.records import document_record
from adviesregister.opendata.tables import write_csv, write_sqlite, write_xlsx
from adviesregister.site.feeds import render_feed
from adviesregister.site.pages import build_listings
from adviesregister.site.render import _Writer, write_document, write_listing
from adviesregister.site.sanitize import letter_html
from adviesregister.site.views import build_views

from helpers import ROOT

_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture]
settings.register_profile("klein", max_examples=100, deadline=None, database=None, derandomize=True, suppress_health_check=_CHECKS)
settings.register_profile("fuzz", max_examples=1_300, deadline=None, database=None, suppress_health_check=_CHECKS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "klein"))

BASIS = ROOT / "tests" / "slechte_invoer" / "_basis"
DOC_ID = "almelo-2023-05-01-nieuw"
TODAY = date(2026, 11, 23)
GEVALLEN = {"aantal": 0, "vermomd": 0, "getoond": 0, "gelekt": 0}
"""Cases run, for the closing line of `make fuzz`; of the disguised values (d): how many the page showed whole, and
how many of those `check` let through (leaks)."""
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


class World:
    """The small valid archive, loaded once; each case adds one document to it."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(BASIS, root)
        self.project = Project(root)
        self.archive, problems = load_archive(self.project)
        assert problems == []
        self.path = root / "content" / "documenten" / "almelo" / "2023" / f"{DOC_ID}.md"
        self.out = root / "uit"
        self.out.mkdir()

    def load(self, raw: bytes) -> tuple[Document | None, list[Any]]:
        """The document as `check` sees it: loaded, then checked with the rest of the archive."""
        GEVALLEN["aantal"] += 1
        self.path.write_bytes(raw)
        document, problems = load_document(self.project, self.path)  # never raises: ParseError becomes a Problem
        if document is None:
            assert problems
            return None, problems
        archive = Archive(self.archive.gemeenten, [*self.archive.documents, document], pages=self.archive.pages)
        return document, check_archive(archive, self.project.content)

    def render(self, document: Document) -> None:
        """Everything the build makes of one accepted document: its page, its lists and feeds, and the open data."""
        archive = Archive(self.archive.gemeenten, [*self.archive.documents, document], pages=self.archive.pages)
        derived = derive_archive(archive, TODAY)
        site = Settings()
        views = build_views(archive, derived, site.site_url, {})
        view = views[document.id]
        writer = _Writer(self.out / "pagina")
        write_document(writer, view)
        ordered = sorted(views.values(), key=lambda v: (v.doc.datum.sort_key(), v.id), reverse=True)
        for listing in build_listings(archive, ordered).all():
            write_listing(writer, listing, ("Gemeenten", "gemeenten/"))
            render_feed(listing.feed_titel, listing.feed or "feed.xml", listing.views, site.site_url, {}).encode("utf-8")
        record = document_record(document, derived[document.id], archive, site.site_url)
        json.dumps(record, ensure_ascii=False).encode("utf-8")
        write_csv(self.out / "a.csv", [record])
        write_xlsx(self.out / "a.xlsx", [record], datetime(2026, 1, 1))
        write_sqlite(self.out / "a.sqlite", [record], archive.gemeenten)

    def check_then_render(self, raw: bytes) -> None:
        document, problems = self.load(raw)
        assert all("\n" not in str(problem) for problem in problems), "every problem is one line, like a compiler's"
        if document is not None and not problems:
            self.render(document)


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        yield World(folder / "project")
    finally:
        shutil.rmtree(folder)


@pytest.fixture(scope="module", autouse=True)
def count_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and os.environ.get("HYPOTHESIS_PROFILE") == "fuzz":
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{GEVALLEN['aantal']} gegenereerde gevallen, {request.session.testsfailed} fouten")
            if GEVALLEN["vermomd"]:
                reporter.write_line(
                    f"{GEVALLEN['vermomd']} vermomde persoonsgegevens, {GEVALLEN['getoond']} heel op de pagina, {GEVALLEN['gelekt']} door check gelaten"
                )


# (a) Front matter

FIELDS = list(load_schema(DOCUMENT_SCHEMA)["properties"])
YAML_TOKENS = [
    ": ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!!str ", "!!int ", "!!binary ", "!x ", "? ", "|", ">",
    "~", "null", "true", "yes", "1", "0x1F", "1e999", ".nan", "<<", "=", "#", "%YAML 1.1\n", "---", "...", "\\x07", "\\u0000",
    "\\ud800", "\t", "\x07", "\x85", "\u2028", "9" * 40,
]  # fmt: skip
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT, st.sampled_from(["2023-02-30", "0000", "9999-12-31", "a" * 300]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)), max_leaves=12)


def valid_fields() -> dict[str, Any]:
    return {"id": DOC_ID, "soort": "advies", "titel": "Een advies", "datum": "2023-05-01", "gemeente": "almelo"}


def as_file(fields: Any, tekst: str = "Geacht college,\n\nTekst van de brief.\n") -> bytes:
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{tekst}".encode("utf-8", "surrogatepass")


@given(st.lists(st.one_of(st.sampled_from(YAML_TOKENS + FIELDS), TEXT), max_size=40))
def test_yaml_ish_front_matter_gives_problems_never_exceptions(world: World, parts: list[str]) -> None:
    front = "".join(parts)
    world.check_then_render(f"---\nid: {DOC_ID}\n{front}\n---\n\nTekst.\n".encode("utf-8", "surrogatepass"))


@given(st.sampled_from(FIELDS), VALUES)
def test_every_field_with_any_value(world: World, veld: str, waarde: Any) -> None:
    fields = valid_fields()
    fields[veld] = waarde
    world.check_then_render(as_file(fields))


@given(st.dictionaries(st.sampled_from(["titel", "van", "aan", "onderwerp", "samenvatting"]), st.text(max_size=60), min_size=1))
def test_any_unicode_in_text_fields(world: World, teksten: dict[str, str]) -> None:
    world.check_then_render(as_file({**valid_fields(), **teksten}))


@given(st.binary(max_size=400))
def test_random_bytes_as_a_content_file(world: World, raw: bytes) -> None:
    world.check_then_render(raw)


# (b) Letter bodies

MARKDOWN_TOKENS = [
    "[", "]", "(", ")", "![", "](", "][", "[^1]", "[a]: <>", "<", ">", "<!--", "-->", "<!-- x -->", "<div>", "</div>", "<p>", "</p>",
    "<script>", "<?php ", "<![CDATA[", "<!DOCTYPE html>", "&#1;", "&#0;", "&#xD800;", "&#xFFFF;", "&#x110000;", "&amp;", "&bestaatniet;",
    "|", "| a | b |\n|---|---|\n", "\n", "\n\n", "    ", "\t", "> ", "- ", "* ", "1. ", "# ", "###### ", "*", "**", "_", "`", "```",
    "\\", "{#id}", "{: .x}", "http://a.nl", "<http://a.nl>", "<a@b.nl>", "\r\n", "\u2028", "\u00a0", "\ufeff", "é", "\x07", "\x0c",
    "Behandeld door: ", "123456782", "j.jansen@almelo.nl",
]  # fmt: skip
BODIES = st.lists(st.one_of(st.sampled_from(MARKDOWN_TOKENS), st.text(max_size=12)), max_size=60).map("".join)


@given(BODIES)
def test_any_markdown_body_is_refused_or_renders(world: World, tekst: str) -> None:
    world.check_then_render(as_file(valid_fields(), tekst))


@given(BODIES)
def test_letter_html_of_any_markdown_is_clean_text(tekst: str) -> None:
    GEVALLEN["aantal"] += 1
    rendered = letter_html(tekst)
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in rendered)
    assert "<script" not in rendered


# (c) Imported files

SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf"]
LETTER = list((ROOT / "tests" / "zaden").glob("00[01]_*.txt"))  # the two Almelo letters of 2023 (their originals are not in content/)


@cache
def seed(suffix: str) -> bytes:
    """A real letter as each kind of file the importer reads (a function, not a fixture: hypothesis prints its arguments)."""
    text = sorted(LETTER)[0].read_text(encoding="utf-8")[:3000]
    with tempfile.TemporaryDirectory() as folder:
        if suffix == ".docx":
            return to_docx(text, Path(folder) / "brief.docx").read_bytes()
        if suffix == ".pdf":
            return to_pdf(text, Path(folder) / "brief.pdf").read_bytes()
    if suffix == ".html":
        return ("<html><body><main>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n")) + "</main></body></html>").encode()
    return text.encode("utf-8")


def read_as_importer(world: World, suffix: str, raw: bytes) -> None:
    """extract_text, then the importer's reading; a record it would write must be readable by the parser."""
    GEVALLEN["aantal"] += 1
    path = world.out / f"brief{suffix}"
    path.write_bytes(raw)
    try:
        text = extract_text(path)
    except ExtractError:
        return
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in text)
    read_letter(text)
    result = import_letter(world.project, world.archive, path, "almelo")
    for record in result.records:
        try:
            parse_document(record.markdown().encode("utf-8"))
        except ParseError as err:  # the importer wrote what the parser refuses
            raise AssertionError(f"[{err.code}] {err.message}\n{record.markdown()[:2000]}") from None


MUTATIONS = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=0, max_size=8), st.integers(0, 8)), min_size=1, max_size=6)


def mutate(raw: bytes, mutations: list[tuple[float, bytes, int]]) -> bytes:
    """Replace `cut` bytes at a relative position with `insert`: flipped bytes, insertions, deletions, truncations."""
    for where, insert, cut in mutations:
        at = int(where * len(raw))
        raw = raw[:at] + insert + raw[at + cut :]
    return raw


@given(st.sampled_from(SUFFIXES), st.data())
def test_mutated_letters_are_read_or_refused_in_dutch(world: World, suffix: str, data: st.DataObject) -> None:
    raw = mutate(seed(suffix), data.draw(MUTATIONS))
    read_as_importer(world, suffix, raw)


@given(st.sampled_from(SUFFIXES), st.binary(max_size=600))
def test_random_bytes_are_read_or_refused_in_dutch(world: World, suffix: str, raw: bytes) -> None:
    read_as_importer(world, suffix, raw)


@given(st.text(string.printable + "\x00\x07\x0c\x1b\x7f\u2028é€", max_size=400))
def test_the_importer_reads_any_text(text: str) -> None:
    GEVALLEN["aantal"] += 1
    read_letter(text)


def test_a_zip_is_not_needed_for_docx_errors_to_be_dutch(world: World) -> None:
    """A .docx that is no zip at all: the Dutch message, not zipfile's exception."""
    path = world.out / "geen-zip.docx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ExtractError, match=r"^het Word-bestand is beschadigd of geen \.docx"):
        extract_text(path)


# (d) Personal data disguised in the Markdown, shown whole on the page


def _as_bsn(digits: list[int]) -> str:
    """Eight digits and the ninth that makes them pass the eleven-test ('' when none does)."""
    last = sum(a * w for a, w in zip(digits, range(9, 1, -1), strict=True)) % 11
    number = "".join(map(str, digits)) + str(last)
    return number if last < 10 and is_bsn(number) else ""


@st.composite
def bsns(draw: st.DrawFn) -> str:
    number = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8).map(_as_bsn).filter(bool))
    return draw(st.sampled_from([number, f"{number[:4]}.{number[4:6]}.{number[6:]}", f"{number[:3]} {number[3:6]} {number[6:]}"]))


@st.composite
def phones(draw: st.DrawFn) -> str:
    rest = draw(st.text("0123456789", min_size=8, max_size=8))
    return draw(st.sampled_from([f"06{rest}", f"06-{rest}", f"06 {rest[:4]} {rest[4:]}", f"+31 6 {rest}"]))


@st.composite
def ibans(draw: st.DrawFn) -> str:
    bank = draw(st.sampled_from(["ABNA", "RABO", "INGB", "TRIO", "SNSB"]))
    account = draw(st.text("0123456789", min_size=10, max_size=10))
    check = 98 - int("".join(str(int(char, 36)) for char in f"{bank}{account}NL00")) % 97
    iban = f"NL{check:02d}{bank}{account}"
    assert is_iban(iban)
    return iban


EMAILS = st.builds(
    lambda first, last, domain: f"{first}.{last}@{domain}",
    st.sampled_from("ajkmpr"),
    st.sampled_from(["jansen", "devries", "bakker", "el-amrani"]),
    st.sampled_from(["almelo.nl", "gmail.com", "ziggo.nl"]),
)
PLANTED = st.one_of(bsns(), phones(), ibans(), EMAILS)
LABELS = ["", "Bel ", "BSN-", "mobiel-", "tel-", "tel.", "Mail ", "Rekening ", "zie ", "(", "BSN: ", "**", "Telefoon\n"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u2063"]
NAMED = {"-": ["&hyphen;", "&dash;", "&#45;", "&#x2d;"], "@": ["&commat;", "&#64;", "&#x40;"], ".": ["&period;", "&#46;"], " ": ["&#32;", "&nbsp;"]}


def disguise(value: str, data: st.DataObject) -> str:
    """`value` with disguises before some of its characters: what the Markdown hides and the page shows whole."""
    pieces = []
    for index, char in enumerate(value):
        way = data.draw(st.sampled_from(["", "", "", "entity", "escape", "comment", "invisible", "span", "named"]), label=f"vermomming {index}")
        if way == "entity":
            char = data.draw(st.sampled_from([f"&#{ord(char)};", f"&#x{ord(char):x};", f"&#X{ord(char):X};"]))
        elif way == "escape" and char in "-.()+":  # what Markdown unescapes (a backslash before '@' stays on the page)
            char = "\\" + char
        elif way == "comment" and index:
            char = data.draw(st.sampled_from(["<!-- -->", "<!---->", "<!-- x -->"])) + char
        elif way == "invisible" and index:
            char = data.draw(st.sampled_from(INVISIBLE)) + char
        elif way == "span":
            char = data.draw(st.sampled_from(["<span>{}</span>", "<em>{}</em>", "<b>{}</b>", "<span class='x'>{}</span>", "[{}](https://example.nl)"])).format(
                char
            )
        elif way == "named" and char in NAMED:
            char = data.draw(st.sampled_from(NAMED[char]))
        pieces.append(char)
    return "".join(pieces)


_AS_READ = str.maketrans({"\u00a0": " ", "\u2010": "-", "\u2011": "-"})


def as_read(text: str) -> str:
    """What a reader reads: no invisible characters, a no-break space as a space, a hyphen as '-'."""
    return INVISIBLE_RE.sub("", text).translate(_AS_READ)


@settings(max_examples=10_000 if FUZZ else 100)
@given(PLANTED, st.sampled_from(LABELS), st.sampled_from(["", " gerust.", ".", ")", " en verder", "**"]), st.data())
def test_a_disguised_value_the_page_shows_is_refused(world: World, value: str, label: str, after: str, data: st.DataObject) -> None:
    GEVALLEN["vermomd"] += 1
    tekst = f"Geacht college,\n\n{label}{disguise(value, data)}{after}\n\nMet vriendelijke groet.\n"
    document, problems = world.load(as_file(valid_fields(), tekst))
    assert document is not None, problems
    shown = as_read(visible_text(letter_html(tekst)))
    if value not in shown:
        return  # the disguise itself hid it (not shown whole): no leak
    GEVALLEN["getoond"] += 1
    refused = [problem for problem in problems if problem.code == "persoonsgegevens" and problem.path.endswith(f"{DOC_ID}.md")]
    if not refused:
        GEVALLEN["gelekt"] += 1
    assert refused, f"gelekt: {value!r} als {tekst!r}, de pagina toont {shown!r}"
    assert all(":" in problem.message and problem.line >= 1 for problem in refused)
