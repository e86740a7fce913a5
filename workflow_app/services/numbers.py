"""Case numbers: PREFIX-YEAR-NNNNNN, the year in Asia/Ho_Chi_Minh, one counter row a year."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .. import clock
from ..extensions import db
from ..models import CaseCounter


def next_case_number(prefix: str) -> str:
    year = clock.local_now().year
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    db.session.execute(insert(CaseCounter).values(prefix=prefix, year=year, value=0)
                       .on_conflict_do_nothing(index_elements=["prefix", "year"]))
    counter = db.session.execute(select(CaseCounter).where(CaseCounter.prefix == prefix,
                                                           CaseCounter.year == year)
                                 .with_for_update().execution_options(populate_existing=True)).scalar_one()
    counter.value += 1
    return f"{prefix}-{year}-{counter.value:06d}"
