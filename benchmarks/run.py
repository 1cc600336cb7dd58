"""Run every benchmark module of this folder that has a ``main()`` (what ``make bench`` calls).

    python -m benchmarks.run                    # all of them
    python -m benchmarks.run bench_summary_speed  # only the named modules

A benchmark that fails is reported and the others still run; the exit code is then 1.
"""
from __future__ import annotations

import importlib
import inspect
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmark_modules() -> list[str]:
    """Module names in benchmarks/ (sorted) except this runner and the package itself."""
    return sorted(p.stem for p in HERE.glob("*.py") if p.stem not in ("__init__", "run") and not p.stem.startswith("_"))


def run_one(name: str) -> bool:
    module = importlib.import_module(f"benchmarks.{name}")
    main = getattr(module, "main", None)
    if not callable(main):
        return True
    print(f"=== benchmarks.{name}", flush=True)
    saved_argv, sys.argv = sys.argv, [f"benchmarks.{name}"]  # a main() that parses sys.argv sees no options
    start = time.perf_counter()
    try:
        accepts_argv = bool(inspect.signature(main).parameters)
        code = main([]) if accepts_argv else main()
    except SystemExit as exit_:
        code = exit_.code
    except Exception:  # report and carry on with the other benchmarks
        traceback.print_exc()
        code = 1
    finally:
        sys.argv = saved_argv
    print(f"=== benchmarks.{name}: {'ok' if not code else f'failed ({code})'} in {time.perf_counter() - start:.1f} s\n", flush=True)
    return not code


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or benchmark_modules()
    unknown = [n for n in names if n not in benchmark_modules()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(benchmark_modules())}", file=sys.stderr)
        return 2
    failed = [name for name in names if not run_one(name)]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
