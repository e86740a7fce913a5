"""Who people are: agencies, users with their roles, API tokens."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime

ROLES = (
    "requester", "intake_officer", "verifier", "leader", "coordinator", "protection_officer",
    "monitor", "inspector", "auditor", "designer", "admin",
)

ROLE_TITLES = {
    "requester": "Cơ quan, người đề nghị",
    "intake_officer": "Cán bộ tiếp nhận",
    "verifier": "Cán bộ xác minh",
    "leader": "Thủ trưởng cơ quan",
    "coordinator": "Đầu mối phối hợp",
    "protection_officer": "Lực lượng bảo vệ",
    "monitor": "Ban Nội chính (theo dõi, đôn đốc)",
    "inspector": "Kiểm tra, giám sát",
    "auditor": "Kiểm toán nhật ký",
    "designer": "Thiết kế quy trình",
    "admin": "Quản trị hệ thống",
}


class Agency(db.Model):
    __tablename__ = "agency"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class User(db.Model):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    role_rows: Mapped[list["UserRole"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> list[str]:
        return sorted(r.role for r in self.role_rows)

    def has_role(self, role: str) -> bool:
        return any(r.role == role for r in self.role_rows)


class UserRole(db.Model):
    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)


class ApiToken(db.Model):
    """A bearer token; only its SHA-256 is stored."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="joined")
