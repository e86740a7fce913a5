"""Fixtures for every test: a fresh, seeded database per test and API clients."""
from __future__ import annotations

import pytest

from workflow_app import clock
from workflow_app.extensions import db

from .support import Api, TestDatabase


@pytest.fixture(scope="session")
def test_database():
    database = TestDatabase()
    yield database
    database.cleanup()


@pytest.fixture
def app(test_database):
    clock.reset()
    application = test_database.new_app()
    ctx = application.app_context()
    ctx.push()
    yield application
    db.session.remove()
    ctx.pop()
    with application.app_context():
        db.engine.dispose()
    clock.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api(client):
    return Api(client)
