#!/usr/bin/env python3
"""Aggregates program_learning_snip.jsonl into .json (rows: id, metric, value, unit, anchor, command)
and .md. Usage: snip_report.py RAW.jsonl OUT_BASE COMMAND"""
import json
import statistics
import sys
import time
from collections import defaultdict

raw, base, command = sys.argv[1:4]
lines = [json.loads(l) for l in open(raw) if l.strip()]
retrieval = [r for r in lines if r["kind"] == "retrieval"]
search = [r for r in lines if r["kind"] == "search"]
rows = []
md = ["# SNIP: formula-data retrieval and a data prior for symbolic regression (issue 16 §3)", "",
      f"Command: `{command}` ({time.strftime('%Y-%m-%d')}). Encoders trained on generated formulas "
      "of the Koza library (add, sub, mul, div, sin, cos, exp, log; one variable; 2-20 tokens; 20 "
      "points per formula on [-1,1], [0,2] or [0,4]); held-out formulas are canonically distinct "
      "from every training formula. Retrieval: each held-out data set ranks all held-out formulas by "
      "cosine similarity (and each formula all data sets).", ""]
if retrieval:
    r = retrieval[-1]
    md += ["| corpus | held out | steps | final loss | train CPU s | data→formula top-1 | top-5 | "
           "formula→data top-1 | top-5 |", "|---|---|---|---|---|---|---|---|---|",
           f"| {r['corpus']:,} | {r['held_out']:,} | {r['steps']} | {r['final_loss']:.3f} | "
           f"{r['train_cpu_s']:.0f} | {r['data_to_formula_top1']:.3f} | {r['data_to_formula_top5']:.3f}"
           f" | {r['formula_to_data_top1']:.3f} | {r['formula_to_data_top5']:.3f} |", ""]
    for name in ["data_to_formula_top1", "data_to_formula_top5", "formula_to_data_top1",
                 "formula_to_data_top5"]:
        rows.append({"id": f"snip/retrieval/{name}", "metric": name, "value": r[name],
                     "unit": "fraction", "anchor": f"among {r['held_out']} held-out formulas",
                     "command": command})
by = defaultdict(list)
for r in search:
    mode = f"{r['mode']} (K={r['k']})"
    by[(mode, r["problem"], r["prior"])].append(r)
if search:
    md += ["Search with and without the prior (the K training formulas nearest to the problem's "
           "training data in the first batch), same budget of the search thread's CPU seconds; "
           "recovered = symbolically equivalent to the ground truth. Prior R² = the best training R² "
           "among the retrieved formulas as they are.", "",
           "| mode | problem | recovered, no prior | recovered, SNIP prior | median CPU s, no prior | "
           "median CPU s, prior | median prior R² |", "|---|---|---|---|---|---|---|"]
    keys = sorted({(m, p) for m, p, _ in by}, key=lambda t: (t[0], int(t[1].split("-")[1])))
    totals = defaultdict(lambda: [0, 0])
    for mode, prob in keys:
        a, b = by[(mode, prob, "none")], by[(mode, prob, "snip")]
        rec = lambda rs: sum(x["recovered"] for x in rs)
        med = lambda rs, f: statistics.median(x[f] for x in rs) if rs else float("nan")
        md.append(f"| {mode} | {prob} | {rec(a)}/{len(a)} | {rec(b)}/{len(b)} | "
                  f"{med(a, 'seconds'):.2f} | {med(b, 'seconds'):.2f} | "
                  f"{med(b, 'prior_best_r2'):.3f} |")
        for prior, rs in [("none", a), ("snip", b)]:
            totals[(mode, prior)][0] += rec(rs)
            totals[(mode, prior)][1] += len(rs)
    md.append("")
    for (mode, prior), (n, of) in sorted(totals.items()):
        md.append(f"- {mode}, prior {prior}: {n}/{of} recovered ({n / of:.1%})")
        rows.append({"id": f"snip/search/{mode}/{prior}", "metric": "recovery", "value": n / of,
                     "unit": "fraction", "anchor": "same search without the prior", "command": command})
json.dump({"benchmark": "program_learning_snip", "date": time.strftime("%Y-%m-%d"), "rows": rows},
          open(base + ".json", "w"), indent=1)
open(base + ".md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
