"""Errors a user can act on: each carries what went wrong and the fix, and prints as one line."""

from __future__ import annotations


class EdgeError(Exception):
    """Base of every error edge raises on purpose."""

    quoted: tuple[str, ...] = ()
    """Text from outside edge that the message quotes (a provider's reason, which may echo the request): shown to
    the user, left out of what is stored."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message}. Fix: {self.fix}"

    def recorded(self, text: str | None = None) -> str:
        """``text`` (default: the whole error) as logs and the store keep it: without the quoted text."""
        text = str(self) if text is None else text
        for quote in self.quoted:
            text = text.replace(quote, "...")
        return text


class ConfigError(EdgeError):
    """The configuration file, environment or code settings are invalid."""


class ModelFileError(EdgeError):
    """A model file is missing, truncated, corrupt or of the wrong format."""


class InputError(EdgeError):
    """The text or audio given to an engine cannot be used."""


def recorded(exc: BaseException) -> str:
    """An exception as logs and the store keep it: an EdgeError without the outside text it quotes."""
    return exc.recorded() if isinstance(exc, EdgeError) else str(exc)


class EngineTimeout(EdgeError):
    """A model call did not finish within its time limit and was abandoned."""


class RoleUnavailable(EdgeError):
    """A role failed to load; the other roles keep working."""


DISTRIBUTION = "edge-runtime"
"""edge's name on PyPI: "edge" there is an unrelated project (Directed Edge's API client, module directed_edge)."""


def install_extra(extra: str) -> str:
    """The command that installs one of edge's optional extras."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"


class MissingExtra(EdgeError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str | None, role: str) -> None:
        super().__init__(
            f"{role} needs the Python package '{package}', which is not installed",
            install_extra(extra) if extra else f"pip install {package} (or rerun scripts/setup)",
        )
