"""The protection file (hồ sơ bảo vệ) of a case, and the caller's notifications."""
from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields
from sqlalchemy import and_, func, or_, select

from .. import vault
from ..extensions import db
from ..models import CaseFileEntry, Notification
from ..services import instances
from .common import authenticate, current_user, page_args, paged

blp = Blueprint("casefile", __name__, description="Hồ sơ bảo vệ và thông báo")
blp.before_request(authenticate)


class FileEntryOut(Schema):
    id = fields.Integer()
    kind = fields.String()
    title = fields.String()
    content = fields.Method("masked_content")
    task_id = fields.String(allow_none=True)
    created_by = fields.String()
    created_at = fields.DateTime()

    def masked_content(self, entry):
        return vault.masked(entry.content or {})


class NotificationOut(Schema):
    id = fields.Integer()
    process_instance_id = fields.String(attribute="instance_id", allow_none=True)
    message = fields.String()
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)


@blp.get("/process-instances/<instance_id>/file")
@blp.response(200, FileEntryOut(many=True))
def case_file(instance_id):
    instances.visible(current_user(), instance_id)
    return db.session.execute(select(CaseFileEntry).where(CaseFileEntry.instance_id == instance_id)
                              .order_by(CaseFileEntry.id)).scalars().all()


@blp.get("/notifications")
@blp.response(200, NotificationOut(many=True))
def notifications():
    user = current_user()
    page, per_page = page_args()
    mine = or_(Notification.recipient_username == user.username,
               and_(Notification.recipient_username.is_(None),
                    Notification.recipient_agency == user.agency_code,
                    Notification.recipient_role.in_(user.roles)))
    total = db.session.execute(select(func.count()).select_from(Notification).where(mine)).scalar_one()
    rows = db.session.execute(select(Notification).where(mine).order_by(Notification.id.desc())
                              .limit(per_page).offset((page - 1) * per_page)).scalars().all()
    return paged(NotificationOut(many=True).dump(rows), total)
