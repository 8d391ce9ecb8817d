"""ppidctl — the PPID's registers of information requests and objections, as plain files.

The library API: ``from ppidctl import Workspace``. Heavy modules load only when used.
"""

__version__ = "0.1.0"
__all__ = ["Workspace", "PpidError", "__version__"]


def __getattr__(name: str):
    if name == "Workspace":
        from .workspace import Workspace

        return Workspace
    if name == "PpidError":
        from .errors import PpidError

        return PpidError
    raise AttributeError(name)
