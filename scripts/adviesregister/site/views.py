"""Display values for the site: every text a template shows is computed here.

URLs are relative to the site's root ('documenten/x/'); templates make them relative to the page they are on.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlencode

from babel.dates import format_date

from adviesregister.content.derive import BEANTWOORD, REACTIE_UITGEBLEVEN, WACHT_OP_REACTIE, days_to_answer, within_deadline
from adviesregister.content.history import GEPUBLICEERD, GEWIJZIGD, STATUS, HistoryEvent
from adviesregister.content.model import Archive, Datum, Derived, Document, Gemeente
from adviesregister.content.names import absolute_url, feed_link, gemeente_feed_url, gemeente_url, json_url, page_url, thema_url
from adviesregister.site import dutch

STATUS_LABELS = {
    "overgenomen": ("✓", "Overgenomen"),
    "deels overgenomen": ("◐", "Deels overgenomen"),
    "niet overgenomen": ("✗", "Niet overgenomen"),
    "kennisgenomen": ("i", "Het college heeft er kennis van genomen"),
    BEANTWOORD: ("✉", "Beantwoord, besluit niet duidelijk"),
    WACHT_OP_REACTIE: ("…", "Wacht op reactie"),
    REACTIE_UITGEBLEVEN: ("!", "Geen reactie bekend"),
}
"""The site's words for each status. The export keeps its value ('reactie uitgebleven', stable under the open data's
schema version); the site says only what the archive knows: the termijn has passed and it holds no response."""
OLD_STATUS_LABELS = {"Reactie uitgebleven": "Geen reactie bekend"}
"""Labels the site used before, as they may still be in shared addresses (?status=…): the overview and the search page
read them as the label of today."""
OLD_FILTER_VALUES = json.dumps({"status": OLD_STATUS_LABELS}, ensure_ascii=False, sort_keys=True)
"""Per filter (address parameter), each old value and the value of today: the scripts' data-oude-waarden."""
STATUS_ORDER = json.dumps([label for _, label in STATUS_LABELS.values()], ensure_ascii=False)
"""The site's statuses in its own order, for the search page's status filter (zoeken.js; Pagefind sorts by name)."""
SOORT_LABELS = {"advies": "Advies", "reactie": "Reactie van het college", "stuk": "Stuk"}
KENMERK_LABELS = {
    "advies": {"uw_brief": "Datum van de brief van de gemeente", "uw_kenmerk": "Kenmerk gemeente", "ons_kenmerk": "Kenmerk adviesraad"},
    "reactie": {"uw_brief": "Datum van de brief van de adviesraad", "uw_kenmerk": "Kenmerk adviesraad", "ons_kenmerk": "Kenmerk gemeente"},
    "stuk": {"uw_brief": "Datum van de brief waarop dit stuk antwoordt", "uw_kenmerk": "Kenmerk van de ontvanger", "ons_kenmerk": "Kenmerk van de afzender"},
}
"""The front matter's kenmerken as the letter names them ('Uw brief', 'Ons kenmerk': the letter's own perspective),
labelled for the reader by who issued them: an advice is the council's letter to the gemeente, a response the other way."""
ZAAKNUMMER_LABEL = "Zaaknummer gemeente"
DATUM_LABELS = {"advies": "Datum van het advies", "reactie": "Datum van de reactie", "stuk": "Datum van het stuk"}
FILE_KINDS = {".pdf": "PDF", ".docx": "Word-bestand", ".txt": "Tekstbestand"}
"""A published original's kind, by its suffix, as the download says it."""


def kenmerk_label(soort: str, key: str) -> str:
    """'Kenmerk gemeente', 'Kenmerk adviesraad': a kenmerk labelled by who issued it, not as the letter calls it."""
    return ZAAKNUMMER_LABEL if key == "zaaknummer" else KENMERK_LABELS[soort][key]


def format_datum(datum: Datum) -> str:
    """A (partial) date in Dutch words: '23 januari 2023', 'mei 2023' or '2023'."""
    if datum.volledig:
        return format_day(datum.vroegst())
    if datum.maand is not None:
        return format_date(datum.vroegst(), format="MMMM y", locale="nl")
    return str(datum.jaar)


def format_day(day: date) -> str:
    return format_date(day, format="long", locale="nl")


def format_size(size: int) -> str:
    """'812 bytes', '4,7 kB', '1,2 MB'."""
    if size < 1000:
        return dutch.count(size, "byte", "bytes")
    if size < 1_000_000:
        return f"{dutch.number(round(size / 1000, 1))} kB"
    return f"{dutch.number(round(size / 1_000_000, 1))} MB"


def join_words(parts: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def relative_url(target: str, current: str) -> str:
    """The link from the page at `current` to `target` (both relative to the site's root; pages end in '/')."""
    if target.endswith("/") or not target:
        rel = posixpath.relpath(target or ".", current or ".")
        return "./" if rel == "." else f"{rel}/"
    return posixpath.relpath(target, current or ".")


@dataclass(frozen=True)
class Status:
    code: str
    icoon: str
    text: str

    @property
    def css(self) -> str:
        return self.code.replace(" ", "-")


def status_view(status: str | None) -> Status | None:
    if status is None:
        return None
    icoon, tekst = STATUS_LABELS[status]
    return Status(status, icoon, tekst)


@dataclass(frozen=True)
class DocumentLink:
    """A link to another document of the archive, with what a card or the timeline shows of it."""

    titel: str
    url: str
    datum: str
    soort: str
    besluit: str | None = None
    citaat: str | None = None


@dataclass(frozen=True)
class Point:
    """The college's decision on one point (recommendation) of an advice."""

    aanbeveling: str
    status: Status
    citaat: str
    reactie: DocumentLink | None = None
    """The response that decides it; None on the response's own page."""

    @property
    def niet_overgenomen(self) -> bool:
        return self.status.code in NOT_TAKEN_OVER


NOT_TAKEN_OVER = ("niet overgenomen", "deels overgenomen")
"""The decisions on a point that the page of points not taken over lists."""


@dataclass(frozen=True)
class TimelineStep:
    """One step of an advice's timeline."""

    datum: str
    datum_iso: str
    text: str
    link: DocumentLink | None = None
    toelichting: str | None = None
    soort: str = "brief"
    """'brief' (a letter: the advice, a response), 'termijn' (the end of the termijn) or 'archief' (the document's life
    in the archive: added, changed, a status)."""


@dataclass(frozen=True)
class SourceFile:
    naam: str | None
    """The original's file name; None when it is kept outside the archive (only its sha256 is recorded)."""
    sha256: str
    """Of the file the site offers; of the original when it is not published."""
    url: str | None
    """None when the original carries personal data (or a part that could not be read) and is therefore not published."""
    grootte: str | None = None
    als_tekst: bool = False
    """An HTML or Markdown original, offered as plain text (its code shown, never run)."""
    origineel_sha256: str | None = None
    """The original's sha256 (bron.sha256), when the file offered differs from it: a PDF's clean copy."""
    niet_gepubliceerd: str | None = None
    """Why the original is not published, as the page says it (originals.withheld_sentence); None when it is."""

    @property
    def bestandsnaam(self) -> str:
        """The name it is published (and downloaded) under: the document's id and its kind, never the uploaded name."""
        return posixpath.basename(self.url or "")

    @property
    def beschrijving(self) -> str:
        """Its kind and size, as the download button says them: 'PDF, 214 kB'; an HTML or Markdown original as text."""
        soort = "Tekstbestand (de opmaakcode van het origineel)" if self.als_tekst else FILE_KINDS.get(posixpath.splitext(self.bestandsnaam)[1], "Bestand")
        return f"{soort}, {self.grootte}" if self.grootte else soort


@dataclass(frozen=True)
class Summary:
    """The box under a document's title, in one paragraph: what the council advised and what became of it, or what the
    college decided and on which advice."""

    header: str
    """'Wat de adviesraad adviseerde', 'Wat het college besloot' or 'Waar dit stuk over gaat'."""
    text: str
    """The advice's samenvatting (else its subject), the college's own sentence, or the stuk's samenvatting."""
    uitkomst: Status | None = None
    zin: str = ""
    """What became of it: 'Het college reageerde na 32 dagen, binnen de termijn van 8 weken.'"""
    link_woord: str = ""
    links: list[DocumentLink] = field(default_factory=list)
    """The response(s) of an advice, the advice a response answers, what a stuk belongs to."""
    uitkomst_vooraan: bool = False
    """The badge before the text: a response's besluit is its answer, an advice's status what became of it (after)."""


@dataclass
class DocumentView:
    id: str
    titel: str
    url: str
    soort: str
    datum: str
    datum_iso: str
    jaar: int
    gemeente: str
    gemeente_url: str
    van: str | None
    aan: str | None
    status: Status | None
    doc: Document
    themas: list[tuple[str, str]] = field(default_factory=list)
    termijn: str | None = None
    reactietijd: str | None = None
    reacties: list[DocumentLink] = field(default_factory=list)
    reactie_op: list[DocumentLink] = field(default_factory=list)
    stukken: list[DocumentLink] = field(default_factory=list)
    kenmerken: list[tuple[str, str]] = field(default_factory=list)
    tijdlijn: list[TimelineStep] = field(default_factory=list)
    """One timeline in date order: the letters (advice, responses, the termijn) and the document's life in the archive
    (added, changed, a status the letters do not show)."""
    samenvatting: Summary | None = None
    datum_label: str = "Datum"
    """'Datum van het advies', '… van de reactie', '… van het stuk'."""
    adres: str = ""
    """The page's full public address: what 'Kopieer link' copies and a printout shows."""
    afdruk: str = ""
    """The line only a printout shows: where it was printed from and the day the page was made (its days late count to it)."""
    volg_url: str = ""
    """'Volg deze gemeente': the gemeente's feed on the feeds page (where its address is, and what a feed is)."""
    punten: list[Point] = field(default_factory=list)
    """Per point of the advice, the college's decision: on an advice from its responses, on a response its own."""
    bron: SourceFile | None = None
    json_url: str = ""
    citeer: str = ""
    jsonld: str = ""
    filters: list[tuple[str, str]] = field(default_factory=list)
    melding_url: str = ""
    """On an overdue advice: an e-mail to the archive's contact to report a response that is missing."""
    melding_adres: str = ""
    """That e-mail's address, shown in text for whoever has no e-mail program on this device."""
    uitkomst: Status | None = None
    """What its card shows as the outcome: an advice's status, a response's besluit (None for a stuk)."""
    tijd: str | None = None
    """Its card's line on time: an advice's reaction time or days past the termijn, a response's days after the advice."""
    uitkomst_noot: str | None = None
    """For a card without a badge (a stuk): what it is instead of an outcome."""
    te_laat: int | None = None
    """An overdue advice: days since the last day of its termijn, as of the day the statuses were computed."""
    binnen_termijn: bool | None = None
    """An answered advice: whether its first response came within the termijn (None without a termijn)."""

    @property
    def kaart_links(self) -> tuple[str, list[DocumentLink]]:
        """What a card links to besides the document: a response the advice it answers ('op'), a stuk what it belongs to."""
        if self.doc.soort == "reactie":
            return "op", self.reactie_op
        if self.doc.soort == "stuk":
            return "hoort bij", self.stukken
        return "", []

    @property
    def download_tekst(self) -> str:
        """The download button's words: a stuk (a collegevoorstel, a report) is no letter."""
        return "Download het stuk" if self.doc.soort == "stuk" else "Download de brief"

    @property
    def heeft_punten_niet_overgenomen(self) -> bool:
        return any(punt.niet_overgenomen for punt in self.punten)

    @property
    def paginatitel(self) -> str:
        """The browser's title of the page: the document and its gemeente."""
        return f"{self.titel} \N{EN DASH} gemeente {self.gemeente}"

    @property
    def beschrijving(self) -> str:
        """The page's description for search engines and link previews."""
        text = f"{self.soort}, gemeente {self.gemeente}, {self.datum}."
        if self.van and self.aan:
            text += f" Van {self.van} aan {self.aan}."
        if self.status:
            text += f" Status: {self.status.text.lower()}."
        if self.doc.besluit:
            text += f" Besluit van het college: {self.doc.besluit}."
        return text

    @property
    def zoek_labels(self) -> list[tuple[str, str]]:
        """What a search result shows under its title (Pagefind meta, shown as 'Soort: …'), in this order."""
        labels = [("soort", self.soort), ("gemeente", self.gemeente), ("datum", self.datum)]
        if self.status:
            labels.insert(1, ("status", f"{self.status.icoon} {self.status.text}"))
        return labels

    @property
    def thema_namen(self) -> str:
        """The themes for the overview's filter script, separated by '|'."""
        return "|".join(thema for thema, _ in self.themas)


def soort_label(doc: Document) -> str:
    if doc.soort == "advies" and doc.adviestype:
        return f"{doc.adviestype.capitalize()} advies"
    if doc.soort == "stuk" and doc.stuktype:
        return doc.stuktype.capitalize()
    return SOORT_LABELS[doc.soort]


def build_views(
    archive: Archive,
    derived: dict[str, Derived],
    site_url: str,
    sources: dict[str, SourceFile],
    contact: str = "",
    histories: dict[str, list[HistoryEvent]] | None = None,
    today: date | None = None,
) -> dict[str, DocumentView]:
    """One view per document. `sources` holds the published state of each original (by document id); `contact` is the
    archive's e-mail address, where a missing response is reported; `histories` each document's life in the archive;
    `today` the day of the build, to which an overdue advice's days late are counted."""
    by_id = archive.by_id()
    views = {}
    for doc in archive.documents:
        info = derived[doc.id]
        gemeente = archive.gemeenten.get(doc.gemeente)
        view = DocumentView(
            id=doc.id,
            titel=doc.titel,
            url=page_url(doc.id),
            soort=soort_label(doc),
            datum=format_datum(doc.datum),
            datum_iso=str(doc.datum),
            jaar=doc.datum.jaar,
            gemeente=gemeente.naam if gemeente else doc.gemeente,
            gemeente_url=gemeente_url(doc.gemeente),
            van=doc.van,
            aan=doc.aan,
            status=status_view(info.status),
            doc=doc,
            themas=[(thema, thema_url(thema)) for thema in doc.themas],
            reacties=_links(info.reacties, by_id),
            reactie_op=_links(doc.reactie_op, by_id),
            stukken=_links([*doc.hoort_bij, *info.stukken], by_id),
            kenmerken=[(kenmerk_label(doc.soort, key), value) for key, value in doc.kenmerken.items()],
            bron=sources.get(doc.id),
            json_url=json_url(doc.id),
        )
        if info.uiterste_reactiedatum is not None and gemeente is not None:
            view.termijn = f"{dutch.weeks(gemeente.reactietermijn_weken)}, tot en met {format_day(info.uiterste_reactiedatum)}"
        if info.reactietijd is not None:
            view.reactietijd = dutch.days(info.reactietijd)
        view.datum_label = DATUM_LABELS[doc.soort]
        view.tijdlijn = merged_timeline(_timeline(doc, by_id, derived, gemeente), (histories or {}).get(doc.id, []), by_id)
        view.punten = _points(doc, info, by_id)
        view.filters = _filters(view)
        canonical = absolute_url(site_url, view.url)
        view.adres = canonical
        view.afdruk = f"Afgedrukt van {canonical}" + (f"; deze pagina is gemaakt op {format_day(today)}." if today else ".")
        if gemeente is not None:
            view.volg_url = feed_link(gemeente_feed_url(doc.gemeente))
        view.citeer = _citation(view, gemeente, canonical)
        view.jsonld = _jsonld(view, gemeente, canonical, site_url)
        if contact and info.status == REACTIE_UITGEBLEVEN:
            view.melding_url = missing_response_mail(contact, view, canonical)
            view.melding_adres = contact
        _outcome(view, info, by_id, derived, today)
        view.samenvatting = summary(view, info, gemeente, by_id)
        views[doc.id] = view
    return views


UNCLEAR_DECISION = Status(BEANTWOORD, "✉", "Besluit niet duidelijk")
"""A response's badge when the archive does not know its besluit."""


def _outcome(view: DocumentView, info: Derived, by_id: dict[str, Document], derived: dict[str, Derived], today: date | None) -> None:
    """What a card shows of the document's outcome: its badge and a line on time (see DocumentView.uitkomst, .tijd)."""
    doc = view.doc
    if doc.soort == "advies":
        view.uitkomst = view.status
        deadline = info.uiterste_reactiedatum
        answers = [by_id[answer] for answer in info.reacties if by_id[answer].soort == "reactie"]
        if info.reactietijd is not None:
            binnen = deadline is not None and bool(answers) and within_deadline(answers[0], deadline)
            view.binnen_termijn = None if deadline is None else binnen
            view.tijd = f"Reactie na {dutch.days(info.reactietijd)}" + ("" if deadline is None else ", binnen de termijn" if binnen else ", na de termijn")
        elif info.status == REACTIE_UITGEBLEVEN and deadline is not None and today is not None:
            view.te_laat = (today - deadline).days
            view.tijd = f"Termijn {dutch.days(view.te_laat)} voorbij"
        elif info.status == WACHT_OP_REACTIE and deadline is not None:
            view.tijd = f"Termijn loopt tot en met {format_day(deadline)}"
    elif doc.soort == "reactie":
        view.uitkomst = status_view(doc.besluit) if doc.besluit else UNCLEAR_DECISION
        advies = next((by_id[t] for t in doc.reactie_op if t in by_id and by_id[t].soort == "advies"), None)
        dagen = days_to_answer(advies, doc) if advies is not None else None
        if dagen is not None:
            view.tijd = f"{dutch.days(dagen)} na het advies"
    else:
        view.uitkomst_noot = "Stuk, zonder besluit"


def sentence(text: str) -> str:
    """A title or subject as a sentence in the summary box: with a full stop at its end."""
    return text if text.rstrip()[-1:] in (".", "!", "?") else f"{text.rstrip()}."


def summary(view: DocumentView, info: Derived, gemeente: Gemeente | None, by_id: dict[str, Document]) -> Summary:
    """The box under the title (DocumentView.samenvatting): for an advice what it advised and what became of it, for a
    response what the college decided and on which advice, for a stuk what it is about and what it belongs to."""
    doc = view.doc
    if doc.soort == "reactie":
        citaat = f"\N{LEFT DOUBLE QUOTATION MARK}{doc.besluit_citaat}\N{RIGHT DOUBLE QUOTATION MARK}" if doc.besluit_citaat else ""
        tekst = citaat or doc.samenvatting or "Het archief weet niet welk besluit het college nam."
        zin = f"Het college reageerde {view.tijd}." if view.tijd else ""
        return Summary("Wat het college besloot", tekst, view.uitkomst, zin, "Dit is een reactie op", view.reactie_op, uitkomst_vooraan=True)
    onderwerp = sentence(doc.samenvatting or doc.onderwerp or doc.titel)
    if doc.soort == "stuk":
        return Summary("Waar dit stuk over gaat", onderwerp, None, "", "Hoort bij", view.stukken)
    answers = [_link(by_id[answer]) for answer in info.reacties if answer in by_id and by_id[answer].soort == "reactie"]
    deadline = info.uiterste_reactiedatum
    if info.reactietijd is not None:
        zin = answered_sentence(info.reactietijd, view.binnen_termijn, gemeente.reactietermijn_weken if gemeente else None)
    elif answers:
        zin = f"Het college reageerde op {answers[0].datum}."
    elif info.status == REACTIE_UITGEBLEVEN and view.te_laat is not None:
        zin = overdue_sentence(view.te_laat)
    elif info.status == WACHT_OP_REACTIE and deadline is not None:
        zin = f"Het college kan reageren tot en met {format_day(deadline)}."
    else:
        zin = "In dit archief staat nog geen reactie van het college."
    lezen = "Lees de reactie" if len(answers) == 1 else "Lees de reacties"
    if not doc.samenvatting and _same_words(doc.onderwerp or doc.titel, doc.titel):
        return Summary("Wat er met dit advies gebeurde", "", view.status, zin, lezen, answers)  # the title just above says what it advised
    return Summary("Wat de adviesraad adviseerde", onderwerp, view.status, zin, lezen, answers)


def _same_words(one: str, other: str) -> bool:
    """Whether two texts say the same words, whatever their case and punctuation."""
    return re.findall(r"\w+", one.casefold()) == re.findall(r"\w+", other.casefold())


def answered_sentence(dagen: int, binnen: bool | None, weken: int | None) -> str:
    """'Het college reageerde na 32 dagen, binnen de termijn van 8 weken.' (`binnen` None: the archive knows no termijn)."""
    na = "dezelfde dag" if dagen == 0 else f"na {dutch.days(dagen)}"
    termijn = "" if binnen is None else f", {'binnen' if binnen else 'na'} de termijn" + (f" van {dutch.weeks(weken)}" if weken else "")
    return f"Het college reageerde {na}{termijn}."


def overdue_sentence(dagen: int) -> str:
    """'De termijn is 12 dagen voorbij; we vonden geen reactie van het college.'"""
    voorbij = "net voorbij" if dagen == 0 else f"{dutch.days(dagen)} voorbij"
    return f"De termijn is {voorbij}; we vonden geen reactie van het college."


def missing_response_mail(contact: str, view: DocumentView, canonical: str) -> str:
    """A mailto: link with subject and text ready, naming the advice so the archive can find it."""
    subject = f"Ontbrekende reactie op advies: {view.titel}"
    body = (
        f"Het college heeft wel gereageerd op dit advies:\n{view.titel} ({view.datum}, gemeente {view.gemeente})\n{canonical}\n\n"
        "De reactie staat hier (link of datum en kenmerk van de brief):\n"
    )
    return f"mailto:{contact}?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"


def merged_timeline(letters: list[TimelineStep], events: list[HistoryEvent], by_id: dict[str, Document]) -> list[TimelineStep]:
    """The letters' steps and the document's life in the archive as one timeline, in date order (the letters first on
    a day). An archive step that only repeats a letter's step is left out: without git history the statuses follow the
    letters' own dates, so 'wacht op reactie' on the advice's day or a response added on its own date say nothing new."""
    shown = {(step.datum_iso, step.link.url if step.link else None) for step in letters}
    days = {step.datum_iso for step in letters}
    deadline = any(step.soort == "termijn" for step in letters)
    first_status = next((event for event in events if event.gebeurtenis == STATUS), None)
    steps = list(letters)
    for event in events:
        step = _history_step(event, by_id, event is first_status)
        if event.gebeurtenis == STATUS:
            if step.link is not None and ((step.datum_iso, step.link.url) in shown or step.datum_iso in days):
                continue
            if step.link is None and (step.datum_iso in days or (deadline and event.status == REACTIE_UITGEBLEVEN and event is not first_status)):
                continue
        steps.append(step)
    return sorted(steps, key=lambda step: step.datum_iso)


def _history_step(event: HistoryEvent, by_id: dict[str, Document], first_status: bool = False) -> TimelineStep:
    """One step of the document's life in the archive, in plain Dutch. The first status is the one it arrived with."""
    day = format_day(event.datum), event.datum.isoformat()
    if event.gebeurtenis == GEPUBLICEERD:
        return TimelineStep(*day, "Toegevoegd aan het archief", soort="archief")
    if event.gebeurtenis == GEWIJZIGD:
        return TimelineStep(*day, "Voor het laatst gewijzigd in het archief", soort="archief")
    status = status_view(event.status)
    label = status.text.lower() if status else ""
    if event.document and event.document in by_id:
        return TimelineStep(*day, "Reactie van het college toegevoegd aan het archief", _link(by_id[event.document]), f"status: {label}", soort="archief")
    if event.status == REACTIE_UITGEBLEVEN and not first_status:
        return TimelineStep(*day, "De reactietermijn is voorbij", toelichting=f"status: {label}", soort="archief")
    return TimelineStep(*day, f"Status bij het toevoegen aan het archief: {label}" if first_status else f"Status: {label}", soort="archief")


def _links(ids: Iterable[str], by_id: dict[str, Document]) -> list[DocumentLink]:
    return [_link(by_id[target]) for target in ids if target in by_id]


def _link(target: Document) -> DocumentLink:
    return DocumentLink(
        titel=target.titel,
        url=page_url(target.id),
        datum=format_datum(target.datum),
        soort=soort_label(target),
        besluit=target.besluit,
        citaat=target.besluit_citaat,
    )


def _points(doc: Document, info: Derived, by_id: dict[str, Document]) -> list[Point]:
    if doc.soort == "reactie":
        return [Point(b.aanbeveling, _status(b.besluit), b.citaat) for b in doc.besluiten]
    if doc.soort != "advies":
        return []
    answers = [by_id[answer] for answer in info.reacties if by_id[answer].soort == "reactie"]
    return [Point(b.aanbeveling, _status(b.besluit), b.citaat, _link(reactie)) for reactie in answers for b in reactie.besluiten]


def _status(besluit: str) -> Status:
    status = status_view(besluit)
    assert status is not None  # the schema allows only known decisions
    return status


def _timeline(doc: Document, by_id: dict[str, Document], derived: dict[str, Derived], gemeente: Gemeente | None) -> list[TimelineStep]:
    """Advice → responses, each with its response time against the deadline; for a response, from its advice."""
    advies = doc if doc.soort == "advies" else next((by_id[t] for t in doc.reactie_op if t in by_id and by_id[t].soort == "advies"), None)
    if advies is None:
        return []
    info = derived[advies.id]
    steps = [TimelineStep(format_datum(advies.datum), str(advies.datum), "Advies verstuurd aan het college", _link(advies) if advies is not doc else None)]
    answers = [by_id[answer] for answer in info.reacties if by_id[answer].soort == "reactie"]
    for reactie in answers:
        toelichting = None
        dagen = days_to_answer(advies, reactie)
        if dagen is not None and info.uiterste_reactiedatum is not None and gemeente is not None:
            binnen = "binnen" if within_deadline(reactie, info.uiterste_reactiedatum) else "na"
            toelichting = f"na {dutch.days(dagen)}, {binnen} de termijn van {dutch.weeks(gemeente.reactietermijn_weken)}"
        besluit = f": {reactie.besluit}" if reactie.besluit else ""
        steps.append(
            TimelineStep(
                format_datum(reactie.datum),
                str(reactie.datum),
                f"Reactie van het college{besluit}",
                _link(reactie) if reactie is not doc else None,
                toelichting,
            )
        )
    if not answers and doc.soort == "advies" and info.uiterste_reactiedatum is not None:
        verlopen = info.status == REACTIE_UITGEBLEVEN
        tekst = "Laatste dag van de reactietermijn; daarna vonden we in dit archief geen reactie" if verlopen else "Laatste dag van de reactietermijn"
        steps.append(TimelineStep(format_day(info.uiterste_reactiedatum), info.uiterste_reactiedatum.isoformat(), tekst, soort="termijn"))
    return steps


def _filters(view: DocumentView) -> list[tuple[str, str]]:
    """Search filters (Pagefind): name and value."""
    out = [("soort", view.soort), ("jaar", str(view.jaar)), ("gemeente", view.gemeente)]
    if view.status:
        out.append(("status", view.status.text))
    out += [("thema", thema) for thema, _ in view.themas]
    return out


def _citation(view: DocumentView, gemeente: Gemeente | None, canonical: str) -> str:
    auteur = view.van or (gemeente.adviesraad if gemeente and view.doc.soort == "advies" else f"Gemeente {view.gemeente}")
    return f"{auteur} ({view.datum}). {view.titel}. {view.soort}, gemeente {view.gemeente}. Adviesregister. {canonical}"


def _jsonld(view: DocumentView, gemeente: Gemeente | None, canonical: str, site_url: str) -> str:
    """schema.org description of the item, safe to put inside a <script> element."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "@id": canonical,
        "url": canonical,
        "identifier": view.id,
        "name": view.titel,
        "inLanguage": "nl",
        "dateCreated": view.datum_iso,
        "genre": view.soort,
        "keywords": [thema for thema, _ in view.themas],
        "isPartOf": {"@type": "Dataset", "name": "Adviesregister"},
    }
    if view.van:
        data["author"] = {"@type": "Organization", "name": view.van}
    if gemeente:
        data["spatialCoverage"] = {"@type": "AdministrativeArea", "name": gemeente.naam, "identifier": gemeente.tooi_uri}
    if view.doc.reactie_op:
        data["isBasedOn"] = [absolute_url(site_url, page_url(target)) for target in view.doc.reactie_op]
    return script_json(data)


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: object) -> str:
    """JSON to put inside an HTML <script> element: no text in it can close the element or open a comment
    ('</script>', '<!--'), nor end a line for an old JavaScript parser. The escapes stay valid JSON, with the same value."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)
