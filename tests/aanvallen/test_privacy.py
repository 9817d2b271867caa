"""Personal data planted everywhere a letter or its front matter can carry it, and proof that none of it leaks:
found and redacted one by one, reported by `adviesregister check` at its file and line, and never written into
a record by `adviesregister import`. Plus what must stay: public roles, general mailboxes, numbers that are not
a person's. Every name, number and address here is made up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from adviesregister.content.originals import is_publishable
from adviesregister.content.parse import parse_document
from adviesregister.content.privacy import detect, find_personal_data, redact

from helpers import ARCHIEF, copy_project, document_count, run_cli

# (kind, text with the planted value, the value)
PLANTED: list[tuple[str, str, str]] = [
    # found by an adversarial review: markup, special spaces and full-width characters inside the value, dots, '+31-', a line break after the title
    ("telefoonnummer", "bel 06-*2468*1370 na tienen", "06-*2468*1370"),
    ("telefoonnummer", "mobiel 06.24.68.13.71 of later", "06.24.68.13.71"),
    ("telefoonnummer", "of +31-6-2468-1372 vanuit het buitenland", "+31-6-2468-1372"),
    (
        "telefoonnummer",
        "bel \uff10\uff16\uff12\uff14\uff16\uff18\uff11\uff13\uff17\uff13 gerust",
        "\uff10\uff16\uff12\uff14\uff16\uff18\uff11\uff13\uff17\uff13",
    ),
    ("bsn", "BSN 637\u00a0337\u00a0670 in de aanvraag", "637\u00a0337\u00a0670"),
    ("bsn", "nummer 552\u2009619\u2009292 bekend", "552\u2009619\u2009292"),
    ("bsn", "cliënt 862\u200b347\u200b816 kreeg een brief", "862\u200b347\u200b816"),
    ("bsn", "bijlage BSN_932282908_brief.pdf", "932282908"),
    ("e-mailadres", "mail j.devries\uff20almelo.nl voor vragen", "j.devries\uff20almelo.nl"),
    ("naam", "Behandeld door: *K. Visser*", "K. Visser"),
    ("naam", "wij spraken met mevrouw\nJ. de Vries over de aanvraag", "J. de Vries"),
    ("naam", "een gesprek met mevrouw\u00a0A. Bakker", "A. Bakker"),
    # BSN, also in the ways people group it
    ("bsn", "Haar BSN is 637337670.", "637337670"),
    ("bsn", "burgerservicenummer 2505.91.960 staat op de aanvraag", "2505.91.960"),
    ("bsn", "het nummer 552 619 292 is bekend bij de gemeente", "552 619 292"),
    ("bsn", "zie 3142 02 699 in het dossier", "3142 02 699"),
    ("bsn", "cliënt 862-347-816 kreeg een beschikking", "862-347-816"),
    ("bsn", "| 825937711 | Jeugdwet |", "825937711"),
    ("bsn", "BSN: 12345678 (acht cijfers, met een nul ervoor)", "12345678"),
    ("bsn", "(932282908)", "932282908"),
    # phone numbers
    ("telefoonnummer", "bel 06-24681357 voor een afspraak", "06-24681357"),
    ("telefoonnummer", "mobiel bereikbaar op 06 2468 1358.", "06 2468 1358"),
    ("telefoonnummer", "of op 0624681359", "0624681359"),
    ("telefoonnummer", "nummer 06 24 68 13 60, na vijf uur", "06 24 68 13 60"),
    ("telefoonnummer", "haar werknummer is 053-4812361", "053-4812361"),
    ("telefoonnummer", "bereikbaar via 053 481 23 62.", "053 481 23 62"),
    ("telefoonnummer", "via (053) 481 23 63 of de balie", "(053) 481 23 63"),
    ("telefoonnummer", "bel +31 6 24681364 vanuit het buitenland", "+31 6 24681364"),
    ("telefoonnummer", "of +31 (0)53 481 23 65", "+31 (0)53 481 23 65"),
    ("telefoonnummer", "of 0031 6 24681366", "0031 6 24681366"),
    ("telefoonnummer", "+31624681367", "+31624681367"),
    ("telefoonnummer", "het secretariaat: 020 - 481 23 68", "020 - 481 23 68"),
    ("telefoonnummer", "Doorkiesnummer: 4869", "4869"),
    ("telefoonnummer", "Tel.\n0534812370", "0534812370"),
    ("telefoonnummer", "zijn Belgische nummer +32 2 481 23 71", "+32 2 481 23 71"),
    # IBAN
    ("iban", "maak het over op NL44RABO0123456789.", "NL44RABO0123456789"),
    ("iban", "rekening NL20 INGB 0001 2345 67 ten name van", "NL20 INGB 0001 2345 67"),
    ("iban", "iban nl02abna0123456789", "nl02abna0123456789"),
    ("iban", "IBAN: NL63TRIO0212345678, onder vermelding van", "NL63TRIO0212345678"),
    ("iban", "Belgische rekening BE68 5390 0754 7034", "BE68 5390 0754 7034"),
    # e-mail, also written so that a machine would miss it
    ("e-mailadres", "mail r.wolters@almelo.nl voor vragen", "r.wolters@almelo.nl"),
    ("e-mailadres", "of j.kuipers[at]almelo.nl", "j.kuipers[at]almelo.nl"),
    ("e-mailadres", "of j.kuipers (at) almelo punt nl", "j.kuipers (at) almelo punt nl"),
    ("e-mailadres", "of p.bakker{at}gemeente-hof.nl", "p.bakker{at}gemeente-hof.nl"),
    ("e-mailadres", "of a.elamrani @ hotmail.com", "a.elamrani @ hotmail.com"),
    ("e-mailadres", "of k.devries apenstaartje gmail punt com", "k.devries apenstaartje gmail punt com"),
    ("e-mailadres", "de familie: fam.yilmaz@ziggo.nl.", "fam.yilmaz@ziggo.nl"),
    ("e-mailadres", "of jan.pietersen [at] xs4all [punt] nl", "jan.pietersen [at] xs4all [punt] nl"),
    ("e-mailadres", "Mail naar j.kuipers\\@almelo.nl.", "j.kuipers\\@almelo.nl"),  # Markdown leaves '\\@' standing: a reader reads past it
    # contact blocks: the name after the label, on the same line or the next
    ("naam", "Behandeld door: R. Wolters-Brinkhuis", "R. Wolters-Brinkhuis"),
    ("naam", "Behandeld door\nR. Kuipers", "R. Kuipers"),
    ("naam", "Contactpersoon: J. Hoekstra", "J. Hoekstra"),
    ("naam", "Contactpersoon\n\nmevrouw S. Öztürk", "mevrouw S. Öztürk"),
    ("naam", "Inlichtingen bij\nde heer Th. van der Meulen, team Jeugd", "de heer Th. van der Meulen"),
    ("naam", "Inlichtingen bij: drs. B. Groenewegen", "drs. B. Groenewegen"),
    ("naam", "Contact: Femke Dijkstra", "Femke Dijkstra"),
    ("naam", "Behandeld door\tB. Visser\tZaaknummer Z-12", "B. Visser"),
    ("naam", "Doorkiesnummer\tBehandeld door\tZaaknummer\n\tH. Mulder\tZ-1", "H. Mulder"),
    ("naam", "Behandeld door M. Sahin M. Bosman", "M. Sahin M. Bosman"),
    ("naam", "Ambtelijk contactpersoon: K. van Leeuwen", "K. van Leeuwen"),
    ("naam", "Contactpersonen: A. Smits en B. Vermeulen", "A. Smits en B. Vermeulen"),
    ("naam", "**Behandeld door:** W. Kramer", "W. Kramer"),
    # the name on the line under the label, with a phone number, a department or a job after it
    ("naam", "Behandeld door\nJ. Meijer 14 0546", "J. Meijer"),
    ("naam", "Behandeld door\nJoost Meijer  afdeling Zorg", "Joost Meijer"),
    ("naam", "Behandeld door\nJoost Meijer | Team Jeugd | 14 0546", "Joost Meijer"),
    ("naam", "Inlichtingen bij\nA.B. Meijer beleidsadviseur Wmo", "A.B. Meijer"),
    ("naam", "Behandeld door\nA. Meijer tel. 14 0546", "A. Meijer"),
    # a label heading a column of a Markdown table: the names in that column
    ("naam", "| Contactpersoon | Telefoon |\n|---|---|\n| Joost Kramer | 14 0546 |", "Joost Kramer"),
    ("naam", "| Wie | Contactpersoon |\n| --- | :---: |\n| Team Jeugd | mevrouw K. de Wit |", "mevrouw K. de Wit"),
    # civil servants and residents in running text: the title stays, the name goes
    ("naam", "Voor vragen belt u onze medewerker mevrouw De Graaf.", "De Graaf"),
    ("naam", "De heer P. Brouwer van team Jeugd voerde het gesprek.", "P. Brouwer"),
    ("naam", "Het verslag is van mw. A. el Amrani.", "A. el Amrani"),
    ("naam", "Volgens dhr. Van den Heuvel-Smit duurde het te lang.", "Van den Heuvel-Smit"),
    ("naam", "Mevrouw Yildirim woont sinds 2019 in de wijk.", "Yildirim"),
    ("naam", "Wij spraken meneer Pietersma en zijn dochter.", "Pietersma"),
    ("naam", "Geachte mevrouw Van Dijk,", "Van Dijk"),
    ("naam", "Geachte heer Bosch,", "Bosch"),
    ("naam", "Het bezwaar van mevr. J.M. Kok is gegrond.", "J.M. Kok"),
    ("naam", "dhr. Ch. de Bruijn belde op 3 mei.", "Ch. de Bruijn"),
    ("naam", "Wij hebben mevrouw Fatima Bouzid gesproken.", "Fatima Bouzid"),
    ("naam", "Ook de heer Jan Peter de Lange was er.", "Jan Peter de Lange"),
    ("naam", "Wij spraken met de wethouder en met mevrouw Terpstra van het wijkteam.", "Terpstra"),
    ("naam", "hr. Verbeek", "Verbeek"),
    ("naam", "Aanwezig: mw Oosterhuis (wijkteam)", "Oosterhuis"),
    # near a public role, but not one
    ("naam", "Burgemeester en wethouders van Almelo, mw. T. Hendriksen", "T. Hendriksen"),
    ("naam", "de secretaris, de burgemeester,\n\nInlichtingen bij: J. Vink", "J. Vink"),
]

NOT_PERSONAL = [
    # public roles with their names
    "Wethouder mevrouw De Vries reageerde positief.",
    "De voorzitter van de adviesraad, de heer P. Zwart, opende de vergadering.",
    "mevrouw J. Smit, wethouder Zorg, was aanwezig.",
    "Burgemeester de heer Van Asperen sprak de raad toe.",
    "Met vriendelijke groet,\nPieter Zwart, voorzitter",
    "de secretaris a.i., de burgemeester,\n\nmevrouw drs. H. Bruinsma de heer K. Vos",
    "Hoogachtend,\n\nmevrouw M. de Boer\nvoorzitter Adviesraad Sociaal Domein",
    "Met vriendelijke groet,\n\nDhr. P. Zwart\nvoorzitter",
    "Portefeuillehouder: C. van Dam-Hoekstra",
    "Contactpersoon: wethouder P. Jansen",
    # titles and labels without a name
    "Geachte heer, mevrouw,",
    "Beste mevrouw en meneer,",
    "Behandeld door\tZaaknummer\n\tDCS - 2383592",
    "Het advies wordt behandeld door de Raad.",
    "Contact: Adviesraad Sociaal Domein Almelo",
    "Inlichtingen bij het secretariaat van de adviesraad.",
    # general mailboxes and web addresses
    "Mail info@gemeente.nl of gemeente@almelo.nl.",
    "secretariaat.adviesraad@almelo.nl en adviesraadsociaaldomein@almere.nl en wmoraad@hof.nl",
    "Zie www.almelo.nl en https://www.almere.nl/asd.",
    # numbers that are not a person's
    "Op 22-05-2023 en op 2023-05-22, om 01-02-2023 13:00 uur.",
    "Ons kenmerk 2023/123456, UIT - 23110291, zaak DCS - 2383592, kenmerk 2023-0123456.",
    "Postbus 5100, 7600 GC Almelo; Grotestraat 174, 7607 CZ Almelo.",
    "Een budget van € 123.456.789 en € 50.000,- en EUR 1.234.567,89 en 123.456.789,00 euro.",
    "Bel gratis 0800-1234 of 0800 1234567, of 0900-8844, of 0900 123 45 67.",
    "De gemeente: 14 0546 of 140546. In nood: 112.",
    "Artikel 2.3.4 Wmo 2015, artikel 10, lid 3, en artikel 7:658 BW.",
    "Gemeentecode GM0141, CollegeWerkProgramma 2022-2026, 2020-2023.",
    "Open van 09.00-17.00 uur, 12-18 jarigen, 3 van de 10.",
    "zaaknummer 1234567890123 en sha256 d479141b5f016a140675450374331072c9b11fadc5c397c5f88195f812ade58a",
    "Rapport NSOB, GGD Twente, ZSM+ overleg.",
]


def test_the_catalogue_is_large_enough() -> None:
    assert len(PLANTED) >= 60
    assert {kind for kind, _, _ in PLANTED} == {"bsn", "telefoonnummer", "iban", "e-mailadres", "naam"}


@pytest.mark.parametrize(("kind", "text", "value"), PLANTED, ids=[value for _, _, value in PLANTED])
def test_planted_data_is_found(kind: str, text: str, value: str) -> None:
    assert [(found.kind, found.value) for found in detect(text)] == [(kind, value)]


@pytest.mark.parametrize(("kind", "text", "value"), PLANTED, ids=[value for _, _, value in PLANTED])
def test_planted_data_is_redacted_and_nothing_is_left(kind: str, text: str, value: str) -> None:
    redacted, removed = redact(text)
    assert value not in redacted
    placeholder = {"bsn": "[BSN verwijderd]", "telefoonnummer": "[telefoonnummer verwijderd]", "iban": "[IBAN verwijderd]"}
    placeholder |= {"e-mailadres": "[e-mailadres verwijderd]", "naam": "[naam verwijderd]"}
    assert redacted == text.replace(value, placeholder[kind])
    assert len(removed) == 1 and value not in removed[0]
    assert find_personal_data(redacted) == []


def test_all_planted_data_in_one_letter_is_found_at_its_own_line() -> None:
    letter = "\n\n".join(text for _, text, _ in PLANTED)
    found = detect(letter)
    assert [(finding.kind, finding.value) for finding in found] == [(kind, value) for kind, _, value in PLANTED]
    lines = letter.split("\n")
    assert all(finding.value.split("\n")[0] in lines[finding.line] for finding in found)  # a number may go on on the next line
    assert find_personal_data(redact(letter)[0]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("bel 06-2468\n1374 na tienen", "06-2468\n1374"), ("BSN 1112\n22333 bekend", "1112\n22333"), ("mail j.kuipers\\@almelo.nl", "j.kuipers\\@almelo.nl")],
)
def test_a_soft_line_break_or_a_markdown_escape_hides_nothing(text: str, value: str) -> None:
    """Markdown and a browser show a single line break as a space, and leave '\\@' standing: a reader reads the value whole."""
    assert [finding.value for finding in detect(text)] == [value]
    assert value not in redact(text)[0]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_what_is_not_personal_stays(text: str) -> None:
    assert find_personal_data(text) == []
    assert redact(text) == (text, [])


ADVICE = {
    "bsn": "lijkt een burgerservicenummer (BSN). Haal het weg: een BSN mag nooit in het archief.",
    "iban": "lijkt een bankrekeningnummer (IBAN). Haal het weg.",
    "telefoonnummer": "lijkt een telefoonnummer. Haal het weg; alleen servicenummers (0800, 0900, of 14 met het netnummer) mogen blijven.",
    "e-mailadres": "lijkt een persoonlijk e-mailadres. Haal het weg; alleen algemene adressen zoals info@ mogen blijven.",
    "naam": "lijkt de naam van een ambtenaar of inwoner. Haal de naam weg; alleen namen bij een publieke functie (voorzitter, secretaris, burgemeester, wethouder) mogen blijven.",
}
REACTIE = "content/documenten/almelo/2023/almelo-2023-07-11-reactie-op-advies-programmas-sociaal-en-vitaal-en-zorg-en-veiligheid.md"
ADVIES = "content/documenten/almelo/2022/almelo-2022-12-22-ongevraagd-advies-nsob-rapport.md"
CITAAT = "Wij nemen dit over, zegt de heer P. Brouwer van team Jeugd."
BESLUIT_CITAAT = "Bel mevrouw De Graaf op 053-4812361."
# field → (planted value, [(kind, what is found, contact label)])
IN_FRONT_MATTER: dict[str, tuple[str, list[tuple[str, str, str | None]]]] = {
    "titel": ("Reactie op advies, na overleg met dhr. Kuipers-Nijhof", [("naam", "Kuipers-Nijhof", None)]),
    "van": ("Burgemeester en wethouders van Almelo, mw. T. Hendriksen", [("naam", "T. Hendriksen", None)]),
    "aan": ("Adviesraad sociaal domein, t.a.v. mevrouw Lammers-Otten", [("naam", "mevrouw Lammers-Otten", "T.a.v.")]),
    "onderwerp": ("Mantelzorg, bel 06-24681399", [("telefoonnummer", "06-24681399", None)]),
    "samenvatting": ("Vragen over de reactie aan r.wolters@almelo.nl.", [("e-mailadres", "r.wolters@almelo.nl", None)]),
    "kenmerken.uw_kenmerk": ("BSN 637337670", [("bsn", "637337670", None)]),
    "kenmerken.ons_kenmerk": ("UIT - 23110291 NL44RABO0123456789", [("iban", "NL44RABO0123456789", None)]),
    "kenmerken.zaaknummer": ("DCS - 2383592 (06 2468 1398)", [("telefoonnummer", "06 2468 1398", None)]),
    "bijlagen.0": ("Brief van mevrouw Yildirim over haar zoon", [("naam", "Yildirim", None)]),
    "besluit_citaat": (CITAAT, [("naam", "P. Brouwer", None)]),
    "besluiten.0.aanbeveling": ("Vraag het aan j.kuipers[at]almelo.nl", [("e-mailadres", "j.kuipers[at]almelo.nl", None)]),
    "besluiten.0.citaat": (BESLUIT_CITAAT, [("naam", "De Graaf", None), ("telefoonnummer", "053-4812361", None)]),
}
IN_TEXT = f"\n{CITAAT}\n\n{BESLUIT_CITAAT}\n\nBehandeld door\nR. Kuipers\n\nContactpersoon: J. Hoekstra, 0624681359\n"
IN_TEXT_FOUND = [
    (CITAAT, "naam", "P. Brouwer", None),
    (BESLUIT_CITAAT, "naam", "De Graaf", None),
    (BESLUIT_CITAAT, "telefoonnummer", "053-4812361", None),
    ("R. Kuipers", "naam", "R. Kuipers", "Behandeld door"),
    ("Contactpersoon:", "naam", "J. Hoekstra", "Contactpersoon"),
    ("Contactpersoon:", "telefoonnummer", "0624681359", None),
]
IN_ADVIES = ("Betrek mw. A. el Amrani bij het plan", "A. el Amrani")


def _set(data: dict[str, Any], path: str, value: str) -> None:
    """Set 'besluiten.0.citaat' (or start the list 'bijlagen.0')."""
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target.setdefault(part, [] if last.isdigit() else {})
    if isinstance(target, list) and int(last) == len(target):
        target.append(value)
    else:
        target[int(last) if isinstance(target, list) else last] = value


def _rewrite(path: Path, change: dict[str, str], extra_text: str = "") -> list[str]:
    """Plant values in a document's front matter and text; its lines afterwards."""
    document = parse_document(path.read_bytes())
    data = document.front_matter.data
    for veld, value in change.items():
        _set(data, veld, value)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{front}---\n\n{document.tekst}{extra_text}", encoding="utf-8")
    return path.read_text(encoding="utf-8").split("\n")


def _line(lines: list[str], needle: str, after: int = 0) -> int:
    return next(number for number, line in enumerate(lines, start=1) if number > after and needle in line)


def _problem(pad: str, regel: int, veld: str, kind: str, value: str, label: str | None) -> str:
    where = f" (bij '{label}')" if label else ""
    return f"{pad}:{regel}: [persoonsgegevens] {veld}: '{value}'{where} {ADVICE[kind]}"


def test_check_names_every_planted_value_at_its_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data = parse_document((project.root / REACTIE).read_bytes()).front_matter.data
    planted = {veld: value for veld, (value, _) in IN_FRONT_MATTER.items()}
    planted["besluiten.0.besluit"] = data["besluiten"][0]["besluit"]
    lines = _rewrite(project.root / REACTIE, planted, IN_TEXT)
    advies_lines = _rewrite(project.root / ADVIES, {"aanbevelingen.0": IN_ADVIES[0]})
    closing = _line(lines, "---", after=1)

    expected = [_problem(ADVIES, _line(advies_lines, IN_ADVIES[0]), "aanbevelingen.0", "naam", IN_ADVIES[1], None)]
    for veld, (value, found) in IN_FRONT_MATTER.items():
        expected += [_problem(REACTIE, _line(lines, value), veld, kind, shown, label) for kind, shown, label in found]
    expected += [_problem(REACTIE, _line(lines, needle, after=closing), "tekst", kind, shown, label) for needle, kind, shown, label in IN_TEXT_FOUND]

    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    by_file_and_line = sorted(expected, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), line))
    assert result.output.splitlines() == [*by_file_and_line, f"{len(expected)} problemen in 2 bestanden."]


def test_the_seed_archive_has_no_personal_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_cli(["check", "--root", project.root])
    assert (result.exit_code, result.output) == (0, f"Geen problemen gevonden in {document_count(project)} documenten.\n")


LETTER = """Gemeente Almelo
Postbus 5100
7600 GC Almelo

Adviesraad sociaal domein
t.a.v. mevrouw K. Wolters-Brinkhuis
Grotestraat 174
7607 CZ Almelo

Uw brief 1 maart 2024\tUw kenmerk BSN 510928249\tOns kenmerk NL16BUNQ2034567890\tDatum 3 april 2024
Bijlage(n)\tDoorkiesnummer 053-4812377\tBehandeld door R. Kleinhout\tZaaknummer Z-24 06-13572468

Onderwerp Reactie op advies mantelzorg, contact mevrouw Zandbergen 06-97531246

Geachte leden van de adviesraad,

Op 1 maart 2024 heeft u ons een advies gegeven over mantelzorg. Wij nemen uw advies over, zegt mevrouw Roodbeen.

{body}

Hoogachtend,

Burgemeester en wethouders van Almelo,
"""
IN_LETTER_HEADER = ["Wolters-Brinkhuis", "510928249", "NL16BUNQ2034567890", "053-4812377", "Kleinhout", "06-13572468", "Zandbergen", "06-97531246", "Roodbeen"]


def test_an_import_writes_no_planted_value_into_a_record(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "gemeenten.yml").write_bytes((ARCHIEF / "gemeenten.yml").read_bytes())
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER.format(body="\n\n".join(text for _, text, _ in PLANTED)), encoding="utf-8")

    result = run_cli(["import", letter, "--root", root])

    assert result.exit_code == 0, result.output
    records = sorted((root / "content" / "documenten").rglob("*.md"))
    # the response, and a record for the advice it answers (not in the archive), named without placeholders
    assert [path.name for path in records] == [
        "almelo-2024-03-01-advies-mantelzorg-contact-mevrouw.md",
        "almelo-2024-04-03-reactie-op-advies-mantelzorg-contact-mevrouw.md",
    ]
    advies, written = (path.read_text(encoding="utf-8") for path in records)
    values = IN_LETTER_HEADER + [value for _, _, value in PLANTED]
    assert [value for value in values if value in written or value in advies or value in result.output] == []
    # the body (each planted value and the name in its first sentence), the title (2), kenmerken (3), the verdict sentence
    assert written.count("verwijderd]") == len(PLANTED) + 1 + 6
    assert "titel: een telefoonnummer" in result.output and "kenmerken.uw_kenmerk: een burgerservicenummer (BSN)" in result.output
    # the original keeps everything (it is the evidence): it stays where it was, out of the public repository
    assert not (root / "content" / "bronnen").exists() and is_publishable(letter) is False
    assert run_cli(["check", "--root", root]).output.count("[persoonsgegevens]") == 0


def test_a_hand_written_page_is_checked_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = "---\ntitle: Contact met mevrouw De Vries\n---\n\n# Contact\n\nBel ons secretariaat.\n\nBehandeld door: P. Bakker, 06-12345678.\n"
    (project.content_pages / "contact.md").write_text(page, encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    lines = [line.split(": [persoonsgegevens] ")[0] for line in result.output.splitlines()[:-1]]
    assert lines == ["content/paginas/contact.md:2", "content/paginas/contact.md:9", "content/paginas/contact.md:9"]


def test_gemeenten_file_is_checked_too(tmp_path: Path) -> None:
    """Found by review: the name of the advisory council is on every page of the gemeente and in the open data."""
    project = copy_project(tmp_path)
    path = project.content / "gemeenten.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- naam: ", "- naam: Contactpersoon J. de Vries 06-24681357, ", 1), encoding="utf-8")
    result = run_cli(["check", "--root", project.root])
    assert result.exit_code == 1
    lines = result.output.splitlines()[:-1]
    assert len(lines) == 2 and all(line.startswith("content/gemeenten.yml:") and "[persoonsgegevens]" in line for line in lines), lines


def _without_thumbnail(path: Path) -> Path:
    """python-docx's template carries a thumbnail (a picture of the first page, which nobody reads): a file with one is
    withheld, so the letters here go without, as Word saves them by default."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist() if not item.filename.startswith("docProps/thumbnail")}
    parts["_rels/.rels"] = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", parts["_rels/.rels"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _original(path: Path, body: bytes) -> Path:
    path.write_bytes(body)
    return path


def test_an_original_is_published_only_when_nothing_it_carries_is_personal(tmp_path: Path) -> None:
    """Found by review: an HTML comment, a Word header or the author of a Word file were published with the original."""
    import docx

    clean = _original(tmp_path / "schoon.html", b"<html><body><p>Geacht college, wij adviseren u.</p></body></html>")
    comment = _original(tmp_path / "opmerking.html", b"<html><body><!-- Behandeld door: J. de Vries, 06-24681357 --><p>Geacht college.</p></body></html>")
    attribute = _original(tmp_path / "attribuut.md", b'Geacht college.\n\n<span title="bel 06-24681357">wij adviseren u</span>\n')
    assert [is_publishable(path) for path in (clean, comment, attribute)] == [True, False, False]

    def word(name: str, header: str = "", author: str = "") -> Path:
        document = docx.Document()
        document.add_paragraph("Geacht college, wij adviseren u.")
        document.sections[0].header.paragraphs[0].text = header
        document.core_properties.author = author
        document.core_properties.last_modified_by = ""
        document.save(str(tmp_path / name))
        return _without_thumbnail(tmp_path / name)

    assert is_publishable(word("schoon.docx")) is True
    assert is_publishable(word("kop.docx", header="Contactpersoon: K. Visser, 06-24681357")) is False
    assert is_publishable(word("auteur.docx", author="Karin Visser")) is False
