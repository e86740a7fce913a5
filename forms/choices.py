"""Choice lists: fixed enums written here, and lists that live in the database.

Agencies and the measures catalogue are configurable, so their codes cannot be written
into a schema: a field names its list ("agencies", "measures") and the allowed codes are
read at validation time from the `Context` that `forms.load` opens with the lists the
application passes in. Fixed enums carry their Vietnamese titles next to their codes so
the form, the JSON schema and the messages cannot drift apart.
"""

from __future__ import annotations

from marshmallow import ValidationError
from marshmallow.experimental.context import Context
from marshmallow.validate import Validator

from .base import List, MinItems, Text, meta, unique_items

Pairs = list[tuple[str, str]]


class Choices:
    """A fixed, ordered list of (code, Vietnamese title)."""

    def __init__(self, *pairs: tuple[str, str]):
        self.pairs: Pairs = list(pairs)

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in self.pairs]


# A field's choices: a fixed list, or the name of a list passed in at call time.
Source = Choices | str

DYNAMIC_MESSAGES = {
    "agencies": "Cơ quan không có trong danh mục.",
    "measures": "Biện pháp bảo vệ không có trong danh mục.",
}


def resolve(source: Source, lists: dict[str, Pairs] | None = None) -> Pairs:
    """The (code, title) pairs of `source`; dynamic lists come from `lists` or the context."""
    if isinstance(source, Choices):
        return source.pairs
    if lists is None:
        lists = Context.get({}).get("choices") or {}
    try:
        return [(code, title) for code, title in lists[source]]
    except KeyError:
        raise KeyError(f"choice list {source!r} was not passed to forms") from None


class CodeIn(Validator):
    """Accept only a code of the field's choice list."""

    def __init__(self, source: Source):
        self.source = source

    def __call__(self, value: str) -> str:
        if value not in {code for code, _ in resolve(self.source)}:
            message = DYNAMIC_MESSAGES.get(self.source) if isinstance(self.source, str) else None
            raise ValidationError(message or "Lựa chọn không hợp lệ.")
        return value


def choice(source: Source, title: str, help: str | None = None, *,
           required: bool = False, confidential: bool = False, **kwargs) -> Text:
    """One code out of `source`; null is refused: an empty optional choice is dropped."""
    return Text(required=required, validate=CodeIn(source),
                metadata=meta(title, help, confidential, choices=source), **kwargs)


def choice_list(source: Source, title: str, help: str | None = None, *,
                min_items: int = 0, **kwargs) -> List:
    """Several distinct codes out of `source`."""
    validators = [unique_items]
    if min_items:
        validators.insert(0, MinItems(min_items, "Phải chọn ít nhất {min} mục."))
        kwargs.setdefault("required", True)
    item = Text(validate=CodeIn(source), metadata={"choices": source})
    return List(item, validate=validators, metadata=meta(title, help, False), **kwargs)


REQUEST_KINDS = Choices(("thuong", "Thông thường"), ("khan_cap", "Khẩn cấp"))

CHANNELS = Choices(
    ("van_ban", "Văn bản"),
    ("truc_tiep", "Trực tiếp (bằng lời nói)"),
    ("dien_thoai", "Qua điện thoại"),
)

THREAT_TYPES = Choices(
    ("loi_keo", "Lôi kéo"),
    ("du_do", "Dụ dỗ"),
    ("mua_chuoc", "Mua chuộc"),
    ("boi_nho", "Bôi nhọ"),
    ("vu_cao", "Vu cáo"),
    ("vu_khong", "Vu khống"),
    ("xuc_pham", "Xúc phạm danh dự, nhân phẩm"),
    ("tan_cong", "Tấn công"),
    ("de_doa", "Đe dọa"),
    ("can_thiep", "Can thiệp trái pháp luật vào hoạt động tố tụng, thi hành án, "
                  "thanh tra, kiểm tra, kiểm toán"),
    ("tan_cong_tru_so_du_lieu", "Tấn công trụ sở, hồ sơ, kho vật chứng, hệ thống dữ liệu"),
)

PROTECTED_CONTENT = Choices(
    ("vi_tri_cong_tac", "Vị trí công tác, việc thực hiện nhiệm vụ"),
    ("uy_tin_danh_du_nhan_pham", "Uy tín, danh dự, nhân phẩm"),
    ("bi_mat_thong_tin_du_lieu", "Bí mật, an toàn thông tin, dữ liệu cá nhân"),
    ("tinh_mang_suc_khoe_tai_san", "Tính mạng, sức khỏe, tài sản và quyền, lợi ích hợp pháp khác"),
    ("doi_moi_sang_tao", "Người đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm"),
)

RELATIONS = Choices(
    ("ban_than", "Bản thân"),
    ("vo_chong", "Vợ, chồng"),
    ("cha_me", "Cha, mẹ"),
    ("cha_me_vo_chong", "Cha, mẹ của vợ hoặc chồng"),
    ("cha_me_nuoi", "Cha, mẹ nuôi"),
    ("con", "Con"),
    ("khac", "Khác"),
)

AUTHENTICITY = Choices(
    ("xac_thuc", "Xác thực"),
    ("khong_xac_thuc", "Không xác thực"),
    ("chua_ro", "Chưa rõ"),
)

DANGER_LEVELS = Choices(("thap", "Thấp"), ("trung_binh", "Trung bình"), ("cao", "Cao"))

DECISION_OUTCOMES = Choices(
    ("ap_dung", "Áp dụng biện pháp bảo vệ"),
    ("tu_choi", "Từ chối áp dụng"),
)

SITUATIONS = Choices(
    ("on_dinh", "Ổn định"),
    ("gia_tang", "Nguy cơ gia tăng"),
    ("giam", "Nguy cơ giảm"),
)

# The execution report recommends what the review then decides: one list for both.
REVIEW_ACTIONS = Choices(
    ("tiep_tuc", "Tiếp tục áp dụng biện pháp"),
    ("thay_doi", "Thay đổi, bổ sung biện pháp"),
    ("cham_dut", "Chấm dứt (hủy bỏ) biện pháp"),
)

REVIEW_BASES = Choices(
    ("de_nghi_nguoi_duoc_bao_ve", "Đề nghị của người được bảo vệ"),
    ("nguy_co_thay_doi", "Nguy cơ xâm phạm thay đổi"),
    ("bao_cao_luc_luong", "Báo cáo của lực lượng bảo vệ"),
    ("khac", "Căn cứ khác"),
)
