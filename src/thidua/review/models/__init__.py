from thidua.review.enums import Aggregate, AssignmentState, CouncilState, MemberRole, Outcome

from .councils import Band, Council, CouncilMember, Grade
from .scoring import Assignment, Decision, Exclusion, Proposal, Score

__all__ = [
    "Aggregate",
    "Assignment",
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
    "Score",
]
