"""Decisions and notices as PDF through the API: one per decision and per notice, listed and
downloaded by whoever may see the case, never with a confidential value, every download audited."""
from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import StoredFile
from workflow_app.services.errors import Conflict

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data

GUARD = "Bố trí lực lượng, phương tiện, vũ khí, công cụ hỗ trợ để canh gác, bảo vệ"
SECRETS = ("Nguyễn Văn A", "0900000001", "Số 9 phố Bí Mật")
DOCUMENT_KINDS = {"quyet_dinh_ap_dung", "quyet_dinh_tu_choi", "quyet_dinh_cham_dut", "thong_bao"}


@pytest.fixture(autouse=True)
def storage_dir(app, tmp_path):
    app.config["STORAGE_DIR"] = str(tmp_path / "files")
    return tmp_path / "files"


def decided_case(api) -> dict:
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide",
           decision_apply(clock.local_now().date().isoformat(), decision_number="12"))
    return case


def documents_of(api, case, username="leader.ca_tinh") -> list[dict]:
    response = api.get(username, f"/process-instances/{case['id']}/documents")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def text_of(api, case, document, username="leader.ca_tinh") -> str:
    response = api.get(username, f"/process-instances/{case['id']}/documents/{document['id']}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert document["filename"] in response.headers["Content-Disposition"]
    assert hashlib.sha256(response.data).hexdigest() == document["sha256"] and len(response.data) == document["size"]
    return " ".join("\n".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages).split())


def document_entries(api, case) -> list[dict]:
    entries = api.get("leader.ca_tinh", f"/process-instances/{case['id']}/file").get_json()
    return [e for e in entries if e["kind"] in DOCUMENT_KINDS]


def test_a_decision_and_its_notice_are_issued_as_pdf_without_confidential_values(api):
    case = decided_case(api)
    documents = documents_of(api, case, "requester.tand_tinh")
    entries = document_entries(api, case)
    assert [e["kind"] for e in entries] == ["quyet_dinh_ap_dung", "thong_bao"]
    assert [d["case_file_entry_id"] for d in documents] == [e["id"] for e in entries]
    assert [d["title"] for d in documents] == [e["title"] for e in entries]
    assert all(d["filename"].endswith(".pdf") and d["status"] == "issued" and set(d) == {
        "id", "status", "title", "filename", "size", "sha256", "created_at", "case_file_entry_id"} for d in documents)

    decision = text_of(api, case, documents[0], "requester.tand_tinh")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "CÔNG AN TỈNH", "QUYẾT ĐỊNH",
                  "Số: 12/QĐ-CAT", case["case_number"], GUARD, "Người được bảo vệ số 1 – Thẩm phán",
                  "Điều 1.", "(Đã ký)", "leader.ca_tinh", "Nơi nhận:"):
        assert words in decision, words
    notice = text_of(api, case, documents[1])
    assert "THÔNG BÁO" in notice and "Tòa án nhân dân tỉnh" in notice and GUARD in notice
    for secret in SECRETS:
        assert secret not in decision and secret not in notice


def test_every_decision_of_a_case_has_its_pdf_change_and_end_included(api):
    case = decided_case(api)
    report = {"report_summary": "Đã bố trí canh gác.", "situation": "gia_tang", "recommendation": "thay_doi"}
    api.do("protection_officer.ca_tinh", case["id"], "execute", report)
    api.do("leader.ca_tinh", case["id"], "review", {"review_action": "thay_doi", "review_basis": "nguy_co_thay_doi"})
    api.do("leader.ca_tinh", case["id"], "decide", decision_apply(
        clock.local_now().date().isoformat(), measures=["canh_gac_bao_ve", "di_chuyen_noi_o"], decision_number="31"))
    api.do("protection_officer.ca_tinh", case["id"], "execute", {**report, "recommendation": "cham_dut"})
    api.do("leader.ca_tinh", case["id"], "review", {"review_action": "cham_dut", "review_basis": "bao_cao_luc_luong"})
    api.do("leader.ca_tinh", case["id"], "terminate",
           {"termination_reasons": "Đối tượng đã bị tạm giam.", "termination_date": "2027-01-15"})

    documents = documents_of(api, case)
    entries = document_entries(api, case)
    assert [e["kind"] for e in entries] == ["quyet_dinh_ap_dung", "thong_bao", "quyet_dinh_ap_dung", "thong_bao",
                                            "quyet_dinh_cham_dut"]
    assert [d["case_file_entry_id"] for d in documents] == [e["id"] for e in entries]
    change, end = text_of(api, case, documents[2]), text_of(api, case, documents[4])
    assert "Về việc thay đổi, bổ sung biện pháp bảo vệ" in change and "Số: 31/QĐ-CAT" in change
    assert "Bổ sung các biện pháp bảo vệ:" in change
    assert "Căn cứ Quyết định áp dụng biện pháp bảo vệ số 12/QĐ-CAT" in change
    assert "Về việc chấm dứt áp dụng biện pháp bảo vệ" in end and "kể từ ngày 15/01/2027" in end
    assert "Đối tượng đã bị tạm giam." in end
    for secret in SECRETS:
        assert secret not in change and secret not in end


def test_a_refusal_is_issued_with_its_notice(api):
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide",
           {"decision_outcome": "tu_choi", "decision_reasons": "Không đủ căn cứ."})
    documents = documents_of(api, case, "requester.tand_tinh")
    assert [d["title"] for d in documents] == ["Văn bản từ chối áp dụng biện pháp bảo vệ",
                                               "Thông báo kết quả cho người đề nghị"]
    refusal = text_of(api, case, documents[0])
    assert "Về việc không áp dụng biện pháp bảo vệ" in refusal and "Lý do: Không đủ căn cứ." in refusal


def test_only_those_who_see_the_case_read_its_documents_and_each_download_is_audited(api):
    case = decided_case(api)
    document = documents_of(api, case)[0]
    path = f"/process-instances/{case['id']}/documents"
    assert api.get("coordinator.ubnd_tinh", path).status_code == 404
    assert api.get("coordinator.ubnd_tinh", f"{path}/{document['id']}").status_code == 404
    assert api.get(None, path).status_code == 401
    assert api.get(None, f"{path}/{document['id']}").status_code == 401
    assert api.get("leader.ca_tinh", f"{path}/no-such-file").status_code == 404
    other = api.start("requester.tand_tinh", request_data())
    assert api.get("leader.ca_tinh", f"/process-instances/{other['id']}/documents/{document['id']}").status_code == 404

    text_of(api, case, document, "requester.tand_tinh")
    history = api.get("leader.ca_tinh", f"/process-instances/{case['id']}/history").get_json()
    downloads = [e for e in history if e["type"] == "document_downloaded"]
    assert len(downloads) == 1
    assert downloads[0]["data"]["file_id"] == document["id"]
    assert downloads[0]["actor"]["username"] == "requester.tand_tinh"


def test_a_document_changed_on_disk_is_not_served(api, storage_dir):
    case = decided_case(api)
    document = documents_of(api, case)[0]
    row = db.session.get(StoredFile, document["id"])
    (Path(storage_dir) / row.path).write_bytes(b"%PDF-1.4 gia mao")
    response = api.get("leader.ca_tinh", f"/process-instances/{case['id']}/documents/{document['id']}")
    assert response.status_code == 500 and b"gia mao" not in response.data


def test_a_decision_that_is_not_saved_leaves_no_pdf_behind(api, storage_dir, monkeypatch):
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)

    def lost_race(*args, **kwargs):
        db.session.rollback()
        raise Conflict("Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại.")
    monkeypatch.setattr("workflow_app.services.tasks.apply_step", lost_race)
    task = api.task_of("leader.ca_tinh", case["id"], "decide")
    api.complete("leader.ca_tinh", task["id"], decision_apply(clock.local_now().date().isoformat()), expect=409)
    assert db.session.execute(select(func.count()).select_from(StoredFile)).scalar_one() == 0
    assert not [p for p in Path(storage_dir).rglob("*") if p.is_file()]
