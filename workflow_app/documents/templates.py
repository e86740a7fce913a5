"""The documents of a protection case, as data: Jinja text a reviewer can read as the letter.

Each template fills the parts of an administrative document (layout.AdminDocument). Texts are
Jinja, rendered in a sandbox against the context of `context.build`:

  case        the case data after the task (vault references shown as a mask, never resolved)
  before      the case data before the task (e.g. the measures a change or an end replaces)
  values      what the deciding task submitted (its own `decision_number`, not an older one)
  content     the case-file entry the document belongs to
  case_number, today, received (date the case was opened), persons (covered protected persons,
  "Người được bảo vệ số 1 – Thẩm phán": never a name), issuer, requester, executing
  ({code, name}; issuer also parent, symbol, head), cooperating (a list of those)
  filters     measure (code -> title), agency (code -> name), basis (review basis -> words),
              vn_date (25/11/2026), number(kind) ("12" -> "12/QĐ-CAT")

`body`, `bases` and `recipients` are multi-line: every non-empty line is one paragraph (a
body line opening with "Điều N." is an article, its lead set in bold). Blank lines and lines
left empty by a condition are dropped, so conditions may sit on lines of their own.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issuer:
    """How an agency heads its documents: the body above it, its symbol and its head's title."""

    parent: str | None
    symbol: str
    head: str


# The demo province's agencies (reference_data.AGENCIES). Party bodies head their documents
# after Party rules, not Decree 30; they do not decide protection measures.
ISSUERS = {
    "CA_TINH": Issuer("Bộ Công an", "CAT", "Giám đốc"),
    "VKS_TINH": Issuer("Viện kiểm sát nhân dân tối cao", "VKS", "Viện trưởng"),
    "TAND_TINH": Issuer("Tòa án nhân dân tối cao", "TA", "Chánh án"),
    "THADS_TINH": Issuer("Bộ Tư pháp", "THADS", "Thủ trưởng"),
    "UBND_TINH": Issuer(None, "UBND", "Chủ tịch"),
    "HDND_TINH": Issuer(None, "HĐND", "Chủ tịch"),
    "MTTQ_TINH": Issuer(None, "MTTQ", "Chủ tịch"),
    "BNC_TU": Issuer("Tỉnh ủy", "BNCTU", "Trưởng ban"),
    "UBKT_TU": Issuer("Tỉnh ủy", "UBKTTU", "Chủ nhiệm"),
    "BTGDV_TU": Issuer("Tỉnh ủy", "BTGDVTU", "Trưởng ban"),
}
MONITOR = "BNC_TU"      # follows every case for the Standing Committee (KH-III.2): copied in

REVIEW_BASES = {
    "de_nghi_nguoi_duoc_bao_ve": "đề nghị của người được bảo vệ",
    "nguy_co_thay_doi": "sự thay đổi của nguy cơ xâm hại",
    "bao_cao_luc_luong": "báo cáo của lực lượng bảo vệ",
    "khac": "kết quả xem xét lại",
}


@dataclass(frozen=True)
class Template:
    doc_type: str                         # "QUYẾT ĐỊNH", set in capitals under the heading
    symbol: str                           # the type's part of the symbol: 12/QĐ-CAT
    title: str                            # the subject line, e.g. "Về việc áp dụng ..."
    body: str
    recipients: str
    bases: str = ""
    number: str = ""                      # empty: the number is left blank for the registry
    authority: str | None = "{{ issuer.head }} {{ issuer.name }}"
    operative: str | None = "QUYẾT ĐỊNH:"


LEGAL_BASES = """\
Căn cứ Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án;
Căn cứ Điều 486 Bộ luật Tố tụng hình sự 2015 (tham chiếu) về các biện pháp bảo vệ;
Căn cứ chức năng, nhiệm vụ, quyền hạn của {{ issuer.name }};
"""
EARLIER_DECISION = """\
Căn cứ Quyết định áp dụng biện pháp bảo vệ {% if before.decision_number %}số {{ before.decision_number|number("QĐ") }} {% endif %}trong hồ sơ bảo vệ số {{ case_number }};
"""
PERSONS = """\
{% for person in persons %}
- {{ person }}{{ "." if loop.last else ";" }}
{% endfor %}
"""
EXECUTION = """\
Điều 2. Giao {{ executing.name }} chủ trì tổ chức thực hiện các biện pháp bảo vệ nêu tại Điều 1{% if cooperating %}; {{ cooperating|join(", ", attribute="name") }} phối hợp thực hiện theo phương án bảo vệ do {{ issuer.name }} chủ trì{% endif %}; {% if case.settings.report_days %}định kỳ {{ case.settings.report_days }} ngày {% endif %}báo cáo kết quả thực hiện về {{ issuer.name }}.
Điều 3. Thông tin về nhân thân, nơi cư trú, nơi làm việc, số điện thoại và các thông tin cá nhân khác của người được bảo vệ được quản lý theo chế độ bảo mật; cơ quan, cá nhân được giao thực hiện chỉ sử dụng trong phạm vi nhiệm vụ và có trách nhiệm giữ bí mật.
"""
PARTIES = '([executing] + cooperating + [requester])|unique(attribute="code")|join(", ", attribute="name")'
RECIPIENTS = """\
- Như Điều {{ article }};
- {{ monitor|agency }} (để theo dõi);
- Lưu: VT, hồ sơ {{ case_number }}.
"""


def _measures(expression: str, heading: str) -> str:
    return ("{% if " + expression + " %}\n" + heading + "\n"
            "{% for code in " + expression + " %}\n"
            "{{ loop.index }}. {{ code|measure }}{{ \".\" if loop.last else \";\" }}\n"
            "{% endfor %}\n{% endif %}\n")


APPLY = Template(
    doc_type="QUYẾT ĐỊNH", symbol="QĐ", title="Về việc áp dụng biện pháp bảo vệ",
    number="{{ values.decision_number }}",
    bases=LEGAL_BASES + "Theo đề nghị của {{ requester.name }} và kết quả xác minh tại hồ sơ bảo vệ số "
                        "{{ case_number }}.\n",
    body=("Điều 1. Áp dụng biện pháp bảo vệ đối với {{ persons|length }} người được bảo vệ trong hồ sơ bảo vệ "
          "số {{ case_number }}, kể từ ngày {{ case.measures_start|vn_date }}:\n" + PERSONS
          + _measures("case.measures", "Các biện pháp bảo vệ được áp dụng:") + EXECUTION
          + "Điều 4. Quyết định này có hiệu lực kể từ ngày ký. {{ " + PARTIES + " }} và các cơ quan, cá nhân "
            "có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"),
    recipients="{% set article = 4 %}" + RECIPIENTS,
)

CHANGE = Template(
    doc_type="QUYẾT ĐỊNH", symbol="QĐ", title="Về việc thay đổi, bổ sung biện pháp bảo vệ",
    number="{{ values.decision_number }}",
    bases=LEGAL_BASES + EARLIER_DECISION + "Xét {{ case.review_basis|basis }} và kết quả xem xét lại việc "
                                           "áp dụng biện pháp bảo vệ.\n",
    body=("Điều 1. Thay đổi, bổ sung biện pháp bảo vệ đối với {{ persons|length }} người được bảo vệ trong hồ sơ "
          "bảo vệ số {{ case_number }}, kể từ ngày {{ case.measures_start|vn_date }}:\n" + PERSONS
          + _measures('case.measures|select("in", before.measures_active)|list',
                      "Tiếp tục áp dụng các biện pháp bảo vệ:")
          + _measures('case.measures|reject("in", before.measures_active)|list',
                      "Bổ sung các biện pháp bảo vệ:")
          + _measures('before.measures_active|reject("in", case.measures)|list',
                      "Chấm dứt các biện pháp bảo vệ:")
          + EXECUTION
          + "Điều 4. Quyết định này có hiệu lực kể từ ngày ký; nội dung về biện pháp bảo vệ tại các quyết định "
            "đã ban hành trái với Quyết định này không còn hiệu lực. {{ " + PARTIES + " }} và các cơ quan, cá "
            "nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"),
    recipients="{% set article = 4 %}" + RECIPIENTS,
)

REFUSE = Template(
    doc_type="QUYẾT ĐỊNH", symbol="QĐ", title="Về việc không áp dụng biện pháp bảo vệ",
    number="{{ values.decision_number }}",
    bases=LEGAL_BASES + "Xét đề nghị {% if content.change %}thay đổi, bổ sung{% else %}áp dụng{% endif %} biện "
                        "pháp bảo vệ của {{ requester.name }} và kết quả xác minh tại hồ sơ bảo vệ số "
                        "{{ case_number }}.\n",
    body=("Điều 1. Không áp dụng biện pháp bảo vệ theo đề nghị {% if content.change %}thay đổi, bổ sung biện "
          "pháp bảo vệ {% endif %}của {{ requester.name }} tại hồ sơ bảo vệ số {{ case_number }}.\n"
          "Lý do: {{ case.decision_reasons }}\n"
          "Điều 2. {{ issuer.name }} thông báo kết quả và lý do cho {{ requester.name }}. Khi có tình tiết mới, "
          "cơ quan, tổ chức, người thi hành công vụ có quyền đề nghị áp dụng biện pháp bảo vệ.\n"
          "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. {{ requester.name }} và các cơ quan, cá nhân có liên "
          "quan chịu trách nhiệm thi hành Quyết định này./.\n"),
    recipients="{% set article = 3 %}" + RECIPIENTS,
)

TERMINATE = Template(
    doc_type="QUYẾT ĐỊNH", symbol="QĐ", title="Về việc chấm dứt áp dụng biện pháp bảo vệ",
    bases=LEGAL_BASES + EARLIER_DECISION + "Xét {{ before.review_basis|basis }} và kết quả thực hiện biện pháp "
                                           "bảo vệ.\n",
    body=("Điều 1. Chấm dứt áp dụng biện pháp bảo vệ đối với {{ persons|length }} người được bảo vệ trong hồ sơ "
          "bảo vệ số {{ case_number }}, kể từ ngày {{ case.termination_date|vn_date }}:\n" + PERSONS
          + _measures("before.measures_active", "Các biện pháp bảo vệ chấm dứt:")
          + "Lý do: {{ case.termination_reasons }}\n"
          "Điều 2. {{ executing.name }} kết thúc việc thực hiện các biện pháp bảo vệ nêu tại Điều 1, tổng hợp "
          "kết quả và chuyển tài liệu về {{ issuer.name }} để lưu hồ sơ bảo vệ. Thông tin về người được bảo vệ "
          "tiếp tục được giữ bí mật theo quy định.\n"
          "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. {{ " + PARTIES + " }} và các cơ quan, cá nhân có "
          "liên quan chịu trách nhiệm thi hành Quyết định này./.\n"),
    recipients="{% set article = 3 %}" + RECIPIENTS,
)

DECISION_REF = ('Quyết định{% if values.decision_number %} số {{ values.decision_number|number("QĐ") }}'
                '{% endif %} ngày {{ today|vn_date }}')
NOTICE = Template(
    doc_type="THÔNG BÁO", symbol="TB", title="Kết quả giải quyết đề nghị áp dụng biện pháp bảo vệ",
    authority=None, operative=None,
    body=("{% if content.change %}Sau khi xem xét lại việc áp dụng biện pháp bảo vệ trong hồ sơ bảo vệ số "
          "{{ case_number }}, {{ issuer.name }} thông báo kết quả như sau:"
          "{% else %}Ngày {{ received|vn_date }}, {{ issuer.name }} nhận được đề nghị áp dụng biện pháp bảo vệ "
          "của {{ requester.name }} (hồ sơ bảo vệ số {{ case_number }}). Sau khi xác minh, {{ issuer.name }} "
          "thông báo kết quả giải quyết như sau:{% endif %}\n\n"   # trim_blocks eats one
          '{% if content.outcome == "ap_dung" %}\n'
          "1. {{ issuer.head }} {{ issuer.name }} đã ban hành " + DECISION_REF + " về việc {% if content.change %}"
          "thay đổi, bổ sung{% else %}áp dụng{% endif %} biện pháp bảo vệ đối với {{ persons|length }} người được "
          "bảo vệ, kể từ ngày {{ case.measures_start|vn_date }}, gồm các biện pháp:\n"
          "{% for code in case.measures %}\n"
          "- {{ code|measure }}{{ \".\" if loop.last else \";\" }}\n"
          "{% endfor %}\n"
          "2. {{ executing.name }} chủ trì thực hiện các biện pháp bảo vệ{% if cooperating %}, phối hợp với "
          "{{ cooperating|join(\", \", attribute=\"name\") }}{% endif %}. Đề nghị {{ requester.name }} phối hợp, "
          "hướng dẫn người được bảo vệ thực hiện theo yêu cầu của lực lượng bảo vệ, giữ bí mật thông tin về "
          "biện pháp bảo vệ và thông báo kịp thời khi có diễn biến mới.\n"
          "{% else %}\n"
          "{{ issuer.head }} {{ issuer.name }} quyết định không áp dụng biện pháp bảo vệ theo đề nghị"
          "{% if content.change %} thay đổi, bổ sung{% endif %} (" + DECISION_REF + "). "
          "Lý do: {{ case.decision_reasons }}\n"
          "Khi có tình tiết mới, {{ requester.name }} có thể đề nghị xem xét lại.\n"
          "{% endif %}\n"
          "{{ issuer.name }} thông báo để {{ requester.name }} biết, phối hợp thực hiện./.\n"),
    recipients="- {{ requester.name }};\n- Lưu: VT, hồ sơ {{ case_number }}.\n",
)

TEMPLATES: dict[str, Template] = {
    "quyet_dinh_ap_dung": APPLY,
    "quyet_dinh_thay_doi": CHANGE,
    "quyet_dinh_tu_choi": REFUSE,
    "quyet_dinh_cham_dut": TERMINATE,
    "thong_bao": NOTICE,
}
