"""Domain errors. The doors (HTTP, ChatKit, Reflex, agent tools) turn them into their own form."""


class ServiceError(Exception):
    """Base class: `str(error)` is a message fit to show a person."""


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    pass


class Invalid(ServiceError):
    pass
