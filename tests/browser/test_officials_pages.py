"""The officials' pages in Chromium: validation in Vietnamese, "not found" for outsiders,
attachments, the reveal of confidential values, notifications, the phone-sized inbox and the
English locale."""
from __future__ import annotations

from playwright.sync_api import expect

from ..support import INTAKE_OK, request_data
from .officials_helpers import collect_page_errors, open_task

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_a_refused_form_says_why_in_vietnamese_next_to_the_fields_and_keeps_what_was_typed(live_server, login, page,
                                                                                           screenshot):
    login("requester.tand_tinh")
    page.goto(f"{live_server}/start/protection_request")
    page.get_by_role("radio", name="Khẩn cấp").check()
    page.get_by_role("radio", name="Qua điện thoại").check()
    page.get_by_label("Mô tả hành vi xâm phạm, đe dọa").fill("Bị đe dọa giết qua điện thoại lúc 22 giờ.")
    page.locator("fieldset.repeat-item").first.get_by_label("Họ và tên").fill("Trần Thị B")
    page.get_by_role("button", name="Gửi đề nghị").click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Biểu mẫu chưa hợp lệ")
    expect(page.locator("#f-threat_types .field-error")).to_contain_text("Phải chọn ít nhất 1 mục.")
    expect(page.locator("#f-minutes-error")).to_contain_text("phải có biên bản ghi nhận")
    expect(page.locator("#f-protected_persons-0-relation-error")).to_contain_text("Trường này là bắt buộc.")
    expect(page.get_by_label("Mô tả hành vi xâm phạm, đe dọa")).to_have_value("Bị đe dọa giết qua điện thoại lúc 22 giờ.")
    expect(page.locator("fieldset.repeat-item").first.get_by_label("Họ và tên")).to_have_value("Trần Thị B")
    expect(page.get_by_role("radio", name="Khẩn cấp")).to_be_checked()
    screenshot("officials-form-errors")

    # Fixing the fields the messages name is enough.
    page.get_by_role("checkbox", name="Đe dọa", exact=True).check()
    page.get_by_role("checkbox", name="Tính mạng, sức khỏe, tài sản", exact=False).check()
    page.locator("fieldset.repeat-item").first.get_by_label("Quan hệ với người thi hành công vụ").select_option("ban_than")
    page.get_by_label("Biên bản ghi nhận đề nghị").fill("Biên bản ghi lời đề nghị qua điện thoại lúc 22 giờ 10.")
    page.get_by_role("button", name="Gửi đề nghị").click()
    expect(page.locator(".flash-success")).to_contain_text("Đã lập hồ sơ")


def test_protected_persons_are_added_and_removed_in_the_page(live_server, login, page):
    errors = collect_page_errors(page)
    login("requester.tand_tinh")
    page.goto(f"{live_server}/start/protection_request")
    page.get_by_role("button", name="+ Thêm người được bảo vệ").click()
    page.get_by_role("button", name="+ Thêm người được bảo vệ").click()
    items = page.locator("fieldset.repeat-item")
    expect(items).to_have_count(3)
    expect(items.nth(2).locator("legend")).to_have_text("Người được bảo vệ 3")
    expect(items.nth(2).get_by_label("Họ và tên")).to_be_focused()
    items.nth(1).get_by_role("button", name="Xóa người được bảo vệ 2").click()
    expect(items).to_have_count(2)
    expect(items.nth(1).locator("legend")).to_have_text("Người được bảo vệ 2")
    # Enter in a field submits the form (here: refused, incomplete); it removes nobody.
    items.nth(1).get_by_label("Họ và tên").fill("Lê C")
    items.nth(1).get_by_label("Họ và tên").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Biểu mẫu chưa hợp lệ")
    expect(page.locator("fieldset.repeat-item")).to_have_count(2)
    expect(page.locator("fieldset.repeat-item").nth(1).get_by_label("Họ và tên")).to_have_value("Lê C")
    assert not errors, errors


def test_an_official_of_an_unrelated_agency_gets_not_found(api, live_server, login, page):
    case = api.start("requester.tand_tinh", request_data())
    login("coordinator.ubnd_tinh")
    response = page.goto(f"{live_server}/cases/{case['id']}")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy")).to_be_visible()
    assert case["case_number"] not in page.content()


def test_an_attachment_is_uploaded_and_downloaded(api, live_server, login, page, tmp_path):
    case = api.start("requester.tand_tinh", request_data())
    login("intake_officer.ca_tinh")
    page.goto(f"{live_server}/cases/{case['id']}")
    page.get_by_label("Tệp").set_input_files(files=[{"name": "Biên bản làm việc.pdf", "mimeType": "application/pdf",
                                                      "buffer": PDF}])
    page.get_by_label("Ghi chú").fill("Biên bản làm việc với người đề nghị")
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator(".flash-success")).to_contain_text("Đã thêm tài liệu")
    link = page.get_by_role("link", name="Biên bản làm việc.pdf")
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "Biên bản làm việc.pdf"
    assert open(download.value.path(), "rb").read() == PDF

    # A file whose bytes are not what its name says is refused, in Vietnamese.
    page.get_by_label("Tệp").set_input_files(files=[{"name": "ghi-chu.pdf", "mimeType": "application/pdf",
                                                      "buffer": b"MZ\x90\x00 not a pdf"}])
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator("#attachment-error")).to_contain_text("Nội dung tệp không đúng định dạng .pdf")


def test_the_head_reveals_a_protected_person_with_a_reason(api, live_server, login, page, screenshot):
    case = api.start("requester.tand_tinh", request_data())
    login("leader.ca_tinh")
    page.goto(f"{live_server}/cases/{case['id']}")
    expect(page.get_by_text("Nguyễn Văn A")).to_have_count(0)
    reveal = page.locator("#bao-mat")
    reveal.get_by_role("checkbox", name="Người được bảo vệ 1").check()
    reveal.get_by_role("button", name="Xem thông tin bảo mật").click()
    expect(page.locator("#reveal-reason-error")).to_have_text("Phải nêu lý do xem thông tin bảo mật.")
    page.locator("#bao-mat").get_by_label("Lý do xem").fill("Lập phương án bảo vệ")
    page.locator("#bao-mat").get_by_role("button", name="Xem thông tin bảo mật").click()
    revealed = page.locator(".revealed")
    expect(revealed).to_contain_text("Nguyễn Văn A")
    expect(revealed).to_contain_text("Số 9 phố Bí Mật")
    expect(revealed).to_contain_text("ghi vào nhật ký")
    screenshot("officials-reveal")
    # The history says who looked, and why.
    expect(page.locator(".timeline")).to_contain_text("Lập phương án bảo vệ")


def test_a_new_task_is_notified_and_opened_from_the_notifications(api, live_server, login, page):
    case = api.start("requester.tand_tinh", request_data())
    login("intake_officer.ca_tinh")
    badge = page.locator(".topbar .badge")
    expect(badge).to_contain_text("1")
    page.get_by_role("link", name="Thông báo").click()
    expect(page.locator(".notices")).to_contain_text(f"Tiếp nhận đề nghị” — hồ sơ {case['case_number']}")
    page.get_by_role("button", name="Mở nhiệm vụ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiếp nhận đề nghị")
    expect(page.locator(".topbar .badge")).to_have_count(0)


def test_the_inbox_reads_on_a_phone(api, live_server, login, page, screenshot):
    first = api.start("requester.tand_tinh", request_data())
    api.start("requester.tand_tinh", request_data(request_kind="khan_cap", channel="dien_thoai",
                                                  minutes="Biên bản ghi nhận qua điện thoại."))
    api.do("intake_officer.ca_tinh", first["id"], "intake", INTAKE_OK)
    page.set_viewport_size({"width": 360, "height": 740})
    login("leader.ca_tinh")
    page.goto(f"{live_server}/inbox?tab=agency")
    expect(page.get_by_role("link", name="Quyết định áp dụng biện pháp bảo vệ").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360px screen"
    screenshot("officials-inbox-360")
    page.goto(f"{live_server}/cases/{first['id']}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("officials-case-360")


def test_the_task_form_works_with_the_keyboard(api, live_server, login, page):
    api.start("requester.tand_tinh", request_data())
    login("intake_officer.ca_tinh")
    open_task(page, live_server, "Tiếp nhận đề nghị")
    page.locator("#f-intake_complete").get_by_role("radio", name="Có").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Hoàn thành nhiệm vụ").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".flash-success")).to_contain_text("Đã hoàn thành")


def test_english_is_one_click_away(api, live_server, login, page, screenshot):
    api.start("requester.tand_tinh", request_data())
    login("intake_officer.ca_tinh")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Inbox")).to_be_visible()
    expect(page.get_by_role("link", name="Mine")).to_be_visible()
    expect(page.get_by_role("button", name="Claim").first).to_be_visible()
    screenshot("officials-inbox-en")
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.get_by_role("heading", name="Hộp việc")).to_be_visible()
