"""`innochain demo`: build the demo park graph from seed_data/, then open the dashboard."""

from __future__ import annotations

import click

from innochain.commands.options import settings_from, uri_option
from innochain.demo_build import DemoBuild, StepResult, build_demo
from innochain.graph.store import redact_uri


def _progress(number: int, total: int, step: StepResult) -> None:
    warn = f", {step.rejects} rows rejected" if step.rejects else ""
    click.echo(f"[{number:>2}/{total}] {step.title}: {step.detail}{warn} ({step.seconds:.1f} s)")


def _summary(result: DemoBuild) -> None:
    click.echo("nodes 节点: " + ", ".join(f"{k} {v}" for k, v in result.node_counts.items()))
    click.echo("relationships 关系: "
               + ", ".join(f"{k} {v}" for k, v in result.rel_counts.items()))
    click.echo(f"demo graph built in {result.seconds:.1f} s; patent records marked "
               "synthetic-demo are generated, not real; park members are fictional")


@click.command()
@uri_option
@click.option("--rebuild", is_flag=True, help="Clear the graph before building.")
@click.option("--build-only", is_flag=True, help="Build the graph and stop (no dashboard).")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True,
              help="TCP port of the dashboard.")
def demo(uri: str | None, rebuild: bool, build_only: bool, port: int) -> None:
    """Build the demo PV park (演示园区) from seed_data/ and open the dashboard."""
    from innochain.graph.connect import open_store

    settings = settings_from(uri)
    click.echo(f"building the demo park into {redact_uri(settings.graph_uri)}")
    store = open_store(settings)
    try:
        result = build_demo(store, rebuild=rebuild, progress=_progress)
    finally:
        store.close()
    _summary(result)
    if build_only:
        return
    _open_dashboard(uri, port)


def _open_dashboard(uri: str | None, port: int) -> None:
    try:
        from innochain.commands.dashboard import dashboard
    except ImportError:
        click.echo("the dashboard is not installed here; the graph is ready for "
                   "`innochain query` and `innochain report`")
        return
    click.get_current_context().invoke(dashboard, uri=uri, port=port, host="127.0.0.1")
