"""Tokens: exchange a username and password for a bearer token; revoke it (an API logout)."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint
from marshmallow import Schema, fields
from sqlalchemy import select

from .. import audit, clock
from ..auth import passwords, tokens
from ..auth.lockout import locked_until
from ..extensions import db
from ..models import ApiToken, User
from ..services.errors import Invalid
from .common import authenticate, current_user, error_response, json_body
from .schemas import TokenIn, TokenOut

blp = Blueprint("auth", __name__, description="Đăng nhập API")


@blp.post("/auth/token")
@blp.doc(requestBody={"content": {"application/json": {"schema": TokenIn}}}, security=[])
@blp.response(200, TokenOut)
def issue_token():
    body = json_body()
    username, password = body.get("username"), body.get("password")
    errors = {k: ["Trường này là bắt buộc."] for k, v in (("username", username), ("password", password))
              if not isinstance(v, str) or not v}
    if errors:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": errors})
    until = locked_until(username)
    if until is not None:
        audit.append([{"type": "login_locked", "data": {"username": username, "via": "api"}}], None)
        db.session.commit()
        response = error_response(429, "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần.")
        response.headers["Retry-After"] = str(max(1, int((until - clock.now()).total_seconds())))
        return response
    user = db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active or not passwords.check_password(user.password_hash, password):
        audit.append([{"type": "login_failed", "data": {"username": username, "via": "api"}}], None)
        db.session.commit()
        return error_response(401, "Sai tên đăng nhập hoặc mật khẩu.")
    token, row = tokens.issue(user)
    db.session.flush()
    # Issuing a token is the API's successful login (one event, as a web login is one).
    audit.append([{"type": "token_issued", "data": {"token_id": row.id, "via": "api"}}], user)
    db.session.commit()
    return {"token": token, "expires_at": row.expires_at}


class RevokedOut(Schema):
    revoked = fields.Boolean()


@blp.post("/auth/revoke")
@blp.doc(security=[{"bearer": []}])
@blp.response(200, RevokedOut)
def revoke_token():
    """Revoke the bearer token of this request (an API logout); later calls with it get 401."""
    refused = authenticate()
    if refused is not None:
        return refused
    token = request.headers["Authorization"].partition(" ")[2].strip()
    row = db.session.execute(select(ApiToken).where(ApiToken.token_hash == tokens._digest(token))).scalar_one()
    tokens.revoke(token)
    audit.append([{"type": "token_revoked", "data": {"token_id": row.id, "via": "api"}}], current_user())
    db.session.commit()
    return {"revoked": True}
