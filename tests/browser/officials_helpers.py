"""Helpers of the officials' page tests (test client in tests/web, Playwright in tests/browser):
a client that signs in and posts forms with CSRF, and the forms as a browser posts them."""
from __future__ import annotations

import re

import pytest

from workflow_app.extensions import db

PASSWORD = "baove183"
REQUESTER = "requester.tand_tinh"
INTAKE = "intake_officer.ca_tinh"
VERIFIER = "verifier.ca_tinh"
HEAD = "leader.ca_tinh"
FORCE = "protection_officer.ca_tinh"
OUTSIDER = "coordinator.ubnd_tinh"


def csrf_of(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


class Pages:
    """The pages as one signed-in person sees them (the test client keeps the cookie)."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def login(self, username: str, password: str = PASSWORD):
        self.client.delete_cookie("session")
        self.token = csrf_of(self._open("GET", "/login"))
        return self._open("POST", "/login", data={"username": username, "password": password,
                                                   "csrf_token": self.token})

    def _open(self, method: str, path: str, **kwargs):
        """One request in its own app context, as in production: its own `g` (Flask-Login's
        user, CSRF token, page caches) and its own database session."""
        with self.client.application.app_context():
            response = self.client.open(path, method=method, **kwargs)
        db.session.remove()
        return response

    def get(self, path: str, **kwargs):
        response = self._open("GET", path, **kwargs)
        if response.status_code == 200 and response.mimetype == "text/html" and \
                "csrf_token" in response.get_data(as_text=True):
            self.token = csrf_of(response)
        return response

    def post(self, path: str, data: dict | list | None = None, csrf: bool = True, **kwargs):
        """POST a form; `data` may be a list of pairs for repeated names (checkboxes)."""
        pairs = list(data.items()) if isinstance(data, dict) else list(data or [])
        if csrf:
            if self.token is None:
                self.get("/inbox")
            pairs.append(("csrf_token", self.token))
        from werkzeug.datastructures import MultiDict
        return self._open("POST", path, data=MultiDict(pairs), **kwargs)

    @staticmethod
    def text(response) -> str:
        return response.get_data(as_text=True)


@pytest.fixture
def pages(client):
    """The pages through Flask's test client, one person at a time (`pages.login(...)`)."""
    return Pages(client)


def start_form(**overrides) -> list[tuple[str, str]]:
    """The start form as a browser posts it (a normal written request, one protected person)."""
    fields = {
        "request_kind": "thuong", "channel": "van_ban", "requester_agency": "", "competent_agency": "CA_TINH",
        "threat_types-present": "1", "protected_content-present": "1",
        "threat_description": "Bị đe dọa qua điện thoại sau phiên tòa.",
        "protected_persons-present": "1", "protected_persons-0-full_name": "Nguyễn Văn A",
        "protected_persons-0-relation": "ban_than", "protected_persons-0-position": "Thẩm phán",
        "protected_persons-0-id_number": "", "protected_persons-0-phone": "0900000001",
        "protected_persons-0-residence": "Số 9 phố Bí Mật", "protected_persons-0-workplace": "",
        "requested_measures-present": "1", "minutes": "",
    }
    lists = {"threat_types": ["de_doa"], "protected_content": ["tinh_mang_suc_khoe_tai_san"]}
    for key, value in overrides.items():
        if isinstance(value, list):
            lists[key] = value
        else:
            fields[key] = value
    pairs = [(k, v) for k, v in fields.items() if v is not None]
    pairs += [(k, v) for k, values in lists.items() for v in values]
    return pairs


def case_id_from(response) -> str:
    return re.search(r"/cases/([0-9a-f]{32})", response.headers["Location"]).group(1)


def task_id_in(page_text: str, name: str | None = None) -> str:
    """The id of the (first) task link on a page, optionally the one named `name`."""
    for match in re.finditer(r'href="/tasks/([^"/]+)"[^>]*>(?:<strong>)?([^<]+)<', page_text):
        if name is None or match.group(2).strip() == name:
            return match.group(1)
    raise AssertionError(f"no task link {name!r} on the page")


# -- Playwright ---------------------------------------------------------------------------------
def open_task(page, live_server: str, task_name: str):
    """From the inbox, open the task named `task_name` (the first one listed)."""
    page.goto(f"{live_server}/inbox")
    page.get_by_role("link", name=task_name, exact=True).first.click()
    page.wait_for_load_state()


def collect_page_errors(page) -> list[str]:
    """JavaScript errors and console errors of the page (CSP refusals show up here)."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A refused form answers 422 on purpose: Chromium logs that status as a console error.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and "status of 422" not in msg.text else None)
    return errors
