"""The one error family of the library: refusals a user can act on.

Every refusal raises a :class:`PpidError` whose message says, in Indonesian, what is wrong and
whose ``saran`` (hint) says what to do next. The CLI prints ``Error: <pesan> — <saran>`` and exits
with code 1; nothing in the workspace has been written when one is raised.
"""

from __future__ import annotations


class PpidError(Exception):
    """A refusal: bad input, a rule that forbids the step, a lock held too long."""

    def __init__(self, pesan: str, saran: str = "") -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran

    def __str__(self) -> str:
        return f"{self.pesan} — {self.saran}" if self.saran else self.pesan


class ConfigError(PpidError):
    """ppidctl.toml is missing, malformed or incomplete."""


class WorkspaceError(PpidError):
    """No workspace found, or one already exists where init was asked to create one."""


class RegisterError(PpidError):
    """A register file cannot be read as the schema declares it."""


class RuleError(PpidError):
    """A step the rules forbid: order, deadline, missing document, inconsistent reason."""


class NotFoundError(PpidError):
    """A registration number that is not in the register, or is ambiguous."""


class LockTimeout(PpidError):
    """Another command held the workspace lock longer than the configured wait."""


class TemplateError(PpidError):
    """A letter template that cannot be rendered: syntax, unknown variable, corrupt file."""
