"""dataset.jsonld against the official DCAT-AP-NL 3.0 and DCAT-AP 3.0.1 SHACL shapes (from ../shared/standards)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, Namespace, URIRef

from adviesregister.opendata.downloads import DATA_FILES

from helpers import standard

SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")

REQUIRED_SHAPES = (
    # DCAT-AP 3.0.1, its validation scenarios: constraints, class ranges, controlled vocabularies, deprecated terms
    "dcat-ap-3.0.1/html/shacl/shapes.ttl",
    "dcat-ap-3.0.1/html/shacl/range.ttl",
    "dcat-ap-3.0.1/html/shacl/mdr-vocabularies.shape.ttl",
    "dcat-ap-3.0.1/html/shacl/deprecateduris.ttl",
    # DCAT-AP-NL 3.0 (152-Validaties: all three, on top of DCAT-AP)
    "dcat-ap-nl30/shapes/dcat-ap-nl-SHACL.ttl",
    "dcat-ap-nl30/shapes/dcat-ap-nl-SHACL-klassebereik.ttl",
    "dcat-ap-nl30/shapes/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl",
)
RECOMMENDED_SHAPES = ("dcat-ap-nl30/shapes/dcat-ap-nl-SHACL-aanbevolen.ttl", "dcat-ap-3.0.1/html/shacl/shapes_recommended.ttl")
EXPECTED_WARNINGS = {
    # A Dutch adviesraad is not in the EU corporate-body list; DCAT-AP-NL says to use national lists for such publishers.
    str(DCT.publisher),
    # The Dutch TOP-list themes that DCAT-AP-NL recommends beside the EU data themes; DCAT-AP warns about any theme not in its list.
    str(DCAT.theme),
}


@pytest.fixture(scope="module")
def catalogue(built_site: Path) -> Graph:
    return Graph().parse(built_site / "open-data" / "dataset.jsonld", format="json-ld")


def _validate(data: Graph, shape_files: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    from pyshacl import validate

    shapes = Graph()
    for name in shape_files:
        shapes.parse(standard(name))
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return [
        (
            str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[1],
            str(report.value(result, SH.focusNode)),
            str(report.value(result, SH.resultPath)),
            str(report.value(result, SH.resultMessage)),
        )
        for result in report.objects(None, SH.result)
    ]


def test_dataset_jsonld_has_no_violation_of_dcat_ap_nl_or_dcat_ap(catalogue: Graph) -> None:
    results = _validate(catalogue, REQUIRED_SHAPES)
    assert [result for result in results if result[0] != "Warning"] == []
    assert {path for _, _, path, _ in results} <= EXPECTED_WARNINGS, results


def test_dataset_jsonld_also_meets_the_recommended_shapes_without_violation(catalogue: Graph) -> None:
    results = _validate(catalogue, REQUIRED_SHAPES + RECOMMENDED_SHAPES)
    assert [result for result in results if result[0] != "Warning"] == []


def test_the_catalogue_holds_the_dataset_and_a_distribution_per_data_file(catalogue: Graph) -> None:
    (catalog,) = catalogue.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = catalogue.objects(catalog, DCAT.dataset)
    urls = {str(catalogue.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[1] for distribution in catalogue.objects(dataset, DCAT.distribution)}
    assert urls == {download.naam for download in DATA_FILES}
    themes = {str(theme) for theme in catalogue.objects(dataset, DCAT.theme)}
    assert "http://publications.europa.eu/resource/authority/data-theme/SOCI" in themes


def test_file_types_are_in_the_eu_list_and_media_types_are_iana(catalogue: Graph) -> None:
    eu = Graph().parse(standard("eu-vocabularies/filetypes-skos.rdf"))
    formats = set(catalogue.objects(None, DCT["format"]))
    assert formats, "geen dct:format"
    for file_type in formats:
        assert (file_type, RDF.type, SKOS.Concept) in eu, file_type
    for media_type in catalogue.objects(None, DCAT.mediaType):
        assert str(media_type).startswith("https://www.iana.org/assignments/media-types/"), media_type


def test_compressed_files_say_gzip_and_the_media_type_of_their_data(catalogue: Graph, built_site: Path) -> None:
    import gzip

    packed = {}
    for distribution in catalogue.subjects(RDF.type, DCAT.Distribution):
        name = str(catalogue.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[1]
        packed[name] = (str(catalogue.value(distribution, DCAT.compressFormat)), str(catalogue.value(distribution, DCAT.mediaType)).rsplit("/", 2)[-2:])
    gzip_type = "https://www.iana.org/assignments/media-types/application/gzip"
    assert packed["adviesregister.csv.gz"] == (gzip_type, ["text", "csv"])
    assert packed["adviesregister.json.gz"] == (gzip_type, ["application", "json"])
    assert packed["adviesregister.sqlite.gz"] == (gzip_type, ["application", "vnd.sqlite3"])
    assert packed["adviesregister.xlsx"][0] == "None"  # already a zip inside: not packed again
    for name in packed:
        head = (built_site / "open-data" / name).read_bytes()[:2]
        assert (head == b"\x1f\x8b") == name.endswith(".gz"), name  # gzip's magic number exactly where DCAT says gzip
        if name.endswith(".gz"):
            assert gzip.decompress((built_site / "open-data" / name).read_bytes())


def test_dutch_themes_are_in_the_top_list(catalogue: Graph) -> None:
    lists = standard("diwoo/diwoo-metadata-lijsten.xsd").read_text(encoding="utf-8")
    dutch = [theme for theme in catalogue.objects(None, DCAT.theme) if "identifier.overheid.nl" in str(theme)]
    assert dutch
    for theme in dutch:
        assert isinstance(theme, URIRef)
        assert f'value="{theme}"' in lists, theme
