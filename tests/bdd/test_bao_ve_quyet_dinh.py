"""Scenarios of features/bao_ve_quyet_dinh.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("bao_ve_quyet_dinh.feature")
