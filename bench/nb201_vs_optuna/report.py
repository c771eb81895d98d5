#!/usr/bin/python3
"""Folds the JSON lines of run.sh into bench/results/nb201.json and a Markdown table."""
import json, platform, subprocess, sys, time

lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out_json, out_md, optuna_version = sys.argv[2], sys.argv[3], sys.argv[4]
quality = [l for l in lines if "queries" in l]
over = {}
for l in lines:
    if "ask_tell_ms_first_1000" in l:
        over[(l["system"], l["algorithm"])] = l
algos = []
for l in quality:
    key = (l["system"], l["algorithm"])
    if key not in algos:
        algos.append(key)
budgets = sorted({l["queries"] for l in quality})
doc = {"benchmark": "nas-bench-201 cifar10 test accuracy, best within Q distinct queries",
       "optimum": 94.3733, "optuna_version": optuna_version,
       "date": time.strftime("%Y-%m-%d"), "machine": platform.machine() + ", " + str(__import__("os").cpu_count()) + " cores",
       "results": quality, "overhead": list(over.values())}
json.dump(doc, open(out_json, "w"), indent=2)
md = ["# NAS-Bench-201: Gyrus vs Optuna " + optuna_version, "",
      "Mean best CIFAR-10 test accuracy (%%) within Q distinct queries, ± std over %d seeded repeats (seed %s). Optimum 94.37." % (quality[0]["repeats"], quality[0]["seed"]), "",
      "| system | algorithm | " + " | ".join("Q=%d" % q for q in budgets) + " | found optimum at Q=%d |" % budgets[-1],
      "|---|---|" + "---|" * len(budgets) + "---|"]
for s, a in algos:
    cells = []
    found = "-"
    for q in budgets:
        r = next((l for l in quality if l["system"] == s and l["algorithm"] == a and l["queries"] == q), None)
        cells.append("%.3f ± %.3f" % (r["mean_best"], r["std_best"]) if r else "-")
        if r and q == budgets[-1]:
            found = "%d/%d" % (r["found_optimum"], r["repeats"])
    md.append("| %s | %s | %s | %s |" % (s, a, " | ".join(cells), found))
md += ["", "Mean ask+tell time per trial (ms; wall clock, and CPU time of the calling thread), one study of N trials, no dedupe (as Optuna):", "",
       "| system | algorithm | N | wall, first 1,000 | wall, last 1,000 | CPU, first 1,000 | CPU, last 1,000 |", "|---|---|---|---|---|---|---|"]
for (s, a), l in over.items():
    md.append("| %s | %s | %d | %.3f | %.3f | %s | %s |" % (s, a, l["overhead_trials"], l["ask_tell_ms_first_1000"], l["ask_tell_ms_last_1000"],
              "%.3f" % l["ask_tell_cpu_ms_first_1000"] if "ask_tell_cpu_ms_first_1000" in l else "-",
              "%.3f" % l["ask_tell_cpu_ms_last_1000"] if "ask_tell_cpu_ms_last_1000" in l else "-"))
md += ["", "Reproduce: `bench/nb201_vs_optuna/run.sh %d %s` (shared 2-core machine; timings are noisy, quality numbers are exact for the seeds)." % (quality[0]["repeats"], quality[0]["seed"])]
open(out_md, "w").write("\n".join(md) + "\n")
