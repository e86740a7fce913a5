"""Forms of complaints and denunciations (forms/complaint.py): what they accept and refuse.

The first part holds checks every form of issue #6 must pass (valid data loads as JSON-native
values, unknown fields and non-objects are refused in Vietnamese, the JSON schema marks
exactly the confidential fields); the other forms' tests import them.
"""
from __future__ import annotations

import copy
import json
import re

import pytest

from forms import FORMS, FormError, confidential_paths, fields_of, json_schema, load

AGENCIES = [("CA_TINH", "Công an tỉnh"), ("VKS_TINH", "Viện kiểm sát nhân dân tỉnh"),
            ("TAND_TINH", "Tòa án nhân dân tỉnh"), ("UBKT_TU", "Ủy ban Kiểm tra Tỉnh ủy")]
MEASURES = [("canh_gac_bao_ve", "Bố trí lực lượng"), ("giu_bi_mat_thong_tin", "Giữ bí mật thông tin")]
CHOICES = {"agencies": AGENCIES, "measures": MEASURES}
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
                        re.IGNORECASE)


# -- shared checks ----------------------------------------------------------------------------------
def messages_of(messages) -> list[str]:
    if isinstance(messages, dict):
        return [m for value in messages.values() for m in messages_of(value)]
    if isinstance(messages, list):
        return [m for value in messages for m in messages_of(value)]
    return [messages]


def errors_of(form_key: str, data, case: dict | None = None) -> dict:
    with pytest.raises(FormError) as caught:
        load(form_key, data, choices=CHOICES, case=case)
    for message in messages_of(caught.value.messages):
        assert VIETNAMESE.search(message), f"not Vietnamese: {message!r}"
    return caught.value.messages


def loads(form_key: str, data, case: dict | None = None) -> dict:
    values = load(form_key, data, choices=CHOICES, case=case)
    assert json.loads(json.dumps(values)) == values
    assert set(values) <= set(fields_of(form_key))
    return values


def check_contract(form_key: str, valid: dict) -> None:
    loads(form_key, valid)
    assert errors_of(form_key, {**valid, "hacked": 1}) == {"hacked": ["Trường không hợp lệ."]}
    for not_an_object in ([], "abc", None):
        assert set(errors_of(form_key, not_an_object)) == {"_schema"}
    schema = json_schema(form_key, choices=CHOICES)
    assert VIETNAMESE.search(schema["title"]) and schema["additionalProperties"] is False
    marked = []

    def walk(node, path):
        for name, prop in node["properties"].items():
            assert VIETNAMESE.search(prop["title"]), path + (name,)
            if prop.get("x-confidential"):
                marked.append(path + (name,))
            if prop.get("items", {}).get("type") == "object":
                walk(prop["items"], path + (name, "*"))
    walk(schema, ())
    assert marked == confidential_paths(form_key)
    json.dumps(schema)


def registered(prefix: str) -> list[str]:
    return sorted(k for k in FORMS if k.startswith(prefix + "."))


# -- complaint forms ---------------------------------------------------------------------------------
START = {
    "petition_kind": "khieu_nai", "competent_agency": "TAND_TINH", "post_decision_type": "dieu_dong",
    "contested_decision": "Quyết định số 15/QĐ-TA", "petition_content": "Đề nghị hủy quyết định.",
    "petitioner_name": "Nguyễn Văn An", "petitioner_id_number": "001080012345", "petitioner_phone": "0912345678",
    "petitioner_residence": "Số 12 Lê Lợi", "petitioner_workplace": "Tòa án nhân dân tỉnh",
}
VALID = {
    "complaint.start": START,
    "complaint.acceptance": {"accepted": True, "is_complex": True},
    "complaint.verification": {"verified_finding": "dung_mot_phan", "verification_findings": "Có căn cứ."},
    "complaint.dialogue": {"dialogue_held": True, "dialogue_minutes": "Biên bản đối thoại."},
    "complaint.decision": {"complaint_finding": "dung", "decision_action": "huy_bo",
                           "resolution_content": "Hủy quyết định điều động."},
    "complaint.denunciation_conclusion": {"denunciation_outcome": "ket_luan", "denunciation_finding": "sai",
                                          "conclusion_content": "Tố cáo sai."},
    "complaint.petition_answer": {"answer_content": "Trả lời kiến nghị."},
    "complaint.appeal": {"appeal_choice": "dong_y"},
    "complaint.appeal_acceptance": {"appeal_accepted": True},
    "complaint.enforcement": {"enforcement_result": "Đã thi hành."},
}


def valid(form_key: str, **changes) -> dict:
    return {**copy.deepcopy(VALID[form_key]), **changes}


def test_every_complaint_form_is_registered_and_tested():
    assert registered("complaint") == sorted(VALID)


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_the_contract_of_each_form(form_key):
    check_contract(form_key, VALID[form_key])


def test_the_petitioner_identity_is_confidential():
    assert confidential_paths("complaint.start") == [
        ("petitioner_name",), ("petitioner_id_number",), ("petitioner_phone",), ("petitioner_residence",),
        ("petitioner_workplace",)]


def test_defaults_of_the_start_and_acceptance_forms():
    assert loads("complaint.start", START)["channel"] == "van_ban"
    values = loads("complaint.acceptance", {"accepted": True})
    assert (values["is_complex"], values["remote_area"]) == (False, False)


def test_a_petition_said_in_person_needs_minutes():
    assert set(errors_of("complaint.start", valid("complaint.start", channel="truc_tiep"))) == {"minutes"}
    loads("complaint.start", valid("complaint.start", channel="truc_tiep", minutes="Biên bản."))


def test_the_start_form_needs_the_kind_the_agency_and_the_petitioner():
    messages = errors_of("complaint.start", {})
    assert {"petition_kind", "competent_agency", "post_decision_type", "contested_decision",
            "petition_content", "petitioner_name"} <= set(messages)


def test_refusing_to_accept_needs_reasons():
    assert errors_of("complaint.acceptance", {"accepted": False}) == {
        "refusal_reasons": ["Phải nêu rõ lý do không thụ lý."]}
    loads("complaint.acceptance", {"accepted": False, "refusal_reasons": "Hết thời hiệu."})


def test_dialogue_rules():
    assert set(errors_of("complaint.dialogue", {"dialogue_held": True})) == {"dialogue_minutes"}
    assert set(errors_of("complaint.dialogue", {"dialogue_held": False})) == {"dialogue_skip_reason"}
    first_round = {"complaint_round": 1}
    loads("complaint.dialogue", {"dialogue_held": False, "dialogue_skip_reason": "Đã thống nhất."}, first_round)
    messages = errors_of("complaint.dialogue", {"dialogue_held": False, "dialogue_skip_reason": "x"},
                         {"complaint_round": 2})
    assert messages == {"dialogue_held": ["Giải quyết khiếu nại lần hai phải tổ chức đối thoại."]}


@pytest.mark.parametrize("finding, action, ok", [
    ("dung", "huy_bo", True), ("dung", "sua_doi", True), ("dung", "giu_nguyen", False),
    ("sai", "giu_nguyen", True), ("sai", "huy_bo", False), ("dung_mot_phan", "sua_doi", True),
])
def test_the_decision_follows_the_finding(finding, action, ok):
    data = valid("complaint.decision", complaint_finding=finding, decision_action=action)
    if ok:
        loads("complaint.decision", data)
    else:
        assert set(errors_of("complaint.decision", data)) == {"decision_action"}


def test_a_conclusion_needs_a_finding_and_its_content():
    assert set(errors_of("complaint.denunciation_conclusion", {"denunciation_outcome": "ket_luan"})) == {
        "denunciation_finding", "conclusion_content"}


EXTENSION = {"denunciation_outcome": "gia_han", "extension_complexity": "phuc_tap",
             "extension_reasons": "Cần xác minh thêm."}


@pytest.mark.parametrize("complexity, used, ok", [
    ("phuc_tap", 0, True), ("phuc_tap", 1, False),
    ("dac_biet_phuc_tap", 1, True), ("dac_biet_phuc_tap", 2, False),
])
def test_extensions_are_counted_as_the_law_allows(complexity, used, ok):
    data = {**EXTENSION, "extension_complexity": complexity}
    case = {"extensions_used": used}
    if ok:
        assert loads("complaint.denunciation_conclusion", data, case)["extension_days"] == 30
    else:
        assert set(errors_of("complaint.denunciation_conclusion", data, case)) == {"denunciation_outcome"}


def test_an_extension_needs_its_complexity_reasons_and_at_most_30_days():
    messages = errors_of("complaint.denunciation_conclusion", {"denunciation_outcome": "gia_han"})
    assert set(messages) == {"extension_complexity", "extension_reasons"}
    assert set(errors_of("complaint.denunciation_conclusion", {**EXTENSION, "extension_days": 31})) == {
        "extension_days"}


def test_a_second_appeal_goes_to_another_agency_with_reasons():
    case = {"competent_agency": "TAND_TINH"}
    assert set(errors_of("complaint.appeal", {"appeal_choice": "khieu_nai_lan_hai"}, case)) == {
        "appeal_agency", "appeal_reasons"}
    messages = errors_of("complaint.appeal", {"appeal_choice": "khieu_nai_lan_hai", "appeal_agency": "TAND_TINH",
                                              "appeal_reasons": "Không đồng ý."}, case)
    assert set(messages) == {"appeal_agency"}
    loads("complaint.appeal", {"appeal_choice": "khieu_nai_lan_hai", "appeal_agency": "VKS_TINH",
                               "appeal_reasons": "Không đồng ý."}, case)


def test_agreeing_names_no_appeal_agency():
    values = loads("complaint.appeal", {"appeal_choice": "dong_y", "appeal_agency": "VKS_TINH"})
    assert "appeal_agency" not in values


def test_refusing_a_second_appeal_needs_reasons():
    assert set(errors_of("complaint.appeal_acceptance", {"appeal_accepted": False})) == {"appeal_refusal_reasons"}
