#!/usr/bin/env python3
"""CPU use on the machine by processes that are not part of the benchmark.

usage: cpuwatch.py during ROOT_PID START DELAY WINDOW -> JSON for [START+DELAY, START+DELAY+WINDOW]
                                                         (START: Unix time, e.g. `date +%s.%N`)
       cpuwatch.py wait ROOT_PID MAX_PCT TIMEOUT  -> waits until foreign use < MAX_PCT (1 s samples)

"Foreign" CPU is user+nice+system time of the whole machine minus the time of ROOT_PID's
descendants (the servers, nginx workers and wrk that run.sh started), in percent of one core.
Interrupt and softirq time (loopback networking) is not counted as foreign. Steal time (the
hypervisor running someone else on our vCPUs) is reported separately.
"""
import json
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal
    return {"busy": v[0] + v[1] + v[2], "irq": v[5] + v[6], "steal": v[7]}


def children():
    kids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                s = f.read()
        except OSError:
            continue
        rest = s[s.rfind(")") + 2:].split()
        kids.setdefault(int(rest[1]), []).append((int(pid), int(rest[11]) + int(rest[12])))
    return kids


def ours(root):
    """pid -> utime+stime ticks for root and all its descendants."""
    kids, out, todo = children(), {}, [root]
    while todo:
        p = todo.pop()
        for pid, ticks in kids.get(p, []):
            out[pid] = ticks
            todo.append(pid)
    return out


def sample(root, secs):
    m0, o0 = machine(), ours(root)
    time.sleep(secs)
    m1, o1 = machine(), ours(root)
    mine = sum(t - o0.get(p, t) for p, t in o1.items())  # processes alive at both ends
    pct = lambda ticks: round(100.0 * ticks / HZ / secs, 1)
    return {
        "window_s": secs,
        "foreign_cpu_pct": max(0.0, pct(m1["busy"] - m0["busy"] - mine)),
        "benchmark_cpu_pct": pct(mine),
        "irq_cpu_pct": pct(m1["irq"] - m0["irq"]),
        "steal_pct": pct(m1["steal"] - m0["steal"]),
    }


def main():
    mode, root = sys.argv[1], int(sys.argv[2])
    if mode == "during":
        start, delay, window = (float(x) for x in sys.argv[3:6])
        # The window is placed from START, not from now: the interpreter may start late on a busy box.
        begin = start + delay
        time.sleep(max(0.0, begin - time.time()))
        window = start + delay + window - time.time()
        if window < 0.5:
            print(json.dumps({"error": "started too late to measure"}))
            return
        print(json.dumps(sample(root, round(window, 2))))
    elif mode == "wait":
        limit, deadline = float(sys.argv[3]), time.time() + float(sys.argv[4])
        while True:
            s = sample(root, 1.0)
            if s["foreign_cpu_pct"] < limit or time.time() >= deadline:
                print(json.dumps(s))
                return
    else:
        sys.exit("usage: cpuwatch.py during|wait ...")


if __name__ == "__main__":
    main()
