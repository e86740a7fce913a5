"""The modeler in a real browser: a designer adds a step and changes a deadline, sees the
validation marker, fixes it, deploys; new cases follow the new version."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from ..api.helpers import DESIGNER, INTAKE, REQUESTER, VERIFIER, history
from ..support import INTAKE_OK, VERIFY_OK, request_data

PR = "protection_request"


def watch_errors(page) -> list[str]:
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("favicon.ico") else None)
    return errors


def open_modeler(page, live_server, query: str):
    page.goto(f"{live_server}/designer/modeler?{query}")
    expect(page.locator("#designer[data-ready=true]")).to_have_count(1, timeout=15000)


def to_screen(page, x: float, y: float) -> tuple[float, float]:
    return page.evaluate("""([x, y]) => {
        const canvas = window.designer.modeler.get('canvas');
        const vb = canvas.viewbox();
        const rect = canvas._container.getBoundingClientRect();
        return [rect.left + (x - vb.x) * vb.scale, rect.top + (y - vb.y) * vb.scale];
    }""", [x, y])


def zoom_at(page, x: float, y: float, scale: float = 1.0) -> None:
    """Centre the view on diagram point (x, y) at `scale` (what scrolling and zooming by hand do)."""
    page.evaluate("""([x, y, s]) => {
        const canvas = window.designer.modeler.get('canvas');
        const rect = canvas._container.getBoundingClientRect();
        const w = rect.width / s, h = rect.height / s;
        canvas.viewbox({x: x - w / 2, y: y - h / 2, width: w, height: h});
    }""", [x, y, scale])


def open_group(page, title: str) -> None:
    """Unfold a group of the properties panel (they start folded)."""
    header = page.locator(".bio-properties-panel-group-header", has_text=title)
    if "open" not in (header.get_attribute("class") or ""):
        header.click()


def selected_id(page) -> str | None:
    return page.evaluate("() => (window.designer.modeler.get('selection').get()[0] || {}).id || null")


def test_a_designer_adds_a_step_and_changes_a_deadline_then_new_cases_follow(api, page, live_server, login,
                                                                             screenshot):
    errors = watch_errors(page)
    login(DESIGNER)
    page.goto(f"{live_server}/designer/")
    expect(page.get_by_role("heading", name="Thiết kế quy trình")).to_be_visible()
    page.locator("tr", has_text=PR).get_by_role("link", name="Mở trong trình thiết kế").click()
    expect(page.locator("#designer[data-ready=true]")).to_have_count(1, timeout=15000)
    old_case = api.start(REQUESTER, request_data())            # a case on version 1, before the change

    # -- add a step: a task dropped on the flow "verify -> decide", turned into a user task
    zoom_at(page, 1027, 475)
    page.locator('.djs-palette [data-action="create.task"]').click()
    x, y = to_screen(page, 1027, 475)
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=8)
    page.mouse.click(x, y)
    new_id = selected_id(page)
    assert new_id and new_id.startswith("Activity_"), new_id
    page.locator('.djs-context-pad [data-action="replace"]').click()
    page.locator('.djs-popup [data-id="replace-with-user-task"]').click()
    new_id = selected_id(page)
    assert page.evaluate("(id) => window.designer.modeler.get('elementRegistry').get(id).type", new_id) == \
        "bpmn:UserTask"

    # -- save: the draft is kept and the validation marks the new task (no name, no form)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator("#designer-status")).to_contain_text("Đã lưu bản nháp", timeout=10000)
    marked = page.locator(f'.djs-element.designer-problem[data-element-id="{new_id}"]')
    expect(marked).to_have_count(1)
    expect(page.locator("#problems-list")).to_contain_text("Thiếu thuộc tính formKey")
    expect(page.locator("#problems-list")).to_contain_text("chưa có tên")
    screenshot("designer-1-validation-marker")

    # -- fix it in the properties panel: a name and a form
    page.locator("#problems-list button", has_text="formKey").click()
    assert selected_id(page) == new_id
    open_group(page, "Chung")
    page.locator("#bio-properties-panel-name").fill("Thẩm định hồ sơ xác minh")
    open_group(page, "Thực thi (hệ thống)")
    page.locator("#bio-properties-panel-spiff-formKey").select_option("common.escalation")
    page.locator("#bio-properties-panel-spiff-handler").select_option("record_escalation")

    # -- change a deadline: the process settings, on the pool
    page.evaluate("() => window.designer.modeler.get('canvas').zoom('fit-viewport')")
    px, py = to_screen(page, 165, 300)
    page.mouse.click(px, py)
    assert selected_id(page) == "participant_protection_request"
    settings = page.locator("#bio-properties-panel-spiff-settings")
    expect(settings).to_have_value(re.compile(r"^intake_days = 3$", re.M))
    settings.fill(settings.input_value().replace("intake_days = 3", "intake_days = 5"))
    settings.blur()
    page.wait_for_timeout(600)                                  # the panel debounces its inputs

    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator("#problems-summary")).to_have_text("Sơ đồ hợp lệ: không có lỗi.", timeout=10000)
    expect(page.locator(".djs-element.designer-problem")).to_have_count(0)

    # -- deploy with a comment
    page.get_by_label("Ghi chú thay đổi").fill("Tăng thời hạn tiếp nhận lên 5 ngày; thêm bước thẩm định.")
    page.get_by_role("button", name="Triển khai phiên bản mới").click()
    expect(page.locator("#deploy-result")).to_contain_text("Đã triển khai phiên bản 2", timeout=10000)
    screenshot("designer-2-deployed")

    # -- the versions page and the diff name the change
    page.get_by_role("link", name="Xem các phiên bản").click()
    expect(page.locator("#v2")).to_contain_text("Tăng thời hạn tiếp nhận lên 5 ngày")
    expect(page.locator("#v2")).to_contain_text(DESIGNER)
    page.get_by_role("link", name="So với bản 1").click()
    expect(page.locator(".diff-added")).to_contain_text("Thẩm định hồ sơ xác minh")
    expect(page.locator(".diff-settings")).to_contain_text("intake_days")
    expect(page.locator(".diff-changed")).to_contain_text("flow_verify_decide")
    screenshot("designer-3-diff")

    # -- a new case runs on version 2: 5 days to take it in, then the new step after verification
    case = api.start(REQUESTER, request_data())
    assert history(api, case["id"])[0]["data"]["version"] == 2
    intake = api.task_of(INTAKE, case["id"], "intake")
    delay = datetime.fromisoformat(intake["due_at"]) - datetime.fromisoformat(case["created_at"])
    assert abs(delay - timedelta(days=5)) < timedelta(minutes=1)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    result = api.do(VERIFIER, case["id"], "verify", VERIFY_OK)
    assert [t["name"] for t in result["next_tasks"]] == ["Thẩm định hồ sơ xác minh"]
    # ... while the case started before keeps version 1 (verify leads straight to decide)
    api.do(INTAKE, old_case["id"], "intake", INTAKE_OK)
    result = api.do(VERIFIER, old_case["id"], "verify", VERIFY_OK)
    assert [t["element_id"] for t in result["next_tasks"]] == ["decide"]

    login(VERIFIER)
    page.goto(f"{live_server}/cases/{case['id']}")
    expect(page.locator("main")).to_contain_text("Thẩm định hồ sơ xác minh")
    screenshot("designer-4-new-case-on-v2")
    assert errors == []


def test_the_modeler_is_for_designers_only(page, live_server, login):
    login(VERIFIER)
    response = page.goto(f"{live_server}/designer/modeler?model={PR}")
    assert response.status == 403
    expect(page.get_by_role("link", name="Thiết kế quy trình")).to_have_count(0)


def test_a_new_process_from_the_template_validates_and_runs_dry(page, live_server, login, screenshot):
    errors = watch_errors(page)
    login(DESIGNER)
    page.goto(f"{live_server}/designer/")
    page.get_by_role("link", name="Tạo quy trình mới").click()
    expect(page.locator("#designer[data-ready=true]")).to_have_count(1, timeout=15000)
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator("#problems-summary")).to_have_text("Sơ đồ hợp lệ: không có lỗi.", timeout=10000)
    page.get_by_role("button", name="Chạy thử").first.click()
    expect(page.locator("#dry-answers")).to_have_value(re.compile(r'"handle": \{\}'))
    page.locator("#dry-data").fill('{"instruction": "Bắt đầu"}')
    page.locator("#dry-answers").fill('{"handle": {"instruction": "Xong"}}')
    page.locator("#btn-dry-run").click()
    expect(page.locator("#dry-result")).to_contain_text("Trạng thái: Kết thúc.", timeout=10000)
    expect(page.locator(".djs-shape.dry-run-path")).to_have_count(3)     # start, task, end
    expect(page.locator(".djs-connection.dry-run-path")).to_have_count(2)
    screenshot("designer-5-dry-run")
    assert errors == []
