#!/usr/bin/python3
"""Summarises bench/planning/run.sh's raw lines into bench/results/planning{,_optimal}.{json,md}."""
import json, os, statistics, sys
from collections import OrderedDict

raw, timeout, mode, wall, command = sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
name = sys.argv[6] if len(sys.argv) > 6 else ("planning" if mode == "sat" else "planning_optimal")
clock = "CPU" if len(sys.argv) <= 7 else sys.argv[7]
rows = [json.loads(l) for l in open(raw, encoding="utf-8") if l.strip()]
for r in rows:  # runs before the CPU-time limit recorded wall time only
    r.setdefault("cpu_seconds", r.get("seconds"))
by = OrderedDict()
for r in rows:
    by.setdefault(r["id"].rsplit("/", 1)[0], []).append(r)

def med(xs):
    return statistics.median(xs) if xs else None

out_rows, table, invalid = [], [], []
anchor = "Fast Downward/LAMA standard: >= 95% coverage at 60 s, 4 GB per instance"
tot_n = tot_ok = tot_unsolv = 0
for dom, rs in by.items():
    solved = [r for r in rs if r["status"] == "SOLVED" and r.get("valid") is True]
    unsolv = [r for r in rs if r["status"] == "UNSOLVABLE"]
    invalid += [r["id"] for r in rs if r["status"] == "SOLVED" and r.get("valid") is not True]
    n, ok = len(rs), len(solved) + len(unsolv)
    tot_n, tot_ok, tot_unsolv = tot_n + n, tot_ok + ok, tot_unsolv + len(unsolv)
    t = med([r["cpu_seconds"] for r in solved])
    length = med([r["length"] for r in solved])
    mem = max([r.get("peak_heap_mb", 0) for r in rs if "peak_heap_mb" in r] or [0])
    table.append((dom, n, len(solved), len(unsolv), 100.0 * ok / n, t, length,
                  statistics.mean([r["length"] for r in solved]) if solved else None, mem))
    for metric, value, unit in [("coverage", 100.0 * ok / n, "%"), ("solved", len(solved), "instances"),
                                ("proven_unsolvable", len(unsolv), "instances"),
                                ("median_cpu_seconds_solved", t, "s"), ("median_plan_length", length, "steps"),
                                ("max_peak_heap", mem, "MB")]:
        out_rows.append({"id": f"planning/{mode}/{dom}", "metric": metric, "value": value, "unit": unit,
                         "anchor": anchor if metric == "coverage" else "", "command": command})
cov = 100.0 * tot_ok / tot_n if tot_n else 0
out_rows.insert(0, {"id": f"planning/{mode}/all", "metric": "coverage", "value": cov, "unit": "%",
                    "anchor": anchor, "command": command})
out_rows.insert(1, {"id": f"planning/{mode}/all", "metric": "invalid_plans", "value": len(invalid),
                    "unit": "plans", "anchor": "0 (every plan validated)", "command": command})
res = os.path.join(os.path.dirname(raw), name)
detail = {"rows": out_rows, "timeout_cpu_seconds": timeout, "wall_seconds_total": wall, "mode": mode,
          "instances": rows, "invalid": invalid,
          "unsolvable_proven": [r["id"] for r in rows if r["status"] == "UNSOLVABLE"],
          "not_solved": [r["id"] for r in rows if r["status"] not in ("SOLVED", "UNSOLVABLE")]}
json.dump(detail, open(res + ".json", "w", encoding="utf-8"), indent=1)
with open(res + ".md", "w", encoding="utf-8") as f:
    title = ("satisficing (lama-first: lazy GBFS alternating FF and landmark count, preferred operators;"
             " plain FF GBFS joins after 50k expansions)"
             if mode == "sat" else "optimal (A*, LM-cut)")
    f.write(f"# Classical planning: IPC 1998-2002, {title}\n\n")
    f.write(f"`{command}` (GYRUS_DATA=../shared/data); limit {timeout:g} s {clock} per instance, 4 GB heap, "
            f"one JVM, {wall} s wall in all. Every plan re-simulated by the independent validator: "
            f"{len(invalid)} invalid.\n\n")
    f.write(f"**Coverage {tot_ok}/{tot_n} = {cov:.1f}%** (goal >= 95%; proven unsolvable count as solved: "
            f"{tot_unsolv}).\n\n")
    f.write(f"| domain | instances | solved | proven unsolvable | coverage | median {clock} s (solved) | "
            "median plan length | mean plan length | max heap MB |\n|---|---|---|---|---|---|---|---|---|\n")
    for dom, n, s, u, c, t, l, ml, mem in table:
        fmt = lambda x, p: "-" if x is None else f"{x:.{p}f}"
        f.write(f"| {dom} | {n} | {s} | {u} | {c:.1f}% | {fmt(t, 2)} | {fmt(l, 0)} | {fmt(ml, 1)} | {mem:.0f} |\n")
    f.write("\nNot solved within the limit: " + (", ".join(detail["not_solved"]) or "none") + ".\n")
    f.write("\nProven unsolvable: " + (", ".join(detail["unsolvable_proven"]) or "none") + ".\n")
print(f"coverage {tot_ok}/{tot_n} = {cov:.1f}%, invalid {len(invalid)}; wrote {res}.json and {res}.md")
