"""Steps of features/rules_review.feature (process 8, docs/processes/rules_review.md)."""
from __future__ import annotations

from parse import with_pattern
from pytest_bdd import given, parsers, when

from workflow_app.demo import DEMO_PASSWORD, create_user
from workflow_app.extensions import db

from .. import helpers as h
from ..inspection_supervision import oversight
from ..inspection_supervision.oversight import *  # noqa: F401,F403  (shared steps, see oversight.py)
from ..inspection_supervision.oversight import start

PROCESS = "rules_review"
DOCUMENT_KINDS = {"văn bản pháp luật": "van_ban_phap_luat", "quy chế": "quy_che", "quy định": "quy_dinh",
                  "quy trình nghiệp vụ": "quy_trinh", "chuẩn mực đạo đức": "chuan_muc"}
ISSUES = {"bất cập": "bat_cap", "chồng chéo": "chong_cheo", "không còn phù hợp": "khong_phu_hop",
          "chưa đồng bộ": "chua_dong_bo"}


@with_pattern(h._alternatives(DOCUMENT_KINDS))
def document_kind(text: str) -> str:
    return DOCUMENT_KINDS[text]


@with_pattern(h._alternatives(ISSUES))
def issue_kind(text: str) -> str:
    return ISSUES[text]


def P(text: str):
    return parsers.parse(text, extra_types={**oversight.TYPES, "LoaiVB": document_kind, "VanDe": issue_kind})


def issue(kind: str, title: str, problem: str, **agencies) -> dict:
    return {"document_title": title, "document_kind": kind, "issue_kind": problem,
            "issue_description": f"{title}: quy định {problem.replace('_', ' ')} với Quy định 183-QĐ/TW.",
            **agencies}


# -- finding the issue ----------------------------------------------------------------------------------
@when(P('{can_bo:CanBo} phát hiện {loai:LoaiVB} "{ten}" {van_de:VanDe}'))
def raise_issue(api, ctx, can_bo, loai, ten, van_de):
    start(api, ctx, can_bo, PROCESS, issue(loai, ten, van_de))


@when(P('{can_bo:CanBo} phát hiện {loai:LoaiVB} "{ten}" {van_de:VanDe}, kiến nghị {co_quan:CoQuan} sửa đổi'))
def raise_issue_for_authority(api, ctx, can_bo, loai, ten, van_de, co_quan):
    start(api, ctx, can_bo, PROCESS, issue(loai, ten, van_de, deciding_agency=co_quan))


@when(P('{can_bo:CanBo} phát hiện {loai:LoaiVB} "{ten}" {van_de:VanDe}, giao {co_quan:CoQuan} đề xuất'))
def raise_issue_for_unit(api, ctx, can_bo, loai, ten, van_de, co_quan):
    start(api, ctx, can_bo, PROCESS, issue(loai, ten, van_de, proposing_agency=co_quan), ok=False)


@given(P('{can_bo:CanBo} đã đề xuất sửa đổi {loai:LoaiVB} "{ten}"'))
def proposed(api, ctx, can_bo, loai, ten):
    start(api, ctx, can_bo, PROCESS, issue(loai, ten, "bat_cap"))
    propose(api, ctx, can_bo, f"Sửa đổi {ten}")


@given(P("{co_quan:CoQuan} có thủ trưởng trong hệ thống"))
def head_of(app, co_quan):
    username = h.username("leader", co_quan)
    from sqlalchemy import select
    from workflow_app.models import User
    if db.session.execute(select(User).where(User.username == username)).scalar_one_or_none() is None:
        create_user(username, DEMO_PASSWORD, ["leader"], co_quan)
        db.session.commit()


# -- proposal and decision ----------------------------------------------------------------------------------
@when(P('{can_bo:CanBo} đề xuất sửa đổi "{noi_dung}"'))
def propose(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "draft_proposal", {"amendment_kind": "sua_doi", "proposal_content": noi_dung,
                                                "proposal_basis": "Chỉ thị điểm 2.3"})


@given(P("{can_bo:CanBo} đã chấp thuận đề xuất"))
@when(P("{can_bo:CanBo} chấp thuận đề xuất"))
def approve(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "decide_proposal", {"proposal_decision": "chap_thuan", "adoption_due": h.local_date(60)})


@when(P('{can_bo:CanBo} yêu cầu hoàn thiện đề xuất vì "{ly_do}"'))
def send_back(api, ctx, can_bo, ly_do):
    h.act(api, ctx, can_bo, "decide_proposal", {"proposal_decision": "hoan_thien", "decision_reasons": ly_do})


@when(P('{can_bo:CanBo} không chấp thuận đề xuất vì "{ly_do}"'))
def reject(api, ctx, can_bo, ly_do):
    h.act(api, ctx, can_bo, "decide_proposal", {"proposal_decision": "tu_choi", "decision_reasons": ly_do})


@when(P("{can_bo:CanBo} không chấp thuận đề xuất mà không nêu lý do"))
def reject_without_reasons(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "decide_proposal", {"proposal_decision": "tu_choi"}, ok=False)


# -- adoption ----------------------------------------------------------------------------------------------------
@when(P('{can_bo:CanBo} báo cáo đã ban hành văn bản "{so_hieu}"'))
def adopted(api, ctx, can_bo, so_hieu):
    h.act(api, ctx, can_bo, "track_adoption", {"adoption_status": "da_ban_hanh", "adopted_document": so_hieu,
                                                "adopted_on": h.local_date(0)})


@when(P("{can_bo:CanBo} báo cáo đã ban hành mà không ghi số văn bản"))
def adopted_without_number(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "track_adoption", {"adoption_status": "da_ban_hanh", "adopted_on": h.local_date(0)},
          ok=False)


@when(P('{can_bo:CanBo} báo cáo đang thực hiện "{tien_do}"'))
def in_progress(api, ctx, can_bo, tien_do):
    h.act(api, ctx, can_bo, "track_adoption", {"adoption_status": "dang_thuc_hien", "progress_note": tien_do})


@when(P('{can_bo:CanBo} đôn đốc "{noi_dung}"'))
def urge(api, ctx, can_bo, noi_dung):
    (task,) = [t for t in h.inbox(api, can_bo, ctx["case_id"]) if t["element_id"] in ("urge_decision", "urge_adoption")]
    h.act(api, ctx, can_bo, task["element_id"], {"instruction": noi_dung})
