"""A command that the README does not name is a command nobody finds."""

from __future__ import annotations

from pathlib import Path

from innochain.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in cli.commands if f"innochain {name}" not in README]
    assert missing == [], f"README.md does not mention: {missing}"


def test_the_readme_names_the_two_setup_commands() -> None:
    assert "make demo" in README and "make test" in README
