"""Choice lists for forms, read from the reference tables at request time."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Agency, Measure


def choices() -> dict[str, list[tuple[str, str]]]:
    agencies = db.session.execute(select(Agency.code, Agency.name).order_by(Agency.code)).all()
    measures = db.session.execute(select(Measure.code, Measure.title).where(Measure.active)
                                  .order_by(Measure.position, Measure.code)).all()
    return {"agencies": [tuple(a) for a in agencies], "measures": [tuple(m) for m in measures]}
