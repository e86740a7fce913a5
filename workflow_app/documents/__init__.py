"""Generated documents: the decisions and notices of a case, as PDF, laid out as Vietnamese
administrative documents are (Decree 30/2020/NĐ-CP).

- templates.py   the documents as data (Jinja text), one per kind of decision and the notice
- context.py     what a template may read: the case masked, names, dates, covered persons
- render.py      template + context -> the words of the document -> PDF bytes
- layout.py      the page: heading, motto, number, title, bases, articles, signature, recipients
- store.py       issue a document into the storage folder, linked to its case-file entry
- access.py      list and download (audited) for the API
- statistics_export.py  the periodic figures as XLSX and PDF

Handlers ask for a document through `HandlerContext.add_document`; they never render one.
Confidential values are never printed: the context only holds vault references as masks, and
protected persons are named by number and position.
"""
from .render import compose, render
from .templates import TEMPLATES

__all__ = ["TEMPLATES", "compose", "render"]
