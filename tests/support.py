"""Helpers the tests share: a database per test, a JSON client per user, case drivers."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from workflow_app import create_app
from workflow_app.extensions import db

FAST_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 8192}
VAULT_KEY = "dGVzdC1vbmx5LXZhdWx0LWtleS0wMDAwMDAwMDAwMDA="


class TestDatabase:
    """Where the tests' data lives: a SQLite file copied from a seeded template, or the
    PostgreSQL database named by TEST_DATABASE_URL, emptied and re-seeded per test."""

    def __init__(self):
        self.pg_url = os.environ.get("TEST_DATABASE_URL")
        self.tmp = Path(tempfile.mkdtemp(prefix="wf-tests-"))
        self.template = self.tmp / "template.sqlite3"
        self.counter = 0
        self._prepared = False

    @property
    def is_postgres(self) -> bool:
        return bool(self.pg_url)

    def _app(self, url: str):
        return create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "VAULT_KEY": VAULT_KEY,
                           "STORAGE_DIR": str(self.tmp / "files"), **FAST_ARGON2})

    def _schema_and_seed(self, app):
        from flask_migrate import upgrade
        from workflow_app.demo import ensure_accounts, ensure_diagrams, ensure_reference_data
        with app.app_context():
            upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
            ensure_reference_data()
            ensure_accounts()
            ensure_diagrams()
            db.session.remove()
            db.engine.dispose()

    def prepare(self):
        if self._prepared:
            return
        if self.is_postgres:
            engine = create_engine(self.pg_url)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            engine.dispose()
        else:
            self._schema_and_seed(self._app(f"sqlite:///{self.template}"))
        self._prepared = True

    def new_app(self):
        self.prepare()
        if not self.is_postgres:
            self.counter += 1
            path = self.tmp / f"db{self.counter}.sqlite3"
            shutil.copyfile(self.template, path)
            return self._app(f"sqlite:///{path}")
        app = self._app(self.pg_url)
        with app.app_context():
            has_schema = db.session.execute(text("SELECT to_regclass('public.audit_event')")).scalar()
            db.session.remove()
        if not has_schema:
            self._schema_and_seed(app)
            return app
        from workflow_app.demo import ensure_accounts, ensure_diagrams, ensure_reference_data
        with app.app_context():
            # TRUNCATE does not fire the audit log's row triggers: tests may start empty.
            names = ", ".join(t.name for t in db.metadata.sorted_tables)
            db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            db.session.commit()
            ensure_reference_data()
            ensure_accounts()
            ensure_diagrams()
            db.session.remove()
        return app

    def cleanup(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


class Api:
    """A JSON client that logs in as demo users and keeps their tokens."""

    def __init__(self, client):
        self.client = client
        self.tokens: dict[str, str] = {}

    def token(self, username: str, password: str = "baove183") -> str:
        if username not in self.tokens:
            response = self.client.post("/api/v1/auth/token", json={"username": username, "password": password})
            assert response.status_code == 200, response.get_json()
            self.tokens[username] = response.get_json()["token"]
        return self.tokens[username]

    def call(self, method: str, username: str | None, path: str, **kwargs):
        headers = kwargs.pop("headers", {})
        if username:
            headers["Authorization"] = f"Bearer {self.token(username)}"
        response = self.client.open(f"/api/v1{path}", method=method, headers=headers, **kwargs)
        # Each request ends its session, as in production where every request has its own:
        # the test's app context would otherwise carry one session across requests.
        db.session.remove()
        return response

    def get(self, username, path, **kw):
        return self.call("GET", username, path, **kw)

    def post(self, username, path, **kw):
        return self.call("POST", username, path, **kw)

    # -- protection cases ------------------------------------------------------------------
    def start(self, username: str, data: dict, process_model: str = "protection_request") -> dict:
        response = self.post(username, "/process-instances", json={"process_model": process_model, "data": data})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def task_of(self, username: str, instance_id: str, element_id: str) -> dict:
        instance = self.get(username, f"/process-instances/{instance_id}").get_json()
        matches = [t for t in instance["active_tasks"] if t["element_id"] == element_id]
        assert matches, f"no active {element_id} in {[t['element_id'] for t in instance['active_tasks']]}"
        return matches[0]

    def complete(self, username: str, task_id: str, data: dict, expect: int = 200) -> dict:
        response = self.post(username, f"/tasks/{task_id}/complete", json={"data": data})
        assert response.status_code == expect, response.get_json()
        return response.get_json()

    def do(self, username: str, instance_id: str, element_id: str, data: dict) -> dict:
        task = self.task_of(username, instance_id, element_id)
        return self.complete(username, task["id"], data)


def request_data(**overrides) -> dict:
    data = {
        "request_kind": "thuong", "channel": "van_ban", "competent_agency": "CA_TINH",
        "threat_types": ["de_doa"], "protected_content": ["tinh_mang_suc_khoe_tai_san"],
        "threat_description": "Bị đe dọa qua điện thoại sau phiên tòa.",
        "protected_persons": [{"full_name": "Nguyễn Văn A", "relation": "ban_than", "position": "Thẩm phán",
                               "phone": "0900000001", "residence": "Số 9 phố Bí Mật"}],
    }
    data.update(overrides)
    return data


INTAKE_OK = {"intake_complete": True}
VERIFY_OK = {"grounds_confirmed": True, "authenticity": "xac_thuc", "danger_level": "cao",
             "verification_findings": "Có căn cứ xác định nguy cơ bị xâm hại."}


def decision_apply(measures_start: str, **overrides) -> dict:
    data = {"decision_outcome": "ap_dung", "measures": ["canh_gac_bao_ve"], "measures_start": measures_start,
            "executing_agency": "CA_TINH", "is_complex": False}
    data.update(overrides)
    return data
