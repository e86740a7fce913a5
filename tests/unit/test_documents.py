"""Generated documents: the words each template says, the PDF they make, and what never appears."""
from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

import handlers
from workflow_app.documents import TEMPLATES, compose, render
from workflow_app.documents.context import build
from workflow_app.documents.render import number_and_symbol, place_and_date
from workflow_app.reference_data import AGENCIES, MEASURES

from .test_handlers import FakeContext

GUARD = "Bố trí lực lượng, phương tiện, vũ khí, công cụ hỗ trợ để canh gác, bảo vệ"
SECRECY = "Giữ bí mật thông tin và yêu cầu người khác giữ bí mật"
RELOCATION = "Di chuyển, giữ bí mật chỗ ở, nơi làm việc, thay đổi tung tích (khi được đồng ý)"
CASE = {
    "competent_agency": "CA_TINH", "requester_agency": "TAND_TINH", "settings": {"report_days": 15},
    "protected_persons": [
        {"full_name": {"$vault": "v1"}, "relation": {"$vault": "v2"}, "position": "Thẩm phán",
         "phone": {"$vault": "v3"}},
        # a value a form forgot to seal must not reach a document either
        {"full_name": "Nguyễn Văn A", "relation": "vo_chong", "phone": "0900000001", "residence": "Số 9 phố Bí Mật"},
    ],
}
APPLY = {"decision_outcome": "ap_dung", "measures": ["canh_gac_bao_ve", "giu_bi_mat_thong_tin"],
         "covered_persons": [1, 2], "measures_start": "2026-12-01", "executing_agency": "CA_TINH",
         "cooperating_agencies": ["VKS_TINH"], "decision_number": "12"}


def context(before=None, values=None, content=None):
    return build(case_number="BV-2026-000007", before=CASE if before is None else before,
                 values=APPLY if values is None else values, content=content or {"outcome": "ap_dung"},
                 signer="Trần Văn Bình", today=date(2026, 2, 5), received=date(2026, 1, 28), place="Hà Nam",
                 agencies=dict(AGENCIES), measures={code: title for code, title, _ in MEASURES})


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_decision_to_apply_reads_as_an_administrative_decision():
    content = render("quyet_dinh_ap_dung", context())
    assert content.startswith(b"%PDF") and len(content) < 80_000        # fonts are subset
    text = flat(pdf_text(content))
    for words in ("BỘ CÔNG AN", "CÔNG AN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Số: 12/QĐ-CAT", "Hà Nam, ngày 05 tháng 02 năm 2026", "QUYẾT ĐỊNH",
                  "Về việc áp dụng biện pháp bảo vệ", "GIÁM ĐỐC CÔNG AN TỈNH",
                  "Căn cứ Quy định số 183-QĐ/TW ngày 18/9/2024 của Bộ Chính trị",
                  "Căn cứ Điều 486 Bộ luật Tố tụng hình sự 2015 (tham chiếu)", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 4.",
                  "BV-2026-000007", GUARD, SECRECY, "kể từ ngày 01/12/2026", "Người được bảo vệ số 1 – Thẩm phán",
                  "Người được bảo vệ số 2", "Viện kiểm sát nhân dân tỉnh", "(Đã ký)", "Trần Văn Bình", "Nơi nhận:",
                  "Lưu: VT, hồ sơ BV-2026-000007"):
        assert words in text, words


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_no_document_prints_a_confidential_value(template):
    text = flat(pdf_text(render(template, context(content={"outcome": "ap_dung", "change": True}))))
    for secret in ("Nguyễn Văn A", "0900000001", "Số 9 phố Bí Mật", "vo_chong", "$vault", "v1"):
        assert secret not in text, (template, secret)
    assert "Nơi nhận:" in text and "BV-2026-000007" in text


def test_a_change_lists_what_continues_what_is_added_and_what_ends():
    before = {**CASE, "measures_active": ["canh_gac_bao_ve", "giu_bi_mat_thong_tin"], "decision_number": "12",
              "review_action": "thay_doi", "review_basis": "nguy_co_thay_doi"}
    values = {**APPLY, "measures": ["canh_gac_bao_ve", "di_chuyen_noi_o"], "decision_number": "31/QĐ-CAT"}
    doc = compose("quyet_dinh_thay_doi", context(before, values, {"outcome": "ap_dung", "change": True}))
    assert doc.title == "Về việc thay đổi, bổ sung biện pháp bảo vệ" and doc.number == "Số: 31/QĐ-CAT"
    body = doc.body
    assert body[body.index("Tiếp tục áp dụng các biện pháp bảo vệ:") + 1] == f"1. {GUARD}."
    assert body[body.index("Bổ sung các biện pháp bảo vệ:") + 1] == f"1. {RELOCATION}."
    assert body[body.index("Chấm dứt các biện pháp bảo vệ:") + 1] == f"1. {SECRECY}."
    assert any("Quyết định áp dụng biện pháp bảo vệ số 12/QĐ-CAT" in basis for basis in doc.bases)
    assert any("sự thay đổi của nguy cơ xâm hại" in basis for basis in doc.bases)


def test_a_refusal_states_its_reasons_and_an_end_lists_the_measures_it_ends():
    refusal = compose("quyet_dinh_tu_choi", context(values={"decision_outcome": "tu_choi", "decision_number": "",
                                                            "decision_reasons": "Không có căn cứ xác định nguy cơ."}))
    assert refusal.title == "Về việc không áp dụng biện pháp bảo vệ"
    assert refusal.number == "Số:       /QĐ-CAT"                       # the registry numbers it
    assert "Lý do: Không có căn cứ xác định nguy cơ." in refusal.body
    before = {**CASE, **APPLY, "measures_active": ["canh_gac_bao_ve"], "review_basis": "bao_cao_luc_luong"}
    end = compose("quyet_dinh_cham_dut", context(before, {"termination_reasons": "Đối tượng đã bị tạm giam.",
                                                          "termination_date": "2027-01-15", "measures_active": []}))
    assert end.title == "Về việc chấm dứt áp dụng biện pháp bảo vệ" and end.number == "Số:       /QĐ-CAT"
    assert f"1. {GUARD}." in end.body and "Lý do: Đối tượng đã bị tạm giam." in end.body
    assert "kể từ ngày 15/01/2027" in end.body[0]


def test_the_notice_tells_the_requester_the_outcome():
    applied = compose("thong_bao", context())
    assert (applied.doc_type, applied.number, applied.authority) == ("THÔNG BÁO", "Số:       /TB-CAT", None)
    assert any("Quyết định số 12/QĐ-CAT ngày 05/02/2026" in line for line in applied.body)
    assert applied.recipients[0] == "- Tòa án nhân dân tỉnh;"
    refusal = {"decision_outcome": "tu_choi", "decision_reasons": "Không đủ căn cứ."}
    refused = compose("thong_bao", context(values=refusal, content={"outcome": "tu_choi"}))
    assert any("không áp dụng biện pháp bảo vệ" in line and "Không đủ căn cứ." in line for line in refused.body)


def test_numbers_and_dates_follow_decree_30():
    assert number_and_symbol("12", "QĐ", "CAT") == "12/QĐ-CAT"
    assert number_and_symbol("07/QĐ-VKS", "QĐ", "CAT") == "07/QĐ-VKS"
    assert place_and_date("Hà Nam", date(2026, 3, 9)) == "Hà Nam, ngày 09 tháng 3 năm 2026"
    assert place_and_date("Hà Nam", date(2026, 11, 25)) == "Hà Nam, ngày 25 tháng 11 năm 2026"


def test_the_decision_handler_picks_the_document_of_a_first_decision_a_change_and_a_refusal():
    first = FakeContext(dict(APPLY), case={"requested_by": "requester.tand_tinh"})
    handlers.run("record_decision", first)
    assert first.documents == ["quyet_dinh_ap_dung", "thong_bao"]
    change = FakeContext(dict(APPLY), case={"review_action": "thay_doi", "measures_active": ["canh_gac_bao_ve"]})
    handlers.run("record_decision", change)
    assert change.documents == ["quyet_dinh_thay_doi", "thong_bao"]
    assert [e[0] for e in change.entries] == ["quyet_dinh_ap_dung", "thong_bao"]      # same kinds on file
    assert change.entries[0][2]["previous_measures"] == ["canh_gac_bao_ve"]
    refusal = FakeContext({"decision_outcome": "tu_choi", "decision_reasons": "x"}, case={})
    handlers.run("record_decision", refusal)
    assert refusal.documents == ["quyet_dinh_tu_choi", "thong_bao"]
    end = FakeContext({"termination_reasons": "x", "termination_date": "2027-01-15"},
                      case={"measures_active": ["canh_gac_bao_ve"]})
    handlers.run("record_termination", end)
    assert end.documents == ["quyet_dinh_cham_dut"] and end.entries[0][2]["measures"] == ["canh_gac_bao_ve"]


def test_the_cut_down_fonts_cover_every_character_a_decision_can_print():
    """Decisions use DejaVu cut down to Latin + Vietnamese (fonts/subset.sh): every character of
    the templates, reference data, masks and Vietnamese letters must still have a glyph."""
    from dataclasses import astuple

    from fontTools.ttLib import TTFont

    from workflow_app import reference_data, vault
    from workflow_app.documents import layout, templates

    texts = [str(part) for t in templates.TEMPLATES.values() for part in astuple(t)]
    texts += [name for _, name in reference_data.AGENCIES] + [m[1] for m in reference_data.MEASURES]
    texts += [str(i) for i in templates.ISSUERS.values()] + list(templates.REVIEW_BASES.values())
    texts += [layout.MOTTO, layout.MOTTO_LINE, vault.MASK, "₫ № “” ‘’ … – — • ×°"]
    texts.append("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ")
    needed = {ch for text in texts for ch in text.upper() + text.lower() if not ch.isspace()}
    for name in ("DejaVuSans-VN.ttf", "DejaVuSans-Bold-VN.ttf"):
        cmap = TTFont(layout.FONTS / name).getBestCmap()
        missing = sorted(ch for ch in needed if ord(ch) not in cmap)
        assert not missing, f"{name} lacks {missing}"


# -- fonts parsed once per process, a glyph set per document --------------------------------------
def embedded_characters(content: bytes) -> set[str]:
    """The characters the fonts embedded in a PDF have glyphs for (each font is a subset)."""
    from fontTools.ttLib import TTFont

    characters = set()
    for page in PdfReader(BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            subset = TTFont(BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            characters |= {chr(code) for code in subset.getBestCmap()}
    return characters


def visible(text) -> set[str]:
    return {ch for ch in text if not ch.isspace()}


# Letters no other test document prints: a font shared between documents would carry them over.
RARE_SIGNER = "Lưu Thị Ỹ Ẵn"


def _two_documents():
    """Two pages with rare letters, and one page: their PDF objects are numbered differently."""
    rare = context()
    rare["signer"] = {**rare["signer"], "name": RARE_SIGNER}
    return ("quyet_dinh_thay_doi", rare), ("quyet_dinh_ap_dung", context())


def test_documents_rendered_one_after_the_other_each_embed_their_own_glyphs():
    (rare_key, rare_ctx), (plain_key, plain_ctx) = _two_documents()
    for _ in range(2):                              # the second round reuses the parsed fonts
        rare, plain = render(rare_key, rare_ctx), render(plain_key, plain_ctx)
        rare_text, plain_text = pdf_text(rare), pdf_text(plain)
        assert RARE_SIGNER in rare_text and "Trần Văn Bình" in plain_text
        assert "Ỹ" not in plain_text and "Ẵ" not in plain_text
        # each PDF embeds glyphs for exactly the characters it prints, no more
        assert visible(embedded_characters(rare)) == visible(rare_text)
        assert visible(embedded_characters(plain)) == visible(plain_text)


def test_documents_rendered_in_threads_at_once_are_those_rendered_alone():
    """Two documents rendered over and over by two threads at once come out as when rendered
    alone: the same text, their own glyphs, and a PDF pypdf reads."""
    import sys
    import threading

    documents = _two_documents()
    alone = [render(key, ctx) for key, ctx in documents]
    # Objects numbered differently, so that a font object shared by both PDFs would go wrong.
    assert [len(PdfReader(BytesIO(content)).pages) for content in alone] == [2, 1]
    alone = [pdf_text(content) for content in alone]
    jobs = [0, 1]                                       # the document each thread renders
    start = threading.Barrier(len(jobs))
    results: list[list[bytes]] = [[] for _ in jobs]

    def run(thread):
        key, ctx = documents[jobs[thread]]
        start.wait()
        for _ in range(8):
            results[thread].append(render(key, ctx))

    threads = [threading.Thread(target=run, args=(thread,)) for thread in range(len(jobs))]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)                         # interleave the renders finely
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    for thread, contents in enumerate(results):
        assert len(contents) == 8                       # no render failed in its thread
        for content in contents:
            text = pdf_text(content)
            assert text == alone[jobs[thread]]
            assert visible(embedded_characters(content)) == visible(text)


def test_documents_share_no_font_state_they_change():
    """add_font gives each PDF a copy of the fonts parsed once; what the copies share must be
    read only (a new fpdf2 attribute holding state would show up here)."""
    from enum import Enum
    from pathlib import Path

    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    from workflow_app.documents import layout

    first, second = FPDF(), FPDF()
    for style in layout.FONT_FILES:
        layout.add_font(first, style)
        layout.add_font(second, style)
    assert first.fonts.keys() == {"dejavu", "dejavuB"}
    immutable = (str, bytes, int, float, tuple, frozenset, Path, Enum, type(None))
    for key, font in first.fonts.items():
        other = second.fonts[key]
        shared = {name for name in TTFFont.__slots__ if hasattr(font, name)
                  and getattr(font, name) is getattr(other, name) and not isinstance(getattr(font, name), immutable)}
        assert shared <= {"cmap", "glyph_ids"}, shared             # never written after parsing
        assert font.ttfont is not other.ttfont and font.subset.font is font


def test_the_faster_text_width_is_fpdf2s():
    """layout._Font remembers the width of the last line measured; it must measure as fpdf2."""
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    from workflow_app.documents import layout

    pdf = FPDF()
    layout.add_font(pdf, "")
    font = pdf.fonts["dejavu"]
    line = "Điều 1. Áp dụng biện pháp bảo vệ đối với người được bảo vệ số 1 – Thẩm phán 中"
    texts = [line[:n] for n in range(1, len(line) + 1)]                  # a line growing, as fpdf2 asks
    texts += ["x", line[5:30], line, "Điều", "", "ab", line[:10], "Căn cứ", line[:40] + "Ỹ"]
    for size in (10, 11.5, 13):
        for text in texts:
            assert font.get_text_width(text, size, None) == TTFFont.get_text_width(font, text, size, None), text
