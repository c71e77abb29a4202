from .ideas import Idea, IdeaStatus
from .registrations import (
    EDITABLE_STATES,
    SENT_STATES,
    Argument,
    FileKind,
    Implementer,
    Kind,
    Registration,
    RegistrationFile,
    State,
    Transition,
)

__all__ = [
    "EDITABLE_STATES",
    "SENT_STATES",
    "Argument",
    "FileKind",
    "Idea",
    "IdeaStatus",
    "Implementer",
    "Kind",
    "Registration",
    "RegistrationFile",
    "State",
    "Transition",
]
