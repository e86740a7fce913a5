"""Errors a use case raises; the API and the pages turn them into status codes."""
from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class Invalid(ServiceError):
    """Invalid data; `errors` holds per-field messages in Vietnamese."""

    status = 422
