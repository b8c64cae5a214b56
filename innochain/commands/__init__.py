"""The CLI commands, one module each."""
