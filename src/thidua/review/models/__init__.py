from .councils import Aggregate, Band, Council, CouncilMember, CouncilState, Grade, MemberRole
from .scoring import Assignment, Decision, Exclusion, Outcome, Proposal, Score

__all__ = [
    "Aggregate",
    "Assignment",
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
