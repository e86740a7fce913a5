"""Settings from the environment.

Every setting has a safe development default so that `scripts/demo.sh` runs with no
configuration; production sets DATABASE_URL, SECRET_KEY and VAULT_KEY explicitly.
"""
from __future__ import annotations

import os
from pathlib import Path


def _default_sqlite_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'workflow.sqlite3'}"


def load(instance_path: str, overrides: dict | None = None) -> dict:
    """Return the Flask config mapping: environment first, then explicit overrides."""
    env = os.environ
    config = {
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL") or _default_sqlite_url(instance_path),
        "SECRET_KEY": env.get("SECRET_KEY", "dev-only-secret-key-change-me"),
        # A Fernet key (urlsafe base64 of 32 bytes). The development default is public:
        # production must set VAULT_KEY, and may list several (comma-separated, newest first).
        "VAULT_KEY": env.get("VAULT_KEY", "ZGV2LW9ubHktdmF1bHQta2V5LWNoYW5nZS1tZS0zMmI="),
        "CELERY_BROKER_URL": env.get("CELERY_BROKER_URL"),
        "TOKEN_TTL_HOURS": int(env.get("TOKEN_TTL_HOURS", "12")),
        # argon2 parameters: tests lower them, because hashing is deliberately slow.
        "ARGON2_TIME_COST": int(env.get("ARGON2_TIME_COST", "3")),
        "ARGON2_MEMORY_COST": int(env.get("ARGON2_MEMORY_COST", "65536")),
        "STORAGE_DIR": env.get("STORAGE_DIR", str(Path(instance_path) / "files")),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024,
        "BPMN_DIR": env.get("BPMN_DIR", str(Path(__file__).resolve().parent.parent / "bpmn")),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # flask-smorest / OpenAPI
        "API_TITLE": "Hệ thống bảo vệ người thi hành công vụ (Quy định 183-QĐ/TW)",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "v1/openapi.json",
        "JSON_SORT_KEYS": False,
    }
    config.update(overrides or {})
    return config
