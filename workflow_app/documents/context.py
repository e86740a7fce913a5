"""What a template may read: the case as the deciding task leaves it, masked, plus the names
and dates a document needs. A pure function, so documents can be rendered without a database.

Confidential values stay vault references in case data (ADR 0006) and are shown here only as
masks; a document names a protected person by their number in the request and their position.
"""
from __future__ import annotations

from datetime import date

from .. import vault
from .templates import ISSUERS, MONITOR, Issuer


def build(*, case_number: str, before: dict, values: dict, content: dict | None, signer: str,
          today: date, received: date | None, place: str, agencies: dict[str, str],
          measures: dict[str, str]) -> dict:
    before, values = vault.masked(before or {}), vault.masked(values or {})
    case = {**before, **values}

    def agency(code) -> dict:
        return {"code": code, "name": agencies.get(code, code or "")}

    issuer_code = case.get("competent_agency")
    facts = ISSUERS.get(issuer_code) or Issuer(None, str(issuer_code or "").replace("_", ""), "Thủ trưởng")
    return {
        "case": case, "before": before, "values": values, "content": vault.masked(content or {}),
        "case_number": case_number, "today": today, "received": received, "place": place,
        "signer": {"name": signer},
        "issuer": {**agency(issuer_code), "parent": facts.parent, "symbol": facts.symbol, "head": facts.head},
        "requester": agency(case.get("requester_agency")),
        "executing": agency(case.get("executing_agency") or issuer_code),
        "cooperating": [agency(code) for code in case.get("cooperating_agencies") or [] if isinstance(code, str)],
        "monitor": MONITOR,
        "persons": covered_persons(case),
        "lookup": {"agencies": agencies, "measures": measures},
    }


def covered_persons(case: dict) -> list[str]:
    """"Người được bảo vệ số 1 – Thẩm phán" for each person the decision covers (default all)."""
    people = case.get("protected_persons") or []
    covered = case.get("covered_persons") or range(1, len(people) + 1)
    described = []
    for number in covered:
        if not isinstance(number, int) or not 1 <= number <= len(people):
            continue
        person = people[number - 1] if isinstance(people[number - 1], dict) else {}
        position = person.get("position")
        if isinstance(position, str) and position.strip() and position != vault.MASK:
            described.append(f"Người được bảo vệ số {number} – {position.strip()}")
        else:
            described.append(f"Người được bảo vệ số {number}")
    return described
