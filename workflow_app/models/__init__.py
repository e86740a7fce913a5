"""SQLAlchemy models: identity, process models, runtime, vault, audit."""
from .audit import AuditEvent, AuditHead
from .audit_exports import AuditExport
from .catalogue import Measure
from .designer import ProcessModelDraft
from .documents import PendingDocument
from .identity import ROLE_TITLES, ROLES, Agency, ApiToken, User, UserRole
from .process import ProcessModel, ProcessModelVersion
from .runtime import (CaseCounter, CaseFileEntry, HumanTask, InstanceLink, InstanceParty, Notification,
                      ProcessInstance, STATUSES, StoredFile)
from .vault import VaultEntry

__all__ = [
    "Agency", "ApiToken", "AuditEvent", "AuditExport", "AuditHead", "CaseCounter", "CaseFileEntry",
    "HumanTask", "InstanceLink", "InstanceParty", "Measure", "Notification", "PendingDocument", "ProcessInstance", "ProcessModel",
    "ProcessModelDraft", "ProcessModelVersion", "ROLES", "STATUSES", "ROLE_TITLES", "StoredFile", "User", "UserRole", "VaultEntry",
]
