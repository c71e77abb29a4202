from thidua.review.enums import (
    Aggregate,
    AssignmentState,
    CouncilState,
    MemberRole,
    Outcome,
    RunState,
)

from .councils import Band, Council, CouncilMember, Grade
from .runs import AssignmentRun
from .scoring import Assignment, Decision, Exclusion, Proposal, Score

__all__ = [
    "Aggregate",
    "Assignment",
    "AssignmentRun",
    "AssignmentState",
    "Band",
    "Council",
    "CouncilMember",
    "CouncilState",
    "Decision",
    "Exclusion",
    "Grade",
    "MemberRole",
    "Outcome",
    "Proposal",
    "RunState",
    "Score",
]
