"""Scripts of deployed diagrams run sandboxed (issue #4, docs/adr/0004-sandbox.md).

Each escape is refused when the diagram is deployed (422), or, when only the run can tell,
fails its task as an incident: the case turns `error`, its data keeps nothing of the script,
no file appears and no module is imported.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .helpers import DESIGNER, MONITOR, REQUESTER, history, instance, post_bpmn

VALID = (Path(__file__).resolve().parents[1] / "diagrams" / "lint" / "_valid.bpmn").read_bytes()
SCRIPT = b'competent_agency = "CA_TINH"'
MODULE = "tabnanny"           # a harmless standard module nothing in the application imports


def with_script(script: str) -> bytes:
    return VALID.replace(SCRIPT, script.replace("&", "&amp;").replace("<", "&lt;").encode())


def deploy(api, xml: bytes):
    return post_bpmn(api, DESIGNER, xml, model="lint_probe")


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "bi_mat.txt"
    assert not path.exists()
    assert MODULE not in sys.modules, f"{MODULE} is imported by something else: pick another module"
    yield path
    assert not path.exists(), "a script wrote a file"
    assert MODULE not in sys.modules, "a script imported a module"


REFUSED_AT_DEPLOY = [
    ("__import__", f"m = __import__('{MODULE}')", "'__import__'"),
    ("import", f"import {MODULE}", "import"),
    ("from import", f"from {MODULE} import check", "import"),
    ("open", "f = open('{path}', 'w')\nf.write('x')", "'open'"),
    ("class bases", "bases = ().__class__.__bases__", "'__bases__'"),
    ("subclasses", "s = ().__class__.__base__.__subclasses__()", "'__subclasses__'"),
    ("getattr dunder", "g = getattr(len, '__globals__')", "'__globals__'"),
    ("while", "while True:\n    n = 1", "while"),
    ("eval", "x = eval('1')", "'eval'"),
    ("exec", "exec('import os')", "'exec'"),
    ("syntax", "x = = 1", "cú pháp"),
]


@pytest.mark.parametrize("label, script, words", REFUSED_AT_DEPLOY, ids=[r[0] for r in REFUSED_AT_DEPLOY])
def test_an_escape_visible_in_the_source_is_refused_at_deploy(api, target, label, script, words):
    response = deploy(api, with_script(script.format(path=target)))
    assert response.status_code == 422
    problems = response.get_json()["problems"]
    assert any(p["element_id"] == "prepare" and words in p["message"] for p in problems), problems
    assert api.get(DESIGNER, "/process-models/lint_probe").status_code == 404


def test_an_escape_in_a_condition_is_refused_too(api, target):
    xml = VALID.replace(b'instruction == "tu_choi"', f"__import__('{MODULE}') is None".encode())
    response = deploy(api, xml)
    assert response.status_code == 422
    assert [p["element_id"] for p in response.get_json()["problems"]] == ["f_gw_refused"]


def test_an_escape_in_a_timer_is_refused_too(api, target):
    xml = VALID.replace(b'days(settings["review_days"])', b"open('/etc/hostname').read()")
    response = deploy(api, xml)
    assert response.status_code == 422
    assert [p["element_id"] for p in response.get_json()["problems"]] == ["late"]


RUN_TIME = [
    ("builtins by a built string", "b = getattr(len, '_' + '_self__')\nf = b.open('{path}', 'w')"),
    ("import by a built string", "i = getattr(getattr(len, '_' + '_self__'), '_' + '_import__')\n"
                                 f"m = i('{MODULE}')"),
    ("format reaching dunders", "s = '{{0._' '_class__._' '_bases__}}'.format(1)"),
    ("a loop without end", "n = 0\nfor i in range(10 ** 12):\n    n = i"),
    ("a comprehension without end", "xs = [i for i in range(10 ** 9)]"),
    ("a huge power", "n = 7 ** 3000000"),
    ("a huge string", "s = 'a' * 10 ** 8"),
    ("recursion", "def f(n):\n    return f(n + 1)\nx = f(0)"),
    ("too much data", "blob = 'x' * 90000 + 'y' * 90000 + 'z' * 90000"),
]


@pytest.mark.parametrize("label, script", RUN_TIME, ids=[r[0] for r in RUN_TIME])
def test_an_escape_only_the_run_can_see_fails_its_task_as_an_incident(api, target, label, script):
    response = deploy(api, with_script(script.format(path=target)))
    assert response.status_code == 201, response.get_json()
    started = api.post(REQUESTER, "/process-instances",
                       json={"process_model": "lint_probe", "data": {"instruction": "Thử"}})
    assert started.status_code == 201, started.get_json()
    case = instance(api, started.get_json()["id"], MONITOR)   # reads every case
    assert case["status"] == "error"
    assert case["active_tasks"] == []
    for key in ("f", "m", "s", "n", "xs", "x", "blob", "b", "i", "competent_agency"):
        assert key not in case["data"], key                    # nothing the script wrote is kept
    events = history(api, case["id"], MONITOR)
    assert events[-1]["type"] == "error" and events[-1]["element_id"] == "prepare"


def test_the_same_diagram_with_a_plain_script_runs(api):
    assert deploy(api, VALID).status_code == 201
    started = api.post(REQUESTER, "/process-instances",
                       json={"process_model": "lint_probe", "data": {"instruction": "Thử"}})
    case = instance(api, started.get_json()["id"], MONITOR)   # reads every case
    assert case["status"] == "running"
    assert [t["element_id"] for t in case["active_tasks"]] == ["review"]
