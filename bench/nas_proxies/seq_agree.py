#!/usr/bin/env python3
"""How stable is the trained ground truth of seq.sh? Spearman rho between two pools' validation
accuracies on the models they share (same seed: the same sample), and validation vs test within
each; "trained" leaves out the models whose untrained output is non-finite (all at 0.106).
  python3 bench/nas_proxies/seq_agree.py bench/results/A_pool.jsonl bench/results/B_pool.jsonl"""
import json
import sys

from compare import spearman  # same folder: ranks ties by their mean rank

a = {r["arch"]: r for r in map(json.loads, open(sys.argv[1]))}
b = [json.loads(line) for line in open(sys.argv[2])]
pairs = [(a[r["arch"]], r) for r in b if r["arch"] in a]
for label, ps in (("all", pairs), ("trained", [p for p in pairs if p[0]["accuracy"] > 0.2])):
    va = [p[0]["accuracy"] for p in ps]
    vb = [p[1]["accuracy"] for p in ps]
    print(f"{label}: {len(ps)} shared models; rho(val A, val B) {spearman(va, vb):.3f};"
          f" rho(val, test) A {spearman(va, [p[0]['test_accuracy'] for p in ps]):.3f},"
          f" B {spearman(vb, [p[1]['test_accuracy'] for p in ps]):.3f}")
