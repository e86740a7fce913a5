"""The caller of a request as a `User`, from one Core statement.

Every API request (bearer token) and every page (login session) starts by loading its caller
with the user's roles. Through the ORM that was a joined eager load de-duplicated row by row,
about half a millisecond of CPU per request; here one pre-built statement returns the user's
columns once per role, and the `User` is built from them *detached*: it has its identity (so
that handing it to a session never inserts it) and no pending changes (so that a flush never
writes it), and a commit does not expire it, so reading it later in the request never queries
again. Nothing in a request changes its caller's row; code that must (the CLI) loads its own.
"""
from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..models import ApiToken, User, UserRole

_USER, _ROLE, _TOKEN = User.__table__, UserRole.__table__, ApiToken.__table__
_USER_COLUMNS = (_USER.c.id, _USER.c.username, _USER.c.full_name, _USER.c.password_hash,
                 _USER.c.agency_code, _USER.c.active, _USER.c.created_at)

# The user and one row per role (none: one row with role NULL).
_BY_ID = (select(*_USER_COLUMNS, _ROLE.c.role)
          .outerjoin(_ROLE, _ROLE.c.user_id == _USER.c.id)
          .where(_USER.c.id == bindparam("user_id")))
# The same, reached from a token's digest, with the token's own validity.
_BY_TOKEN = (select(_TOKEN.c.revoked_at, _TOKEN.c.expires_at, *_USER_COLUMNS, _ROLE.c.role)
             .join(_USER, _USER.c.id == _TOKEN.c.user_id)
             .outerjoin(_ROLE, _ROLE.c.user_id == _USER.c.id)
             .where(_TOKEN.c.token_hash == bindparam("digest")))


def by_id(user_id: int) -> User | None:
    """The user `user_id` with their roles, or None."""
    rows = db.session.execute(_BY_ID, {"user_id": user_id}).all()
    return _detached(rows) if rows else None


def by_token_digest(digest: str):
    """(revoked_at, expires_at, user) of the token whose SHA-256 is `digest`, or None."""
    rows = db.session.execute(_BY_TOKEN, {"digest": digest}).all()
    if not rows:
        return None
    return rows[0].revoked_at, rows[0].expires_at, _detached(rows)


def _detached(rows) -> User:
    first = rows[0]
    user = User(id=first.id, username=first.username, full_name=first.full_name,
                password_hash=first.password_hash, agency_code=first.agency_code,
                active=first.active, created_at=first.created_at)
    roles = []
    for row in rows:
        if row.role is not None:
            role = UserRole(user_id=first.id, role=row.role)
            make_transient_to_detached(role)
            roles.append(role)
    make_transient_to_detached(user)
    set_committed_value(user, "role_rows", roles)
    return user
