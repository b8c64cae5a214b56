"""Click commands that the innochain CLI registers."""
