"""Scenarios of features/inspection_supervision.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("inspection_supervision.feature")
