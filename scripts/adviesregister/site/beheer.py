"""The content editor at /beheer/: Decap CMS with a configuration generated from the document schema and gemeenten.yml.

A secretary fills in a form instead of YAML. Every front-matter field of `schema/document.schema.json` becomes a
field of the form, with its Dutch title as label and its description as hint; enums are choices, the gemeente a
choice of the archive's gemeenten, `reactie_op` and `hoort_bij` pickers of the archive's documents, dates text with
the schema's pattern (a letter may give only a year or a month), and the nested groups (`kenmerken`, `bron`, the
per-point `besluiten`) groups and lists. A new document gets the id as its file name and the folder `check` expects:
content/documenten/<gemeente>/<jaar>/<id>.md (content/names.py). Nothing of the configuration is kept by hand.

Opt-in (`extra: adviesregister: beheer:` in mkdocs.yml, content/settings.Beheer): only then does the build need the
editor's script, which npm installs from the pinned package.json (`npm ci`) and this module copies from node_modules/.
The page is `noindex`, carries no `data-pagefind-body` (so Pagefind leaves it out) and is a static file, not a page of
MkDocs' (so it is not in the sitemap); its Content-Security-Policy lets it load nothing from another host and talk
only to GitHub's API (and decap-server on 127.0.0.1 when `lokaal` is set). Why Decap CMS: docs/beheer.md.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml

from adviesregister.content.model import Gemeente
from adviesregister.content.schema import DOCUMENT_SCHEMA, load_schema
from adviesregister.content.settings import Beheer, SettingsError

FOLDER = "beheer/"
"""Where the editor lives on the site."""
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
"""Decap CMS's build in the project's node_modules/ (package.json pins the version): the main script and the parts it
loads when a widget needs them."""
MAIN_SCRIPT = "decap-cms.js"
DOCUMENTS = "content/documenten"
BODY_FIELD = "body"
"""Decap's name for the text under the front matter."""
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
ID_PICKERS = ("reactie_op", "hoort_bij")
"""Lists of document ids: a picker of the archive's documents, by title."""


class BundleMissing(SettingsError):
    """The editor is on in mkdocs.yml, but its script is not installed; the message says what to do, in Dutch."""


def editor_config(beheer: Beheer, gemeenten: dict[str, Gemeente], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Decap CMS's configuration (config.yml) for the archive: one collection, the documents, with every field of the
    document schema (the packaged one, or `schema`)."""
    schema = schema if schema is not None else load_schema(DOCUMENT_SCHEMA)
    backend: dict[str, Any] = {"name": "github", "repo": beheer.repository, "branch": beheer.branch}
    if beheer.aanmelden:
        backend["base_url"] = beheer.aanmelden
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every change a pull request, checked by CI before anyone merges it
        "locale": "nl",
        "omit_empty_optional_fields": True,  # an empty field is left out, as the schema wants, not written as ''
        "media_folder": "content/bronnen",
        "public_folder": "/bronnen",
        "editor": {"preview": False},
        "show_preview_links": False,  # the site is built by CI after the merge; there is no preview to link to
        "collections": [documents_collection(schema, gemeenten)],
    }
    if beheer.lokaal is not None:
        config["local_backend"] = {"url": f"http://127.0.0.1:{beheer.lokaal}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config


def documents_collection(schema: dict[str, Any], gemeenten: dict[str, Gemeente]) -> dict[str, Any]:
    """The documents: a folder collection whose entries are named by their id in content/documenten/<gemeente>/<jaar>/."""
    required = set(schema.get("required", ()))
    fields = [field(name, spec, name in required, schema, gemeenten, top=True) for name, spec in schema["properties"].items()]
    fields.append({"label": "Tekst van de brief", "name": BODY_FIELD, "widget": "text", "required": False, "hint": "De tekst van de brief, in Markdown."})
    return {
        "name": "documenten",
        "label": "Documenten",
        "label_singular": "document",
        "description": "Adviezen, reacties van het college en andere stukken. Elke wijziging wordt een pull request.",
        "folder": DOCUMENTS,
        # content/documenten/<gemeente>/<jaar>/<id>.md. The year is the date's first four characters: Decap's date()
        # filter cannot be used in a path (Decap takes the quotes out of it), truncate can ('2024-05-01' → '2024-' →
        # '2024', Decap drops a dash at the end; '2024' stays).
        "path": '{{gemeente}}/{{datum | truncate(4, "-")}}/{{slug}}',
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{titel}} ({{datum}})",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,
        "sortable_fields": ["datum", "titel", "gemeente"],
        "fields": fields,
    }


FORM_HINTS = {
    "gemeente": "Kies de gemeente: die van het college dat het advies kreeg of de reactie stuurde.",
    "reactie_op": "Kies het advies (of ander document) waarop dit document antwoordt. Bij een reactie van het college moet dit ingevuld zijn.",
    "hoort_bij": "Kies de documenten waar dit stuk bij hoort, bijvoorbeeld het advies dat erover gaat.",
    "tekst_beschikbaar": "Staat de tekst van de brief niet in het archief, omdat u de brief alleen kent uit de reactie erop? Zet dit dan uit.",
    "ingevuld_door_mens": "Dit houdt het archief zelf bij. U hoeft hier niets te doen.",
    "bron": "Het originele bestand van de brief. Dit vult het archief in als het de brief inleest. Laat het staan.",
}
"""Hints for the secretary where the schema's description is written for whoever runs the archive (flags, checksums,
'false'); every other field's hint is its description."""
ARCHIVE_HINT = "Dit vult het archief in. Laat het staan."
"""The hint of every field inside a group the archive fills in itself (ARCHIVE_GROUPS)."""
ARCHIVE_GROUPS = ("bron",)


def hint(path: str, spec: dict[str, Any]) -> str:
    """A field's hint in the form, by its dotted path ('bron.sha256'): plain words for the secretary."""
    if path in FORM_HINTS:
        return FORM_HINTS[path]
    if path.split(".", 1)[0] in ARCHIVE_GROUPS and "." in path:
        return ARCHIVE_HINT
    description: str = spec.get("description", "")
    return description


def field(
    name: str, spec: dict[str, Any], required: bool, schema: dict[str, Any], gemeenten: dict[str, Gemeente], top: bool = False, path: str = ""
) -> dict[str, Any]:
    """One schema property as a Decap field: label from its title, hint from its description (see `hint`), widget from
    its type. `path` is its dotted place in the schema ('bron.sha256'); a top-level field's path is its name."""
    spec = resolve(spec, schema)
    path = path or name
    label = spec.get("title")
    if not label:
        raise ValueError(f"{DOCUMENT_SCHEMA}: het veld '{name}' heeft geen title (het label in de editor)")
    made: dict[str, Any] = {"label": label, "name": name, "required": required, "hint": hint(path, spec)}
    kind = spec.get("type")
    if top and name == "gemeente":
        options = [{"label": gemeente.naam, "value": slug} for slug, gemeente in sorted(gemeenten.items(), key=lambda item: item[1].naam)]
        made.update(widget="select", options=options)
    elif top and name in ID_PICKERS:
        made.update(
            widget="relation",
            collection="documenten",
            value_field="id",
            search_fields=["titel", "id"],
            display_fields=["{{titel}} ({{datum}})"],
            multiple=True,
        )
    elif kind == "string" and "enum" in spec:
        made.update(widget="select", options=list(spec["enum"]))
    elif kind == "string":
        made.update(widget="string")
        if "pattern" in spec:
            made["pattern"] = [spec["pattern"], pattern_message(spec)]
    elif kind == "boolean":
        made.update(widget="boolean", default=True)
    elif kind == "array" and "enum" in spec["items"]:
        made.update(widget="select", multiple=True, options=list(spec["items"]["enum"]))
    elif kind == "array" and spec["items"].get("type") == "object":
        made.update(widget="list", fields=subfields(spec["items"], schema, gemeenten, path), summary="{{fields.aanbeveling}}")
    elif kind == "array":
        made.update(widget="list", field={"label": label, "name": name, "widget": "string"})
    elif kind == "object":
        inner = subfields(spec, schema, gemeenten, path)
        if not required:  # Decap would demand the group's own required fields even when the group is left empty
            inner = [{**sub, "required": False} for sub in inner]
        made.update(widget="object", collapsed=not required, fields=inner)
    else:
        raise ValueError(f"{DOCUMENT_SCHEMA}: het veld '{name}' heeft een soort ({kind}) die de editor niet kent")
    return made


def subfields(spec: dict[str, Any], schema: dict[str, Any], gemeenten: dict[str, Gemeente], path: str) -> list[dict[str, Any]]:
    required = set(spec.get("required", ()))
    made = []
    for name, sub in spec["properties"].items():
        entry = field(name, sub, name in required, schema, gemeenten, path=f"{path}.{name}")
        if "$ref" in sub:  # the same kind under many names (bron.ingelezen): the name says which
            entry["label"] = f"{entry['label']}: {name}"
        made.append(entry)
    return made


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A property's own schema, a local `$ref` ('#/$defs/…') followed."""
    ref = spec.get("$ref")
    if ref is None:
        return spec
    target: Any = schema
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**target, **{key: value for key, value in spec.items() if key != "$ref"}}


def pattern_message(spec: dict[str, Any]) -> str:
    examples = spec.get("examples") or []
    voorbeeld = f" Bijvoorbeeld: {examples[0]}" if examples else ""
    return f"Dit heeft niet de goede vorm; lees de uitleg onder het veld.{voorbeeld}"


def content_security_policy(beheer: Beheer) -> str:
    """Only this site's own files; requests only to GitHub's API (and decap-server on this computer when `lokaal`)."""
    connect = ["'self'", GITHUB_API]
    if beheer.lokaal is not None:
        connect.append(f"http://127.0.0.1:{beheer.lokaal}")
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",  # Decap checks its configuration with ajv, which compiles the check to a function
            "style-src 'self' 'unsafe-inline'",  # Decap's components set their styles in the page (emotion)
            f"img-src 'self' data: blob: {GITHUB_AVATARS}",
            "font-src 'self' data:",
            f"connect-src {' '.join(connect)}",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


STYLE = "beheer.css"
CONTRAST_CSS = """/* Adviesregister: Decap CMS's own colours, darkened where their contrast is below WCAG's 4.5:1 (axe, tests/site/test_beheer.py).
   Decap names its styles after its components (emotion's labels), so these selectors follow the names. */
[class*="-AppHeaderButton"][class*="buttonActive"] { color: #2a4f9a !important; }
[class*="grayText"] { color: #4d5562 !important; }
[class*="-CollectionTopDescription"] { color: #4d5562 !important; }
[class*="-PublishButton"] { background-color: #0f6674 !important; color: #ffffff !important; }
/* The status of a saved change in the editor's toolbar ('Status: Concept'), light blue on light blue in Decap. */
[class*="-StatusButton"] { color: #0c5460 !important; }
/* The workflow board (publish_mode editorial_workflow): its grey texts, and its grey button 'Nieuw bericht'. */
[class*="-WorkflowTopDescription"], [class*="-ColumnCount"], [class*="-CardDateContainer"], [class*="-CardBody"] { color: #4d5562 !important; }
[class*="-WorkflowTopRow"] [class*="-StyledDropdownButton"] { background-color: #4d5562 !important; }
/* On a phone its three columns are narrow: a column's name wraps instead of being cut off ('Wordt beoorde'). */
@media (max-width: 799px) {
  [class*="-ColumnHeader"] { white-space: normal !important; }
}
/* The editor and its toolbar are at least 800 px wide in Decap: on a phone the form would scroll sideways (WCAG 1.4.10). */
[class*="-EditorContainer"], [class*="-ToolbarContainer"] { min-width: 0 !important; }
@media (max-width: 799px) {
  [class*="-ToolbarContainer"] { flex-wrap: wrap; height: auto !important; padding: 8px 0; }
  /* a saved change has four buttons (Opslaan, Status, Publiceer, Verwijder): they wrap too, none beyond the screen */
  [class*="-ToolbarSectionMain"], [class*="-ToolbarSubSectionFirst"] { flex-wrap: wrap; gap: 8px 0; }
}
"""


def editor_page(beheer: Beheer, naam: str) -> str:
    """Our page around the editor: Dutch, noindex, the policy, and a word for whoever has no JavaScript."""
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{html.escape(content_security_policy(beheer))}">
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link href="{STYLE}" rel="stylesheet">
<title>Beheer: {html.escape(naam)}</title>
</head>
<body>
<noscript><p>De editor van het archief werkt alleen met JavaScript aan. U kunt ook publiceren zonder editor: zie de pagina Publiceren.</p></noscript>
<script src="{MAIN_SCRIPT}"></script>
</body>
</html>
"""


def editor_files(root: Path, beheer: Beheer, gemeenten: dict[str, Gemeente], naam: str) -> dict[str, bytes]:
    """Every file of /beheer/ by its name in the site: our page, the generated configuration and Decap's scripts."""
    bundle = root / BUNDLE
    if not (bundle / MAIN_SCRIPT).is_file():
        raise BundleMissing(
            f"De editor (/beheer/) staat aan in mkdocs.yml, maar {BUNDLE / MAIN_SCRIPT} ontbreekt. "
            "Installeer hem met 'npm ci' in de map van het archief, of haal 'beheer:' onder 'extra: adviesregister:' weg."
        )
    files = {
        f"{FOLDER}index.html": editor_page(beheer, naam).encode("utf-8"),
        f"{FOLDER}config.yml": config_yaml(editor_config(beheer, gemeenten)).encode("utf-8"),
        f"{FOLDER}{STYLE}": CONTRAST_CSS.encode("utf-8"),
    }
    for script in sorted(bundle.glob("*decap-cms.js")):  # the main script and its parts (webpack's chunks), no source maps
        files[f"{FOLDER}{script.name}"] = script.read_bytes()
    return files


def config_yaml(config: dict[str, Any]) -> str:
    head = "# Gemaakt door adviesregister build uit schema/document.schema.json en content/gemeenten.yml: niet met de hand bewerken.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000)
