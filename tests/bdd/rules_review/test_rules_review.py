"""Scenarios of features/rules_review.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("rules_review.feature")
