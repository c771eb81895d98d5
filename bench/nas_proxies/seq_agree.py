#!/usr/bin/env python3
"""How stable is the trained ground truth of seq.sh? Spearman rho between two pools' validation
accuracies on the models they share (same seed: the same sample), and validation vs test within
each; "trained" leaves out the models whose untrained output is non-finite (all at 0.106).
  python3 bench/nas_proxies/seq_agree.py bench/results/A_pool.jsonl bench/results/B_pool.jsonl"""
import json
import sys


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(x, y):
    x, y = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    num = sum((p - mx) * (q - my) for p, q in zip(x, y))
    return num / (sum((p - mx) ** 2 for p in x) * sum((q - my) ** 2 for q in y)) ** 0.5


a = {r["arch"]: r for r in map(json.loads, open(sys.argv[1]))}
b = [json.loads(line) for line in open(sys.argv[2])]
pairs = [(a[r["arch"]], r) for r in b if r["arch"] in a]
for label, ps in (("all", pairs), ("trained", [p for p in pairs if p[0]["accuracy"] > 0.2])):
    va = [p[0]["accuracy"] for p in ps]
    vb = [p[1]["accuracy"] for p in ps]
    print(f"{label}: {len(ps)} shared models; rho(val A, val B) {spearman(va, vb):.3f};"
          f" rho(val, test) A {spearman(va, [p[0]['test_accuracy'] for p in ps]):.3f},"
          f" B {spearman(vb, [p[1]['test_accuracy'] for p in ps]):.3f}")
