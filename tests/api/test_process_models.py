"""Process models: list, detail with the start form, versions, BPMN XML, deploying versions."""
from __future__ import annotations

from pathlib import Path

import hashlib
from datetime import datetime

import pytest

from workflow_app.extensions import db
from workflow_app.models import Measure
from workflow_app.reference_data import MEASURES

from ..support import INTAKE_OK, VERIFY_OK, decision_apply
from .helpers import (AUDITOR, DESIGNER, EXECUTION_REPORT, FORCE, HEAD, INTAKE, REQUESTER, REVIEW_CLOSE,
                      VERIFIER, VERIFY_NAME, VERIFY_RENAMED, audit_count, bpmn_xml, history, post_bpmn,
                      replaced, start, termination, today)

PR = "protection_request"


def test_list_names_every_deployed_model(api):
    response = api.get(REQUESTER, "/process-models")
    assert response.status_code == 200
    models = {m["id"]: m for m in response.get_json()}
    from workflow_app import engine
    from workflow_app.demo import current_app
    deployed = {engine.read(p.read_bytes()).process_id for p in Path(current_app.config["BPMN_DIR"]).glob("*.bpmn")}
    assert set(models) == deployed and {"interagency_coordination", PR} <= deployed
    assert models[PR]["name"] == "Xử lý đề nghị áp dụng biện pháp bảo vệ"
    assert models["interagency_coordination"]["name"] == "Phối hợp bảo vệ liên ngành"
    assert all(m["latest_version"] == 1 for m in models.values())
    assert datetime.fromisoformat(models[PR]["deployed_at"]).utcoffset() is not None


def test_detail_carries_the_start_form_as_json_schema(api):
    response = api.get(VERIFIER, f"/process-models/{PR}")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["latest_version"]) == (PR, 1)
    form = body["start_form"]
    assert form["type"] == "object" and form["title"] == "Đề nghị áp dụng biện pháp bảo vệ"
    assert set(form["required"]) == {"threat_types", "protected_content", "threat_description",
                                     "protected_persons"}
    props = form["properties"]
    assert props["threat_description"]["title"] == "Mô tả hành vi xâm phạm, đe dọa"
    assert props["request_kind"]["enum"] == ["thuong", "khan_cap"]
    assert props["request_kind"]["x-enum-titles"] == ["Thông thường", "Khẩn cấp"]
    assert "CA_TINH" in props["competent_agency"]["enum"]
    person = props["protected_persons"]["items"]
    confidential = {name for name, p in person["properties"].items() if p.get("x-confidential")}
    assert confidential == {"full_name", "relation", "id_number", "phone", "residence", "workplace"}
    assert person["properties"]["position"].get("x-confidential") is None
    assert person["properties"]["full_name"]["title"] == "Họ và tên"
    measures = props["requested_measures"]["items"]
    assert measures["enum"] == [code for code, _, _ in MEASURES]
    assert measures["x-enum-titles"][0] == MEASURES[0][1]


def test_measures_in_the_start_form_come_from_the_catalogue_table(api):
    db.session.add(Measure(code="bao_ve_thu_nghiem", title="Biện pháp thử nghiệm", position=99))
    db.session.get(Measure, "bao_ve_du_lieu").active = False
    db.session.commit()
    items = api.get(REQUESTER, f"/process-models/{PR}").get_json()["start_form"]["properties"][
        "requested_measures"]["items"]
    assert items["enum"][-1] == "bao_ve_thu_nghiem"
    assert items["x-enum-titles"][-1] == "Biện pháp thử nghiệm"
    assert "bao_ve_du_lieu" not in items["enum"]


def test_a_model_without_a_start_form_has_an_empty_object_schema(api):
    body = api.get(REQUESTER, "/process-models/interagency_coordination").get_json()
    assert body["start_form"] == {"type": "object", "properties": {}, "additionalProperties": False}


@pytest.mark.parametrize("path", ["/process-models/khong_co", "/process-models/khong_co/versions",
                                  "/process-models/khong_co/versions/1/bpmn",
                                  f"/process-models/{PR}/versions/9/bpmn"])
def test_unknown_model_or_version_is_404(api, path):
    response = api.get(REQUESTER, path)
    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_versions_list_the_deployed_diagram(api):
    response = api.get(REQUESTER, f"/process-models/{PR}/versions")
    assert response.status_code == 200
    [version] = response.get_json()
    assert version["version"] == 1
    assert version["sha256"] == hashlib.sha256(bpmn_xml()).hexdigest()
    assert version["deployed_by"] == "system"


def test_bpmn_xml_of_a_version_is_the_deployed_file(api):
    response = api.get(REQUESTER, f"/process-models/{PR}/versions/1/bpmn")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    assert response.data == bpmn_xml()


def test_the_same_diagram_again_is_200_with_the_same_version(api):
    before = audit_count()
    response = post_bpmn(api, DESIGNER, bpmn_xml())
    assert response.status_code == 200
    body = response.get_json()
    assert body["version"] == 1 and body["sha256"] == hashlib.sha256(bpmn_xml()).hexdigest()
    assert len(api.get(DESIGNER, f"/process-models/{PR}/versions").get_json()) == 1
    assert audit_count() == before + 1          # the designer's login only: nothing deployed


def test_a_changed_diagram_is_201_version_2(api):
    xml = replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED)
    response = post_bpmn(api, DESIGNER, xml)
    assert response.status_code == 201
    body = response.get_json()
    assert body["version"] == 2 and body["sha256"] == hashlib.sha256(xml).hexdigest()
    versions = api.get(REQUESTER, f"/process-models/{PR}/versions").get_json()
    assert [(v["version"], v["deployed_by"]) for v in versions] == [(1, "system"), (2, DESIGNER)]
    assert api.get(REQUESTER, f"/process-models/{PR}").get_json()["latest_version"] == 2
    assert api.get(REQUESTER, f"/process-models/{PR}/versions/2/bpmn").data == xml
    assert api.get(REQUESTER, f"/process-models/{PR}/versions/1/bpmn").data == bpmn_xml()
    deployed = api.get(AUDITOR, "/audit/events?type=process_deployed").get_json()
    assert [(e["actor"]["username"], e["data"]["version"]) for e in deployed][-1] == (DESIGNER, 2)
    # deploying version 2 again changes nothing
    again = post_bpmn(api, DESIGNER, xml)
    assert (again.status_code, again.get_json()["version"]) == (200, 2)


BROKEN = [
    ("not xml", lambda xml: b"<bpmn:definitions><khong-dong", None, "XML"),
    ("unknown form", lambda xml: replaced(xml, 'value="protection_request.intake"', 'value="khong.co.bieu_mau"'),
     "intake", "khong.co.bieu_mau"),
    ("unknown handler", lambda xml: replaced(xml, 'value="register_request"', 'value="xu_ly_ma"'),
     "intake", "xu_ly_ma"),
    ("unknown role lane", lambda xml: replaced(xml, 'lane_verifier', 'lane_phu_thuy'), "verify", "phu_thuy"),
]


@pytest.mark.parametrize("label, change, element_id, word", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_bad_diagram_is_422_with_problems(api, label, change, element_id, word):
    response = post_bpmn(api, DESIGNER, change(bpmn_xml()))
    assert response.status_code == 422
    problems = response.get_json()["problems"]
    assert problems and all(set(p) == {"element_id", "message"} for p in problems)
    assert any(p["element_id"] == element_id and word in p["message"] for p in problems), problems
    assert len(api.get(DESIGNER, f"/process-models/{PR}/versions").get_json()) == 1


def test_an_empty_body_is_422(api):
    response = post_bpmn(api, DESIGNER, b"")
    assert response.status_code == 422
    assert response.get_json()["problems"][0]["element_id"] is None


def test_a_diagram_of_another_process_is_422(api):
    response = post_bpmn(api, DESIGNER, bpmn_xml(), model="interagency_coordination")
    assert response.status_code == 422
    assert response.get_json()["problems"][0]["element_id"] == PR


@pytest.mark.parametrize("user", [HEAD, REQUESTER, AUDITOR, "monitor.bnc_tu"])
@pytest.mark.parametrize("body", ["changed", "broken", "empty"])
def test_only_designers_deploy(api, user, body):
    xml = {"changed": replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED), "broken": b"<x",
           "empty": b""}[body]
    response = post_bpmn(api, user, xml)
    assert response.status_code == 403          # 403 comes before 422
    assert len(api.get(user, f"/process-models/{PR}/versions").get_json()) == 1


def test_running_cases_stay_on_the_version_they_started_with(api):
    old = start(api)
    assert post_bpmn(api, DESIGNER, replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED)).status_code == 201
    new = start(api)
    for case, version, verify_name in ((old, 1, "Xác minh căn cứ đề nghị"),
                                       (new, 2, "Xác minh căn cứ và tính xác thực của đề nghị")):
        started = history(api, case["id"])[0]
        assert (started["type"], started["data"]["version"]) == ("instance_started", version)
        result = api.do(INTAKE, case["id"], "intake", INTAKE_OK)
        assert [t["name"] for t in result["next_tasks"]] == [verify_name]
    # the old case runs to its end on version 1
    api.do(VERIFIER, old["id"], "verify", VERIFY_OK)
    api.do(HEAD, old["id"], "decide", decision_apply(today()))
    api.do(FORCE, old["id"], "execute", EXECUTION_REPORT)
    api.do(HEAD, old["id"], "review", REVIEW_CLOSE)
    result = api.do(HEAD, old["id"], "terminate", termination())
    assert result["process_instance"]["status"] == "completed"
    completed = [e for e in history(api, old["id"]) if e["type"] == "task_completed"]
    assert [e["element_name"] for e in completed][1] == "Xác minh căn cứ đề nghị"
