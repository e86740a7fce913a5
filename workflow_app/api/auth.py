"""Tokens: exchange a username and password for a bearer token."""
from __future__ import annotations

from flask_smorest import Blueprint
from sqlalchemy import select

from .. import audit
from ..auth import passwords, tokens
from ..extensions import db
from ..models import User
from ..services.errors import Invalid
from .common import error_response, json_body
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
    user = db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active or not passwords.check_password(user.password_hash, password):
        audit.append([{"type": "login_failed", "data": {"username": username, "via": "api"}}], None)
        db.session.commit()
        return error_response(401, "Sai tên đăng nhập hoặc mật khẩu.")
    token, row = tokens.issue(user)
    db.session.flush()
    audit.append([{"type": "token_issued", "data": {"token_id": row.id, "via": "api"}}], user)
    db.session.commit()
    return {"token": token, "expires_at": row.expires_at}
