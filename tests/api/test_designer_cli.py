"""`flask bpmn validate PATH`: the same validation as deploy, from the command line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .helpers import BPMN_DIR, HEAD, bpmn_xml

LINT = Path(__file__).resolve().parents[1] / "diagrams" / "lint"


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()

    def run(*args):
        return runner.invoke(args=list(args), catch_exceptions=False)
    return run


def test_the_real_diagrams_are_valid(cli):
    result = cli("bpmn", "validate", str(BPMN_DIR))
    assert result.exit_code == 0, result.output
    assert "protection_request.bpmn: hợp lệ" in result.output


def test_a_broken_diagram_exits_non_zero_with_its_problems(cli):
    result = cli("bpmn", "validate", str(LINT / "no-implicit-end.bpmn"))
    assert result.exit_code == 1
    assert "1 lỗi" in result.output
    assert "escalate: Nhiệm vụ người dùng 'Đôn đốc' không có luồng ra" in result.output


def test_json_output_is_only_json(cli, tmp_path):
    for name in ("_valid", "label-required"):
        shutil.copy(LINT / f"{name}.bpmn", tmp_path)
    result = cli("bpmn", "validate", "--json", str(tmp_path))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report[str(tmp_path / "_valid.bpmn")] == []
    assert [p["element_id"] for p in report[str(tmp_path / "label-required.bpmn")]] == ["review"]


def test_a_folder_validates_its_diagrams_together(cli, tmp_path):
    """A process calling another of the same folder finds it there, deployed or not."""
    (tmp_path / "caller.bpmn").write_bytes(
        (LINT / "call-activity-target.bpmn").read_bytes().replace(b'calledElement="khong_co"',
                                                                   b'calledElement="callee"')
        .replace(b'id="lint_probe"', b'id="caller"'))
    (tmp_path / "callee.bpmn").write_bytes((LINT / "_valid.bpmn").read_bytes()
                                           .replace(b'id="lint_probe"', b'id="callee"'))
    result = cli("bpmn", "validate", str(tmp_path))
    assert result.exit_code == 0, result.output
    alone = cli("bpmn", "validate", str(tmp_path / "caller.bpmn"))
    assert alone.exit_code == 1 and "'callee' chưa được triển khai" in alone.output


def test_an_empty_folder_is_an_error(cli, tmp_path):
    assert cli("bpmn", "validate", str(tmp_path)).exit_code == 1


def test_bpmn_deploy_refuses_what_validate_refuses(api, cli, tmp_path):
    (tmp_path / "protection_request.bpmn").write_bytes(
        bpmn_xml().replace(b'days(settings["intake_days"])', b'"P3X"'))
    shutil.copy(BPMN_DIR / "interagency_coordination.bpmn", tmp_path)
    result = cli("bpmn", "deploy", str(tmp_path))
    assert result.exit_code != 0
    assert "timer_intake: Hẹn giờ 'Quá hạn tiếp nhận': giá trị 'P3X' không phải là thời hạn" in result.stderr
    assert api.get(HEAD, "/process-models/protection_request").get_json()["latest_version"] == 1
