#!/usr/bin/env python3
"""Adds the results-format rows (id, metric, value, unit, anchor, command) to agents_household.json,
from the detail HouseholdBench wrote. Usage: household_rows.py FILE.json (rewritten in place)."""
import json
import sys

UNITS = {
    "success": "fraction of tasks solved within 100 + 100 x level steps",
    "spl": "mean success x oracle steps / max(oracle steps, steps)",
    "efficiency_median": "median oracle steps / steps over tasks both solved",
    "steps_mean_solved": "primitive actions, mean over solved tasks",
}


def rows_of(d):
    cmd = d["command"]
    rows = []

    def add(rid, metric, value, anchor, **extra):
        row = {"id": rid, "metric": metric, "value": value, "unit": UNITS.get(metric, ""),
               "anchor": anchor, "command": cmd}
        row.update(extra)
        rows.append(row)

    for lv in d["levels"]:
        level = lv["level"]
        for agent in ("subgoal_agent", "ppo", "random", "oracle"):
            stats = lv.get(agent)
            if not stats:
                continue
            for metric in UNITS:
                anchor = None
                if agent in ("subgoal_agent", "ppo", "random") and metric in ("success", "spl"):
                    anchor = "full-view oracle %s" % lv["oracle"][metric]
                add("household_level%d_%s_%s" % (level, agent, metric), metric, stats[metric],
                    anchor, level=level, agent=agent, tasks=stats["tasks"],
                    oracle_subgoals_mean=lv["oracle_subgoals_mean"])
    for agent, stats in d["all"].items():
        for metric in UNITS:
            add("household_all_%s_%s" % (agent, metric), metric, stats[metric],
                "uniformly random actions %s" % d["all"]["random"][metric]
                if agent != "random" else None, agent=agent, tasks=stats["tasks"])
    moved = d["moved"]["subgoal_agent"]
    for metric in UNITS:
        add("household_moved_subgoal_agent_%s" % metric, metric, moved[metric],
            "unperturbed oracle (SPL, efficiency are against it)", tasks=moved["tasks"])
    if "ppo_training" in d:
        t = d["ppo_training"]
        rows.append({"id": "household_ppo_train_cpu_s", "metric": "train_cpu_s",
                     "value": t["train_cpu_s"], "unit": "CPU s (one thread)", "anchor": None,
                     "command": cmd, "env_steps": t["env_steps"], "updates": t["updates"]})
    return rows


def main():
    path = sys.argv[1]
    with open(path) as f:
        d = json.load(f)
    d = {"rows": rows_of(d), **{k: v for k, v in d.items() if k != "rows"}}
    with open(path, "w") as f:
        json.dump(d, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
