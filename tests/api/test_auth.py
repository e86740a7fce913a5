"""POST /auth/token, bearer tokens (missing, bad, expired), GET /me and GET /agencies."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import User

from .helpers import AUDITOR, HEAD, PASSWORD, add_user

TOKEN_URL = "/api/v1/auth/token"
PROTECTED = [("GET", "/me"), ("GET", "/agencies"), ("GET", "/process-models"),
             ("GET", "/process-models/protection_request"), ("GET", "/process-instances"),
             ("POST", "/process-instances"), ("GET", "/tasks"), ("POST", "/tasks/nope/complete"),
             ("GET", "/audit/events"), ("GET", "/audit/verify")]


def _login(client, username, password):
    return client.post(TOKEN_URL, json={"username": username, "password": password})


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_good_credentials_give_a_token_that_names_the_caller(client):
    response = _login(client, HEAD, PASSWORD)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"token", "expires_at"}
    assert len(body["token"]) >= 32
    expires_at = datetime.fromisoformat(body["expires_at"])
    assert expires_at.utcoffset() is not None
    assert timedelta(hours=11, minutes=59) < expires_at - clock.now() <= timedelta(hours=12)
    me = client.get("/api/v1/me", headers=_bearer(body["token"]))
    assert me.get_json()["username"] == HEAD


def test_each_login_gives_a_different_token(client):
    first = _login(client, HEAD, PASSWORD).get_json()["token"]
    second = _login(client, HEAD, PASSWORD).get_json()["token"]
    assert first != second
    for token in (first, second):
        assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 200


@pytest.mark.parametrize("username, password", [(HEAD, "sai-mat-khau1"), ("khong.ton.tai", PASSWORD),
                                                (HEAD, PASSWORD.upper())])
def test_wrong_credentials_are_401_without_a_token(client, username, password):
    response = _login(client, username, password)
    assert response.status_code == 401
    body = response.get_json()
    assert body["code"] == 401 and body["status"] == "Unauthorized"
    assert body["message"] == "Sai tên đăng nhập hoặc mật khẩu."
    assert "token" not in body
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_failed_login_is_in_the_audit_log(api, client):
    _login(client, "ke.gian", "doan-mo-1")
    events = api.get(AUDITOR, "/audit/events?type=login_failed").get_json()
    assert [e["data"]["username"] for e in events] == ["ke.gian"]
    assert "doan-mo-1" not in str(events)


def test_a_deactivated_user_cannot_log_in_and_loses_their_token(client):
    token = _login(client, HEAD, PASSWORD).get_json()["token"]
    user = db.session.execute(db.select(User).where(User.username == HEAD)).scalar_one()
    user.active = False
    db.session.commit()
    assert _login(client, HEAD, PASSWORD).status_code == 401
    assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 401


@pytest.mark.parametrize("body, missing", [
    ({}, {"username", "password"}),
    ({"username": HEAD}, {"password"}),
    ({"password": PASSWORD}, {"username"}),
    ({"username": "", "password": ""}, {"username", "password"}),
    ({"username": 7, "password": PASSWORD}, {"username"}),
])
def test_missing_fields_are_422_per_field(client, body, missing):
    response = client.post(TOKEN_URL, json=body)
    assert response.status_code == 422
    errors = response.get_json()["errors"]["json"]
    assert set(errors) == missing
    assert all(messages == ["Trường này là bắt buộc."] for messages in errors.values())


@pytest.mark.parametrize("raw", ['{"username": "leader.ca_tinh", ', "username=leader", "{'a': 1}"])
def test_malformed_json_is_400(client, raw):
    response = client.post(TOKEN_URL, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["code"] == 400


@pytest.mark.parametrize("raw", ["[]", '["leader.ca_tinh", "baove183"]', '"leader.ca_tinh"', "42", "null"])
def test_json_that_is_not_an_object_is_422(client, raw):
    response = client.post(TOKEN_URL, data=raw, content_type="application/json")
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["errors"]["json"]["_schema"] == ["Dữ liệu phải là một đối tượng JSON."]


@pytest.mark.parametrize("method, path", PROTECTED)
def test_no_token_is_401(client, method, path):
    response = client.open(f"/api/v1{path}", method=method, json={})
    assert response.status_code == 401
    assert response.get_json()["code"] == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer ", "Bearer khong-phai-ma-that", "Token {token}", "Basic {token}",
                                    "{token}", "Bearer {token}x"])
def test_bad_token_is_401(client, header):
    token = _login(client, HEAD, PASSWORD).get_json()["token"]
    response = client.get("/api/v1/me", headers={"Authorization": header.format(token=token)})
    assert response.status_code == 401


def test_a_token_expires_after_its_lifetime(api, client):
    token = _login(client, HEAD, PASSWORD).get_json()["token"]
    clock.advance(timedelta(hours=11, minutes=59))
    assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 200
    clock.advance(timedelta(minutes=2))
    response = client.get("/api/v1/me", headers=_bearer(token))
    assert response.status_code == 401
    assert client.get("/api/v1/process-instances", headers=_bearer(token)).status_code == 401
    # logging in again works
    fresh = _login(client, HEAD, PASSWORD).get_json()["token"]
    assert client.get("/api/v1/me", headers=_bearer(fresh)).status_code == 200


def test_me_names_the_caller_roles_and_agency(api):
    response = api.get(HEAD, "/me")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["username"], body["roles"], body["agency"]) == (HEAD, ["leader"], "CA_TINH")


def test_me_lists_every_role_of_a_user_with_several(api):
    add_user("canbo.nhieu_vai", ["verifier", "intake_officer"], "VKS_TINH")
    body = api.get("canbo.nhieu_vai", "/me").get_json()
    assert body["roles"] == ["intake_officer", "verifier"]
    assert body["agency"] == "VKS_TINH"


def test_agencies_are_the_demo_province_sorted_by_code(api):
    response = api.get("requester.thads_tinh", "/agencies")
    assert response.status_code == 200
    agencies = response.get_json()
    codes = [a["code"] for a in agencies]
    assert codes == sorted(["CA_TINH", "VKS_TINH", "TAND_TINH", "THADS_TINH", "BNC_TU", "UBKT_TU",
                            "BTGDV_TU", "HDND_TINH", "MTTQ_TINH", "UBND_TINH"])
    names = {a["code"]: a["name"] for a in agencies}
    assert names["CA_TINH"] == "Công an tỉnh"
    assert names["BNC_TU"] == "Ban Nội chính Tỉnh ủy"
    assert all(set(a) == {"code", "name"} for a in agencies)



def test_five_failed_logins_lock_the_account_for_the_api_too(api, client):
    from datetime import timedelta
    from workflow_app import clock
    for _ in range(5):
        assert client.post("/api/v1/auth/token", json={"username": "verifier.ca_tinh",
                                                       "password": "sai"}).status_code == 401
    locked = client.post("/api/v1/auth/token", json={"username": "verifier.ca_tinh", "password": "baove183"})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    assert "khóa" in locked.get_json()["message"]
    clock.advance(timedelta(minutes=16))
    assert client.post("/api/v1/auth/token", json={"username": "verifier.ca_tinh",
                                                   "password": "baove183"}).status_code == 200
