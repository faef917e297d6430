"""Trusted writes: the one mechanism behind "changes through its buttons
only".

A protected write must come from the model's own checked method, never from
a client. XML-RPC and JSON-RPC callers choose their whole ``context``, so a
context *key* proves nothing; a context *value* that is this module's private
object does: no client can send a Python object, only strings, numbers,
lists and dicts. The checked methods mark the write with :func:`trusted`;
:func:`is_trusted` tells the guards (``kpa.guard.mixin``) it came from them.
"""

_TRUSTED = object()
CONTEXT_KEY = "kpa_trusted"


def trusted(records):
    """``records`` in an environment whose writes the guards let through.
    Use it only around the write of a checked method, never for what goes
    back to a client (the value cannot be serialised)."""
    return records.with_context(**{CONTEXT_KEY: _TRUSTED})


def is_trusted(records):
    """Whether ``records`` (or an environment) comes from :func:`trusted`."""
    env = getattr(records, "env", records)
    return env.context.get(CONTEXT_KEY) is _TRUSTED
