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
from sqlalchemy.orm import joinedload

from .. import clock
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
    if not token:
        return None
    # One statement: the token, its user and the user's roles (every API request runs this).
    row = db.session.execute(select(ApiToken).where(ApiToken.token_hash == _digest(token))
                             .options(joinedload(ApiToken.user).joinedload(User.role_rows))
                             ).unique().scalar_one_or_none()
    if row is None or row.revoked_at is not None or row.expires_at <= clock.now():
        return None
    return row.user if row.user.active else None


def revoke(token: str) -> bool:
    row = db.session.execute(select(ApiToken).where(ApiToken.token_hash == _digest(token))).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = clock.now()
    return True
