"""The navigation of the layout: each area adds its links here, shown by role."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from flask import Flask
from flask_login import current_user


@dataclass(frozen=True)
class Link:
    endpoint: str
    label: str
    visible: Callable[[object], bool]


LINKS: list[Link] = [
    Link("officials.inbox", "Hộp việc", lambda u: not u.has_role("auditor")),
    Link("officials.cases", "Hồ sơ", lambda u: True),
]


def add(endpoint: str, label: str, visible: Callable[[object], bool]) -> None:
    if all(link.endpoint != endpoint for link in LINKS):
        LINKS.append(Link(endpoint, label, visible))


def install(app: Flask) -> None:
    @app.context_processor
    def navigation():
        if not getattr(current_user, "is_authenticated", False):
            return {"nav_links": []}
        user = current_user.user
        return {"nav_links": [l for l in LINKS if l.endpoint in app.view_functions and l.visible(user)],
                "me": user}
