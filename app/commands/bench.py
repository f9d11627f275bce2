"""`bench`: the benchmarks whose figures go into the notes.

Every module of app/bench with `run(args) -> int` is one of them: its docstring is its help and
`add_arguments(parser)` its options. Modules without `run` are helpers the benchmarks share.
"""

from __future__ import annotations

import importlib
import pkgutil

import app.bench


def register(commands) -> None:
    parser = commands.add_parser(
        "bench",
        help="measure speed and memory",
        description="Measure speed and memory on this machine and print the figures.",
    )
    targets = parser.add_subparsers(title="benchmarks", metavar="BENCHMARK", required=True)
    for module in pkgutil.iter_modules(app.bench.__path__):
        bench = importlib.import_module(f"app.bench.{module.name}")
        if not hasattr(bench, "run"):
            continue
        target = targets.add_parser(module.name, help=bench.__doc__.splitlines()[0], description=bench.__doc__)
        bench.add_arguments(target)
        target.set_defaults(run=bench.run)
