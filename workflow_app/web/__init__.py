"""The HTML pages: server-rendered Jinja, light JavaScript from static files only.

Each kind of user has its own blueprint (officials, designers, auditors); this package holds
what they share: login sessions, CSRF, the layout and its navigation, security headers.
"""
from __future__ import annotations

from flask import Flask, request

from .session import csrf, login_manager


def register(app: Flask) -> None:
    login_manager.init_app(app)
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)   # the API uses bearer tokens
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    csrf.init_app(app)

    from . import auth_views, nav, officials
    app.register_blueprint(auth_views.bp)
    app.register_blueprint(officials.bp)
    nav.install(app)

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
