"""Scenarios of features/liability_exemption*.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("liability_exemption.feature", "liability_exemption_thoi_han.feature")
