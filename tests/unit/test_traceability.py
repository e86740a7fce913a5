"""docs/traceability.md against what exists: every seed point is traced and carried by a
tagged scenario, and everything the table names is real."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import forms
from workflow_app import create_app

ROOT = Path(__file__).resolve().parents[2]
IDS = ("CT-1 CT-2.1 CT-2.2 CT-2.3 CT-2.4 CT-3.1 CT-3.2 CT-4 CT-5 CT-6 KH-I.1.1 KH-I.1.2 KH-I.1.3 KH-I.2.1 "
       "KH-I.2.2 KH-II.1.1 KH-II.1.2 KH-II.1.3 KH-II.1.4 KH-II.1.5 KH-II.1.6 KH-II.1.7 KH-II.1.8 KH-II.2 KH-II.3 "
       "KH-II.4 KH-II.5 KH-II.6.1 KH-II.6.2 KH-II.7 KH-III.1 KH-III.2").split()
SCENARIO = ("Kịch bản:", "Khung kịch bản:", "Tình huống:", "Khung tình huống:")


def table() -> dict[str, dict]:
    rows = {}
    for line in (ROOT / "docs" / "traceability.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.match(r"(CT|KH)-", cells[0]):
            rows[cells[0]] = dict(zip(("id", "summary", "elements", "forms", "reports", "scenarios"), cells))
    return rows


def scenarios() -> dict[tuple[str, str], set[str]]:
    """(feature file, scenario name) -> its tags."""
    found = {}
    for path in sorted((ROOT / "features").glob("*.feature")):
        pending = []
        for line in path.read_text().splitlines():
            text = line.strip()
            if text.startswith("@"):
                pending += [t[1:] for t in text.split()]
            elif text.startswith(SCENARIO):
                found[(path.name, text.split(":", 1)[1].strip())] = set(pending)
                pending = []
            elif text.startswith("Tính năng"):
                pending = []
    return found


def element_ids() -> dict[str, set[str]]:
    ids = {}
    for path in (ROOT / "bpmn").glob("*.bpmn"):
        root = etree.parse(str(path)).getroot()
        for process in root.iterfind("{http://www.omg.org/spec/BPMN/20100524/MODEL}process"):
            ids[process.get("id")] = {e.get("id") for e in process.iter() if e.get("id")}
    return ids


def test_every_seed_point_has_a_row_and_a_tagged_scenario():
    rows, tagged = table(), scenarios()
    assert sorted(rows) == sorted(IDS)
    for point in IDS:
        assert any(point in tags for tags in tagged.values()), f"no scenario tagged @{point}"


@pytest.mark.parametrize("point", IDS)
def test_the_row_names_only_what_exists(point):
    row, tagged, elements = table()[point], scenarios(), element_ids()
    for part in row["elements"].split(";"):
        process, _, names = part.strip().partition(":")
        assert process in elements, f"{point}: no process {process}"
        for name in (n.strip() for n in names.split(",")):
            assert name in elements[process], f"{point}: no element {process}:{name}"
    for key in (k.strip() for k in row["forms"].split(",") if k.strip()):
        assert key in forms.FORMS, f"{point}: no form {key}"
    assert row["scenarios"], f"{point}: no scenario named"
    for cell in row["scenarios"].split("<br>"):
        feature, _, name = cell.partition(" › ")
        assert (feature, name) in tagged, f"{point}: no scenario {cell}"
        assert point in tagged[(feature, name)], f"{point}: scenario {cell} does not carry the tag"


def test_the_routes_named_exist():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    routes = {(method, rule.rule) for rule in app.url_map.iter_rules() for method in rule.methods}
    for row in table().values():
        for route in (r.strip() for r in row["reports"].split(",") if r.strip()):
            method, path = route.split(" ", 1)
            assert (method, path) in routes, f"{row['id']}: no route {route}"
