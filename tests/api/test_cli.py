"""The command line of API.md, through Flask's CLI test runner."""
from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, inspect

from workflow_app.extensions import db
from workflow_app.models import User

from ..support import FAST_ARGON2, VAULT_KEY
from .helpers import (AUDITOR, BPMN_DIR, HEAD, VERIFY_NAME, VERIFY_RENAMED, advance, audit_count, bpmn_xml,
                      history, instance_count, replaced, start, tamper_event_data, types_of)

STRONG = "MatKhau2024"


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()

    def invoke(*args, input=None):
        return runner.invoke(args=list(args), input=input)
    return invoke


def _users():
    return db.session.execute(db.select(User.username)).scalars().all()


# -- users ------------------------------------------------------------------------------------
def test_users_create_reads_the_password_from_stdin(api, cli):
    result = cli("users", "create", "--username", "canbo.moi", "--role", "verifier", "--role", "intake_officer",
                 "--agency", "VKS_TINH", input=f"{STRONG}\nthua\n")
    assert result.exit_code == 0, result.output
    assert "canbo.moi" in result.stdout
    api.token("canbo.moi", STRONG)                        # the password from stdin logs in
    me = api.get("canbo.moi", "/me")
    assert (me.get_json()["roles"], me.get_json()["agency"]) == (["intake_officer", "verifier"], "VKS_TINH")


def test_users_create_refuses_an_existing_username(cli):
    before = len(_users())
    result = cli("users", "create", "--username", HEAD, "--role", "leader", "--agency", "CA_TINH",
                 input=f"{STRONG}\n")
    assert result.exit_code != 0
    assert f"Tên đăng nhập '{HEAD}' đã tồn tại." in result.stderr
    assert len(_users()) == before


def test_users_create_refuses_an_unknown_agency(cli):
    result = cli("users", "create", "--username", "canbo.x", "--role", "verifier", "--agency", "KHONG_CO",
                 input=f"{STRONG}\n")
    assert result.exit_code != 0
    assert "Không có cơ quan mã 'KHONG_CO'." in result.stderr
    assert "canbo.x" not in _users()


def test_users_create_refuses_an_unknown_role(cli):
    result = cli("users", "create", "--username", "canbo.x", "--role", "phu_thuy", "--agency", "CA_TINH",
                 input=f"{STRONG}\n")
    assert result.exit_code == 2
    assert "canbo.x" not in _users()


@pytest.mark.parametrize("password, message", [
    ("ab1", "Mật khẩu phải có ít nhất 8 ký tự."),
    ("chiconchu", "Mật khẩu phải có cả chữ và số."),
    ("12345678", "Mật khẩu phải có cả chữ và số."),
    ("", "Mật khẩu phải có ít nhất 8 ký tự."),
])
def test_users_create_refuses_a_weak_password(cli, password, message):
    result = cli("users", "create", "--username", "canbo.yeu", "--role", "verifier", "--agency", "CA_TINH",
                 input=f"{password}\n")
    assert result.exit_code != 0
    assert message in result.stderr
    assert "canbo.yeu" not in _users()


def test_users_list_json_is_only_json(cli):
    result = cli("users", "list", "--json")
    assert result.exit_code == 0
    users = json.loads(result.stdout)
    assert {u["username"]: (u["roles"], u["agency"]) for u in users}[HEAD] == (["leader"], "CA_TINH")
    assert all(set(u) == {"username", "roles", "agency"} for u in users)
    assert len(users) == len(_users())


def test_users_list_plain_has_one_line_per_user(cli):
    result = cli("users", "list")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == len(_users())


def test_agencies_list_json_is_only_json(cli):
    result = cli("agencies", "list", "--json")
    assert result.exit_code == 0
    agencies = json.loads(result.stdout)
    assert len(agencies) == 10
    assert {"code": "CA_TINH", "name": "Công an tỉnh"} in agencies


# -- diagrams, timers, audit ------------------------------------------------------------------
def test_bpmn_deploy_of_unchanged_diagrams_says_so(cli):
    result = cli("bpmn", "deploy", str(BPMN_DIR))
    assert result.exit_code == 0, result.output
    lines = set(result.stdout.strip().splitlines())
    from workflow_app import engine
    process_ids = {engine.read(p.read_bytes()).process_id for p in BPMN_DIR.glob("*.bpmn")}
    assert {"interagency_coordination", "protection_request"} <= process_ids
    assert lines == {f"{pid}: phiên bản 1 không đổi" for pid in process_ids}


def test_bpmn_deploy_deploys_what_changed(api, cli, tmp_path):
    shutil.copy(BPMN_DIR / "interagency_coordination.bpmn", tmp_path)
    (tmp_path / "protection_request.bpmn").write_bytes(replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED))
    result = cli("bpmn", "deploy", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "protection_request: phiên bản 2 đã triển khai" in result.stdout
    assert "interagency_coordination: phiên bản 1 không đổi" in result.stdout
    assert api.get(HEAD, "/process-models/protection_request").get_json()["latest_version"] == 2


def test_bpmn_deploy_of_a_bad_diagram_fails_with_its_problems(api, cli, tmp_path):
    (tmp_path / "protection_request.bpmn").write_bytes(
        replaced(bpmn_xml(), 'value="register_request"', 'value="xu_ly_ma"'))
    result = cli("bpmn", "deploy", str(tmp_path))
    assert result.exit_code != 0
    assert "intake: Bộ xử lý 'xu_ly_ma' không tồn tại." in result.stderr
    assert api.get(HEAD, "/process-models/protection_request").get_json()["latest_version"] == 1


def test_bpmn_deploy_of_a_missing_directory_is_a_usage_error(cli, tmp_path):
    assert cli("bpmn", "deploy", str(tmp_path / "khong-co")).exit_code == 2


def test_run_timers_fires_what_is_due(api, cli):
    case = start(api)
    result = cli("run-timers")
    assert result.exit_code == 0 and "Đã xử lý hẹn giờ của 0 hồ sơ;" in result.stdout
    advance(api, timedelta(days=3, minutes=1))
    result = cli("run-timers")
    assert result.exit_code == 0 and "Đã xử lý hẹn giờ của 1 hồ sơ;" in result.stdout
    assert "timer_fired" in types_of(history(api, case["id"]))
    assert "Đã xử lý hẹn giờ của 0 hồ sơ;" in cli("run-timers").stdout


def test_audit_verify_exit_code_follows_the_chain(api, cli):
    case = start(api)
    result = cli("audit", "verify")
    assert result.exit_code == 0
    assert f"Chuỗi nhật ký nguyên vẹn: {audit_count()} sự kiện." in result.stdout
    seq = history(api, case["id"], AUDITOR)[0]["seq"]
    tamper_event_data(seq)
    result = cli("audit", "verify")
    assert result.exit_code == 1
    assert f"Chuỗi nhật ký bị sửa đổi từ sự kiện số {seq}." in result.stderr


def test_seed_demo_twice_adds_nothing_the_second_time(cli):
    users = len(_users())
    first = cli("seed-demo")
    assert first.exit_code == 0, first.output
    assert "Hồ sơ mẫu tạo mới: 4" in first.stdout and "baove183" in first.stdout
    assert instance_count() == 4 and len(_users()) == users
    events = audit_count()
    second = cli("seed-demo")
    assert second.exit_code == 0, second.output
    assert "Hồ sơ mẫu tạo mới: 0" in second.stdout
    assert "(mới)" not in second.stdout
    assert (instance_count(), len(_users()), audit_count()) == (4, users, events)


def test_db_upgrade_creates_the_schema_on_an_empty_database(tmp_path):
    from workflow_app import create_app
    url = f"sqlite:///{tmp_path / 'moi.sqlite3'}"
    fresh = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "VAULT_KEY": VAULT_KEY, **FAST_ARGON2})
    with fresh.app_context():
        result = fresh.test_cli_runner().invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
        db.session.remove()
        db.engine.dispose()
    engine = create_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"process_instance", "human_task", "audit_event", "app_user", "agency"} <= tables
