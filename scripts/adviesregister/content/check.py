"""Rules across documents, on top of the schema: ids, links, dates, sources, privacy.

Every function returns problems; none prints or raises.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adviesregister.base.cache import ResultCache, cache_folder, text_key
from adviesregister.content.contact import contact_problem
from adviesregister.content.gemeenten_schrijven import add_command
from adviesregister.content.links import LinkTargets, check_links, link_targets
from adviesregister.content.load import load_archive
from adviesregister.content.markup import content_page_html, letter_html, visible_text
from adviesregister.content.model import Archive, ContentPage, Document, Gemeente, Problem
from adviesregister.content.names import RESERVED_NAMES, page_url, reserved_name_message
from adviesregister.content.originals import check_originals, originals_cache
from adviesregister.content.parse import ParseError, parse_document, read_content_file
from adviesregister.content.paths import find_links_outside_content, find_unsafe_files, source_problem
from adviesregister.content.privacy import INVISIBLE_RE, Finding, describe, detect, detect_in_name, text_fields
from adviesregister.content.project import Project
from adviesregister.content.settings import SettingsError, load_settings
from adviesregister.content.site_config import check_site_config
from adviesregister.content.text_cost import check_text_cost


def load_project(project: Project) -> tuple[Archive | None, list[Problem]]:
    """Read the content into the model, with the problems of reading it and every link or special file in it (which is
    never read); no archive when content/ itself is a link: then everything in it lies elsewhere, and nothing is read."""
    unsafe = find_unsafe_files(project)
    if project.content.is_symlink():
        return None, unsafe
    archive, problems = load_archive(project)
    return archive, problems + unsafe


@dataclass(frozen=True)
class CheckCaches:
    """The results of the last build's costliest checks, kept in build/cache/ (base/cache.py): the privacy check's,
    the letters' HTML (which site/render.py then reuses) and the originals' verdicts. Saved only for content without
    problems: content with problems builds nothing, not even the cache."""

    privacy: ResultCache
    letters: ResultCache
    originals: ResultCache

    @classmethod
    def open(cls, project: Project) -> CheckCaches:
        folder = cache_folder(project.root)
        return cls(ResultCache(folder, "privacy"), ResultCache(folder, "brieven"), originals_cache(folder))

    def save(self) -> None:
        """Keep what this check used, and only that."""
        for cache in (self.privacy, self.letters, self.originals):
            cache.save()


def check_project(project: Project, archive: Archive, caches: CheckCaches) -> list[Problem]:
    """Every rule on the loaded archive and on the project around it (links outside content/, mkdocs.yml,
    gemeenten.yml, the originals); `caches`: the results of the last build, for the costliest checks."""
    problems = find_links_outside_content(project) + check_site_config(project)
    problems += check_gemeenten(archive.gemeenten, project.relative(project.gemeenten_file))
    problems += check_archive(archive, project.content, caches.privacy, caches.letters, _site_url(project)) + check_unread_gemeenten(project, archive)
    return problems + check_originals(archive.documents, project.content, caches.originals)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Each problem once (a linked mkdocs.yml is named by two checks), sorted by file and line."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.code, p.message))


def _site_url(project: Project) -> str:
    """The public address, for the links' check; none when the settings are wrong (check_site_config names them)."""
    try:
        return load_settings(project).site_url
    except SettingsError:
        return ""


def check_archive(
    archive: Archive, content_dir: Path, cache: ResultCache | None = None, letters: ResultCache | None = None, site_url: str = ""
) -> list[Problem]:
    """Everything about the documents together; `cache`: the privacy check's results of the last build, `letters`:
    the letters' HTML (site/render.py reads the same cache); `site_url`: the public address, which links from the root
    must fit."""
    problems = check_ids(archive.documents) + check_sources(archive.documents)
    by_id = archive.by_id()
    unreadable = {Path(path).stem for path in archive.onleesbaar}
    renderable = []  # a letter whose Markdown would cost too much to render is not rendered here either
    for doc in archive.documents:
        problems += check_gemeente(doc, archive)
        problems += check_references(doc, by_id, unreadable)
        problems += check_text(doc)
        problems += check_person_fields(doc)
        cost = check_text_cost(doc.path, doc.tekst, doc.text_line)
        problems += cost
        problems += check_bron(doc, content_dir)
        renderable.append(not cost)
    texts = [doc.tekst for doc, ok in zip(archive.documents, renderable, strict=True) if ok]
    made = iter((letters or ResultCache(None, "brieven")).map(letter_html, texts, [text_key(text) for text in texts]))
    shown = [next(made) if ok else "" for ok in renderable]
    keys = [text_key(repr(doc)) for doc in archive.documents]  # every field, the text and the file's name
    store = cache or ResultCache(None, "privacy")
    pairs = list(zip(archive.documents, shown, strict=True))
    for found in store.map(check_privacy_shown, pairs, keys, _problems_json, _problems_from_json):  # the costliest check
        problems += found
    problems += check_cycles(archive.documents, by_id)
    targets = link_targets(archive, site_url)
    for doc, letter in pairs:  # a link in a letter, as the page shows it
        problems += check_links(doc.path, doc.tekst, doc.text_line, letter, page_url(doc.id), targets, anchors=False)
    for page in archive.pages:
        problems += check_content_page(page, targets)
    return problems


def _problems_json(problems: list[Problem]) -> list[list[Any]]:
    return [[problem.path, problem.line, problem.code, problem.message] for problem in problems]


def _problems_from_json(rows: list[list[Any]]) -> list[Problem]:
    return [Problem(str(path), int(line), str(code), str(message)) for path, line, code, message in rows]


def check_gemeenten(gemeenten: dict[str, Gemeente], path: str) -> list[Problem]:
    """No reserved short name, and no personal data in what every page of the gemeente shows."""
    problems = []
    for slug, gemeente in gemeenten.items():
        line = gemeente.lines.get(slug, 1)
        if slug in RESERVED_NAMES:
            problems.append(Problem(path, line, "gereserveerde-naam", f"{slug}: {reserved_name_message(slug)}"))
        for field, value in text_fields(gemeente, slug):
            if field.endswith(".contact"):  # contact.py's rule, with its reason, instead of the general one
                if reason := contact_problem(value):
                    problems.append(Problem(path, gemeente.lines.get(field, line), "persoonlijk-contact", f"{field}: {reason}"))
                continue
            problems += _personal_data(path, gemeente.lines.get(field, line), field, value, name=_is_name(field))
    return problems


def check_ids(documents: list[Document]) -> list[Problem]:
    problems = []
    seen: dict[str, Document] = {}
    for doc in documents:
        naam = Path(doc.path).stem
        if naam != doc.id:
            problems.append(
                Problem(
                    doc.path,
                    doc.line("id"),
                    "bestandsnaam",
                    f"id: het bestand heet '{naam}.md', maar de id is '{doc.id}'. Geef het bestand de naam '{doc.id}.md'.",
                )
            )
        if doc.id in RESERVED_NAMES:
            problems.append(Problem(doc.path, doc.line("id"), "gereserveerde-naam", f"id: {reserved_name_message(doc.id)}"))
        if doc.id in seen:
            eerder = seen[doc.id]
            problems.append(
                Problem(
                    doc.path,
                    doc.line("id"),
                    "dubbel-id",
                    f"id: '{doc.id}' wordt al gebruikt in {eerder.path}:{eerder.line('id')}. Geef elk document een eigen id.",
                )
            )
        else:
            seen[doc.id] = doc
    return problems


def check_sources(documents: list[Document]) -> list[Problem]:
    """One original, one document: the same bron.sha256 twice is one letter imported twice (e.g. again with --datum)."""
    problems = []
    seen: dict[str, Document] = {}
    for doc in documents:
        if doc.bron is None:
            continue
        eerder = seen.setdefault(doc.bron.sha256, doc)
        if eerder is not doc:
            problems.append(
                Problem(
                    doc.path,
                    doc.line("bron.sha256"),
                    "dubbele-bron",
                    f"bron.sha256: dit origineel hoort al bij {eerder.path}:{eerder.line('bron.sha256')}; dezelfde brief staat er twee keer in. "
                    "Houd één van de twee documenten over en haal het andere weg (met zijn kopie in content/bronnen/, als die er is).",
                )
            )
    return problems


def check_gemeente(doc: Document, archive: Archive) -> list[Problem]:
    return _unknown_gemeente(doc.path, doc.line("gemeente"), doc.gemeente, archive)


def check_unread_gemeenten(project: Project, archive: Archive) -> list[Problem]:
    """The gemeente of a document that could not be read (a wrong id, say): named in the same run as its other problems,
    not only after they are fixed."""
    problems = []
    for path in archive.onleesbaar:
        try:
            front_matter = parse_document(read_content_file(project.root / path)).front_matter
        except (OSError, ParseError):
            continue
        gemeente = front_matter.data.get("gemeente") if isinstance(front_matter.data, dict) else None
        if isinstance(gemeente, str):
            problems += _unknown_gemeente(path, front_matter.lines.get("gemeente", 1), gemeente, archive)
    return problems


def _unknown_gemeente(path: str, line: int, gemeente: str, archive: Archive) -> list[Problem]:
    if gemeente in archive.gemeenten or not archive.gemeenten:
        return []
    keuzes = ", ".join(f"'{slug}'" for slug in sorted(archive.gemeenten))
    return [
        Problem(
            path,
            line,
            "onbekende-gemeente",
            f"gemeente: '{gemeente}' staat niet in content/gemeenten.yml. Kies uit: {keuzes}, of voeg de gemeente toe met: {add_command(gemeente)}",
        )
    ]


def check_references(doc: Document, by_id: dict[str, Document], unreadable: AbstractSet[str] = frozenset()) -> list[Problem]:
    """Every reference points at a document that exists (or at a file whose own problems are already named)."""
    problems = []
    for field in ("reactie_op", "hoort_bij"):
        for index, target_id in enumerate(getattr(doc, field)):
            line = doc.line(f"{field}.{index}")
            target = by_id.get(target_id)
            if target is None and target_id in unreadable:
                continue
            if target is None:
                problems.append(
                    Problem(
                        doc.path,
                        line,
                        "verwijzing-onbekend",
                        f"{field}: verwijst naar '{target_id}', maar dat document bestaat niet. Controleer de id (de bestandsnaam zonder .md).",
                    )
                )
            elif field == "reactie_op" and doc.datum.laatst() < target.datum.vroegst():
                problems.append(
                    Problem(
                        doc.path,
                        doc.line("datum"),
                        "reactie-te-vroeg",
                        f"datum: dit document ({doc.datum}) is ouder dan '{target_id}' ({target.datum}), waarop het reageert. Controleer beide datums.",
                    )
                )
    return problems


def check_text(doc: Document) -> list[Problem]:
    """The body matches tekst_beschikbaar, and quoted sentences really are in it."""
    if not doc.tekst_beschikbaar:
        if doc.tekst.strip():
            return [
                Problem(
                    doc.path,
                    doc.text_line,
                    "tekst-niet-leeg",
                    "tekst_beschikbaar is false, maar er staat tekst onder het gegevensblok. Haal de tekst weg, of zet tekst_beschikbaar op true.",
                )
            ]
        return []
    problems = []
    if not doc.tekst.strip():
        problems.append(
            Problem(
                doc.path,
                doc.text_line,
                "tekst-ontbreekt",
                "onder het gegevensblok staat geen tekst. Zet de tekst van de brief eronder, of zet 'tekst_beschikbaar: false'.",
            )
        )
    body = _flatten(doc.tekst)
    quotes = [("besluit_citaat", doc.besluit_citaat)]
    quotes += [(f"besluiten.{i}.citaat", besluit.citaat) for i, besluit in enumerate(doc.besluiten)]
    for field, quote in quotes:
        if quote and _flatten(quote) not in body:
            problems.append(
                Problem(
                    doc.path,
                    doc.line(field),
                    "citaat-niet-gevonden",
                    f"{field}: deze zin staat niet letterlijk in de tekst van de brief. Kopieer de zin precies uit de tekst.",
                )
            )
    return problems


def check_person_fields(doc: Document) -> list[Problem]:
    """Each field ingevuld_door_mens names (a person gave it at import) is in the document; the schema allows only the
    fields a person can give at import."""
    return [
        Problem(
            doc.path,
            doc.line("ingevuld_door_mens"),
            "ingevuld-veld-ontbreekt",
            f"ingevuld_door_mens: noemt '{field}', maar dat veld staat niet in het document. Vul '{field}' in, of haal het uit deze lijst.",
        )
        for field in doc.ingevuld_door_mens
        if getattr(doc, field) in (None, [])
    ]


def _flatten(text: str) -> str:
    """Text without Markdown emphasis and with single spaces, to compare quotes."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def check_bron(doc: Document, content_dir: Path) -> list[Problem]:
    """The original stays inside content/bronnen/, is a real file, and has the sha256 in the front matter."""
    if doc.bron is None or doc.bron.bestand is None:  # without bestand: the original is kept outside the archive
        return []
    error = source_problem(content_dir, doc.bron.bestand)
    if error is not None:
        return [Problem(doc.path, doc.line("bron.bestand"), error[0], f"bron.bestand: {error[1]}")]
    path = content_dir / doc.bron.bestand
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    if sha256 != doc.bron.sha256:
        return [
            Problem(
                doc.path,
                doc.line("bron.sha256"),
                "bron-controlegetal",
                f"bron.sha256: het controlegetal past niet bij 'content/{doc.bron.bestand}' (dat heeft {sha256}). Is het bestand vervangen? Zet dan het nieuwe getal hier.",
            )
        ]
    return []


def check_privacy(doc: Document, letter: str | None = None) -> list[Problem]:
    """Personal data in the letter's text (at its own line) and in what its page shows of it (`letter`: its
    letter_html, when made already; '' when its Markdown costs too much to render); in every text field of the front matter (at the field's line); in its folders."""
    in_source = detect(doc.tekst)
    problems = _problems(doc.path, doc.text_line, "tekst", in_source, per_line=True)
    if letter is None:
        letter = "" if check_text_cost(doc.path, doc.tekst, doc.text_line) else letter_html(doc.tekst)
    problems += _shown_problems(doc.path, doc.text_line, "tekst", doc.tekst, letter, in_source)
    for field, value in text_fields(doc):
        problems += _personal_data(doc.path, doc.line(field), field, value, name=_is_name(field))
    folders = Path(doc.path).parent.as_posix().removeprefix("content/")
    return problems + [Problem(doc.path, 1, "persoonsgegevens", f"map: {describe(found)}") for found in detect_in_name(folders)]


def check_privacy_shown(pair: tuple[Document, str]) -> list[Problem]:
    """check_privacy of a document and its letter HTML, made already (parallel_map hands over one item)."""
    return check_privacy(*pair)


def check_content_page(page: ContentPage, targets: LinkTargets | None = None) -> list[Problem]:
    """A hand-written page is published too: the same limits on its Markdown and the same search for personal data as
    in a letter, in its source, in what the page shows and in its file name (its address); with `targets`, its links."""
    path = f"content/paginas/{page.naam}"
    cost = check_text_cost(path, page.tekst, page.text_line)
    problems = cost + _personal_data(path, page.title_line, "title", page.titel)
    problems += [Problem(path, 1, "persoonsgegevens", f"bestandsnaam: {describe(found)}") for found in detect_in_name(page.naam)]
    in_source = detect(page.tekst)
    shown = "" if cost else content_page_html(page.tekst)  # never render what check_text_cost refused
    problems += _problems(path, page.text_line, "tekst", in_source, per_line=True)
    if targets is not None:
        problems += check_links(path, page.tekst, page.text_line, shown, f"{page.naam.removesuffix('.md')}/", targets, anchors=True)
    return problems + _shown_problems(path, page.text_line, "tekst", page.tekst, shown, in_source)


_NAMES = ("id", "slug", "bestand")
"""Fields whose value is published as a name (in addresses, file names, lists): an id, a gemeente's short name, bron.bestand."""


def _is_name(field: str) -> bool:
    parts = field.split(".")
    return parts[-1] in _NAMES or parts[0] in ("reactie_op", "hoort_bij")


def _personal_data(path: str, line: int, field: str, text: str, name: bool = False) -> list[Problem]:
    """A problem for each piece of personal data in `text`, a field at line `line` (`name`: a name published as it
    is, where hyphens separate words, see detect_in_name). A value is
    read with its entities resolved and Markdown's escapes undone: a title on a list page passes through Markdown, and
    whoever shows the open data as HTML resolves '&#45;'."""
    if "&" in text or "\\" in text:
        text = html.unescape(_MARKDOWN_ESCAPE_RE.sub("", text))
    return _problems(path, line, field, detect_in_name(text) if name else detect(text))


_MARKDOWN_ESCAPE_RE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
"""A backslash that Markdown removes (before punctuation)."""


def _problems(path: str, line: int, field: str, found: list[Finding], per_line: bool = False) -> list[Problem]:
    return [Problem(path, line + (one.line if per_line else 0), "persoonsgegevens", f"{field}: {describe(one)}") for one in found]


def _shown_problems(path: str, line_number: int, field: str, tekst: str, shown_html: str, in_source: list[Finding]) -> list[Problem]:
    """Personal data the page shows that the Markdown hides (an entity, an escape, a comment, a tag or an invisible
    character inside it), at the line of `tekst` where it stands, as near as can be told. A text without any of the
    characters that make Markdown show something else than it says (_MAY_HIDE_RE) is shown as written: nothing to add."""
    if not _MAY_HIDE_RE.search(tekst):
        return []
    left = Counter(_compact(found.value) for found in in_source)
    lines: list[str] | None = None
    problems = []
    for found in detect(visible_text(shown_html)):
        key = _compact(found.value)
        if left[key] > 0:  # reported already, at its own line
            left[key] -= 1
            continue
        lines = lines if lines is not None else [_compact(_roughly_shown(line)) for line in tekst.split("\n")]
        line = _source_line(lines, key)
        problems.append(Problem(path, line_number + line, "persoonsgegevens", f"{field} (zoals de pagina het toont): {describe(found)}"))
    return problems


_MAY_HIDE_RE = re.compile(r"[&\\<\[*_`]")
"""What a value can hide behind in Markdown: an entity (&), an escape (\\), HTML or a comment (<), a link ([),
emphasis or code (* _ `). Invisible characters need no rendering: detect reads past them in the source too."""


def _compact(text: str) -> str:
    """Only the letters and digits of `text`, in lower case: '06&#45;1234 5678' and '06-12345678' compare equal once shown."""
    return re.sub(r"[\W_]+", "", INVISIBLE_RE.sub("", text)).lower()


def _roughly_shown(line: str) -> str:
    """A line of Markdown roughly as shown: without comments, tags and link addresses, its entities resolved."""
    return html.unescape(re.sub(r"<!--.*?-->|<[^>]*>|\]\([^)]*\)", "", line))


def _source_line(lines: list[str], key: str) -> int:
    """The line (0 = first) that holds `key`, or else the start of it (a value split over lines); 0 if none does."""
    for length in (len(key), 6, 4):
        for index, line in enumerate(lines):
            if key[:length] in line:
                return index
    return 0


def check_cycles(documents: list[Document], by_id: dict[str, Document]) -> list[Problem]:
    """Report each loop of reactie_op references once, at its first document."""
    problems = []
    reported: set[frozenset[str]] = set()
    for start in documents:
        path = _find_cycle(start.id, by_id)
        if path and frozenset(path) not in reported:
            reported.add(frozenset(path))
            kring = " → ".join([*path, path[0]])
            first = by_id[path[0]]
            problems.append(
                Problem(
                    first.path,
                    first.line("reactie_op"),
                    "kringverwijzing",
                    f"reactie_op: de documenten verwijzen in een kring naar elkaar ({kring}). Een document kan niet (via andere) op zichzelf reageren.",
                )
            )
    return problems


def _find_cycle(start: str, by_id: dict[str, Document]) -> list[str] | None:
    """The ids of a loop through `start`, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        current, path = stack.pop()
        for target in by_id[current].reactie_op if current in by_id else []:
            if target == start:
                return path
            if target not in visited and target in by_id:
                visited.add(target)
                stack.append((target, [*path, target]))
    return None
