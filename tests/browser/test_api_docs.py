"""The API documentation page renders under the strict Content-Security-Policy."""
from __future__ import annotations

from playwright.sync_api import expect


def test_swagger_ui_lists_the_operations(page, live_server, screenshot):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server}/api/docs")
    expect(page.get_by_text("/api/v1/auth/token").first).to_be_visible(timeout=15000)
    screenshot("api-docs")
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
