#!/usr/bin/env python3
"""Turns the per-run records written by run.sh into a table and bench/http/results/latest.json.

usage: summarize.py RUNS.jsonl META.json OUT.json [DISCARDED.jsonl]
RUNS.jsonl: one object per wrk run: {"scenario": ..., "round": n, <fields printed by report.lua>}
META.json:  {"scenarios": [{"name", "label", "url"}...], "target": {...}, ...}
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from runs import foreign_cpu as bg, medians, read  # noqa: E402


def main():
    meta, runs, discarded, out_path = read(sys.argv)

    scenarios = {}
    for sc in meta["scenarios"]:
        rs = sorted((r for r in runs if r["scenario"] == sc["name"]), key=lambda r: r["round"])
        scenarios[sc["name"]] = dict(sc, runs=rs, median=medians(rs))

    # The nginx reference is whichever nginx setting had the higher median rate in this run set.
    nginx = [s for s in scenarios.values() if s["name"].startswith("nginx") and s["runs"]]
    ref = max(nginx, key=lambda s: s["median"]["rps"]) if nginx else None
    for s in scenarios.values():
        if ref is None or not s["runs"]:
            continue
        per_run = []
        for r in s["runs"]:
            other = [x for x in ref["runs"] if x["round"] == r["round"]]
            if other:
                per_run.append(round(r["rps"] / other[0]["rps"], 3))
        s["ratio_to_nginx"] = {
            "of_medians": round(s["median"]["rps"] / ref["median"]["rps"], 3),
            "per_round": per_run,
        }

    t = meta["target"]
    me = scenarios.get("anlan_me")
    verdict = None
    if me and me["runs"] and ref:
        checks = {
            "rps": me["median"]["rps"] >= t["min_rps"],
            "p99": me["median"]["p99_ms"] <= t["max_p99_ms"],
            "ratio": me["ratio_to_nginx"]["of_medians"] >= t["min_ratio_to_nginx"],
        }
        noisy = [f"{r['scenario']}#{r['round']}" for r in me["runs"] + ref["runs"] if r.get("noisy")]
        verdict = {"met": all(checks.values()), "checks": checks, "noisy_runs": noisy}

    result = dict(meta, nginx_reference=ref["name"] if ref else None,
                  scenarios=list(scenarios.values()), verdict=verdict, discarded=discarded)
    with open(out_path, "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")

    # Table.
    rows = [("scenario", "req/s (median)", "p50 ms", "p99 ms", "vs nginx", "errors", "other cpu %",
             "per-run req/s")]
    for s in scenarios.values():
        if not s["runs"]:
            continue
        m = s["median"]
        ratio = s.get("ratio_to_nginx", {}).get("of_medians")
        mark = " (ref)" if ref and s["name"] == ref["name"] else ""
        rows.append((s["label"] + mark, f"{m['rps']:,.0f}", f"{m['p50_ms']:.2f}", f"{m['p99_ms']:.2f}",
                     f"{ratio:.2f}" if ratio is not None else "-", str(m["errors"]),
                     f"{max(bg(r) for r in s['runs']):.0f}",
                     " ".join(f"{r['rps']:.0f}" for r in s["runs"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print()
    for i, r in enumerate(rows):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print("(p50/p99: medians of the per-run percentiles; other cpu: the most that processes outside the")
    print(" benchmark used during any run of the row, in % of one core)")
    if discarded:
        print(f"{len(discarded)} run(s) were redone because other processes were busy during them")
    noisy = [f"{r['scenario']}#{r['round']} ({bg(r):.0f}%)" for r in runs if bg(r) > meta["params"]["quiet_pct"]]
    if noisy:
        print("WARNING: other processes were busy during: " + ", ".join(noisy) + "; numbers are low")
    print()
    if verdict:
        m = me["median"]
        print(f"target: >= {t['min_rps']:,} req/s on GET /api/v1/me with p99 <= {t['max_p99_ms']} ms at "
              f"{meta['params']['connections']} connections, and >= {t['min_ratio_to_nginx']:.0%} of nginx")
        print(f"  rate  {m['rps']:,.0f} req/s  -> {'ok' if verdict['checks']['rps'] else 'MISSED'}")
        print(f"  p99   {m['p99_ms']:.2f} ms      -> {'ok' if verdict['checks']['p99'] else 'MISSED'}")
        print(f"  ratio {me['ratio_to_nginx']['of_medians']:.2f} of {ref['label']} -> "
              f"{'ok' if verdict['checks']['ratio'] else 'MISSED'}")
        print(f"  => target {'MET' if verdict['met'] else 'NOT MET'}"
              + (f" (but other processes were busy during {', '.join(verdict['noisy_runs'])}: rerun)"
                 if verdict["noisy_runs"] else ""))
    print(f"raw results: {out_path}")


if __name__ == "__main__":
    main()
