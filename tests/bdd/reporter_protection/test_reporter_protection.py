"""Scenarios of features/reporter_protection*.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("reporter_protection.feature", "reporter_protection_thoi_han.feature")
