"""A protection case carried from request to closure entirely through the pages, in Chromium,
by the demo officials in turn; screenshots of the inbox, a task form and the case page."""
from __future__ import annotations

from playwright.sync_api import expect

from workflow_app import clock

from .officials_helpers import collect_page_errors, open_task


def today() -> str:
    return clock.local_now().date().isoformat()


def submit_task(page):
    page.get_by_role("button", name="Hoàn thành nhiệm vụ").click()
    page.wait_for_load_state()
    expect(page.locator(".flash-success").first).to_contain_text("Đã hoàn thành")


def test_demo_officials_carry_a_case_from_request_to_closure(live_server, login, page, screenshot):
    errors = collect_page_errors(page)

    # The requester files a written request, with one protected person.
    login("requester.tand_tinh")
    page.get_by_role("link", name="Đề nghị mới").click()
    screenshot("officials-start-list")
    page.get_by_role("link", name="Lập hồ sơ — Xử lý đề nghị áp dụng biện pháp bảo vệ").click()
    expect(page.get_by_role("heading", name="Đề nghị áp dụng biện pháp bảo vệ")).to_be_visible()
    page.get_by_role("checkbox", name="Đe dọa", exact=True).check()
    page.get_by_role("checkbox", name="Tính mạng, sức khỏe, tài sản", exact=False).check()
    page.get_by_label("Mô tả hành vi xâm phạm, đe dọa").fill("Bị đe dọa qua điện thoại sau phiên tòa.")
    person = page.locator("fieldset.repeat-item").first
    person.get_by_label("Họ và tên").fill("Nguyễn Văn A")
    person.get_by_label("Quan hệ với người thi hành công vụ").select_option("ban_than")
    person.get_by_label("Số điện thoại").fill("0900000001")
    page.get_by_role("button", name="Gửi đề nghị").click()
    page.wait_for_load_state()
    expect(page.locator(".flash-success")).to_contain_text("Đã lập hồ sơ")
    case_url = page.url
    case_number = page.get_by_role("heading", level=1).inner_text().replace("Hồ sơ", "").strip()

    # The intake officer sees it in the inbox, claims it and registers it.
    login("intake_officer.ca_tinh")
    expect(page.get_by_role("link", name=case_number)).to_be_visible()
    screenshot("officials-inbox")
    page.get_by_role("button", name=f"Nhận xử lý Tiếp nhận đề nghị — {case_number}").click()
    expect(page.locator(".flash-success")).to_contain_text("Bạn đã nhận xử lý")
    open_task(page, live_server, "Tiếp nhận đề nghị")
    page.get_by_role("radio", name="Có").check()
    submit_task(page)

    login("verifier.ca_tinh")
    open_task(page, live_server, "Xác minh căn cứ đề nghị")
    page.locator("#f-grounds_confirmed").get_by_role("radio", name="Có").check()
    page.get_by_role("radio", name="Xác thực", exact=True).check()
    page.get_by_role("radio", name="Cao").check()
    page.get_by_label("Kết quả xác minh").fill("Có căn cứ xác định nguy cơ bị xâm hại.")
    submit_task(page)

    login("leader.ca_tinh")
    open_task(page, live_server, "Quyết định áp dụng biện pháp bảo vệ")
    page.get_by_role("radio", name="Áp dụng biện pháp bảo vệ").check()
    page.locator("#f-measures").get_by_role("checkbox").first.check()
    page.get_by_label("Ngày bắt đầu áp dụng").fill(today())
    screenshot("officials-task-form")
    submit_task(page)
    page.goto(case_url)
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached(timeout=15000)
    expect(page.locator(".djs-element.wf-active")).to_have_count(1)
    expect(page.locator(".diagram-badge.badge-active")).to_contain_text("Đang xử lý")
    screenshot("officials-case")

    login("protection_officer.ca_tinh")
    open_task(page, live_server, "Thực hiện biện pháp bảo vệ, báo cáo kết quả")
    page.get_by_role("textbox", name="Kết quả thực hiện").fill("Đã bố trí lực lượng canh gác.")
    page.locator("#f-situation").get_by_role("radio", name="Ổn định").check()
    page.locator("#f-recommendation").get_by_role("radio").last.check()
    submit_task(page)

    login("leader.ca_tinh")
    open_task(page, live_server, "Xem xét thay đổi, bổ sung, hủy bỏ biện pháp")
    page.locator("#f-review_action").get_by_role("radio").last.check()
    page.locator("#f-review_basis").get_by_role("radio").nth(2).check()
    submit_task(page)
    open_task(page, live_server, "Quyết định chấm dứt biện pháp bảo vệ")
    page.get_by_label("Lý do chấm dứt").fill("Nguy cơ không còn.")
    page.get_by_label("Ngày chấm dứt").fill(today())
    page.get_by_role("button", name="Hoàn thành nhiệm vụ").click()
    page.wait_for_load_state()

    # The case is closed: the leader lands on the case page, the diagram drawn.
    assert page.url == case_url
    expect(page.locator(".page-head .status")).to_have_text("Đã kết thúc")
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached(timeout=15000)
    expect(page.locator(".djs-element.wf-done").first).to_be_attached()
    expect(page.get_by_text("Quyết định chấm dứt áp dụng biện pháp bảo vệ").first).to_be_visible()
    screenshot("officials-case-closed")
    assert not errors, errors
