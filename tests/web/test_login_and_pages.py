"""The pages' shared machinery: login with CSRF, the layout, security headers."""
from __future__ import annotations

import re

from ..support import request_data


def csrf_of(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def login(client, username, password="baove183"):
    token = csrf_of(client.get("/login"))
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


def test_pages_need_a_login(client):
    response = client.get("/inbox")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_wrong_password_shows_a_vietnamese_message_and_keeps_the_username(client):
    response = login(client, "leader.ca_tinh", "sai-mat-khau")
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert "Sai tên đăng nhập hoặc mật khẩu." in page and 'value="leader.ca_tinh"' in page


def test_a_post_without_csrf_token_is_refused(client):
    response = client.post("/login", data={"username": "leader.ca_tinh", "password": "baove183"})
    assert response.status_code == 400


def test_after_login_the_inbox_lists_the_tasks_of_my_role(client, api):
    case = api.start("requester.tand_tinh", request_data())
    assert login(client, "intake_officer.ca_tinh").status_code == 302
    page = client.get("/inbox").get_data(as_text=True)
    assert case["case_number"] in page and "Tiếp nhận đề nghị" in page
    response = client.get(f"/cases/{case['id']}")
    assert response.status_code == 200 and "Hồ sơ bảo vệ" in response.get_data(as_text=True)


def test_an_unrelated_agency_gets_not_found_for_the_case_page(client, api):
    case = api.start("requester.tand_tinh", request_data())
    login(client, "coordinator.ubnd_tinh")
    assert client.get(f"/cases/{case['id']}").status_code == 404


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/login").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_logout_ends_the_session(client):
    login(client, "leader.ca_tinh")
    page = client.get("/inbox")
    client.post("/logout", data={"csrf_token": csrf_of(page)})
    assert client.get("/inbox").status_code == 302


def test_each_kind_of_user_lands_where_their_work_is(client):
    login(client, "auditor.ubkt_tu")
    assert client.get("/").headers["Location"].startswith("/audit")
    client.post("/logout", data={"csrf_token": csrf_of(client.get("/audit/"))})
    login(client, "designer.bnc_tu")
    assert client.get("/").headers["Location"].startswith("/designer")
    client.post("/logout", data={"csrf_token": csrf_of(client.get("/designer/"))})
    login(client, "leader.ca_tinh")
    assert client.get("/").headers["Location"].endswith("/inbox")
