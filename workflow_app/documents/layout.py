"""The page of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I), drawn
with fpdf2.

The layout knows nothing of protection cases: it draws an `AdminDocument` — issuing body,
national motto, number and symbol, place and date, type and title, authority, legal bases,
body, signature and recipients — wherever they come from. Decree 30 asks for Times New Roman;
we ship DejaVu Sans (fonts/, with its licence) so that the output does not depend on the fonts
of the server and every Vietnamese diacritic is covered; decisions use a copy cut down to Latin,
Vietnamese and punctuation (fonts/subset.sh), which fpdf2 parses 2.3 times faster; and it is
parsed once per process, not once per document (`add_font`). DejaVu has no italic in our copy, so
the parts the decree sets in italics (place and date, legal bases) are upright.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans-VN.ttf", "B": "DejaVuSans-Bold-VN.ttf"}     # style -> file in FONTS
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"

# A4 portrait, margins of Decree 30 (top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm).
LEFT, RIGHT, TOP, BOTTOM = 30.0, 15.0, 20.0, 20.0
PAGE_W = 210.0
TEXT_W = PAGE_W - LEFT - RIGHT
HEAD_LEFT_W = 68.0                    # the issuing body's column; the motto takes the rest
BODY_PT, SMALL_PT = 11.5, 10
SIGN_GAP = 5.0                        # between position, "(Đã ký)" and name
INDENT = 10.0                         # first-line indent of a paragraph
ARTICLE = re.compile(r"^(Điều\s+\d+\.)\s*(.*)$")


@dataclass
class AdminDocument:
    """What one document says, already in words; `to_pdf` lays it out."""

    issuer: str                                   # the issuing body, e.g. "Công an tỉnh"
    number: str                                   # "Số: 12/QĐ-CAT"
    place_date: str                               # "Hà Nội, ngày 25 tháng 11 năm 2026"
    doc_type: str                                 # "QUYẾT ĐỊNH"
    title: str                                    # "Về việc áp dụng biện pháp bảo vệ"
    parent_body: str | None = None                # the body above the issuer, e.g. "Bộ Công an"
    authority: str | None = None                  # "GIÁM ĐỐC CÔNG AN TỈNH"
    bases: list[str] = field(default_factory=list)
    operative: str | None = None                  # "QUYẾT ĐỊNH:" between bases and articles
    body: list[str] = field(default_factory=list)  # paragraphs; "Điều N." opens an article
    signer_position: str = ""
    signer_note: str = "(Đã ký)"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    subject: str = ""                             # PDF metadata


class _Page(FPDF):
    closing_alone = False

    def header(self):
        # Decree 30: pages are numbered from the second one, centred in the top margin.
        if self.page_no() > 1:
            self.set_font(FAMILY, "", SMALL_PT + 1)
            self.set_y(10)
            self.cell(0, 5, str(self.page_no()), align="C")
            self.set_y(TOP)


def to_pdf(doc: AdminDocument) -> bytes:
    pdf = _draw(doc)
    if pdf.closing_alone and len(doc.body) > 1:
        # A signature must not stand alone on its page: carry the last paragraph over with it.
        pdf = _draw(doc, carry_last=True)
    return bytes(pdf.output())


def _draw(doc: AdminDocument, carry_last: bool = False) -> _Page:
    pdf = _Page(orientation="P", unit="mm", format="A4")
    for style in FONT_FILES:
        add_font(pdf, style)
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.set_lang("vi")
    pdf.set_title(f"{doc.doc_type.capitalize()} {doc.title}".strip())
    pdf.set_subject(doc.subject)
    pdf.set_author(doc.issuer)
    pdf.set_creator("bao-ve-183")
    pdf.add_page()
    _heading(pdf, doc)
    _title(pdf, doc)
    _paragraphs(pdf, doc.bases)
    if doc.operative:
        _centred(pdf, doc.operative, "B", BODY_PT + 1, TEXT_W, gap_before=2, gap_after=2)
    if carry_last:
        _paragraphs(pdf, doc.body[:-1])
        pdf.add_page()
        _paragraphs(pdf, doc.body[-1:])
    else:
        _paragraphs(pdf, doc.body)
    pdf.closing_alone = _closing(pdf, doc)
    return pdf


# -- fonts, parsed once per process ------------------------------------------------------------
# fpdf2's add_font parses the whole TTF file (cmap, widths, outlines) for every FPDF. The parse is
# done once here (`_parsed`); every document then gets its own light copy of the parsed font
# (`add_font`) with what one document changes: the set of glyphs it uses, the widths looked up
# (a defaultdict that grows), missing glyphs, and a fontTools TTFont of its own, because fpdf2's
# output subsets that TTFont in place. Documents rendered at the same time in several threads
# therefore share only what nobody writes to.

# Tables of our fonts that fpdf2 drops when it embeds a font (fpdf/output.py, _add_fonts). They
# are removed once, so that the fontTools subsetter does not read them for every document
# before dropping them: the embedded font is the same.
_DROPPED_TABLES = ("GDEF", "GPOS", "GSUB", "MATH")


class _Font(TTFFont):
    """fpdf2's TrueType font, measuring text faster for its line breaking.

    fpdf2 breaks lines character by character, and for every character it measures the whole
    line so far again (fpdf/line_break.py, CurrentLine.width): the same growing string, each
    time one character longer. The sum of character widths, an exact sum of integers, is
    therefore remembered for the last string measured and only the added characters are summed.
    The result is that of TTFFont.get_text_width (test_documents checks it); shaped text and
    symbol fonts, which we do not use, go to it."""

    __slots__ = ("_last_text", "_last_units")

    def get_text_width(self, text, font_size_pt, text_shaping_params):
        if text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        if font_size_pt > self.biggest_size_pt:
            self.biggest_size_pt = font_size_pt
        widths = self.cw
        last = self._last_text
        if last and text.startswith(last):
            units = self._last_units + sum(map(widths.__getitem__, map(ord, text[len(last):])))
        else:
            units = sum(map(widths.__getitem__, map(ord, text)))
        if len(text) > 1:                   # single characters are measured between line lengths
            self._last_text, self._last_units = text, units
        return len(text), units * font_size_pt * 0.001


@dataclass(frozen=True)
class _ParsedFont:
    prototype: TTFFont          # parsed by fpdf2 once; never added to a document itself
    data: bytes                 # the font, for a fresh TTFont per document (see `_font_data`)
    glyph_order: tuple[str, ...]


@lru_cache(maxsize=None)
def _parsed(style: str) -> _ParsedFont:
    """The font of `style`, parsed on first use (two threads may both parse it then: harmless)."""
    path = FONTS / FONT_FILES[style]
    scratch = FPDF()
    scratch.add_font(FAMILY, style, str(path))        # fpdf2's own parse, public API
    prototype = scratch.fonts[f"{FAMILY.lower()}{style}"]
    prototype.ttfont.close()
    return _ParsedFont(prototype, *_font_data(path))


def _font_data(path: Path) -> tuple[bytes, tuple[str, ...]]:
    """The font file, decoded and encoded again once by fontTools with every bounding box
    recomputed, without the tables fpdf2 drops.

    fpdf2 opens fonts with fontTools' default recalcBBoxes=True, so its output decodes every
    glyph it embeds to recompute its box, and encodes it again: a quarter of a PDF's time. Done
    once here for the whole font, the glyphs are then copied as they are (recalcBBoxes=False in
    `add_font`), with the same outlines, boxes and hinting as before. Only the font-wide
    summaries of the embedded subset (head box, hhea extremes, maxp maxima) keep the values of
    the whole font, which contain the subset's — what pyftsubset writes by default.

    Also the glyph order: our fonts' 'post' table has no glyph names, so fontTools derives them
    from the cmap, for every document unless given them."""
    font = TTFont(path, recalcTimestamp=False)
    for tag in _DROPPED_TABLES:
        if tag in font:
            del font[tag]
    font.ensureDecompiled()          # tables not decoded would be copied as they are
    buffer = BytesIO()
    font.save(buffer)
    return buffer.getvalue(), tuple(font.getGlyphOrder())


def add_font(pdf: FPDF, style: str) -> None:
    """What `pdf.add_font(FAMILY, style, FONTS / FONT_FILES[style])` does, without parsing the
    file again: a copy of the parsed font, with the state of one document of its own."""
    parsed = _parsed(style)
    font = _Font.__new__(_Font)
    for name in TTFFont.__slots__:                    # shares cmap, glyph ids, file name... (read only)
        if hasattr(parsed.prototype, name):
            setattr(font, name, getattr(parsed.prototype, name))
    font.i = len(pdf.fonts) + 1                       # the font's number in this PDF, as add_font sets it
    font.cw = parsed.prototype.cw.copy()              # a defaultdict: unknown characters are added on lookup
    font.desc = copy.copy(parsed.prototype.desc)      # output() gives it this PDF's object number and file
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None                               # HarfBuzz state (text shaping, unused here)
    font.ttfont = TTFont(BytesIO(parsed.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    font.ttfont.setGlyphOrder(list(parsed.glyph_order))
    font.subset = SubsetMap(font)                     # the glyphs this document uses
    font._last_text, font._last_units = "", 0
    pdf.fonts[font.fontkey] = font


# -- parts of the page -------------------------------------------------------------------------
def _heading(pdf: FPDF, doc: AdminDocument) -> None:
    """Issuing body on the left, national motto on the right, both centred in their columns."""
    top = pdf.get_y()
    right_x, right_w = LEFT + HEAD_LEFT_W, TEXT_W - HEAD_LEFT_W
    line_h = 5.5

    # Left: the parent body (regular caps), the issuer (bold caps) with a short rule under it.
    y = top
    if doc.parent_body:
        y = _line(pdf, doc.parent_body.upper(), "", 11, LEFT, HEAD_LEFT_W, y, line_h)
    y = _line(pdf, doc.issuer.upper(), "B", 11, LEFT, HEAD_LEFT_W, y, line_h)
    _rule(pdf, LEFT, HEAD_LEFT_W, y + 1.2, _fit_width(pdf, doc.issuer.upper(), "B", 11, HEAD_LEFT_W) / 3)
    left_bottom = y + 3.5

    # Right: the motto (bold caps) and its second line, underlined across its whole length.
    size = _fitting_size(pdf, MOTTO, "B", 11.5, right_w)
    y = _line(pdf, MOTTO, "B", size, right_x, right_w, top, line_h)
    y = _line(pdf, MOTTO_LINE, "B", size + 0.5, right_x, right_w, y, line_h)
    pdf.set_font(FAMILY, "B", size + 0.5)
    _rule(pdf, right_x, right_w, y + 0.8, pdf.get_string_width(MOTTO_LINE))
    right_bottom = y + 3

    # Third row: number and symbol on the left, place and date on the right, on one level.
    row = max(left_bottom, right_bottom) + 1
    _line(pdf, doc.number, "", 11, LEFT, HEAD_LEFT_W, row, line_h)
    _line(pdf, doc.place_date, "", _fitting_size(pdf, doc.place_date, "", 11, right_w), right_x, right_w,
          row, line_h)
    pdf.set_y(row + line_h + 5)


def _title(pdf: FPDF, doc: AdminDocument) -> None:
    _centred(pdf, doc.doc_type, "B", BODY_PT + 2, TEXT_W)
    pdf.set_font(FAMILY, "B", BODY_PT)
    width = min(pdf.get_string_width(doc.title) + 2, TEXT_W * 0.8)
    pdf.set_x(LEFT + (TEXT_W - width) / 2)
    pdf.multi_cell(width, 6, doc.title, align="C", new_x="LMARGIN", new_y="NEXT")
    _rule(pdf, LEFT, TEXT_W, pdf.get_y() + 1.5, width / 3)
    pdf.ln(4)
    if doc.authority:
        _centred(pdf, doc.authority, "B", BODY_PT, TEXT_W, gap_after=2)


def _paragraphs(pdf: FPDF, paragraphs: list[str]) -> None:
    """Justified paragraphs with a first-line indent; "Điều N." leads are bold."""
    if not paragraphs:
        return
    with pdf.text_columns(text_align="J", line_height=1.3) as columns:
        for text in paragraphs:
            with columns.paragraph(first_line_indent=INDENT, bottom_margin=1.2) as paragraph:
                article = ARTICLE.match(text)
                if article:
                    pdf.set_font(FAMILY, "B", BODY_PT)
                    paragraph.write(article.group(1) + " ")
                    text = article.group(2)
                pdf.set_font(FAMILY, "", BODY_PT)
                paragraph.write(text)
    pdf.ln(2)


def _closing(pdf: FPDF, doc: AdminDocument) -> bool:
    """Recipients on the left, signature on the right, starting on the same line; True when
    they had to start a page of their own."""
    sign_x, sign_w = LEFT + TEXT_W * 0.45, TEXT_W * 0.55
    list_w = TEXT_W * 0.45 - 4
    # "(Đã ký)" stands where the hand signature and seal go on paper: a little room, not 3 cm.
    needed = 3 + max(6 + 4.6 * len(doc.recipients), 6 + SIGN_GAP + 6 + SIGN_GAP + 6)
    alone = pdf.get_y() + needed > pdf.h - BOTTOM
    if alone:
        pdf.add_page()
    top = pdf.get_y() + 3

    y = _line(pdf, doc.signer_position.upper(), "B", BODY_PT, sign_x, sign_w, top, 6)
    y = _line(pdf, doc.signer_note, "", 11, sign_x, sign_w, y + SIGN_GAP, 6)
    _line(pdf, doc.signer_name, "B", BODY_PT, sign_x, sign_w, y + SIGN_GAP, 6)

    if doc.recipients:
        pdf.set_xy(LEFT, top)
        pdf.set_font(FAMILY, "B", 11)
        pdf.cell(list_w, 6, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", SMALL_PT)
        for item in doc.recipients:
            pdf.set_x(LEFT)
            pdf.multi_cell(list_w, 4.6, item, align="L", new_x="LMARGIN", new_y="NEXT")
    return alone


# -- small drawing helpers ---------------------------------------------------------------------
def _line(pdf: FPDF, text: str, style: str, size: float, x: float, width: float, y: float,
          height: float) -> float:
    """Centre `text` in the column [x, x+width] at y (wrapping if it must); return the new y."""
    pdf.set_font(FAMILY, style, size)
    pdf.set_xy(x, y)
    pdf.multi_cell(width, height, text, align="C", new_x="LEFT", new_y="NEXT")
    return pdf.get_y()


def _centred(pdf: FPDF, text: str, style: str, size: float, width: float, *, gap_before: float = 0,
             gap_after: float = 0) -> None:
    pdf.ln(gap_before)
    _line(pdf, text, style, size, LEFT, width, pdf.get_y(), 6.5)
    pdf.ln(gap_after)


def _rule(pdf: FPDF, x: float, width: float, y: float, length: float) -> None:
    """A horizontal rule of `length`, centred in the column [x, x+width]."""
    start = x + (width - length) / 2
    pdf.set_line_width(0.3)
    pdf.line(start, y, start + length, y)


def _fitting_size(pdf: FPDF, text: str, style: str, size: float, width: float) -> float:
    """The largest size, from `size` down, at which `text` fits on one line of `width`."""
    while size > 8:
        pdf.set_font(FAMILY, style, size)
        if pdf.get_string_width(text) <= width - 1:
            return size
        size -= 0.5
    return size


def _fit_width(pdf: FPDF, text: str, style: str, size: float, width: float) -> float:
    pdf.set_font(FAMILY, style, size)
    return min(pdf.get_string_width(text), width)
