from .people import Membership, Person, Role, normalise_phone
from .security import Attempt, AttemptKind
from .units import (
    KIND_LEVEL,
    Succession,
    SuccessionKind,
    Unit,
    UnitKind,
    UnitLevel,
    path_for,
)

__all__ = [
    "KIND_LEVEL",
    "Attempt",
    "AttemptKind",
    "Membership",
    "Person",
    "Role",
    "Succession",
    "SuccessionKind",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "normalise_phone",
    "path_for",
]
