"""The forms package: what each form accepts, what it refuses and how it says so."""

from __future__ import annotations

import copy
import json
import re

import pytest
from marshmallow.experimental.context import Context

import forms
from forms import FORMS, FormError, confidential_paths, fields_of, json_schema, load

AGENCIES = [
    ("CA_TINH", "Công an tỉnh"),
    ("VKS_TINH", "Viện kiểm sát nhân dân tỉnh"),
    ("TAND_TINH", "Tòa án nhân dân tỉnh"),
    ("THADS_TINH", "Thi hành án dân sự tỉnh"),
]
MEASURES = [
    ("canh_gac", "Bố trí lực lượng, phương tiện canh gác, bảo vệ"),
    ("giu_bi_mat", "Giữ bí mật thông tin"),
    ("ran_de", "Răn đe, cảnh cáo, vô hiệu hóa hành vi xâm phạm"),
]
CHOICES = {"agencies": AGENCIES, "measures": MEASURES}
CASE = {
    "competent_agency": "CA_TINH",
    "protected_persons": [{"full_name": "Nguyễn Văn A"}, {"full_name": "Trần Thị B"}],
}

PERSON = {
    "full_name": "Nguyễn Văn A",
    "relation": "ban_than",
    "position": "Thẩm phán",
    "id_number": "001080000001",
    "phone": "0912345678",
    "residence": "Phường 1, thành phố X",
    "workplace": "Tòa án nhân dân tỉnh",
}

VALID = {
    "protection_request.start": {
        "request_kind": "thuong",
        "channel": "van_ban",
        "requester_agency": "TAND_TINH",
        "competent_agency": "CA_TINH",
        "threat_types": ["de_doa", "xuc_pham"],
        "protected_content": ["tinh_mang_suc_khoe_tai_san"],
        "threat_description": "Nhận tin nhắn đe dọa sau phiên xét xử.",
        "protected_persons": [PERSON, {"full_name": "Trần Thị B", "relation": "vo_chong"}],
        "requested_measures": ["canh_gac"],
    },
    "protection_request.intake": {"intake_complete": True, "intake_note": "Đã vào sổ."},
    "protection_request.supplement": {"supplement_note": "Bổ sung ảnh chụp tin nhắn."},
    "protection_request.verification": {
        "grounds_confirmed": True,
        "authenticity": "xac_thuc",
        "danger_level": "cao",
        "verification_findings": "Có căn cứ.",
    },
    "protection_request.decision": {
        "decision_outcome": "ap_dung",
        "measures": ["canh_gac", "giu_bi_mat"],
        "measures_start": "2025-03-01",
        "decision_number": "12/QĐ-CA",
    },
    "protection_request.execution_report": {
        "report_summary": "Đã bố trí canh gác.",
        "situation": "on_dinh",
        "recommendation": "tiep_tuc",
    },
    "protection_request.review": {"review_action": "cham_dut", "review_basis": "nguy_co_thay_doi"},
    "protection_request.termination": {
        "termination_reasons": "Nguy cơ đã chấm dứt.",
        "termination_date": "2025-06-30",
    },
    "coordination.plan": {"plan_summary": "Phân công canh gác.", "plan_report_by": "2025-03-10"},
    "coordination.confirmation": {"part_accepted": True, "assigned_forces": "02 cán bộ"},
    "coordination.consolidation": {"coordination_summary": "Các cơ quan đã xác nhận."},
    "common.escalation": {"instruction": "Khẩn trương hoàn thành trong ngày."},
}

# Required text fields of each form: a blank value must be refused.
REQUIRED_TEXTS = [
    ("protection_request.start", "threat_description"),
    ("protection_request.supplement", "supplement_note"),
    ("protection_request.verification", "verification_findings"),
    ("protection_request.execution_report", "report_summary"),
    ("protection_request.termination", "termination_reasons"),
    ("coordination.plan", "plan_summary"),
    ("coordination.consolidation", "coordination_summary"),
    ("common.escalation", "instruction"),
]

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
                        re.IGNORECASE)


def valid(form_key: str, **changes) -> dict:
    data = copy.deepcopy(VALID[form_key])
    data.update(changes)
    return data


def all_messages(messages) -> list[str]:
    if isinstance(messages, dict):
        return [m for value in messages.values() for m in all_messages(value)]
    if isinstance(messages, list):
        return [m for value in messages for m in all_messages(value)]
    return [messages]


def errors_of(form_key: str, data, case: dict | None = None) -> dict:
    """The messages of a refused submission, after checking they are all Vietnamese."""
    with pytest.raises(FormError) as caught:
        load(form_key, data, choices=CHOICES, case=case)
    messages = caught.value.messages
    for message in all_messages(messages):
        assert VIETNAMESE.search(message), f"not Vietnamese: {message!r}"
    return messages


def test_the_registry_holds_every_form_of_the_contract():
    assert set(VALID) <= set(FORMS)


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_a_valid_submission_loads_as_json_native_values(form_key):
    values = load(form_key, VALID[form_key], choices=CHOICES, case=CASE)
    assert json.loads(json.dumps(values)) == values
    assert set(values) <= set(fields_of(form_key))


def test_dates_come_back_as_iso_strings():
    decision = load("protection_request.decision", VALID["protection_request.decision"],
                    choices=CHOICES)
    termination = load("protection_request.termination",
                       VALID["protection_request.termination"], choices=CHOICES)
    assert decision["measures_start"] == "2025-03-01"
    assert termination["termination_date"] == "2025-06-30"


def test_text_is_trimmed_and_defaults_fill_what_was_left_out():
    values = load("protection_request.start",
                  valid("protection_request.start", threat_description="  Đe dọa.  ",
                        request_kind=None, competent_agency=""),
                  choices=CHOICES)
    assert values["threat_description"] == "Đe dọa."
    assert values["request_kind"] == "thuong"
    assert values["competent_agency"] == "CA_TINH"


# --- start ------------------------------------------------------------------------------

def test_an_ordinary_request_must_be_written():
    messages = errors_of("protection_request.start",
                         valid("protection_request.start", channel="dien_thoai",
                               minutes="Biên bản"))
    assert set(messages) == {"channel"}


def test_an_oral_request_needs_minutes():
    data = valid("protection_request.start", request_kind="khan_cap", channel="truc_tiep")
    assert set(errors_of("protection_request.start", data)) == {"minutes"}
    data["minutes"] = "   "
    assert set(errors_of("protection_request.start", data)) == {"minutes"}


@pytest.mark.parametrize("channel", ["van_ban", "truc_tiep", "dien_thoai"])
def test_an_emergency_request_may_use_any_channel(channel):
    data = valid("protection_request.start", request_kind="khan_cap", channel=channel,
                 minutes="Biên bản ghi nhận cuộc gọi lúc 21 giờ.")
    assert load("protection_request.start", data, choices=CHOICES)["channel"] == channel


def test_a_request_protects_at_least_one_person():
    messages = errors_of("protection_request.start",
                         valid("protection_request.start", protected_persons=[]))
    assert "người được bảo vệ" in messages["protected_persons"][0]
    data = valid("protection_request.start")
    del data["protected_persons"]
    assert errors_of("protection_request.start", data)["protected_persons"] == [
        "Trường này là bắt buộc."]


def test_a_protected_person_is_checked_field_by_field():
    persons = [{"full_name": " ", "relation": "ban_tha", "nickname": "x"}, "Nguyễn Văn A"]
    messages = errors_of("protection_request.start",
                         valid("protection_request.start", protected_persons=persons))
    first, second = messages["protected_persons"][0], messages["protected_persons"][1]
    assert first == {"full_name": ["Không được để trống."],
                     "relation": ["Lựa chọn không hợp lệ."],
                     "nickname": ["Trường không hợp lệ."]}
    assert set(second) == {"_schema"}


def test_codes_come_from_the_lists_passed_in():
    data = valid("protection_request.start", competent_agency="BNC_TU",
                 requested_measures=["canh_gac", "doi_danh_tinh"],
                 threat_types=["de_doa", "de_doa"])
    messages = errors_of("protection_request.start", data)
    assert messages["competent_agency"] == ["Cơ quan không có trong danh mục."]
    assert messages["requested_measures"] == {1: ["Biện pháp bảo vệ không có trong danh mục."]}
    assert messages["threat_types"] == ["Không được chọn trùng lặp."]
    wider = {"agencies": AGENCIES + [("BNC_TU", "Ban Nội chính Tỉnh ủy")], "measures": MEASURES}
    data = valid("protection_request.start", competent_agency="BNC_TU")
    assert load("protection_request.start", data, choices=wider)["competent_agency"] == "BNC_TU"


# --- intake -----------------------------------------------------------------------------

def test_an_incomplete_file_names_what_is_missing():
    messages = errors_of("protection_request.intake", {"intake_complete": False})
    assert set(messages) == {"missing_items"}
    values = load("protection_request.intake",
                  {"intake_complete": "false", "missing_items": "Ảnh chụp tin nhắn."},
                  choices=CHOICES)
    assert values["intake_complete"] is False


def test_intake_may_reroute_to_another_known_agency_only():
    values = load("protection_request.intake", valid("protection_request.intake",
                                                     competent_agency="VKS_TINH"), choices=CHOICES)
    assert values["competent_agency"] == "VKS_TINH"
    assert "competent_agency" not in load("protection_request.intake",
                                          VALID["protection_request.intake"], choices=CHOICES)
    messages = errors_of("protection_request.intake",
                         valid("protection_request.intake", competent_agency="XYZ"))
    assert set(messages) == {"competent_agency"}


# --- decision ---------------------------------------------------------------------------

def test_a_refusal_gives_reasons():
    data = {"decision_outcome": "tu_choi", "decision_reasons": "  "}
    assert set(errors_of("protection_request.decision", data)) == {"decision_reasons"}
    data["decision_reasons"] = "Không có căn cứ."
    values = load("protection_request.decision", data, choices=CHOICES)
    assert values["decision_outcome"] == "tu_choi"


def test_applying_needs_measures_and_a_start_date():
    messages = errors_of("protection_request.decision", {"decision_outcome": "ap_dung"})
    assert set(messages) == {"measures", "measures_start"}
    messages = errors_of("protection_request.decision",
                         valid("protection_request.decision", measures=[], measures_start=""))
    assert set(messages) == {"measures", "measures_start"}


def test_an_invalid_date_gets_one_message_not_two():
    messages = errors_of("protection_request.decision",
                         valid("protection_request.decision", measures_start="01/03/2025"))
    assert len(messages["measures_start"]) == 1
    assert "Ngày không hợp lệ" in messages["measures_start"][0]


def test_a_complex_case_names_its_cooperating_agencies():
    data = valid("protection_request.decision", is_complex=True)
    assert set(errors_of("protection_request.decision", data, CASE)) == {"cooperating_agencies"}
    data["cooperating_agencies"] = ["VKS_TINH", "VKS_TINH"]
    assert errors_of("protection_request.decision", data, CASE) == {
        "cooperating_agencies": ["Không được chọn trùng lặp."]}
    data["cooperating_agencies"] = ["VKS_TINH", "CA_TINH"]
    messages = errors_of("protection_request.decision", data, CASE)
    assert "chủ trì" in messages["cooperating_agencies"][0]
    data["cooperating_agencies"] = ["VKS_TINH", "TAND_TINH"]
    values = load("protection_request.decision", data, choices=CHOICES, case=CASE)
    assert values["cooperating_agencies"] == ["VKS_TINH", "TAND_TINH"]


def test_a_simple_case_names_no_cooperating_agency():
    data = valid("protection_request.decision", is_complex=False,
                 cooperating_agencies=["VKS_TINH"])
    assert load("protection_request.decision", data, choices=CHOICES)["cooperating_agencies"] == []


def test_covered_persons_point_into_the_case():
    data = valid("protection_request.decision", covered_persons=[1, 3])
    messages = errors_of("protection_request.decision", data, CASE)
    assert messages == {"covered_persons": ["Số thứ tự người được bảo vệ phải từ 1 đến 2."]}
    data["covered_persons"] = [0]
    assert set(errors_of("protection_request.decision", data, CASE)) == {"covered_persons"}
    data["covered_persons"] = []
    assert set(errors_of("protection_request.decision", data, CASE)) == {"covered_persons"}
    data["covered_persons"] = [2]
    assert load("protection_request.decision", data, choices=CHOICES,
                case=CASE)["covered_persons"] == [2]


def test_covered_persons_default_to_everyone_in_the_case():
    values = load("protection_request.decision", VALID["protection_request.decision"],
                  choices=CHOICES, case=CASE)
    assert values["covered_persons"] == [1, 2]
    assert values["executing_agency"] == "CA_TINH"


# --- termination and required texts -----------------------------------------------------

def test_termination_needs_reasons_and_a_date():
    messages = errors_of("protection_request.termination", {})
    assert messages == {"termination_reasons": ["Trường này là bắt buộc."],
                        "termination_date": ["Trường này là bắt buộc."]}


@pytest.mark.parametrize(("form_key", "field"), REQUIRED_TEXTS)
def test_a_required_text_is_not_blank(form_key, field):
    messages = errors_of(form_key, valid(form_key, **{field: " \t "}))
    assert messages == {field: ["Không được để trống."]}


# --- wrong shapes -----------------------------------------------------------------------

def test_wrong_types_are_refused_in_vietnamese():
    data = valid("protection_request.decision", decision_number=12, is_complex="có lẽ",
                 measures="canh_gac", covered_persons=["một"], measures_start="2025-02-30")
    messages = errors_of("protection_request.decision", data, CASE)
    assert messages["decision_number"] == ["Phải là một chuỗi ký tự."]
    assert messages["is_complex"] == ["Phải là giá trị có hoặc không."]
    assert messages["measures"] == ["Phải là một danh sách."]
    assert messages["covered_persons"] == {0: ["Phải là một số nguyên."]}
    assert "Ngày không hợp lệ" in messages["measures_start"][0]


def test_text_has_an_upper_bound():
    messages = errors_of("protection_request.start",
                         valid("protection_request.start",
                               protected_persons=[dict(PERSON, phone="0" * 300)]))
    assert messages == {"protected_persons": {0: {"phone": ["Không được dài quá 255 ký tự."]}}}


def test_null_is_refused_where_a_value_is_required():
    messages = errors_of("protection_request.verification",
                         valid("protection_request.verification", danger_level=None))
    assert messages == {"danger_level": ["Trường này không được để trống."]}


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_an_unknown_field_is_refused(form_key):
    messages = errors_of(form_key, valid(form_key, hacked=True))
    assert messages == {"hacked": ["Trường không hợp lệ."]}


@pytest.mark.parametrize("data", [[], "abc", None, 42])
@pytest.mark.parametrize("form_key", sorted(VALID))
def test_data_that_is_not_an_object_is_refused(form_key, data):
    assert set(errors_of(form_key, data)) == {"_schema"}


def test_an_unknown_form_key_is_a_key_error():
    with pytest.raises(KeyError):
        load("protection_request.nothing", {}, choices=CHOICES)
    with pytest.raises(KeyError):
        json_schema("protection_request.nothing", choices=CHOICES)
    with pytest.raises(KeyError):
        fields_of("nothing")


def test_form_error_is_a_value_error_and_the_context_does_not_leak():
    assert issubclass(FormError, ValueError)
    with pytest.raises(ValueError):
        load("common.escalation", {}, choices=CHOICES, case=CASE)
    assert Context.get(None) is None


# --- JSON schema ------------------------------------------------------------------------

def walk_properties(schema: dict, path=()):
    """Yield (path, property) for every property, with "*" for list items."""
    for name, prop in schema["properties"].items():
        yield path + (name,), prop
        items = prop.get("items", {})
        if items.get("type") == "object":
            yield from walk_properties(items, path + (name, "*"))


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_the_json_schema_describes_the_form(form_key):
    schema = json_schema(form_key, choices=CHOICES)
    assert VIETNAMESE.search(schema["title"])
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert list(schema["properties"]) == fields_of(form_key)
    assert set(VALID[form_key]) <= set(schema["properties"])
    marked = []
    for path, prop in walk_properties(schema):
        assert VIETNAMESE.search(prop["title"]), path
        for described in (prop, prop.get("items", {})):
            if "enum" in described:
                assert len(described["x-enum-titles"]) == len(described["enum"])
        if prop.get("x-confidential"):
            marked.append(path)
    assert marked == confidential_paths(form_key)
    required = {name for name, field in FORMS[form_key]().fields.items() if field.required}
    assert set(schema.get("required", [])) == required
    json.dumps(schema)


def test_the_json_schema_of_the_start_form():
    schema = json_schema("protection_request.start", choices=CHOICES)
    props = schema["properties"]
    assert schema["required"] == ["threat_types", "protected_content", "threat_description",
                                  "protected_persons"]
    assert props["competent_agency"]["enum"] == [code for code, _ in AGENCIES]
    assert props["competent_agency"]["x-enum-titles"][0] == "Công an tỉnh"
    assert props["competent_agency"]["default"] == "CA_TINH"
    assert props["requested_measures"]["items"]["enum"] == [code for code, _ in MEASURES]
    assert props["requested_measures"]["default"] == []
    assert props["channel"]["x-enum-titles"] == ["Văn bản", "Trực tiếp (bằng lời nói)",
                                                 "Qua điện thoại"]
    assert props["threat_types"]["type"] == "array" and props["threat_types"]["minItems"] == 1
    person = props["protected_persons"]["items"]
    assert person["type"] == "object" and person["additionalProperties"] is False
    assert person["required"] == ["full_name", "relation"]
    assert person["properties"]["full_name"]["x-confidential"] is True
    assert "x-confidential" not in person["properties"]["position"]
    assert person["properties"]["relation"]["x-enum-titles"][0] == "Bản thân"


def test_the_json_schema_of_the_decision_form():
    props = json_schema("protection_request.decision", choices=CHOICES)["properties"]
    assert "date" == props["measures_start"]["format"]
    assert props["executing_agency"]["default"] == "CA_TINH"
    assert props["is_complex"]["default"] is False
    assert props["cooperating_agencies"]["items"]["enum"] == [code for code, _ in AGENCIES]
    assert props["cooperating_agencies"]["uniqueItems"] is True
    assert props["covered_persons"]["items"] == {"type": "integer", "minimum": 1}
    assert props["decision_outcome"]["enum"] == ["ap_dung", "tu_choi"]


def test_a_missing_choice_list_is_a_programming_error():
    with pytest.raises(KeyError, match="measures"):
        json_schema("protection_request.decision", choices={"agencies": AGENCIES})


# --- confidential paths and fields ------------------------------------------------------

def test_confidential_paths_of_the_start_form():
    assert confidential_paths("protection_request.start") == [
        ("protected_persons", "*", "full_name"),
        ("protected_persons", "*", "relation"),
        ("protected_persons", "*", "id_number"),
        ("protected_persons", "*", "phone"),
        ("protected_persons", "*", "residence"),
        ("protected_persons", "*", "workplace"),
    ]
    assert confidential_paths("protection_request.decision") == []


def test_fields_of_lists_the_top_level_names_in_order():
    assert fields_of("protection_request.intake") == [
        "intake_complete", "missing_items", "competent_agency", "intake_note"]
    assert "protected_persons" in fields_of("protection_request.start")


def test_the_package_stays_pure():
    source = " ".join(open(path, encoding="utf-8").read() for path in _package_files())
    for forbidden in ("flask", "sqlalchemy", "SpiffWorkflow", "workflow_app"):
        assert not re.search(rf"^\s*(from|import)\s+{forbidden}\b", source, re.MULTILINE)


def _package_files():
    from pathlib import Path
    return sorted(Path(forms.__file__).parent.glob("*.py"))
