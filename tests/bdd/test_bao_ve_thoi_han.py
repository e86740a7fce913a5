"""Scenarios of features/bao_ve_thoi_han.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("bao_ve_thoi_han.feature")
