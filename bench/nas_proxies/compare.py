#!/usr/bin/env python3
"""Paired comparison of two proxy pools (JSON lines as ProxyBench score writes) on their shared cells.

  bench/nas_proxies/compare.py POOL_A LABEL_A POOL_B LABEL_B OUT_NAME "COMMAND"

Per proxy scored in both: Spearman rho against the table accuracy in each pool (the same cells),
the rank correlation between the two pools' scores, and the largest relative difference of a
score (0 when the two computations agree exactly). Non-finite scores rank below every finite one,
as org.gyrus.core.Ranks does. Writes bench/results/OUT_NAME.{json,md}.
"""
import json
import math
import os
import sys


def ranks(v):
    key = [x if math.isfinite(x) else -math.inf for x in v]
    order = sorted(range(len(v)), key=lambda i: key[i])
    r = [0.0] * len(v)
    lo = 0
    while lo < len(order):
        hi = lo
        while hi + 1 < len(order) and key[order[hi + 1]] == key[order[lo]]:
            hi += 1
        for k in range(lo, hi + 1):
            r[order[k]] = (lo + hi) / 2
        lo = hi + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(ra)
    ma, mb = sum(ra) / n, sum(rb) / n
    sab = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    saa = sum((x - ma) ** 2 for x in ra)
    sbb = sum((y - mb) ** 2 for y in rb)
    return sab / math.sqrt(saa * sbb) if saa and sbb else math.nan


def read(path):
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[r["arch"]] = r
    return out


def rel(x, y):
    if not (math.isfinite(x) and math.isfinite(y)):
        return 0.0 if str(x) == str(y) else math.inf
    return abs(x - y) / max(abs(y), 1e-300)


def main():
    pa, la, pb, lb, name, command = sys.argv[1:7]
    a, b = read(pa), read(pb)
    shared = [k for k in a if k in b]
    acc = [a[k]["accuracy"] for k in shared]
    proxies = [p for p in a[shared[0]]["scores"] if p in b[shared[0]]["scores"]]
    rows = []
    for p in proxies:
        xa = [float(a[k]["scores"][p]) for k in shared]
        xb = [float(b[k]["scores"][p]) for k in shared]
        rows.append({
            "proxy": p,
            "rho_a": spearman(xa, acc),
            "rho_b": spearman(xb, acc),
            "rho_a_vs_b": spearman(xa, xb),
            "max_rel_diff": max(rel(x, y) for x, y in zip(xb, xa)),
        })
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results")
    doc = {"command": command, "a": {"pool": pa, "label": la}, "b": {"pool": pb, "label": lb},
           "cells": len(shared), "proxies": rows}
    with open(os.path.join(root, name + ".json"), "w") as f:
        json.dump(doc, f, indent=2)
    md = [f"# Proxy pools compared on {len(shared)} shared NB201 cells\n",
          f"Command: `{command}`\n",
          f"A: {la} (`{os.path.basename(pa)}`); B: {lb} (`{os.path.basename(pb)}`).\n",
          "| proxy | ρ vs accuracy, A | ρ vs accuracy, B | ρ(A, B) | max relative score difference |",
          "|---|---|---|---|---|"]
    for r in rows:
        md.append(f"| {r['proxy']} | {r['rho_a']:.3f} | {r['rho_b']:.3f} | {r['rho_a_vs_b']:.3f} "
                  f"| {r['max_rel_diff']:.2g} |")
    with open(os.path.join(root, name + ".md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main()
