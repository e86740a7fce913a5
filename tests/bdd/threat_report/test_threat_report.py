"""Scenarios of features/threat_report*.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("threat_report.feature", "threat_report_thoi_han.feature")
