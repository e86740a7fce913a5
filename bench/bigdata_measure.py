"""The read-path measurements of bench/bigdata.py, through the application's own code.

A Flask test client against `create_app()` on the generated database: officials of busy
agencies logged in through the login page (for the HTML pages) and with an API token (for
the API). For each kind of request it times `--samples` requests, spread over the users and
their variants (scope, overdue filter, a search), after a few untimed warm-up requests,
and counts the SQL statements each request sends (a `before_cursor_execute` listener).
"""
from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field

from sqlalchemy import event, func, select

from workflow_app.extensions import db
from workflow_app.models import InstanceParty, ProcessInstance

PASSWORD = "baove183"
INBOX_USERS = ("intake_officer.ca_tinh", "leader.ca_tinh", "protection_officer.ca_tinh",
               "verifier.ca_tinh", "leader.vks_tinh")
CASE_USERS = ("leader.ca_tinh", "intake_officer.ca_tinh", "requester.tand_tinh", "coordinator.vks_tinh")
AUDITOR = "auditor.ubkt_tu"
WARMUP = 5


@dataclass
class Figures:
    seconds: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)


class StatementCounter:
    """Counts the statements sent to the database while attached to an engine."""

    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args, **_kw):
        self.count += 1


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def web_client(app, username: str):
    client = app.test_client()
    token = _csrf(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    if response.status_code != 302:
        raise SystemExit(f"web login of {username} failed: {response.status_code}")
    return client


def api_headers(app, username: str) -> dict:
    response = app.test_client().post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    if response.status_code != 200:
        raise SystemExit(f"API login of {username} failed: {response.status_code}")
    body = response.get_json()
    return {"Authorization": f"Bearer {body.get('token') or body.get('access_token')}"}


def visible_cases(app, agency: str | None, k: int, rng: random.Random) -> list[str]:
    """Up to `k` random cases the agency takes part in (every case for None)."""
    with app.app_context():
        if agency is None:
            ids = db.session.execute(select(ProcessInstance.id)).scalars().all()
        else:
            ids = db.session.execute(select(InstanceParty.instance_id)
                                     .where(InstanceParty.agency_code == agency)).scalars().all()
        db.session.remove()
    return rng.sample(ids, min(k, len(ids)))


def a_search(app) -> str:
    """What an official types to find one case: the number of a running case, without its
    prefix, lower case (here it matches one or two cases)."""
    with app.app_context():
        number = db.session.execute(select(func.max(ProcessInstance.case_number))
                                    .where(ProcessInstance.status == "running")).scalar_one()
        db.session.remove()
    return number.split("-", 1)[1].lower()


def inbox_requests(app, search: str) -> dict[str, list]:
    """{kind: [(client, headers, url), ...]} for the inbox, API and page."""
    api, web, api_search, web_search = [], [], [], []
    for username in INBOX_USERS:
        headers, client = api_headers(app, username), web_client(app, username)
        for scope in ("mine", "group", "agency"):
            api.append((client, headers, f"/api/v1/tasks?scope={scope}"))
            web.append((client, {}, f"/inbox?tab={scope}"))
        api.append((client, headers, "/api/v1/tasks?scope=all&overdue=true"))
        web.append((client, {}, "/inbox?tab=overdue"))
        for scope in ("group", "agency"):
            api_search.append((client, headers, f"/api/v1/tasks?scope={scope}&q={search}"))
            web_search.append((client, {}, f"/inbox?tab={scope}&q={search}"))
    return {"api inbox": api, "api inbox q": api_search, "web inbox": web, "web inbox q": web_search}


def case_requests(app, samples: int, rng: random.Random) -> dict[str, list]:
    api, web = [], []
    per_user = max(1, samples // len(CASE_USERS))
    for username in CASE_USERS:
        headers, client = api_headers(app, username), web_client(app, username)
        with app.app_context():
            from workflow_app.models import User
            agency = db.session.execute(select(User.agency_code).where(User.username == username)).scalar_one()
            db.session.remove()
        for instance_id in visible_cases(app, agency, per_user, rng):
            api.append((client, headers, f"/api/v1/process-instances/{instance_id}"))
            web.append((client, {}, f"/cases/{instance_id}"))
    auditor = web_client(app, AUDITOR)
    audit = [(auditor, {}, f"/audit/cases/{i}") for i in visible_cases(app, None, samples, rng)]
    return {"api case": api, "web case": web, "auditor case": audit}


def run(counter: StatementCounter, targets: list, samples: int) -> Figures:
    figures = Figures()
    for client, headers, url in targets[:WARMUP]:
        client.get(url, headers=headers)
    for i in range(samples):
        client, headers, url = targets[i % len(targets)]
        before = counter.count
        t0 = time.perf_counter()
        response = client.get(url, headers=headers)
        figures.seconds.append(time.perf_counter() - t0)
        figures.statements.append(counter.count - before)
        if response.status_code != 200:
            figures.errors[response.status_code] = figures.errors.get(response.status_code, 0) + 1
    return figures


def measure(app, samples: int, seed: int = 7) -> dict[str, Figures]:
    rng = random.Random(seed)
    with app.app_context():
        counter = StatementCounter(db.engine)
    kinds = {**inbox_requests(app, a_search(app)), **case_requests(app, samples, rng)}
    for targets in kinds.values():
        rng.shuffle(targets)
    return {kind: run(counter, targets, samples) for kind, targets in kinds.items() if targets}
