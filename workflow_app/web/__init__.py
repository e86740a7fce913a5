"""The HTML pages: server-rendered Jinja, light JavaScript from static files only.

Each kind of user has its own blueprint (officials, designers, auditors); this package holds
what they share: login sessions, CSRF, the language (Flask-Babel: Vietnamese by default,
English on request), the layout and its navigation, security headers.
"""
from __future__ import annotations

from flask import Flask
from flask import session as cookie_session
from flask_babel import Babel

from .session import csrf, login_manager

babel = Babel()


def select_locale() -> str:
    """Vietnamese unless the person chose another language (the switch in the layout)."""
    from flask import current_app
    chosen = cookie_session.get("lang")
    return chosen if chosen in current_app.config.get("LANGUAGES", {}) else \
        current_app.config.get("BABEL_DEFAULT_LOCALE", "vi")


def register(app: Flask) -> None:
    login_manager.init_app(app)
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)   # the API uses bearer tokens
    if not app.config.get("SESSION_COOKIE_SAMESITE"):             # Flask's default is None
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from ..services import notifications  # noqa: F401  (mails notifications after each commit)
    from . import auth_views, nav, officials
    from .officials_labels import register_filters
    register_filters(app)
    app.register_blueprint(auth_views.bp)
    app.register_blueprint(officials.bp)
    from .designers import bp as designers_bp; app.register_blueprint(designers_bp)  # noqa: E702 (issue #4)
    from .auditors import bp as auditors_bp; app.register_blueprint(auditors_bp)  # noqa: E702 (issue #5)
    nav.install(app)

    @app.context_processor
    def language():
        return {"languages": app.config.get("LANGUAGES", {}), "current_language": select_locale()}

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
                                    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
