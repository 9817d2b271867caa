"""Every problem code `check` can give, with what it means and what to do, in plain Dutch.

The publishing guide (site and CONTRIBUTING.md) is generated from this list; a test keeps it complete.
"""

from __future__ import annotations

# code → (wat betekent het, wat doet u)
PROBLEM_CODES: dict[str, tuple[str, str]] = {
    "leeg-bestand": ("Het bestand is leeg.", "Vul het gegevensblok en de tekst in, of haal het bestand weg."),
    "geen-utf8": ("Het bestand is niet opgeslagen als UTF-8, dus letters als ë of € zijn niet te lezen.", "Sla het bestand opnieuw op met codering UTF-8."),
    "geen-gegevensblok": ("Het bestand begint niet met een regel `---`.", "Zet bovenaan `---`, daaronder de velden, en daaronder weer `---`."),
    "niet-afgesloten": ("Het gegevensblok heeft geen tweede regel `---`.", "Zet een regel `---` onder het laatste veld."),
    "geen-gegevens": ("Tussen de regels `---` staat niets, of geen regels `veld: waarde`.", "Schrijf elk veld als `veld: waarde`, op een eigen regel."),
    "yaml-fout": (
        "De schrijfwijze van het gegevensblok klopt niet.",
        "Kijk op de genoemde regel en erboven naar de dubbele punt na de veldnaam, de inspringing en de aanhalingstekens.",
    ),
    "yaml-tag": ("Er staat een waarde die met `!` begint. Dat mag niet.", "Haal het deel dat met `!` begint weg."),
    "yaml-anker": (
        "Er staat een anker (`&naam`) of een verwijzing ernaar (`*naam`). Dat mag niet: een paar regels ervan kunnen uitgroeien tot gigabytes.",
        "Schrijf elke waarde gewoon uit. Begint een tekst met `*` of `&`, zet hem dan tussen aanhalingstekens.",
    ),
    "veldnaam": (
        "Een veldnaam is geen woord: `null`, `true`, `yes`, een getal of een lijst kan geen veldnaam zijn.",
        "Controleer de spelling van de veldnaam; de melding noemt hoe de naam gelezen werd.",
    ),
    "te-diep": ("Het gegevensblok heeft lijsten of groepen die meer dan 10 lagen in elkaar zitten.", "Kijk of er haken `[` of `{` open zijn blijven staan."),
    "getal-te-groot": (
        "Er staat een getal van meer dan 30 cijfers. Zo'n getal komt in geen enkel veld voor.",
        "Is het tekst, zoals een kenmerk? Zet het dan tussen aanhalingstekens.",
    ),
    "stuurteken": (
        "Er staat een onzichtbaar stuurteken in het bestand (U+0000 tot U+001F behalve tab en regeleinde, of U+007F), "
        "in de tekst of in een waarde (ook geschreven als `\\x07` of `\\u0000`). Zulke tekens komen mee bij kopiëren uit een ander programma.",
        "Haal het teken weg; de melding noemt de regel en het teken (U+…). Veel editors tonen het met 'Toon alle tekens'.",
    ),
    "bestand-te-groot": (
        "Het bestand is groter dan 2 MB. Zo groot is geen enkele brief.",
        "Haal eruit wat er niet in hoort, of maak van elke brief een eigen document.",
    ),
    "gegevensblok-te-groot": (
        "Het gegevensblok (of `content/gemeenten.yml`) is groter dan 128 kB.",
        "Zet de tekst van de brief onder de tweede regel `---`, niet in het gegevensblok.",
    ),
    "te-lang": (
        "Een waarde is langer dan mag, zoals een `id` van meer dan 150 tekens. De id is ook de naam van het bestand en een deel van elk webadres.",
        "Maak de waarde korter; geef het bestand dan dezelfde naam als de id.",
    ),
    "dubbel-veld": ("Een veld staat er twee keer.", "Houd er één over."),
    "verplicht-veld": ("Een verplicht veld ontbreekt.", "Voeg het veld toe; de melding geeft een voorbeeld."),
    "afgeleid-veld": ("U hebt een veld ingevuld dat het archief zelf berekent, zoals `status`.", "Haal de regel weg. Het archief rekent het zelf uit."),
    "onbekend-veld": ("Het archief kent dit veld niet.", "Controleer de spelling van de veldnaam, of haal de regel weg."),
    "veld-past-niet": (
        "Dit veld hoort niet bij deze soort document, bijvoorbeeld een `besluit` bij een advies.",
        "Haal het veld weg, of kies de goede `soort`.",
    ),
    "verkeerd-type": ("De waarde heeft de verkeerde vorm, bijvoorbeeld tekst waar een lijst hoort.", "Schrijf de waarde zoals in het voorbeeld in de melding."),
    "ongeldige-waarde": ("De waarde is niet een van de toegestane keuzes.", "Kies een van de waarden die de melding noemt."),
    "ongeldige-datum": ("De datum bestaat niet of is verkeerd geschreven.", "Schrijf JJJJ-MM-DD, of JJJJ-MM of JJJJ als de brief niet meer zegt."),
    "ongeldig-formaat": (
        "De waarde heeft niet de goede vorm, bijvoorbeeld een id met hoofdletters.",
        "Schrijf de waarde zoals in het voorbeeld in de melding.",
    ),
    "lege-waarde": ("Een veld is leeg.", "Vul het in, of haal de regel weg."),
    "dubbele-waarde": ("In een lijst staat een waarde twee keer.", "Houd er één over."),
    "schema": ("Het gegevensblok klopt niet met de afspraken.", "Lees de melding; vraag de beheerder als die niet duidelijk is."),
    "bestand-ontbreekt": ("Het bestand `content/gemeenten.yml` ontbreekt.", "Zet het terug; het noemt elke gemeente in het archief."),
    "onbekende-cbs-code": (
        "Code en naam van een gemeente in `content/gemeenten.yml` staan niet samen in de lijst van het CBS.",
        "Neem code en naam precies over uit de lijst van het CBS, of voeg de gemeente toe met `adviesregister gemeente toevoegen`.",
    ),
    "bestandsnaam": ("De bestandsnaam is niet gelijk aan de `id`.", "Geef het bestand de naam van de id, met `.md` erachter."),
    "gereserveerde-naam": ("Een id of korte naam van een gemeente is `index`; die naam gebruikt het archief zelf.", "Kies een andere naam."),
    "dubbel-id": ("Twee documenten hebben dezelfde `id`.", "Geef elk document een eigen id (en zijn bestand dezelfde naam)."),
    "dubbele-bron": (
        "Twee documenten hebben hetzelfde origineel (dezelfde `bron.sha256`): één brief is twee keer geïmporteerd.",
        "Houd één document over en haal het andere weg, met zijn kopie in `content/bronnen/`. Een ontbrekend veld vult u in het document dat blijft.",
    ),
    "onbekende-gemeente": (
        "De gemeente staat niet in `content/gemeenten.yml`.",
        'Gebruik de korte naam uit dat bestand, of voeg de gemeente toe met `adviesregister gemeente toevoegen "Naam"` (de melding noemt de opdracht).',
    ),
    "verwijzing-onbekend": (
        "Een verwijzing (`reactie_op` of `hoort_bij`) wijst naar een document dat niet bestaat.",
        "Controleer de id: dat is de bestandsnaam zonder `.md`.",
    ),
    "reactie-te-vroeg": ("Een reactie is ouder dan het document waarop zij reageert.", "Controleer beide datums in de brieven."),
    "kringverwijzing": ("Documenten reageren in een kring op elkaar.", "Controleer de `reactie_op` van de genoemde documenten."),
    "tekst-ontbreekt": (
        "Onder het gegevensblok staat geen tekst.",
        "Zet de tekst van de brief eronder. Hebt u alleen de gegevens, zet dan `tekst_beschikbaar: false`.",
    ),
    "tekst-niet-leeg": ("`tekst_beschikbaar` is false, maar er staat wel tekst.", "Haal de tekst weg, of zet `tekst_beschikbaar` op true."),
    "ingevuld-veld-ontbreekt": (
        "`ingevuld_door_mens` noemt een veld dat niet in het document staat.",
        "Vul het veld in, of haal het uit de lijst `ingevuld_door_mens`.",
    ),
    "citaat-niet-gevonden": ("De zin bij `besluit_citaat` staat niet letterlijk in de tekst.", "Kopieer de zin precies uit de tekst van de brief."),
    "bron-ontbreekt": ("Het originele bestand staat niet op de plek die `bron.bestand` noemt.", "Zet het bestand in `content/bronnen/`, of verbeter het pad."),
    "bron-pad": (
        "Het pad bij `bron.bestand` wijst buiten de map `content/bronnen/`, of naar een snelkoppeling, of naar een soort bestand dat het archief niet bewaart.",
        "Zet het originele bestand zelf in `content/bronnen/` en schrijf het pad vanaf `content/`, zonder `..`.",
    ),
    "snelkoppeling": (
        "In `content/` of `site_overrides/`, als `mkdocs.yml`, of ergens anders in wat git bijhoudt staat een snelkoppeling (symlink). Het archief leest die niet, zodat niets van buiten het archief op de site komt.",
        "Vervang de snelkoppeling door het bestand zelf.",
    ),
    "pagina-naam": (
        "Een pagina in `content/paginas/` heeft een naam die niet kan: met hoofdletters, spaties of andere tekens, of een naam die het archief zelf gebruikt.",
        "Geef het bestand een naam met kleine letters, cijfers en streepjes, zoals `over-de-raad.md`.",
    ),
    "pagina-ontbreekt": (
        "Een vaste pagina ontbreekt in `content/paginas/`: `over.md`, `privacy.md` of `toegankelijkheid.md`. Het menu van de site wijst ernaar.",
        "Zet de pagina terug.",
    ),
    "geen-gewoon-bestand": ("In `content/` staat iets dat geen gewoon bestand of map is.", "Haal het weg."),
    "map-te-diep": (
        "In `content/` of `site_overrides/` staat een map die meer dan 20 mappen diep ligt. Zo diep leest het archief niet.",
        "Haal de diepe mappen weg. Documenten horen in `content/documenten/GEMEENTE/JAAR/`.",
    ),
    "bron-persoonsgegevens": (
        "Het originele bestand in `content/bronnen/` bevat persoonsgegevens (in de tekst, of in wat het bestand verder meedraagt: opmerkingen, "
        "eigenschappen, bijlagen, een eerdere versie, alternatieve tekst van afbeeldingen), of een deel ervan kon niet gelezen worden. "
        "De site publiceert het niet, maar de openbare git-repository en haar geschiedenis wel.",
        "Haal het bestand weg uit `content/bronnen/` (`git rm`) en haal de regel `bestand:` onder `bron:` weg; laat `sha256:` staan. Bewaar het origineel buiten het archief.",
    ),
    "bron-controlegetal": (
        "Het controlegetal past niet bij het originele bestand.",
        "Is het bestand vervangen? Zet het nieuwe getal uit de melding bij `bron.sha256`.",
    ),
    "persoonsgegevens": (
        "In de tekst of in een veld van het gegevensblok staat iets dat op persoonsgegevens lijkt: een BSN, een telefoonnummer, een bankrekeningnummer (IBAN), "
        "een persoonlijk e-mailadres (ook geschreven als 'naam[at]gemeente.nl'), of de naam van een ambtenaar of inwoner: "
        "na 'Behandeld door', 'Contactpersoon' of 'Inlichtingen bij', of na 'mevrouw', 'de heer', 'mw.' of 'dhr.'.",
        "Haal het weg. Namen bij een publieke functie (voorzitter, secretaris, burgemeester, wethouder) mogen blijven, "
        "net als algemene adressen zoals info@ en servicenummers (0800, 0900, of 14 met het netnummer).",
    ),
    "tekst-te-lang": ("De tekst heeft meer dan 10.000 alinea's (stukken tekst tussen lege regels).", "Maak van elke brief een eigen document."),
    "alinea-te-lang": ("Eén alinea is langer dan 100.000 tekens.", "Zet lege regels tussen de alinea's, zoals in de brief."),
    "tekst-te-diep": (
        "Een regel begint meer dan 12 lagen diep: met veel spaties, `>`-tekens of lijsttekens aan het begin.",
        "Haal de spaties en tekens aan het begin van de regel weg.",
    ),
    "tekst-te-ingewikkeld": (
        "De tekst heeft zoveel haken `[` of tekens `<` die niet gesloten worden, of zoveel opmaak of lijsten in lijsten, dat de site er te lang over zou doen.",
        "Sluit elke haak, haal overbodige tekens weg, of zet lege regels tussen de alinea's. Een los teken schrijft u als `\\[` of `\\<`.",
    ),
    "instelling-onbekend": (
        "`mkdocs.yml` heeft een instelling, plugin of Markdown-uitbreiding die het archief niet toestaat, zoals `hooks` "
        "(Python-code die bij het bouwen draait), `INHERIT` of `pymdownx.snippets` (zet elk bestand in een pagina). `mkdocs.yml` komt ook met een pull request mee.",
        "Haal de regel weg; de melding noemt wat op die plek wel kan.",
    ),
    "instelling-pad": (
        "Een pad in `mkdocs.yml` wijst buiten het archief of naar een andere map dan de vaste (`build/pages`, `site`, `site_overrides`), "
        "of het bestand (zoals het logo) is geen gewoon bestand in `site_overrides/`.",
        "Schrijf het pad vanaf de map die de melding noemt, zonder `..` en niet beginnend met `/`; zet de vaste mappen terug zoals in het voorbeeldarchief.",
    ),
    "instelling-waarde": (
        'Een instelling in `mkdocs.yml` heeft niet de goede vorm: een tekst van de site met `<`, `>`, `"` of `&…;`, '
        "een webadres dat niet met `https://` begint, of een `contact` dat meer is dan één gewoon e-mailadres.",
        "Schrijf gewone tekst, een heel webadres (`https://…`) of alleen het e-mailadres (`naam@gemeente.nl`), zoals de melding zegt.",
    ),
    "voorbeeld-instelling": (
        "In `mkdocs.yml` staat nog het webadres of het e-mailadres van het voorbeeldarchief, of een ander voorbeeldadres dat niemand bereikt. "
        "`check` waarschuwt; `build` bouwt zo niet, "
        "want het adres zou in de links, de open data en onderaan elke pagina komen.",
        "Schrijf bij `site_url` het echte adres van de site en bij `contact` het algemene e-mailadres van de adviesraad, zoals de melding zegt.",
    ),
    "gemeente-oude-vorm": (
        "Een gemeente in `content/gemeenten.yml` heeft nog één `adviesraad: naam`. Sinds versie 2 van het bestand staan haar adviesraden in een lijst `adviesraden`.",
        "Vervang de regel door de regels die de melding laat zien: `adviesraden:`, daaronder `- naam: …` en `afkortingen: []`.",
    ),
    "persoonlijk-contact": (
        "Het `contact` van een adviesraad in `content/gemeenten.yml` is het e-mailadres van een persoon (zoals `j.jansen@…`) of bevat persoonsgegevens.",
        "Gebruik een functionele mailbox van de adviesraad (zoals `secretariaat@…` of `info@…`) of het webadres van een contactformulier.",
    ),
    "link-werkt-niet": (
        "Een link in de tekst van een brief of een pagina in `content/paginas/` leidt naar een pagina die de site niet heeft "
        "(een document, gemeente, thema, jaar of pagina die niet bestaat, een `.md`-bestand, of een kopje `#…` dat op de pagina niet staat), "
        "is geen webadres of e-mailadres (`javascript:`, `data:`, `file:`: de site laat zo'n adres weg), of begint met `/` terwijl de site in een map staat.",
        "Verbeter het adres: een pagina als `../privacy/`, een document als `../documenten/ID/`, een kopje zoals de melding het noemt, "
        "een webadres met `https://`. Schrijf een pagina van de site vanaf de pagina zelf (`../privacy/`), niet vanaf `/`. Of haal de link weg.",
    ),
    "link-zonder-tekst": (
        "Een link in de tekst heeft geen tekst tussen de haken (`[](adres)`): een schermlezer zegt dan alleen 'link', en niemand ziet waar hij heen gaat.",
        "Zet tussen de haken waar de link heen gaat: `[de privacyverklaring](../privacy/)`.",
    ),
}
