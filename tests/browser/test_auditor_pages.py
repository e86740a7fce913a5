"""An auditor in a real browser: finds a case of another agency, reads its path on the
diagram, clicks a step to see its events and data, exports the history (the file is made in
the background; its page links it when ready)."""
from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect

from workflow_app.services.timers import fire_due

from ..api.helpers import AUDITOR, HEAD, advance, case_at, start


def _watch(page) -> list[str]:
    """Script errors, CSP refusals and failed loads (but the layout's missing favicon)."""
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(f"{msg.text} {msg.location.get('url')}")
            if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico") else None)
    return errors


def test_the_auditor_finds_a_case_and_reads_its_path_on_the_diagram(api, login, page, live_server, screenshot):
    case = case_at(api, "decide")
    start(api)                                                        # another case, not searched for
    errors = _watch(page)
    login(AUDITOR)
    page.get_by_role("link", name="Kiểm toán").click()
    expect(page.get_by_role("heading", name="Kiểm toán nhật ký")).to_be_visible()
    page.get_by_label("Số hồ sơ").fill(case["case_number"])
    page.get_by_label("Loại sự kiện").select_option(label="Hoàn thành nhiệm vụ")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_role("heading", name="Hồ sơ có sự kiện khớp (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="Sự kiện (2)")).to_be_visible()
    screenshot("auditor-search")

    page.get_by_role("link", name=case["case_number"]).first.click()
    expect(page.get_by_role("heading", name=f"Lịch sử hồ sơ {case['case_number']}")).to_be_visible()
    expect(page.locator("#audit-diagram[data-ready='protection_request']")).to_be_attached(timeout=15000)
    expect(page.locator(".djs-element.audit-completed").first).to_be_visible()
    expect(page.locator(".djs-element.audit-active")).to_have_count(1)
    expect(page.locator(".djs-connection.audit-taken").first).to_be_attached()
    expect(page.locator(".diagram-badge", has_text="Đang xử lý")).to_have_count(1)
    assert page.locator("[data-element-id='decide']").get_attribute("class").count("audit-active") == 1

    page.locator("[data-element-id='verify']").click()
    detail = page.locator("#element-detail")
    expect(detail.get_by_role("heading", name="Xác minh căn cứ đề nghị")).to_be_visible()
    expect(detail.get_by_text(re.compile("Hoàn thành nhiệm vụ"))).to_be_visible()
    expect(detail.locator("pre").filter(has_text='"changes"')).to_be_visible()
    screenshot("auditor-history")

    page.get_by_role("button", name=re.compile("^Tiếp nhận đề nghị")).click()   # the keyboard-reachable list
    expect(detail.get_by_role("heading", name="Tiếp nhận đề nghị")).to_be_visible()
    screenshot("auditor-history-zoomed")                                          # zoomed onto that step

    page.get_by_role("button", name="CSV").click()                     # a POST with the CSRF token
    expect(page.get_by_role("heading", name=f"Lịch sử hồ sơ {case['case_number']} (CSV)")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Tệp đã sẵn sàng")).to_be_visible()  # inline jobs
    expect(page.get_by_text("SHA-256 của tệp")).to_be_visible()
    screenshot("auditor-export")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Tải về")).click()
    assert download.value.suggested_filename == f"lich-su-{case['case_number']}.csv"
    page.get_by_role("link", name="Tệp đã xuất").click()
    expect(page.get_by_role("cell", name=f"Lịch sử hồ sơ {case['case_number']}")).to_be_visible()
    assert not errors, errors


def test_cancelled_and_overdue_steps_are_drawn_differently(api, login, page, live_server, screenshot):
    case = start(api)
    advance(api, timedelta(days=3, minutes=1))
    assert fire_due() == 1
    assert api.post(HEAD, f"/process-instances/{case['id']}/cancel", json={"reason": "Rút đơn."}).status_code == 200
    errors = _watch(page)
    login(AUDITOR)
    page.goto(f"{live_server}/audit/cases/{case['id']}")
    expect(page.locator("#audit-diagram[data-ready='protection_request']")).to_be_attached(timeout=15000)
    expect(page.locator(".djs-element.audit-cancelled")).to_have_count(2)          # the task and its escalation
    expect(page.locator(".djs-element.audit-overdue")).to_have_count(1)
    expect(page.locator(".diagram-badge", has_text="Quá hạn")).to_have_count(1)
    expect(page.locator(".djs-element.audit-active")).to_have_count(0)
    screenshot("auditor-history-cancelled")
    page.goto(f"{live_server}/audit/integrity?check=1")
    expect(page.get_by_role("status").filter(has_text="Chuỗi nhật ký nguyên vẹn")).to_be_visible()
    screenshot("auditor-integrity")
    assert not errors, errors
