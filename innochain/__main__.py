"""`python -m innochain` runs the CLI."""

from innochain.cli import main

main()
