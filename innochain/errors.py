"""The root error and its leaves. Every message says what happened and what to do."""

from __future__ import annotations


class InnoChainError(Exception):
    """Root of every error InnoChain raises on purpose; the CLI prints it as one line."""


class ConfigError(InnoChainError):
    """A setting, flag or URI is wrong."""


class BackendUnavailable(InnoChainError):
    """The graph backend cannot be reached, started or authenticated against."""


class QueryPackError(InnoChainError):
    """A query pack file is malformed, or a query was asked for with wrong parameters."""


class LoadError(InnoChainError):
    """A file cannot be loaded at all (missing, unreadable, wrong columns)."""


class ParameterTypeError(InnoChainError):
    """A query parameter is not a plain type (str, int, float, bool, None, list, map)."""
