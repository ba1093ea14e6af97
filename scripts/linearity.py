#!/usr/bin/env python3
"""Prints, for each case of `cargo bench --bench pathological`, the median
times at n and 4n bytes and their ratio (about 4 when linear, 16 when
quadratic), from criterion's target/criterion/pathological/*/*/new/estimates.json.
Every size n measured with 4n (`PATHOLOGICAL_BYTES`) gives a line."""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "target/criterion/pathological"
print(f"{'case':<20} {'n (bytes)':>10} {'n (ms)':>10} {'4n (ms)':>10} {'ratio':>6}")
for case in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "report"):
    times = {}
    for size in case.iterdir():
        est = size / "new/estimates.json"
        if size.name.isdigit() and est.exists():
            times[int(size.name)] = json.loads(est.read_text())["median"]["point_estimate"] / 1e6
    for n, tn in sorted(times.items()):
        if 4 * n in times:
            t4n = times[4 * n]
            print(f"{case.name:<20} {n:>10} {tn:>10.2f} {t4n:>10.2f} {t4n / tn:>6.2f}")
