"""Forms shared by every process: the head's instruction when a deadline has passed."""

from __future__ import annotations

from .base import FormSchema, text


class EscalationForm(FormSchema):
    """Đôn đốc xử lý quá hạn."""

    instruction = text("Ý kiến chỉ đạo", "Chỉ đạo của thủ trưởng đối với việc xử lý chậm.",
                       required=True)
