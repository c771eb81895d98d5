#!/usr/bin/env python3
"""Aggregates GrowBench and BricksBench JSON lines into bench/results/nas_grow.{json,md}."""
import glob
import json
import os
import statistics
import sys

work, bricks_file, command, out_json, out_md = sys.argv[1:6]


def lines(path):
    try:
        with open(path) as f:
            return [json.loads(l) for l in f if l.strip().startswith("{")]
    except FileNotFoundError:
        return []


grow, commands = [], {}
for path in sorted(glob.glob(os.path.join(work, "grow_*.jsonl"))):
    s = os.path.basename(path)[len("grow_"):-len(".jsonl")]
    cmd_file = path[:-len(".jsonl")] + ".cmd"
    commands[s] = open(cmd_file).read().strip() if os.path.exists(cmd_file) else command
    merged = {}
    for g in lines(path):  # a seed's main line, then its scratch-at-total-epochs line
        merged.setdefault(g["seed"], {}).update(g)
    grow += list(merged.values())
bricks = lines(bricks_file)
med = statistics.median
rows = []
md = ["# Networks that grow (S5) and bricks (S15)", "",
      f"Command: `{command}` (one engine thread, `nice -n 10`, shared 2-core box).", ""]



def kept_from_previous_report(present):
    """Sets whose raw lines are not in WORK (run from another checkout, or not re-run this time):
    their rows and their markdown section are carried over from the previous report, marked with the
    commit that last wrote it, instead of silently vanishing."""
    if not os.path.exists(out_json) or not os.path.exists(out_md):
        return {}
    old_rows = json.load(open(out_json))["rows"]
    old_md = open(out_md).read()
    try:
        import subprocess
        since = subprocess.run(["git", "log", "-1", "--format=%h, %ad", "--date=short", "--", out_json],
                               capture_output=True, text=True, cwd=os.path.dirname(os.path.abspath(out_json))).stdout.strip()
    except OSError:
        since = ""
    kept = {}
    for s in sorted({r["id"].split("_")[1] for r in old_rows if r["id"].startswith("grow_")} - present):
        head = f"## Grown vs scratch — {s}\n"
        if head not in old_md:
            continue
        section = old_md[old_md.index(head) + len(head):].split("\n## ")[0].strip("\n").split("\n")
        note = (f"_Not re-run in this report's run: rows and section kept from the previous report"
                f"{f' (last written in commit {since})' if since else ''}._")
        kept[s] = ([dict(r, kept_from_previous_report=since or True) for r in old_rows
                    if r["id"].startswith(f"grow_{s}_")],
                   [f"## Grown vs scratch — {s}", "", note, ""] + section + [""])
    return kept


present_sets = {g["set"] for g in grow}
kept = kept_from_previous_report(present_sets)
for s in sorted(present_sets | set(kept)):
    if s in kept:
        rows += kept[s][0]
        md += kept[s][1]
        continue
    gs = [g for g in grow if g["set"] == s]
    n = len(gs)
    grown = [g["grown_test"] for g in gs]
    scratch = [g["scratch_test"] for g in gs]
    diffs = [g["grown_test"] - g["scratch_test"] for g in gs]
    wins = sum(d > 0 for d in diffs)
    base = dict(command=commands[s], seeds=n, train_n=gs[0]["train_n"])
    rows.append(dict(id=f"grow_{s}_grown_test", metric="test_accuracy", value=round(med(grown), 4),
                     unit="fraction", anchor="same architecture from scratch, equal lineage epochs",
                     per_seed=grown, lineage_epochs=[g["lineage_epochs"] for g in gs],
                     total_epochs=[g["total_epochs"] for g in gs], **base))
    rows.append(dict(id=f"grow_{s}_scratch_test", metric="test_accuracy", value=round(med(scratch), 4),
                     unit="fraction", anchor="grown network", per_seed=scratch, **base))
    rows.append(dict(id=f"grow_{s}_grown_minus_scratch", metric="test_accuracy_difference",
                     value=round(med(diffs), 4), unit="fraction", anchor="> 0: growing helped",
                     wins=f"{wins}/{n}", **base))
    total = [g.get("scratch_total_test") for g in gs]
    if all(t is not None for t in total):
        rows.append(dict(id=f"grow_{s}_scratch_total_test", metric="test_accuracy", value=round(med(total), 4),
                         unit="fraction", anchor="same architecture from scratch, all epochs the grower spent",
                         per_seed=total, **base))
    md += [f"## Grown vs scratch — {s}", "", f"Command: `{commands[s]}`", "",
           "| seed | seed net test | grown test | scratch, lineage epochs | scratch, total epochs | lineage / total epochs | params seed → grown | architecture |",
           "|---|---|---|---|---|---|---|---|"]
    for g in gs:
        t = g.get("scratch_total_test")
        md.append(f"| {g['seed']} | {g['seed_test']:.4f} | {g['grown_test']:.4f} | {g['scratch_test']:.4f} | "
                  f"{'not run' if t is None else f'{t:.4f}'} | "
                  f"{g['lineage_epochs']} / {g['total_epochs']} | {g['seed_params']:,} → {g['grown_params']:,} | {g['arch']} |")
    md += ["", f"Median test accuracy grown {med(grown):.4f} vs scratch {med(scratch):.4f}; "
               f"grown − scratch median {med(diffs):+.4f}, grown ahead in {wins}/{n} seeds. "
               f"Training examples {gs[0]['train_n']:,}, validation 2,000, test 5,000.", ""]
    md += ["Steps (morphism, child validation accuracy) per seed:", ""]
    for g in gs:
        md.append(f"- seed {g['seed']}: " + "; ".join(g["steps"]))
    md.append("")

ops = {}
for b in bricks:
    ops.setdefault(b["op"], []).append(b)
if "merge" in ops:
    m = ops["merge"]
    for key, anchor in [("naive", "aligned average"), ("aligned", "naive average; parents acc_a/acc_b")]:
        rows.append(dict(id=f"bricks_merge_{key}", metric="test_accuracy", value=round(med([x[key] for x in m]), 4),
                         unit="fraction", anchor=anchor, per_seed=[x[key] for x in m],
                         parents=[[x["acc_a"], x["acc_b"]] for x in m], command=command))
    rows.append(dict(id="bricks_merge_permutation_max_diff", metric="max_abs_logit_diff",
                     value=max(x["permuted_max_diff"] for x in m), unit="logit", anchor="<= 1e-5 (float32)",
                     command=command))
    md += ["## Bricks: merge (two MLPs 784-128-128-10 from different seeds, 3 epochs each)", "",
           "| seed | A | B | naive average | aligned average | max Δ logits B vs permuted B |", "|---|---|---|---|---|---|"]
    md += [f"| {x['seed']} | {x['acc_a']:.4f} | {x['acc_b']:.4f} | {x['naive']:.4f} | {x['aligned']:.4f} | {x['permuted_max_diff']:.2g} |" for x in m]
    md.append("")
if "route" in ops:
    r = ops["route"]
    for key in ["routed", "routing_accuracy"]:
        rows.append(dict(id=f"bricks_route_{key}", metric=key, value=round(med([x[key] for x in r]), 4),
                         unit="fraction", anchor="best single brick: " + str([max(x["brick0"], x["brick1"]) for x in r]),
                         per_seed=[x[key] for x in r], command=command))
    md += ["## Bricks: route (brick 0 trained on classes 0–4, brick 1 on 5–9; router alone trained, bricks frozen)", "",
           "| seed | brick 0 alone | brick 1 alone | routed, untrained router | routed | router picks the right brick |", "|---|---|---|---|---|---|"]
    md += [f"| {x['seed']} | {x['brick0']:.4f} | {x['brick1']:.4f} | {x['routed_untrained']:.4f} | {x['routed']:.4f} | {x['routing_accuracy']:.4f} |" for x in r]
    md.append("")
if "grow_update" in ops:
    g = ops["grow_update"]
    rows.append(dict(id="bricks_grow_max_diff", metric="max_abs_logit_diff", value=max(x["grow_max_diff"] for x in g),
                     unit="logit", anchor="0 (bit-identical)", command=command))
    rows.append(dict(id="bricks_update_after", metric="test_accuracy", value=round(med([x["acc_after_update"] for x in g]), 4),
                     unit="fraction", anchor="before growing: " + str([x["acc_before"] for x in g]),
                     frozen_identical=all(x["frozen_identical"] for x in g), command=command))
    md += ["## Bricks: grow + update (dense 128 + batch norm, then parallel add of bricks; a second brick grown with a zero last layer, then fine-tuned alone)", "",
           "| seed | max Δ logits after grow | test before | test after updating the new brick | frozen weights bit-identical | brick changed |", "|---|---|---|---|---|---|"]
    md += [f"| {x['seed']} | {x['grow_max_diff']:.3g} | {x['acc_before']:.4f} | {x['acc_after_update']:.4f} | {x['frozen_identical']} | {x['brick_changed']} |" for x in g]
    md.append("")

with open(out_json, "w") as f:
    json.dump({"rows": rows}, f, indent=1)
with open(out_md, "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
