from .ideas import Idea, IdeaState, SuppressedSpam
from .quotas import Quota
from .registrations import (
    EDITABLE_STATES,
    SENT_STATES,
    Argument,
    FileKind,
    Implementer,
    Kind,
    Registration,
    RegistrationFile,
    RegistrationState,
    Transition,
)

__all__ = [
    "EDITABLE_STATES",
    "SENT_STATES",
    "Argument",
    "FileKind",
    "Idea",
    "IdeaState",
    "Implementer",
    "Kind",
    "Quota",
    "Registration",
    "RegistrationFile",
    "RegistrationState",
    "SuppressedSpam",
    "Transition",
]
