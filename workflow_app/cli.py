"""`flask --app workflow_app ...` commands (the CLI of API.md).

Each command prints what a person needs and exits non-zero with a clear message on bad
input; `--json` variants print nothing but JSON on stdout.
"""
from __future__ import annotations

import json
import sys
import time

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from .extensions import db
from .models import ROLES, Agency, User


def register(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(users)
    app.cli.add_command(agencies)
    app.cli.add_command(bpmn)
    app.cli.add_command(run_timers)
    app.cli.add_command(backup)
    app.cli.add_command(audit_group)
    app.cli.add_command(vault_group)


@click.command("seed-demo")
def seed_demo():
    """Agencies, demo accounts, measures, diagrams and sample cases (idempotent)."""
    from .demo import seed
    result = seed()
    click.echo("Đã nạp dữ liệu mẫu.")
    for pid, version, created in result["deployed"]:
        click.echo(f"  Quy trình {pid}: phiên bản {version}{' (mới)' if created else ''}")
    click.echo(f"  Hồ sơ mẫu tạo mới: {result['samples']}")
    click.echo(f"Tài khoản mẫu (mật khẩu chung: {result['password']}):")
    for username, role, agency in result["accounts"]:
        click.echo(f"  {username:32} {role:20} {agency}")


users = AppGroup("users", help="Manage user accounts.")


@users.command("create")
@click.option("--username", required=True)
@click.option("--role", "roles", required=True, multiple=True, type=click.Choice(ROLES))
@click.option("--agency", required=True)
@click.option("--full-name", default="")
def users_create(username, roles, agency, full_name):
    """Create a user; the password is the first line of stdin."""
    from .auth.passwords import policy_problems
    from .demo import create_user
    if db.session.execute(select(User).where(User.username == username)).scalar_one_or_none():
        raise click.ClickException(f"Tên đăng nhập '{username}' đã tồn tại.")
    if db.session.get(Agency, agency) is None:
        raise click.ClickException(f"Không có cơ quan mã '{agency}'.")
    password = sys.stdin.readline().rstrip("\r\n")
    problems = policy_problems(password)
    if problems:
        raise click.ClickException(" ".join(problems))
    create_user(username, password, list(roles), agency, full_name)
    db.session.commit()
    click.echo(f"Đã tạo người dùng {username}.")


@users.command("list")
@click.option("--json", "as_json", is_flag=True)
def users_list(as_json):
    rows = db.session.execute(select(User).order_by(User.username)).scalars().all()
    items = [{"username": u.username, "roles": u.roles, "agency": u.agency_code} for u in rows]
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False))
    else:
        for item in items:
            click.echo(f"{item['username']:32} {','.join(item['roles']):30} {item['agency']}")


agencies = AppGroup("agencies", help="Agencies.")


@agencies.command("list")
@click.option("--json", "as_json", is_flag=True)
def agencies_list(as_json):
    rows = db.session.execute(select(Agency).order_by(Agency.code)).scalars().all()
    items = [{"code": a.code, "name": a.name} for a in rows]
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False))
    else:
        for item in items:
            click.echo(f"{item['code']:12} {item['name']}")


bpmn = AppGroup("bpmn", help="Diagrams.")


@bpmn.command("deploy")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
def bpmn_deploy(path):
    """Validate and deploy every diagram in PATH that changed."""
    from .services.deploy import deploy_directory
    from .services.errors import Invalid
    try:
        results = deploy_directory(path)
    except Invalid as exc:
        for problem in (exc.errors or {}).get("problems", []):
            click.echo(f"  {problem['element_id'] or '-'}: {problem['message']}", err=True)
        raise click.ClickException(exc.message) from None
    for pid, version, created in results:
        click.echo(f"{pid}: phiên bản {version} {'đã triển khai' if created else 'không đổi'}")


@bpmn.command("validate")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print {file: [problems]} as JSON only.")
def bpmn_validate(path, as_json):
    """Check a diagram (or every *.bpmn in a folder) as deploy would; non-zero exit on problems.

    Diagrams in the same folder may call each other; other called processes must be deployed."""
    from pathlib import Path as _Path

    from .engine import lint
    from .services.deploy import validate
    target = _Path(path)
    files = sorted(target.glob("*.bpmn")) if target.is_dir() else [target]
    batch = {}
    for file in files:
        try:
            batch.update({pid: file.read_bytes() for pid in
                          lint.parse(file.read_bytes()).xpath("./bpmn:process/@id", namespaces=lint.NS)})
        except Exception:  # noqa: BLE001 - a malformed file is reported by validate below
            pass
    report = {str(file): [p.as_dict() for p in validate(file.read_bytes(), extra=batch).problems]
              for file in files}
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        for file, problems in report.items():
            click.echo(f"{file}: {'hợp lệ' if not problems else f'{len(problems)} lỗi'}")
            for problem in problems:
                click.echo(f"  {problem['element_id'] or '-'}: {problem['message']}")
    if not files or any(report.values()):
        if not files and not as_json:
            click.echo("Không có tệp .bpmn nào.", err=True)
        sys.exit(1)


@click.command("run-timers")
@click.option("--loop", is_flag=True, help="Keep running, polling every --interval seconds.")
@click.option("--interval", default=5.0, show_default=True)
def run_timers(loop, interval):
    """Fire due timers, send reminders and render documents left behind, once (or keep doing
    it with --loop, which also opens the review round of a period that has ended, daily).

    The embedded mode's scheduler: with CELERY_BROKER_URL set, Celery beat and its workers do
    this work, so --loop refuses to run beside them."""
    from flask import current_app

    from . import clock
    from .jobs import dispatch, periodic
    app = current_app._get_current_object()
    if loop and app.config.get("CELERY_BROKER_URL"):
        click.echo("CELERY_BROKER_URL đã được đặt: hẹn giờ và việc nền do Celery beat và worker "
                   "đảm nhận (xem scripts/scale.sh), vòng hẹn giờ nhúng không chạy.", err=True)
        return
    last_day = None
    while True:
        today = clock.local_now().date()
        result = periodic.tick(app, review_rounds=loop and today != last_day)
        last_day = today
        fired, reminded = result["fired"], result["reminded"]
        if fired or reminded or not loop:
            click.echo(f"Đã xử lý hẹn giờ của {fired} hồ sơ; nhắc hạn {reminded} nhiệm vụ.")
        if not loop:
            if dispatch.mode(app) == "thread":
                dispatch.wait_idle(app)          # jobs the tick queued, before the process ends
            return
        db.session.remove()
        time.sleep(interval)


@click.command("backup")
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The file to write (must not exist).")
def backup(target):
    """Copy the SQLite database of the embedded mode while it runs (SQLite online backup API).

    PostgreSQL is backed up with pg_dump (README, "Running at scale")."""
    from .backup import BackupRefused, sqlite_backup
    try:
        pages = sqlite_backup(db.engine, target)
    except BackupRefused as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã sao lưu cơ sở dữ liệu vào {target} ({pages} trang).")


audit_group = AppGroup("audit", help="The audit log.")


@audit_group.command("verify")
def audit_verify():
    """Check the hash chain; non-zero exit on a break."""
    from .audit import verify
    result = verify()
    if result["ok"]:
        click.echo(f"Chuỗi nhật ký nguyên vẹn: {result['events']} sự kiện.")
        return
    click.echo(f"Chuỗi nhật ký bị sửa đổi từ sự kiện số {result['first_bad_seq']}.", err=True)
    sys.exit(1)


@audit_group.command("head")
@click.option("--qr", "qr_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the head as a QR code (PNG) to this file.")
def audit_head(qr_file):
    """Print the chain head as "seq hash", to keep outside the system."""
    from .audit import head
    current = head.current()
    click.echo(current.text)
    if qr_file:
        with open(qr_file, "wb") as out:
            out.write(head.qr_png(current))
        click.echo(f"Đã ghi mã QR vào {qr_file}.", err=True)


vault_group = AppGroup("vault", help="Confidential values and encrypted files.")


@vault_group.command("rotate")
def vault_rotate():
    """Re-encrypt every confidential value and stored file under the first VAULT_KEY.

    Put the new key first in VAULT_KEY (comma-separated, old keys after it), run this,
    then remove the old keys."""
    from . import storage, vault
    from .models import StoredFile
    values = vault.rotate_all()
    files = 0
    for row in db.session.execute(select(StoredFile)).scalars():
        storage.rotate(row)
        files += 1
    db.session.commit()
    click.echo(f"Đã mã hóa lại {values} giá trị bảo mật và {files} tệp bằng khóa mới.")
