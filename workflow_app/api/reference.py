"""Reference data: agencies and the caller."""
from __future__ import annotations

from flask_smorest import Blueprint
from sqlalchemy import select

from ..extensions import db
from ..models import Agency
from .common import authenticate, current_user
from .schemas import AgencyOut, MeOut

blp = Blueprint("reference", __name__, description="Danh mục")
blp.before_request(authenticate)


@blp.get("/agencies")
@blp.response(200, AgencyOut(many=True))
def agencies():
    return db.session.execute(select(Agency).order_by(Agency.code)).scalars().all()


@blp.get("/me")
@blp.response(200, MeOut)
def me():
    return current_user()
