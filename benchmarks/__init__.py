"""Benchmarks: `python -m benchmarks` (see __main__.py); each bench_*.py also runs alone."""
