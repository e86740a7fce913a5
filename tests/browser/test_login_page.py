"""The login page and the inbox in a real browser."""
from __future__ import annotations

from playwright.sync_api import expect

from ..support import request_data


def test_an_official_signs_in_and_sees_the_task_in_the_inbox(api, login, page, screenshot):
    case = api.start("requester.tand_tinh", request_data())
    login("intake_officer.ca_tinh")
    expect(page.get_by_role("heading", name="Hộp việc")).to_be_visible()
    expect(page.get_by_role("link", name=case["case_number"])).to_be_visible()
    screenshot("inbox-basic")


def test_a_wrong_password_is_told_in_vietnamese(login, page):
    login("leader.ca_tinh", "khong-dung")
    expect(page.get_by_role("alert")).to_have_text("Sai tên đăng nhập hoặc mật khẩu.")
