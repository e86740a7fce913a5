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


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


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
        # Background jobs (workflow_app/jobs): inline | thread | celery; empty = chosen from
        # CELERY_BROKER_URL and TESTING. The queue name lets several deployments share a Redis.
        "JOBS_MODE": env.get("JOBS_MODE") or None,
        "CELERY_QUEUE": env.get("CELERY_QUEUE", "workflow_app"),
        "TIMER_POLL_SECONDS": float(env.get("TIMER_POLL_SECONDS", "5")),
        "REMINDER_POLL_SECONDS": float(env.get("REMINDER_POLL_SECONDS", "60")),
        "SWEEP_POLL_SECONDS": float(env.get("SWEEP_POLL_SECONDS", "60")),
        "REVIEW_ROUNDS_POLL_SECONDS": float(env.get("REVIEW_ROUNDS_POLL_SECONDS", "3600")),
        # Redis gives an unacknowledged job (its worker died) to another worker after this.
        "JOB_VISIBILITY_TIMEOUT": int(env.get("JOB_VISIBILITY_TIMEOUT", "900")),
        "TOKEN_TTL_HOURS": int(env.get("TOKEN_TTL_HOURS", "12")),
        # argon2 parameters: tests lower them, because hashing is deliberately slow.
        "ARGON2_TIME_COST": int(env.get("ARGON2_TIME_COST", "3")),
        "ARGON2_MEMORY_COST": int(env.get("ARGON2_MEMORY_COST", "65536")),
        # The place printed in generated documents ("<place>, ngày ... tháng ... năm ...").
        "DOCUMENT_PLACE": env.get("DOCUMENT_PLACE", ""),
        "STORAGE_DIR": env.get("STORAGE_DIR", str(Path(instance_path) / "files")),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024,
        "BPMN_DIR": env.get("BPMN_DIR", str(Path(__file__).resolve().parent.parent / "bpmn")),
        # Pages (issue #3). The demo runs on plain http, so secure cookies are opt-in.
        "SESSION_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE", "false")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE", "false")),
        "LOGIN_MAX_FAILURES": int(env.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_LOCK_MINUTES": int(env.get("LOGIN_LOCK_MINUTES", "15")),
        "DUE_SOON_HOURS": int(env.get("DUE_SOON_HOURS", "24")),      # inbox highlight and reminders
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "LANGUAGES": {"vi": "Tiếng Việt", "en": "English"},
        # E-mail of notifications, only when MAIL_SERVER is set. Users have no e-mail column
        # yet: a user's address is <username>@MAIL_DOMAIN.
        "MAIL_SERVER": env.get("MAIL_SERVER") or None,
        "MAIL_PORT": int(env.get("MAIL_PORT", "25")),
        "MAIL_USE_TLS": _flag(env.get("MAIL_USE_TLS", "false")),
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_SENDER": env.get("MAIL_SENDER", "baove183@localhost"),
        "MAIL_DOMAIN": env.get("MAIL_DOMAIN", "localhost"),
        "MAIL_BASE_URL": env.get("MAIL_BASE_URL", ""),
        # flask-smorest / OpenAPI
        "API_TITLE": "Hệ thống bảo vệ người thi hành công vụ (Quy định 183-QĐ/TW)",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "v1/openapi.json",
        "JSON_SORT_KEYS": False,
    }
    config.update(overrides or {})
    # A pooled connection to a server may have been dropped meanwhile (a restart, a failover):
    # it is checked when taken. A SQLite file cannot drop a connection, and the check would be
    # one more statement in every transaction.
    config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {
        "pool_pre_ping": not config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")})
    return config
