#!/usr/bin/env python3
"""What the benchmark scripts share about wrk runs: recording one run, reading them back, medians.

As a command, records one run (exit status 3 asks for a retry: other processes were busy):
  runs.py record KEYS.json WRKJSON_LINE RUNS.jsonl DISCARDED.jsonl QUIET.json DURING.json \
          ATTEMPT RETRIES QUIET_PCT
KEYS.json names the run, e.g. {"engine": "sqlite", "scenario": "detail", "round": 2}; the line is
what bench/lib/report.lua printed after "WRKJSON "; QUIET.json and DURING.json come from
cpuwatch.py (the machine before and during the run).
"""
import json
import statistics
import sys


def median(xs):
    return statistics.median(xs) if xs else None


def medians(rs):
    """The median rate and percentiles of runs, and their errors summed."""
    return {
        "rps": median([r["rps"] for r in rs]),
        "p50_ms": median([r["p50_ms"] for r in rs]),
        "p99_ms": median([r["p99_ms"] for r in rs]),
        "errors": sum(sum(r["errors"].values()) for r in rs),
    }


def read(argv):
    """summarize.py's arguments RUNS.jsonl META.json OUT.json [DISCARDED.jsonl] → (meta, runs, discarded, out)."""
    runs_path, meta_path, out_path = argv[1:4]
    meta = json.load(open(meta_path))
    runs = [json.loads(line) for line in open(runs_path) if line.strip()]
    discarded = []
    if len(argv) > 4:
        discarded = [json.loads(line) for line in open(argv[4]) if line.strip()]
    return meta, runs, discarded, out_path


def foreign_cpu(r):
    return r.get("machine_during", {}).get("foreign_cpu_pct", 0.0)


def record(args):
    keys, line, runs, discarded, quiet, during, attempt, retries, limit = args
    r = {**json.loads(keys), **json.loads(line),
         "machine_before": json.loads(quiet), "machine_during": json.loads(during)}
    bg = foreign_cpu(r)
    noisy = bg > float(limit)
    retry = noisy and int(attempt) < int(retries)
    if noisy and not retry:
        r["noisy"] = True
    with open(discarded if retry else runs, "a") as f:
        f.write(json.dumps(r) + "\n")
    e = sum(r["errors"].values())
    engine = f"{r['engine']:<10} " if "engine" in r else ""
    print(f"  {engine}round {r['round']}  {r['scenario']:<16} {r['rps']:>10,.0f} req/s  p50 {r['p50_ms']:7.2f} ms"
          f"  p99 {r['p99_ms']:7.2f} ms  other cpu {bg:5.1f}%"
          + (f"  ERRORS {r['errors']}" if e else "")
          + ("  -> discarded, retrying" if retry else "  (noisy, kept)" if noisy else ""), flush=True)
    return 3 if retry else 0


if __name__ == "__main__":
    if len(sys.argv) != 11 or sys.argv[1] != "record":
        sys.exit(__doc__)
    sys.exit(record(sys.argv[2:]))
