#!/usr/bin/env python3
"""Turns the per-run records of bench/hazards/run.sh into a table and results/latest.json.

usage: summarize.py RUNS.jsonl META.json OUT.json [DISCARDED.jsonl]
RUNS.jsonl: one object per wrk run: {"engine", "scenario", "round", <fields printed by wrk.lua>, ...}
META.json:  {"engines": [{"engine", "scenarios": [{"name", "kind", "label", "path"}], ...}],
             "target_p99_ms": {kind: ms}, ...}
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from runs import foreign_cpu as bg, medians, read  # noqa: E402


def main():
    meta, runs, discarded, out_path = read(sys.argv)
    targets = meta["target_p99_ms"]
    quiet = meta["params"]["quiet_pct"]

    missed, noisy = [], []
    for eng in meta["engines"]:
        for sc in eng["scenarios"]:
            rs = sorted((r for r in runs if r["engine"] == eng["engine"] and r["scenario"] == sc["name"]),
                        key=lambda r: r["round"])
            target = targets[sc["kind"]]
            m = medians(rs)
            sc.update(runs=rs, median=m, target_p99_ms=target,
                      met=bool(rs) and m["p99_ms"] <= target and m["errors"] == 0)
            if rs and not sc["met"]:
                missed.append(f"{eng['engine']}/{sc['name']}")
            noisy += [f"{eng['engine']}/{r['scenario']}#{r['round']} ({bg(r):.0f}%)" for r in rs if bg(r) > quiet]

    result = dict(meta, verdict={"met": not missed, "missed": missed, "noisy_runs": noisy}, discarded=discarded)
    with open(out_path, "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")

    rows = [("engine", "scenario", "p50 ms", "p99 ms", "target", "", "req/s", "errors", "other cpu %",
             "per-run p99 ms")]
    for eng in meta["engines"]:
        for sc in eng["scenarios"]:
            if not sc["runs"]:
                continue
            m = sc["median"]
            rows.append((eng["engine"], sc["name"], f"{m['p50_ms']:.2f}", f"{m['p99_ms']:.2f}",
                         f"<= {sc['target_p99_ms']}", "ok" if sc["met"] else "MISSED", f"{m['rps']:,.0f}",
                         str(m["errors"]), f"{max(bg(r) for r in sc['runs']):.0f}",
                         " ".join(f"{r['p99_ms']:.1f}" for r in sc["runs"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print()
    for i, r in enumerate(rows):
        print("  ".join(c.ljust(w) if j < 2 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print("(p50/p99: medians of the per-run percentiles; other cpu: the most that processes outside the")
    print(" benchmark used during any run of the row, in % of one core)")
    for eng in meta["engines"]:
        load = eng["manifest"].get("load", {})
        size = eng["size"].get("database_bytes", 0)
        print(f"{eng['engine']}: {eng['manifest']['count']:,} hazards, {eng['manifest'].get('events', 0):,} events, "
              f"{size / 2**30:.1f} GiB; loaded at {load.get('rows_per_second', 0):,.0f} rows/s, "
              f"{load.get('total_seconds', 0) / 60:.1f} min in all"
              + (" (in this run)" if eng["loaded_in_this_run"] else f" ({eng['manifest'].get('loaded_at', '?')})"))
    if discarded:
        print(f"{len(discarded)} run(s) were redone because other processes were busy during them")
    if noisy:
        print("WARNING: other processes were busy during: " + ", ".join(noisy) + "; those figures are high")
    print(f"targets (p99): list <= {targets['list']} ms, detail <= {targets['detail']} ms, "
          f"statistics <= {targets['stats']} ms  => {'MET' if not missed else 'MISSED: ' + ', '.join(missed)}")
    print(f"raw results: {out_path}")


if __name__ == "__main__":
    main()
