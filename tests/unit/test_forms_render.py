"""Form pages from JSON Schema: which control each property gets, and posted fields back to
the JSON the use cases validate (every form of the registry goes through both ways)."""
from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict

import forms
from workflow_app.web.forms_render import INDEX, build, parse, widget_of

CHOICES = {"agencies": [("CA_TINH", "Công an tỉnh"), ("TAND_TINH", "Tòa án nhân dân tỉnh")],
           "measures": [("canh_gac_bao_ve", "Canh gác, bảo vệ"), ("giu_bi_mat_thong_tin", "Giữ bí mật")]}


def schema(key: str) -> dict:
    return forms.json_schema(key, choices=CHOICES)


def by_key(fields):
    return {f.key: f for f in fields}


def test_controls_follow_the_schema():
    start = by_key(build(schema("protection_request.start")))
    assert start["request_kind"].widget == "radio"                 # 2 choices, a default
    assert start["requester_agency"].widget == "select"            # optional, no default
    assert start["threat_types"].widget == "checkboxes"
    assert start["threat_description"].widget == "textarea"        # long text
    assert start["protected_persons"].widget == "repeat"
    assert start["minutes"].widget == "textarea"
    person = by_key(start["protected_persons"].items[0])
    assert person["full_name"].widget == "text" and person["full_name"].confidential
    assert person["relation"].widget == "select" and person["relation"].required
    decision = by_key(build(schema("protection_request.decision")))
    assert decision["measures_start"].widget == "date"
    assert decision["is_complex"].widget == "checkbox"             # optional boolean
    assert decision["covered_persons"].widget == "numbers"
    assert decision["cooperating_agencies"].widget == "checkboxes"
    assert decision["decision_number"].widget == "text"            # short text (255)
    intake = by_key(build(schema("protection_request.intake")))
    assert intake["intake_complete"].widget == "yesno"             # required boolean: no answer is not "no"


def test_hints_and_edge_types():
    assert widget_of({"type": "string", "x-multiline": True, "maxLength": 40}, False) == "textarea"
    assert widget_of({"type": "string", "maxLength": 255}, False) == "text"
    assert widget_of({"type": "string", "maxLength": 256}, False) == "textarea"
    assert widget_of({"type": "string", "enum": list("abcde")}, True) == "select"   # many choices
    assert widget_of({"type": ["integer", "null"]}, False) == "number"
    assert widget_of({"type": "array", "items": {"type": "string"}}, False) == "lines"
    assert widget_of({"type": "object", "properties": {}}, False) == "group"


def test_labels_help_and_choices_come_from_the_schema():
    fields = by_key(build(schema("protection_request.decision")))
    outcome = fields["decision_outcome"]
    assert outcome.label == "Quyết định" and outcome.required
    assert outcome.options == [("ap_dung", "Áp dụng biện pháp bảo vệ"), ("tu_choi", "Từ chối áp dụng")]
    assert fields["decision_reasons"].help.startswith("Bắt buộc khi từ chối")
    assert fields["executing_agency"].value == "CA_TINH"           # the default is preselected
    assert fields["measures"].options[0] == ("canh_gac_bao_ve", "Canh gác, bảo vệ")


def test_posted_fields_become_json():
    posted = MultiDict([
        ("request_kind", "khan_cap"), ("channel", "dien_thoai"), ("requester_agency", ""),
        ("competent_agency", "CA_TINH"), ("threat_types-present", "1"), ("threat_types", "de_doa"),
        ("threat_types", "tan_cong"), ("protected_content-present", "1"), ("threat_description", " Bị đe dọa "),
        ("protected_persons-present", "1"),
        ("protected_persons-3-full_name", "Trần B"), ("protected_persons-3-relation", "con"),
        ("protected_persons-0-full_name", "Nguyễn A"), ("protected_persons-0-relation", "ban_than"),
        ("protected_persons-0-phone", ""), ("requested_measures-present", "1"), ("minutes", "Biên bản"),
    ])
    data = parse(schema("protection_request.start"), posted)
    assert data == {
        "request_kind": "khan_cap", "channel": "dien_thoai", "competent_agency": "CA_TINH",
        "threat_types": ["de_doa", "tan_cong"], "protected_content": [], "threat_description": " Bị đe dọa ",
        "protected_persons": [{"full_name": "Nguyễn A", "relation": "ban_than", "phone": None},
                              {"full_name": "Trần B", "relation": "con"}],
        "requested_measures": [], "minutes": "Biên bản"}
    values = forms.load("protection_request.start", {**data, "protected_content": ["vi_tri_cong_tac"]},
                        choices=CHOICES)
    assert values["protected_persons"][1]["relation"] == "con" and values["threat_description"] == "Bị đe dọa"


def test_booleans_numbers_and_removal():
    decision = schema("protection_request.decision")
    data = parse(decision, MultiDict([("is_complex-present", "1"), ("covered_persons", "1, 2;x"),
                                      ("measures_start", "")]))
    assert data == {"is_complex": False, "covered_persons": [1, 2, "x"], "measures_start": None}
    assert parse(decision, MultiDict([("is_complex-present", "1"), ("is_complex", "true")]))["is_complex"] is True
    intake = schema("protection_request.intake")
    assert "intake_complete" not in parse(intake, MultiDict())
    assert parse(intake, MultiDict([("intake_complete", "false")]))["intake_complete"] is False
    start = schema("protection_request.start")
    posted = MultiDict([("protected_persons-0-full_name", "A"), ("protected_persons-1-full_name", "B")])
    assert parse(start, posted, remove="protected_persons-0")["protected_persons"] == [{"full_name": "B"}]


def test_errors_land_next_to_their_fields_and_values_stay():
    start = schema("protection_request.start")
    data = {"protected_persons": [{"full_name": "A"}, {"full_name": ""}], "threat_description": "mô tả"}
    try:
        forms.load("protection_request.start", data, choices=CHOICES)
    except forms.FormError as exc:
        errors = exc.messages
    fields = by_key(build(start, data, errors))
    assert fields["threat_types"].errors == ["Trường này là bắt buộc."]
    assert fields["threat_description"].value == "mô tả" and not fields["threat_description"].errors
    persons = fields["protected_persons"].items
    assert by_key(persons[0])["relation"].errors == ["Trường này là bắt buộc."]
    assert by_key(persons[1])["full_name"].errors == ["Không được để trống."]
    assert by_key(persons[1])["full_name"].context == "Người được bảo vệ 2"
    assert by_key(persons[0])["full_name"].value == "A"


def test_list_level_errors_and_new_item_template():
    start = schema("protection_request.start")
    fields = by_key(build(start, {"protected_persons": []},
                          {"protected_persons": ["Phải có ít nhất một người được bảo vệ."]}))
    persons = fields["protected_persons"]
    assert persons.errors == ["Phải có ít nhất một người được bảo vệ."]
    assert len(persons.items) == 1                                 # at least one to fill in
    assert all(INDEX in f.name for f in persons.template)
    numbers = by_key(build(schema("protection_request.decision"), {"covered_persons": [1, 9]},
                           {"covered_persons": {1: ["Phải lớn hơn hoặc bằng 1."]}}))["covered_persons"]
    assert numbers.errors == ["Mục 2: Phải lớn hơn hoặc bằng 1."] and numbers.text_value == "1, 9"


def test_a_masked_confidential_value_is_shown_read_only():
    fields = build(schema("protection_request.start"), {"protected_persons": [{"full_name": "••••••"}]})
    person = by_key(by_key(fields)["protected_persons"].items[0])
    assert person["full_name"].masked and not person["position"].masked


@pytest.mark.parametrize("form_key", sorted(forms.FORMS))
def test_every_form_of_the_registry_renders_and_parses(form_key):
    json_schema = schema(form_key)
    fields = build(json_schema)
    assert fields and all(f.label for f in fields)
    assert isinstance(parse(json_schema, MultiDict()), dict)


def test_the_english_catalog_is_compiled_from_its_source():
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po
    folder = Path(__file__).resolve().parents[2] / "workflow_app" / "translations" / "en" / "LC_MESSAGES"
    def entries(catalog):
        return {(tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id):
                (tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string)
                for m in catalog if m.id}
    with open(folder / "messages.po", "rb") as f:
        po = entries(read_po(f))
    with open(folder / "messages.mo", "rb") as f:
        mo = entries(read_mo(f))
    assert po == mo, "run: pybabel compile -d workflow_app/translations"
    assert all(po.values()), [k for k, v in po.items() if not v]
