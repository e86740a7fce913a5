"""The Flask application factory.

`create_app()` wires the extensions, the JSON API, the CLI and the database behaviour;
nothing process-specific lives here (that is bpmn/, forms/ and handlers/).
"""
from __future__ import annotations

from flask import Flask

from . import config as config_module
from .extensions import db, migrate


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, static_folder="web/static",
                template_folder="web/templates",
                static_url_path="/static")
    app.config.update(config_module.load(app.instance_path, overrides))
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()))
    with app.app_context():
        from . import db_setup, models  # noqa: F401  (models register their tables)
        db_setup.configure(db.engine)

    from .api import register as register_api
    register_api(app)

    from .web import register as register_web
    register_web(app)

    from .cli import register as register_cli
    register_cli(app)
    return app


def _migrations_dir():
    from pathlib import Path
    return Path(__file__).resolve().parent.parent / "migrations"
