"""Scenarios of features/periodic_review.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("periodic_review.feature")
