#!/usr/bin/python3
"""Folds fashion.sh's outputs (Gyrus study exports, Optuna JSON lines) into
bench/results/hpo_fashion.{json,md}: best validation accuracy after N trials per system and seed,
and the test accuracy of the trial that was best on validation.
  fashion_report.py WORK TRIALS SEEDS EXAMPLES EPOCHS "ALGOS" DATA OPTUNA_VERSION LOAD"""
import json, os, statistics, sys, time

work, trials, seeds, examples, epochs, algos, data, optuna_version, load = sys.argv[1:10]
samplers = (sys.argv[10] if len(sys.argv) > 10 else "tpe").split()
trials, seeds = int(trials), int(seeds)
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
checkpoints = [c for c in (5, 10, 20, 50) if c < trials] + [trials]


def curve(values):
    best, out = float("-inf"), []
    for v in values:
        if v is not None:
            best = max(best, v)
        out.append(best)
    return out


runs = {}  # (system, algorithm) -> {seed: (values, tests)}
for a in algos.split():
    for s in range(seeds):
        path = os.path.join(work, "fashion-%s-s%d-t%d.json" % (a, s, trials))
        if not os.path.exists(path):
            continue
        doc = json.load(open(path))
        ts = sorted(doc["trials"], key=lambda t: t["number"])[:trials]
        vals = [t["values"][0] if t["state"] == "COMPLETE" else None for t in ts]
        tests = [float(t["attrs"].get("metric.test_accuracy", "nan")) if t["state"] == "COMPLETE"
                 else None for t in ts]
        runs.setdefault(("gyrus", a), {})[s] = (vals, tests)
for sm in samplers:
    for s in range(seeds):
        path = os.path.join(work, "optuna-%s-s%d-t%d.jsonl" % (sm, s, trials))
        log = os.path.join(work, "optuna-%s-s%d.log" % (sm, s))
        if sm == "tpe" and not os.path.exists(path):  # the file names before OPTUNA_SAMPLERS
            path = os.path.join(work, "optuna-s%d-t%d.jsonl" % (s, trials))
            log = os.path.join(work, "optuna-s%d.log" % s)
        if os.path.exists(path):
            for line in open(path):
                d = json.loads(line)
                runs.setdefault(("optuna", d["algorithm"]), {})[d["seed"]] = (d["values"][:trials],
                                                                             d["test_accuracy"][:trials])
        elif os.path.exists(log):  # an unfinished study (stopped at the deadline): its trials so far
            vals = [float(l.split(": ")[1].split()[0]) for l in open(log) if l.startswith("seed %d trial" % s)]
            if vals:
                runs.setdefault(("optuna", sm), {})[s] = (vals[:trials], [None] * len(vals[:trials]))

rows = []
for (system, algo), per_seed in runs.items():
    at = {c: [] for c in checkpoints}
    test_of_best = []
    for s, (vals, tests) in sorted(per_seed.items()):
        cv = curve(vals)
        for c in checkpoints:
            if len(cv) >= c:
                at[c].append(cv[c - 1])
        done = [(v, t) for v, t in zip(vals, tests) if v is not None]
        if done and max(done, key=lambda p: p[0])[1] is not None:
            test_of_best.append(max(done, key=lambda p: p[0])[1])
    rows.append({"system": system, "algorithm": algo, "seeds": sorted(per_seed),
                 "trials_done": {str(s): len(v[0]) for s, v in sorted(per_seed.items())},
                 "best_val_at": {str(c): v for c, v in at.items()},
                 "test_of_best": test_of_best})

command = ("DATA=%s GYRUS_DATA=/work/shared/data bench/hpo_vs_optuna/fashion.sh %d %d %s %s"
           % (data, trials, seeds, examples, epochs))
split = ("the full set: validation 5,000 held-out training images, test 10,000" if data == "fashion-mnist"
         else "the 10,000 embedded images of Fashion-MNIST's test split, 8,000 / 1,000 / 1,000 for "
         "training / validation / test")
doc = {"name": "hpo_fashion", "date": time.strftime("%Y-%m-%d"), "command": command, "data": data,
       "optuna_version": optuna_version, "trials": trials, "seeds": seeds,
       "train_examples": int(examples), "epochs": int(epochs), "load_after": load, "rows": rows}
json.dump(doc, open(os.path.join(root, "bench/results/hpo_fashion.json"), "w"), indent=1)


def cell(v):
    if not v:
        return "–"
    if len(v) == 1:
        return "%.4f (1)" % v[0]
    return "%.4f ± %.4f (%d)" % (statistics.mean(v), statistics.stdev(v), len(v))


md = ["# Recipe search on Fashion-MNIST: Gyrus vs Optuna %s" % optuna_version, "",
      "`%s` (%s; load average after: %s). The recipe of a fixed CNN (bench/hpo_vs_optuna/fashion.yaml: "
      "SGD with momentum/Nesterov or Adam with beta2, log learning rate, log weight decay, batch size, "
      "schedule, dropout rate), each trial %s epoch(s) over %s training images (%s), "
      "validation accuracy maximised. Gyrus algorithms run `gyrus search`; "
      "Optuna's samplers (%s) drive the same evaluator through `gyrus trial serve`. Mean ± sd over seeds of the best validation "
      "accuracy after N trials (number of seeds in brackets; a study stopped early counts only at the "
      "N it reached), and the mean test accuracy of the trial best on validation." % (command, doc["date"], load, epochs, examples, split, ", ".join(samplers)), "",
      "| system | algorithm | " + " | ".join("N=%d" % c for c in checkpoints) + " | test acc of best |",
      "|---|---|" + "---|" * (len(checkpoints) + 1)]
for r in sorted(rows, key=lambda r: (r["system"] != "gyrus", r["algorithm"])):
    md.append("| %s | %s | " % (r["system"], r["algorithm"])
              + " | ".join(cell(r["best_val_at"][str(c)]) for c in checkpoints)
              + " | %s |" % cell(r["test_of_best"]))
if os.environ.get("NOTE"):
    md += ["", os.environ["NOTE"]]
    doc["note"] = os.environ["NOTE"]
    json.dump(doc, open(os.path.join(root, "bench/results/hpo_fashion.json"), "w"), indent=1)
open(os.path.join(root, "bench/results/hpo_fashion.md"), "w").write("\n".join(md) + "\n")
print(json.dumps({r["system"] + "/" + r["algorithm"]: {k: statistics.mean(v) if v else None
                                                       for k, v in r["best_val_at"].items()}
                  for r in rows}))
