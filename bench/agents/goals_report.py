#!/usr/bin/env python3
"""Turns bench/results/agents_goals_raw/goals.jsonl into bench/results/agents_goals.{json,md}."""
import json
import os
import statistics
import sys

raw, out_json, out_md = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [json.loads(l) for l in open(os.path.join(raw, "goals.jsonl")) if l.strip()]
cmds = [l.strip() for l in open(os.path.join(raw, "goals.cmd")) if l.strip()]
times = [l.strip() for l in open(os.path.join(raw, "goals.time")) if l.strip().startswith("seed")]
METRICS = [
    ("atom_accuracy", "atom acc"),
    ("atom_f1", "atom F1"),
    ("exact_goal", "exact goal"),
    ("plan_valid", "plan valid"),
    ("task_success", "task success"),
    ("perceived_success", "task success, init read too"),
]
NAMES = {
    "network": "CNN reads the desired scene",
    "initial_image_net": "same CNN fed the initial scene (control)",
    "prior": "prior: training-goal support frequencies, decoded",
    "copy_initial": "initial state taken as the goal",
}


def median(values):
    vs = [v for v in values if v is not None]
    return statistics.median(vs) if vs else None


def fmt(v):
    return "–" if v is None else f"{v:.3f}"


summary = {}
for split in ("same_size", "larger"):
    summary[split] = {}
    for method in rows[0][split]:
        summary[split][method] = {
            k: {
                "median": median([r[split][method][k] for r in rows]),
                "per_seed": [r[split][method][k] for r in rows],
            }
            for k, _ in METRICS
        }
r0 = rows[0]
md = [
    "# Issue 21 §2: goals learned from scenes (N9, SGL without language)",
    "",
    "A CNN (gyrus-nn spec: conv 3x3 16/32/64 with max pools, a 1x1 conv to one map per (block, support) pair, global max pool) reads a "
    "rendered 40x40 blocks-world scene (8 colours, jittered position/colour/grey, pixel noise) and "
    "scores, for each block, what it stands on; an exact search decodes the best consistent "
    "stacking into goal atoms (on/ontable/clear); the gyrus PDDL planner (lama-first, IPC-2000 "
    "blocks domain) plans from the symbolic initial state and the independent validator checks the "
    "plan against the **true** goal (task success). 'init read too': the initial state is also read "
    "from its image by the same network.",
    "",
    f"Train {r0['train_scenes']} scenes of {r0['train_blocks']} blocks, {r0['epochs']} epochs "
    f"(Adam 2e-3, batch 16); held-out {r0['test_scenes']} scenes per split; seeds "
    f"{', '.join(str(r['seed']) for r in rows)}. Medians over seeds (per-seed values in the JSON).",
    "",
]
for split, title in (("larger", f"held-out, {r0['test_blocks']} blocks (more than in training)"),
                     ("same_size", f"held-out, {r0['train_blocks']} blocks (training sizes)")):
    md += [f"## {title}", "", "| method | " + " | ".join(n for _, n in METRICS) + " |",
           "|---|" + "---|" * len(METRICS)]
    for method, vals in summary[split].items():
        md.append(f"| {NAMES.get(method, method)} | "
                  + " | ".join(fmt(vals[k]["median"]) for k, _ in METRICS) + " |")
    md.append("")
md += ["## Cost", "", "| seed | final loss | train CPU s | total CPU s (process) | wall s |",
       "|---|---|---|---|---|"]
for r in rows:
    md.append(f"| {r['seed']} | {r['final_loss']:.4f} | {r['train_cpu_s']:.1f} | "
              f"{r['total_cpu_s']:.1f} | {r['wall_s']:.1f} |")
md += ["", "Process times (`/usr/bin/time`): " + "; ".join(times), "",
       "Metrics: atom acc = fraction of the scene's ground atoms (on for every ordered pair, ontable, "
       "clear) with the right truth value; atom F1 over the true atoms; exact = predicted goal equals "
       "the true one; plan valid = planner solved the predicted goal and the validator accepted the "
       "plan for it; task success = that plan, validated from the true initial state, reaches the "
       "true goal. Copy-initial's plan is empty, hence valid but never a success.",
       "", "## Commands", "", "```"] + cmds + ["```", ""]
# results-format rows (DESIGN.md): medians over seeds, the bench command beside each figure
UNITS = {"atom_accuracy": "fraction of ground atoms", "atom_f1": "F1 over true atoms",
         "exact_goal": "fraction of scenes", "plan_valid": "fraction of scenes",
         "task_success": "fraction of scenes", "perceived_success": "fraction of scenes"}
ANCHORS = {"network": "prior (training-goal frequencies) and the initial-image control"}
result_rows = []
for split, blocks in (("larger", r0["test_blocks"]), ("same_size", r0["train_blocks"])):
    for method, vals in summary[split].items():
        for k, _ in METRICS:
            if vals[k]["median"] is None:
                continue
            result_rows.append({"id": f"goals_{split}_{method}_{k}", "metric": k,
                                "value": vals[k]["median"], "unit": UNITS[k] + f", median of {len(rows)} seeds",
                                "anchor": ANCHORS.get(method, ""), "command": cmds[0],
                                "blocks": blocks, "per_seed": vals[k]["per_seed"]})
json.dump({"rows": result_rows, "runs": rows, "summary": summary, "commands": cmds, "process_times": times},
          open(out_json, "w"), indent=1)
open(out_md, "w").write("\n".join(md))
print("\n".join(md))
