"""Form schemas of the processes, and the four functions the application calls.

A diagram names a form by key (`formKey` in docs/adr/0002-binding.md); this registry maps
the key to a marshmallow schema. The package is pure on purpose: no Flask, no database,
no engine. What it needs from the outside world (the agencies and the measures
catalogue, the current case) is passed in by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from marshmallow import Schema, ValidationError, fields
from marshmallow.experimental.context import Context

from . import common, coordination, protection_request as pr
from . import inspection, periodic_review, rules_review
from . import complaint, liability_exemption, reporter_protection, threat_report
from .choices import Pairs
from .json_schema import form_json_schema

__all__ = ["FORMS", "FormError", "confidential_paths", "fields_of", "json_schema", "load"]

FORMS: dict[str, type[Schema]] = {
    "protection_request.start": pr.StartForm,
    "protection_request.intake": pr.IntakeForm,
    "protection_request.supplement": pr.SupplementForm,
    "protection_request.verification": pr.VerificationForm,
    "protection_request.decision": pr.DecisionForm,
    "protection_request.execution_report": pr.ExecutionReportForm,
    "protection_request.review": pr.ReviewForm,
    "protection_request.termination": pr.TerminationForm,
    "coordination.plan": coordination.PlanForm,
    "coordination.confirmation": coordination.ConfirmationForm,
    "coordination.consolidation": coordination.ConsolidationForm,
    "common.escalation": common.EscalationForm,
    # issue #6, processes 2-5 (docs/processes/)
    "complaint.start": complaint.StartForm,
    "complaint.acceptance": complaint.AcceptanceForm,
    "complaint.verification": complaint.VerificationForm,
    "complaint.dialogue": complaint.DialogueForm,
    "complaint.decision": complaint.ComplaintDecisionForm,
    "complaint.denunciation_conclusion": complaint.DenunciationConclusionForm,
    "complaint.petition_answer": complaint.PetitionAnswerForm,
    "complaint.appeal": complaint.AppealForm,
    "complaint.appeal_acceptance": complaint.AppealAcceptanceForm,
    "complaint.enforcement": complaint.EnforcementForm,
    "threat_report.start": threat_report.StartForm,
    "threat_report.assessment": threat_report.AssessmentForm,
    "threat_report.warning": threat_report.WarningForm,
    "threat_report.acknowledgement": threat_report.AcknowledgementForm,
    "threat_report.violation_handling": threat_report.ViolationHandlingForm,
    "reporter_protection.start": reporter_protection.StartForm,
    "reporter_protection.intake": reporter_protection.IntakeForm,
    "reporter_protection.verification": reporter_protection.VerificationForm,
    "reporter_protection.decision": reporter_protection.DecisionForm,
    "reporter_protection.execution": reporter_protection.ExecutionForm,
    "reporter_protection.reward_proposal": reporter_protection.RewardProposalForm,
    "reporter_protection.reward_decision": reporter_protection.RewardDecisionForm,
    "liability_exemption.start": liability_exemption.StartForm,
    "liability_exemption.verification": liability_exemption.VerificationForm,
    "liability_exemption.supplement": liability_exemption.SupplementForm,
    "liability_exemption.decision": liability_exemption.DecisionForm,
    "liability_exemption.record": liability_exemption.RecordForm,
    # issue #6, processes 6-8 (docs/processes/)
    "inspection.plan": inspection.PlanForm,
    "inspection.conduct": inspection.ConductForm,
    "inspection.conclusion": inspection.ConclusionForm,
    "inspection.remediation": inspection.RemediationForm,
    "inspection.assessment": inspection.AssessmentForm,
    "periodic_review.round": periodic_review.RoundForm,
    "periodic_review.unit_report": periodic_review.UnitReportForm,
    "periodic_review.consolidated_report": periodic_review.ConsolidatedReportForm,
    "periodic_review.supplement": periodic_review.SupplementForm,
    "rules_review.issue": rules_review.IssueForm,
    "rules_review.proposal": rules_review.ProposalForm,
    "rules_review.decision": rules_review.DecisionForm,
    "rules_review.adoption": rules_review.AdoptionForm,
}


class FormError(ValueError):
    """Submitted data that a person must correct.

    `messages` maps each field to its Vietnamese messages (nested like the data; list
    items by index); problems with the data as a whole are under `_schema`.
    """

    def __init__(self, messages: dict):
        super().__init__(messages)
        self.messages = messages


def _schema_class(form_key: str) -> type[Schema]:
    try:
        return FORMS[form_key]
    except KeyError:
        raise KeyError(f"unknown form key {form_key!r}") from None


@cache
def _schema(form_key: str) -> Schema:
    """One instance per form, shared: building a schema copies all its declared fields, and a
    load keeps nothing on the instance (the choices and the case travel in a context variable)."""
    return _schema_class(form_key)()


def load(form_key: str, data, *, choices: dict[str, Pairs], case: dict | None = None) -> dict:
    """Validate `data` against the form; return JSON-native values or raise FormError."""
    schema = _schema(form_key)
    with Context({"choices": choices, "case": case}):
        try:
            return schema.load(data)
        except ValidationError as error:
            messages = error.messages
            if not isinstance(messages, dict):
                messages = {"_schema": messages}
            raise FormError(messages) from None


def json_schema(form_key: str, *, choices: dict[str, Pairs]) -> dict:
    """The form as a self-contained JSON Schema (2020-12) with Vietnamese titles."""
    return form_json_schema(_schema_class(form_key), choices)


def confidential_paths(form_key: str) -> list[tuple[str, ...]]:
    """Where the form's confidential values sit in its output; "*" stands for any list item."""
    return list(_confidential_paths(form_key))


@cache
def _confidential_paths(form_key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_confidential(_schema(form_key), ()))


def _confidential(schema: Schema, prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    for name, field in schema.load_fields.items():
        path = prefix + (name,)
        if field.metadata.get("confidential"):
            yield path
            continue
        if isinstance(field, fields.List):
            field, path = field.inner, path + ("*",)
            if field.metadata.get("confidential"):
                yield path
                continue
        if isinstance(field, fields.Nested):
            yield from _confidential(field.schema, path)


def fields_of(form_key: str) -> list[str]:
    """The form's top-level field names, in order: what a form is prefilled with."""
    return list(_schema(form_key).load_fields)
