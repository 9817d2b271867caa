"""A copy of the built site that works when opened from a disk (file://), as the secretary opens the preview of a pull
request after downloading it: nothing installed, no web server.

Two things differ on a disk. A link to a folder ('documenten/x/') shows the folder's listing instead of its page, so every
relative link to a folder gets 'index.html'. And a browser refuses to fetch files from a disk, so Pagefind cannot search;
the copy gets a search index as a script (`OFFLINE_INDEX`), read by assets/zoeken.js when the page is opened from a disk.
The copy is made from site/ after a build and changes nothing in site/.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

from adviesregister.base.folders import OFFLINE_MARKER, empty_folder, write_marker
from adviesregister.content.names import OFFLINE_INDEX
from adviesregister.site.views import script_json

_LINKED = (("a", "href"), ("link", "href"), ("area", "href"))


def make_offline_copy(site: Path, out: Path) -> int:
    """Copy `site` to `out` (replacing it; the caller checked that `out` may be replaced, see folders.out_problem) with
    folder links ending in index.html and the search index; returns the pages. Only real folders and regular files are
    copied: a symlink in site/ is never followed. `out` gets the mark (OFFLINE_MARKER) that the next run may replace it."""
    empty_folder(out)
    shutil.copytree(site, out, ignore=_not_regular, dirs_exist_ok=True)
    write_marker(out, OFFLINE_MARKER)
    entries = []
    pages = sorted(out.rglob("*.html"))
    for page in pages:
        tree = html.parse(str(page))
        root = tree.getroot()
        for tag, attribute in _LINKED:
            for element in root.iter(tag):
                target = element.get(attribute)
                if target is not None:
                    element.set(attribute, folder_link_to_file(target))
        for data in root.xpath("//script[@id='ar-lijst']"):  # the overview's filters make links from it
            data.text = _overview_data_on_disk(data.text)
        entry = _index_entry(root, page.relative_to(out).as_posix())
        if entry is not None:
            entries.append(entry)
        page.write_bytes(html.tostring(root, doctype=tree.docinfo.doctype, encoding="utf-8"))
    index = json.dumps(entries, ensure_ascii=False, sort_keys=True)
    (out / OFFLINE_INDEX).write_text(f"window.adviesregisterZoekindex = {index};\n", encoding="utf-8")
    return len(pages)


def _not_regular(folder: str, names: list[str]) -> set[str]:
    """What copytree leaves out: anything that is not a real folder or a regular file (a symlink is not followed)."""
    return {name for name in names if not (Path(folder, name).is_dir() or Path(folder, name).is_file()) or Path(folder, name).is_symlink()}


def folder_link_to_file(target: str) -> str:
    """'../documenten/' → '../documenten/index.html', '..' → '../index.html', '?q=x' stays; absolute URLs stay as they are."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("#", "/")) or not parts.path:
        return target
    path = parts.path
    if path in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return target
    rest = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return f"{path}index.html{rest}"


def _overview_data_on_disk(text: str) -> str:
    """The overview's filter data (site/pages.overview_index) with its links to pages ending in index.html."""
    data = json.loads(text)
    for document in data["documenten"]:
        document["url"] = folder_link_to_file(document["url"])
    return script_json(data)


def _index_entry(root: html.HtmlElement, url: str) -> dict[str, object] | None:
    """What the search of the copy needs of a document page: its title, labels and searchable text (as Pagefind sees it)."""
    bodies = root.xpath("//*[@data-pagefind-body]")
    if not bodies:
        return None
    body = copy.deepcopy(bodies[0])  # the page itself keeps what search ignores
    meta = dict(value.split(":", 1) for value in body.xpath(".//@data-pagefind-meta") if ":" in value)
    title = body.xpath("string(.//*[@data-pagefind-meta='title'])").strip()
    for ignored in body.xpath(".//*[@data-pagefind-ignore]"):
        ignored.drop_tree()
    text = " ".join(body.text_content().split())
    labels = [[key.capitalize(), meta[key]] for key in ("status", "soort", "gemeente", "datum") if key in meta]
    return {"titel": title, "url": url, "labels": labels, "tekst": text}
