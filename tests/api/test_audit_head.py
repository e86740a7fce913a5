"""The chain head exported for anchoring: JSON, QR code, `flask audit head`, and `verify`
against a head kept from earlier."""
from __future__ import annotations

from datetime import datetime

import pytest

from workflow_app.extensions import db
from workflow_app.models import AuditEvent, AuditHead

from .helpers import AUDITOR, HEAD, MONITOR, audit_count, start

PNG = b"\x89PNG\r\n\x1a\n"


def _head_row():
    db.session.remove()
    row = db.session.get(AuditHead, 1)
    return row.seq, row.hash


def test_head_is_the_last_event_seq_hash_and_time(api):
    start(api)
    api.token(AUDITOR)
    seq, digest = _head_row()
    body = api.get(AUDITOR, "/audit/head").get_json()
    assert (body["seq"], body["hash"]) == (seq, digest)
    assert audit_count() == seq + 1                                  # + the read, recorded after
    last = db.session.get(AuditEvent, seq)
    assert datetime.fromisoformat(body["at"]) == last.at and last.hash == digest
    viewed = db.session.get(AuditEvent, seq + 1)
    assert (viewed.type, viewed.data["what"]) == ("audit_viewed", "head")


def test_head_png_is_a_qr_code_of_the_text_form(api):
    import segno
    start(api)
    api.token(AUDITOR)
    seq, digest = _head_row()
    response = api.get(AUDITOR, "/audit/head.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data.startswith(PNG)
    assert response.headers["X-Audit-Head"] == f"{seq} {digest}"
    assert segno.make(f"{seq} {digest}", error="m").designator        # the text fits a QR symbol


@pytest.mark.parametrize("path", ["/audit/head", "/audit/head.png"])
@pytest.mark.parametrize("user", [MONITOR, HEAD])
def test_only_auditors_read_the_head(api, user, path):
    assert api.get(user, path).status_code == 403


def test_verify_against_an_anchor(api):
    start(api)
    head = api.get(AUDITOR, "/audit/head").get_json()
    anchor = f"{head['seq']} {head['hash']}"
    assert api.get(AUDITOR, f"/audit/verify?anchor={anchor}").get_json()["ok"] is True
    wrong = f"{head['seq']} {'0' * 64}"
    assert api.get(AUDITOR, f"/audit/verify?anchor={wrong}").get_json() == {"ok": False,
                                                                            "first_bad_seq": head["seq"]}
    beyond = f"{head['seq'] + 1000} {head['hash']}"                 # a head the log no longer reaches
    result = api.get(AUDITOR, f"/audit/verify?anchor={beyond}").get_json()
    assert result["ok"] is False and result["first_bad_seq"] > head["seq"]


@pytest.mark.parametrize("anchor", ["12", "abc " + "0" * 64, "12 xyz", "12 " + "g" * 64])
def test_a_malformed_anchor_is_422(api, anchor):
    response = api.get(AUDITOR, f"/audit/verify?anchor={anchor}")
    assert response.status_code == 422 and "anchor" in response.get_json()["errors"]["query"]


def test_flask_audit_head_prints_seq_and_hash_and_writes_the_qr(api, app, tmp_path):
    start(api)
    seq, digest = _head_row()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["audit", "head"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{seq} {digest}\n"
    target = tmp_path / "dau-chuoi.png"
    result = runner.invoke(args=["audit", "head", "--qr", str(target)])
    assert result.exit_code == 0 and result.stdout == f"{seq} {digest}\n"
    assert target.read_bytes().startswith(PNG)
    assert audit_count() == seq                                      # the CLI records nothing

