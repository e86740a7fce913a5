"""Key rotation keeps every confidential value and stored file readable; files are
encrypted at rest."""
from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet

from workflow_app import storage
from workflow_app.extensions import db

from ..support import INTAKE_OK, request_data

MARKER = "Đặng Thị Bí Mật 0977000111"


def test_rotation_to_a_new_key_keeps_values_and_files_readable(app, api, tmp_path):
    app.config["STORAGE_DIR"] = str(tmp_path)
    person = {"full_name": MARKER, "relation": "ban_than", "position": "Thẩm phán"}
    case = api.start("requester.tand_tinh", request_data(protected_persons=[person]))
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    row = storage.save(MARKER.encode(), filename="ghi-chu.txt", content_type="text/plain", kind="attachment",
                       created_by="x", instance_id=case["id"])
    db.session.commit()
    file_id, file_path = row.id, row.path
    assert MARKER.encode() not in (Path(tmp_path) / file_path).read_bytes()     # encrypted at rest

    old_key, new_key = app.config["VAULT_KEY"], Fernet.generate_key().decode()
    app.config["VAULT_KEY"] = f"{new_key},{old_key}"
    result = app.test_cli_runner().invoke(args=["vault", "rotate"])
    assert result.exit_code == 0, result.output
    assert "1 tệp" in result.output

    app.config["VAULT_KEY"] = new_key                      # the old key is gone
    db.session.remove()
    revealed = api.post("leader.ca_tinh", f"/process-instances/{case['id']}/reveal",
                        json={"fields": ["full_name"], "reason": "Kiểm tra sau khi đổi khóa"})
    assert revealed.status_code == 200
    assert list(revealed.get_json()["values"].values()) == [MARKER]
    from workflow_app.models import StoredFile
    assert storage.read(db.session.get(StoredFile, file_id)) == MARKER.encode()
