#!/usr/bin/env python3
"""Turns bench/results/agents_raw/*.jsonl (§4–5) into bench/results/agents.{json,md}, and gathers there
the §2 and §3 figures from the result files their scripts wrote (agents_goals.json by goals.sh,
agents_household*.json by household.sh), so that agents.{json,md} holds every issue-21 agents figure
with its command. goals.sh and household.sh call this again after writing theirs."""
import json
import os
import sys

raw, out_json, out_md = sys.argv[1], sys.argv[2], sys.argv[3]


def load(part):
    p = os.path.join(raw, part + ".jsonl")
    if not os.path.exists(p):
        return [], None
    cmd = [l.strip() for l in open(os.path.join(raw, part + ".cmd")) if l.strip()]
    return [json.loads(l) for l in open(p) if l.strip()], cmd


def fmt(v):
    return "n/a" if v is None else f"{v:.3f}"


rows, md = [], ["# Issue 21 §2–5: goals from scenes, sub-goal agents, a module library, emergent symbols", "",
                "Every figure of issue 21 §2–5 with the command that made it. §2 and §3 are summaries of "
                "`agents_goals.md` and `agents_household.md` (their scripts' own reports, with more detail); "
                "§1 (classical planning) is in `planning.md`.", ""]
GAME_METRICS = [
    ("test_success", "fraction of held-out rounds won", "chance = 1/(distractors+1)"),
    ("perplexity", "exp(entropy of token use) over 2,000 held-out messages", "vocabulary K (all codes equally used)"),
    ("codes_used_fraction", "fraction of the K codes used", "1.0"),
    ("topsim_class", "Spearman(class distance, message edit distance), 400 held-out images", "N13: compositional codes have topsim > 0"),
    ("topsim_pixel", "Spearman(pixel L2 distance, message edit distance), 400 held-out images", "N13: compositional codes have topsim > 0"),
    ("topsim_class_shuffled", "topsim_class with messages permuted over the images", "control: about 0"),
    ("topsim_pixel_shuffled", "topsim_pixel with messages permuted over the images", "control: about 0"),
]
for part, title in (("game_mnist", "MNIST"), ("game_fashion", "Fashion-MNIST")):
    games, cmd = load(part)
    if not games:
        continue
    g0 = games[0]
    md += [f"## Referential game, {title}", "",
           f"Speaker MLP 784-128-(L x 16) → VQ codebook of K vectors (straight-through, commitment β=0.25, "
           f"codebook loss, dead codes restarted every 100 steps); listener MLPs embed the quantised message and each of "
           f"{g0['distractors'] + 1} candidates (dot-product scores). {g0['steps']} Adam steps of {g0['batch']} rounds on "
           f"{g0['train_images']} training images; evaluated on {g0['test_images']} held-out test images (2,000 rounds, "
           f"targets and distractors unseen). Chance = {g0['chance']:.2f}.", "",
           f"`bench/agents/run.sh {part}` → " + ", ".join(f"`{c}`" for c in cmd), "",
           "| L | K | seed | train success | test success | perplexity | codes used | distinct messages | topsim (class) | topsim (pixel) | shuffled control (class / pixel) | s |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for g in games:
        main = next((c for c in cmd if c.split()[-2] == str(g["seed"])), cmd[0])
        md.append(f"| {g['length']} | {g['vocab']} | {g['seed']} | {g['train_success']:.3f} | {g['test_success']:.3f} | "
                  f"{g['perplexity']:.2f} | {g['codes_used_fraction']:.2f} | {g['distinct_messages']} | "
                  f"{fmt(g['topsim_class'])} | "
                  f"{fmt(g['topsim_pixel'])} | {fmt(g['topsim_class_shuffled'])} / {fmt(g['topsim_pixel_shuffled'])} | {g['seconds']:.0f} |")
        for metric, unit, anchor in GAME_METRICS:
            rows.append({"id": f"{part}_L{g['length']}_K{g['vocab']}_s{g['seed']}_{metric}", "metric": metric,
                         "value": g[metric], "unit": unit,
                         "anchor": anchor.replace("chance = 1/(distractors+1)", f"chance {g['chance']:.2f}")
                         .replace("vocabulary K", f"K = {g['vocab']}"),
                         "command": f"bench/agents/run.sh {part}", "main": main,
                         **{k: g[k] for k in ("dataset", "length", "vocab", "distractors", "steps", "batch",
                                              "train_images", "test_images", "seed", "seconds")}})
    md.append("")
    seeds = sorted({g["seed"] for g in games})
    if len(seeds) > 1:
        ls = sorted({g["length"] for g in games})
        ks = sorted({g["vocab"] for g in games})
        md += [f"Mean test success over seeds {seeds} (min–max):", "",
               "| L \\ K | " + " | ".join(str(k) for k in ks) + " |", "|---|" + "---|" * len(ks)]
        for l in ls:
            cells = []
            for k in ks:
                v = [g["test_success"] for g in games if g["length"] == l and g["vocab"] == k]
                cells.append(f"{sum(v) / len(v):.3f} ({min(v):.3f}–{max(v):.3f})" if v else "")
            md.append(f"| {l} | " + " | ".join(cells) + " |")
        md.append("")

steps, cmd = load("library")
if steps:
    md += ["## Module library over a family curriculum (GENOME-style)", "",
           "Base relations parent/2, male/1, female/1. A task gives one example family (seen by the proposer) and "
           "two test families (admission only). A task is first answered by reusing the active module of its name; "
           "otherwise the enumerating proposer (no language model: one-atom, two-atom chain, unary-filtered, "
           "union and recursive bodies, smallest first) screens candidates on the examples and submits survivors "
           "until one is admitted (≤ 10 submissions). `base_only`: the same proposer over base relations only "
           "(modules are still stored and reused by name, but never called).", "",
           f"`bench/agents/run.sh library` → `{cmd[0]}`", ""]
    for run in ("library", "base_only"):
        md += [f"### {run}", "", "| # | task | outcome | module | calls | candidates | refused (failing case) | library size |",
               "|---|---|---|---|---|---|---|---|"]
        for s in steps:
            if s["run"] != run:
                continue
            if s.get("summary"):
                summ = s
                continue
            ref = "; ".join(f"`{r['module']}`: " + (r["failing_case"] or r["reason"]) for r in s["refusals"])
            md.append(f"| {s['index']} | {s['task']} | {s['outcome']} | {'`' + s['module'] + '`' if s['module'] else '—'} | "
                      f"{', '.join(s['calls'])} | {s['candidates_tried']} | {ref} | {s['library_size']} |")
        md += ["", f"Solved {summ['solved']}/{summ['tasks']}; reused by name {summ['reused_by_name']}; "
               f"admitted {summ['admitted']} ({summ['admitted_calling_library']} calling library modules); "
               f"reuse rate {summ['reuse_rate']:.3f}; refused {summ['refused']}; retired {summ['retired']}; "
               f"final library {summ['library_size']} modules; {summ['candidates_tried']} candidates enumerated.", ""]
        for metric, unit in (("solved", "tasks of %d" % summ["tasks"]), ("reuse_rate",
                             "(tasks reused by name + admitted modules calling a library module) / tasks solved"),
                             ("library_size", "active modules at the end"), ("refused", "submissions refused"),
                             ("retired", "versions retired by a better one"),
                             ("candidates_tried", "candidates enumerated over the curriculum")):
            rows.append({"id": f"library_{run}_{metric}", "metric": metric, "value": summ[metric], "unit": unit,
                         "anchor": "N11: later tasks reuse earlier modules; base-only proposer as the ablation",
                         "command": "bench/agents/run.sh library", "main": cmd[0]})

results = os.path.dirname(out_json)


def read_rows(name):
    p = os.path.join(results, name + ".json")
    return json.load(open(p)).get("rows", []) if os.path.exists(p) else []


GOAL_METRICS = ["atom_accuracy", "atom_f1", "exact_goal", "plan_valid", "task_success", "perceived_success"]
GOAL_NAMES = {"network": "CNN reads the desired scene", "initial_image_net": "same CNN fed the initial scene",
              "prior": "prior (training-goal frequencies)", "copy_initial": "initial state taken as the goal"}
goals = read_rows("agents_goals")
if goals:
    md += ["## §2 Goals learned from scenes (details: agents_goals.md)", "", f"`{goals[0]['command']}`", "",
           "Medians over seeds; held-out scenes. 'init read too': the initial state is read from its image too.", "",
           "| blocks | method | " + " | ".join(GOAL_METRICS) + " |", "|---|---|" + "---|" * len(GOAL_METRICS)]
    by = {}
    for r in goals:
        split, rest = r["id"][len("goals_"):].split("_", 1) if r["id"].startswith("goals_larger") else \
            ("same_size", r["id"][len("goals_same_size_"):])
        method = next(m for m in GOAL_NAMES if rest.startswith(m + "_"))
        by.setdefault((r["blocks"], method), {})[r["metric"]] = r["value"]
        rows.append(dict(r, source="agents_goals.json"))
    for (blocks, method), vals in by.items():
        md.append(f"| {blocks} | {GOAL_NAMES[method]} | " + " | ".join(fmt(vals.get(k)) for k in GOAL_METRICS) + " |")
    md.append("")
for name, title in (("agents_household", "main run"),
                    ("agents_household_lama", "sub-goal agent re-measured with the lama default planner; "
                     "its PPO rows are a 2,048-step stub, not the baseline"),
                    ("agents_household_ppo_level1", "PPO trained on level 1 only")):
    hh = read_rows(name)
    if not hh:
        continue
    if name == "agents_household":
        md += ["## §3 Sub-goal agents over a semantic map (details: agents_household.md)", ""]
    md += [f"### {name}.json: {title}", "", f"`{hh[0]['command']}`", ""]
    table = {}
    for r in hh:
        rows.append(dict(r, source=name + ".json"))
        parts = r["id"].split("_")
        if r["metric"] in ("success", "spl") and parts[1].startswith("level"):
            agent = "_".join(parts[2:-1])
            table.setdefault((parts[1], agent), {})[r["metric"]] = r["value"]
    md += ["| level | agent | success | SPL |", "|---|---|---|---|"]
    for (level, agent), v in table.items():
        md.append(f"| {level[5:]} | {agent} | {fmt(v.get('success'))} | {fmt(v.get('spl'))} |")
    other = [r for r in hh if not r["id"].split("_")[1].startswith("level")]
    if other:
        md += ["", "Other figures: " + "; ".join(f"{r['id']} = {r['value']} {r['unit']}" for r in other)]
    md.append("")
json.dump({"rows": rows}, open(out_json, "w"), indent=1)
open(out_md, "w").write("\n".join(md) + "\n")
print(f"wrote {out_json} ({len(rows)} rows) and {out_md}")
