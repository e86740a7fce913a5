"""Handlers shared by every process."""
from __future__ import annotations


def record_escalation(ctx) -> None:
    """The head's instruction on an overdue task goes into the case file."""
    ctx.add_file_entry("chi_dao", "Chỉ đạo xử lý việc quá hạn",
                       {"instruction": ctx.values.get("instruction"), "task": ctx.task_name})


HANDLERS = {"record_escalation": record_escalation}
