"""From a template and a context to the words of a document, then to PDF bytes.

Templates are rendered in Jinja's immutable sandbox: they are data, and what they can reach is
the context alone (which holds vault references only as masks).
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from jinja2 import ChainableUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import layout
from .templates import REVIEW_BASES, TEMPLATES, Template

PLACEHOLDER_NUMBER = "      "          # left for the registry (văn thư) to fill in when issued


def vn_date(value) -> str:
    """25/11/2026; an ISO string from a form is read as a date; anything else is shown as is."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return "" if value is None else str(value)


def place_and_date(place: str, day: date) -> str:
    """Decree 30: days below 10 and months below 3 are written with a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_and_symbol(raw, kind: str, issuer_symbol: str) -> str:
    """"12" -> "12/QĐ-CAT"; a number already written with its symbol is kept as written."""
    raw = str(raw or "").strip()
    if "/" in raw:
        return raw
    return f"{raw or PLACEHOLDER_NUMBER}/{kind}-{issuer_symbol}"


@pass_context
def _measure(ctx, code) -> str:
    return ctx.get("lookup", {}).get("measures", {}).get(code, code)


@pass_context
def _agency(ctx, code) -> str:
    return ctx.get("lookup", {}).get("agencies", {}).get(code, code)


@pass_context
def _number(ctx, raw, kind: str) -> str:
    return number_and_symbol(raw, kind, ctx["issuer"]["symbol"])


def _basis(code) -> str:
    return REVIEW_BASES.get(code, REVIEW_BASES["khac"])


_env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, autoescape=False,
                                     undefined=ChainableUndefined)
_env.filters.update(vn_date=vn_date, measure=_measure, agency=_agency, number=_number, basis=_basis)


@lru_cache(maxsize=256)
def _compiled(source: str):
    """The template of `source`, compiled once per process: compiling costs far more than
    rendering. Sources are the few texts of templates.py, so the cache stays small; a compiled
    template keeps no state between renders and may be rendered by several threads at once."""
    return _env.from_string(source)


def _text(source: str | None, context: dict) -> str:
    return _compiled(source).render(context).strip() if source else ""


def _lines(source: str, context: dict) -> list[str]:
    return [" ".join(line.split()) for line in _text(source, context).splitlines() if line.strip()]


def compose(template_key: str, context: dict) -> layout.AdminDocument:
    """The document `template_key` says for `context`, in words (no PDF yet)."""
    template: Template = TEMPLATES[template_key]
    issuer = context["issuer"]
    number = number_and_symbol(_text(template.number, context), template.symbol, issuer["symbol"])
    return layout.AdminDocument(
        issuer=issuer["name"], parent_body=issuer.get("parent"),
        number=f"Số: {number}",
        place_date=place_and_date(context["place"], context["today"]),
        doc_type=template.doc_type, title=_text(template.title, context),
        authority=_text(template.authority, context).upper() or None,
        bases=_lines(template.bases, context), operative=template.operative,
        body=_lines(template.body, context),
        signer_position=issuer["head"], signer_name=context["signer"]["name"],
        recipients=_lines(template.recipients, context),
        subject=f"Hồ sơ bảo vệ số {context['case_number']}",
    )


def render(template_key: str, context: dict) -> bytes:
    """The PDF of `template_key` for `context`."""
    return layout.to_pdf(compose(template_key, context))
