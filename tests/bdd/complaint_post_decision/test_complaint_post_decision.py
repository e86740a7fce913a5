"""Scenarios of features/complaint_post_decision*.feature; the steps are in conftest.py."""
from pytest_bdd import scenarios

scenarios("complaint_post_decision.feature", "complaint_post_decision_thoi_han.feature",
          "complaint_post_decision_bao_mat.feature")
