"""Password hashing with argon2; parameters come from the config so tests can be fast."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

MIN_LENGTH = 8


def _hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(time_cost=cfg["ARGON2_TIME_COST"], memory_cost=cfg["ARGON2_MEMORY_COST"])


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def policy_problems(password: str) -> list[str]:
    """Vietnamese reasons why `password` is too weak; empty when acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.")
    if password.isdigit() or password.isalpha():
        problems.append("Mật khẩu phải có cả chữ và số.")
    return problems
