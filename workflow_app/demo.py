"""Demo data: agencies, one account per role and agency, measures, diagrams, sample cases.

Safe to run twice: each step adds only what is missing.
"""
from __future__ import annotations

from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from . import clock
from .auth import passwords
from .extensions import db
from .models import Agency, Measure, ProcessInstance, User, UserRole
from .reference_data import AGENCIES, MEASURES

DEMO_PASSWORD = "baove183"

PROCEDURE_AGENCIES = ("CA_TINH", "VKS_TINH", "TAND_TINH", "THADS_TINH")
DEMO_ACCOUNTS = (
    [("requester", a) for a in PROCEDURE_AGENCIES]
    + [(r, a) for r in ("intake_officer", "verifier", "leader", "coordinator") for a in PROCEDURE_AGENCIES]
    + [("protection_officer", "CA_TINH"), ("monitor", "BNC_TU"), ("inspector", "UBKT_TU"),
       ("inspector", "HDND_TINH"), ("inspector", "MTTQ_TINH"), ("auditor", "UBKT_TU"),
       ("designer", "BNC_TU")]
    # Every other unit of the plan has a focal point and a head, for rollout rounds,
    # inspections and rule reviews.
    + [(role, agency) for agency in ("BNC_TU", "UBKT_TU", "BTGDV_TU", "HDND_TINH", "MTTQ_TINH", "UBND_TINH")
       for role in ("coordinator", "leader")]
)


def ensure_reference_data() -> None:
    for code, name in AGENCIES:
        if db.session.get(Agency, code) is None:
            db.session.add(Agency(code=code, name=name))
    for position, (code, title, basis) in enumerate(MEASURES):
        if db.session.get(Measure, code) is None:
            db.session.add(Measure(code=code, title=title, legal_basis=basis, position=position))
    db.session.commit()


def create_user(username: str, password: str, roles: list[str], agency: str, full_name: str = "") -> User:
    user = User(username=username, full_name=full_name or username, agency_code=agency,
                password_hash=passwords.hash_password(password), created_at=clock.now())
    user.role_rows = [UserRole(role=r) for r in sorted(set(roles))]
    db.session.add(user)
    return user


def ensure_accounts() -> list[tuple[str, str, str]]:
    """Create the demo accounts that are missing; returns (username, role, agency) of all."""
    accounts = [(f"{role}.{agency.lower()}", role, agency) for role, agency in DEMO_ACCOUNTS]
    accounts.append(("admin", "admin", "BNC_TU"))
    existing = set(db.session.execute(select(User.username)).scalars())
    for username, role, agency in accounts:
        if username not in existing:
            create_user(username, DEMO_PASSWORD, [role], agency)
    db.session.commit()
    return accounts


def ensure_diagrams() -> list[tuple[str, int, bool]]:
    from .services.deploy import deploy_directory
    return deploy_directory(current_app.config["BPMN_DIR"])


def ensure_sample_cases() -> int:
    """A few protection cases in different states, only when there are none yet."""
    if db.session.execute(select(func.count()).select_from(ProcessInstance)).scalar_one():
        return 0
    from .sample_cases import create_samples
    return create_samples()


def seed() -> dict:
    ensure_reference_data()
    accounts = ensure_accounts()
    deployed = ensure_diagrams()
    samples = ensure_sample_cases()
    return {"accounts": accounts, "deployed": deployed, "samples": samples,
            "password": DEMO_PASSWORD, "bpmn_dir": str(Path(current_app.config["BPMN_DIR"]))}
