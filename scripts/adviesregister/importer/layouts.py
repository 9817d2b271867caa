"""House styles a gemeente writes in (the collegevoorstel template …): recognised by their first line, each with its own
reading rules. The layouts are data (the 'layouts' section of data/brieven.yml); the reading steps ask the letter's
layout what to do rather than know a template by name."""

from __future__ import annotations

from adviesregister.importer.rules import Layout, rules

BODY_AFTER_SALUTATION = "aanhef"
BODY_AT_HEADING_OR_LONG_LINE = "kop_of_lange_regel"


def layout_of(lines: list[str]) -> Layout | None:
    """The layout whose mark is the first line of text, or None for a letter in no known house style."""
    first = next((line for line in lines if line.strip()), "")
    return next((layout for layout in rules().layouts if layout.herkenning.match(first)), None)


def header_labels(layout: Layout | None) -> list[tuple[str, str]]:
    """The labels a layout adds to a letterhead's."""
    return list(layout.labels) if layout else []


def own_date_in_body(layout: Layout | None) -> bool:
    """Whether a date in the text can be the letter's own (a template whose dates are deadlines says no)."""
    return layout is None or layout.eigen_datum


def artefacts(layout: Layout | None) -> frozenset[str]:
    """Lines the layout's template prints on every page."""
    return layout.artefacten if layout else frozenset()
