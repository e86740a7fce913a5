"""Bearer tokens for the API: random, shown once, stored as SHA-256 only.

argon2 is for passwords; a per-request argon2 check would cost tens of milliseconds, and
a 256-bit random token needs no slow hash to resist guessing.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from .. import clock
from . import callers
from ..extensions import db
from ..models import ApiToken, User


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(user: User) -> tuple[str, ApiToken]:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    row = ApiToken(user_id=user.id, token_hash=_digest(token), created_at=now,
                   expires_at=now + timedelta(hours=current_app.config["TOKEN_TTL_HOURS"]))
    db.session.add(row)
    return token, row


def user_for(token: str) -> User | None:
    """The active user of a valid token (one statement: every API request runs this)."""
    if not token:
        return None
    found = callers.by_token_digest(_digest(token))
    if found is None:
        return None
    revoked_at, expires_at, user = found
    if revoked_at is not None or expires_at <= clock.now() or not user.active:
        return None
    return user


def revoke(token: str) -> bool:
    row = db.session.execute(select(ApiToken).where(ApiToken.token_hash == _digest(token))).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = clock.now()
    return True
