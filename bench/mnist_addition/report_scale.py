"""Aggregates bench/results/mnist_addition_scale.jsonl (N = 100, 500; written by scale.sh) together with
the N = 1..15 rows of the same setting from mnist_addition.jsonl (run.sh) into mnist_addition_scale.{json,md}
and two PNG plots (accuracy and time against N), drawn by gyrus-nn's PlotTsv.
Usage: [SMALL=0] report_scale.py RAW OUT_DIR NAME [APP_DIR holding gyrus-app-*.jar and lib/]"""
import json, os, statistics, subprocess, sys, tempfile

raw, out, name = sys.argv[1], sys.argv[2], sys.argv[3]
app = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(out), "..", "gyrus-app", "target")
rows = [json.loads(l) for l in open(raw) if l.strip()] if os.path.exists(raw) else []
small_raw = os.path.join(out, "mnist_addition.jsonl")
setting = ("digit-cnn16.yaml", "cosine", 2)
key = lambda r: (r.get("net", "lenet"), r.get("schedule", "constant"), r.get("shift", 0)) + (
    (f"ema {r['ema']}",) if r.get("ema", 0) else ())
nets = {key(r) for r in rows} or {setting}
small = []
# SMALL=0 leaves the N < 100 rows of mnist_addition.jsonl out (e.g. a re-run file whose small rows
# were not re-run: they would otherwise appear as if measured in the same run)
if os.environ.get("SMALL", "1") != "0" and os.path.exists(small_raw):
    for l in open(small_raw):
        if l.strip():
            r = json.loads(l)
            if key(r) in nets and r["digits"] < 100:
                r = dict(r)
                r["command"] = (f"./gyrus nesy mnist-add --digits {r['digits']} --epochs {r['epochs']} --batch {r['batch']} "
                                f"--seed {r['seed']} --schedule {r['schedule']} --shift {r['shift']} --net examples/nesy/{r['net']}"
                                f" (from bench/mnist_addition/run.sh 3, NET=examples/nesy/{r['net']})")
                r["source"] = "mnist_addition.jsonl"
                small.append(r)
# keep, per N, the longest-trained group of the small runs (run.sh kept several epoch budgets)
best = {}
for r in small:
    best[r["digits"]] = max(best.get(r["digits"], 0), r["epochs"])
small = [r for r in small if r["epochs"] == best[r["digits"]]]
PUBLISHED = {  # DeepProofLog (AAAI 2026), same protocol: test sum accuracy %, minutes
    4: (94.0, 25), 15: (80.8, 42), 100: (37.8, 105.8), 500: (6.0, None)}

def ms(xs):
    return statistics.mean(xs), (statistics.stdev(xs) if len(xs) > 1 else 0.0)

summary = {"protocol": "MNIST train/test images cut into disjoint groups of 2N (seeded permutation); label = the sum "
           "only (N+1 digits); no digit supervision, no pre-training; exact likelihood from the carry circuit "
           "(log-space, balanced tree over the N positions); predicted sum = sum of the MAP digits. Each epoch uses all "
           "60,000 training images (60,000/(2N) sums). Wall and CPU seconds of the training loop (CPU = the whole "
           "process, all threads), one PyTorch thread, 2-core machine shared with other jobs.",
           "results": [], "runs": small + rows}
lines = [f"# MNIST-addition scaling, N = 1 to 500 (Gyrus, exact carry circuit, DJL/PyTorch CPU, 1 engine thread)", "",
         "| N | setting (network, schedule, shift) | seeds | epochs | batch (sums) | train sums | test sums (all seeds) | "
         "test sum acc. % (mean ± std) | digit acc. % | digit acc.^(2N) % | train wall s (median) | train CPU s (median) | "
         "DeepProofLog % (min) |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
groups = {}
for r in small + rows:
    groups.setdefault((r["digits"], key(r), r["epochs"], r["batch"]), []).append(r)
for (n, st, ep, b), rs in sorted(groups.items()):
    acc = ms([100 * r["sum_accuracy"] for r in rs])
    dig = ms([100 * r["digit_accuracy"] for r in rs])
    wall = statistics.median([r["train_seconds"] for r in rs])
    cpus = [r["train_cpu_seconds"] for r in rs if "train_cpu_seconds" in r]
    cpu = statistics.median(cpus) if cpus else None
    pred = 100 * (dig[0] / 100) ** (2 * n)
    pub = PUBLISHED.get(n)
    ent = {"digits": n, "setting": ", ".join(map(str, st)), "seeds": sorted(r["seed"] for r in rs), "epochs": ep,
           "batch": b, "train_sums": rs[0]["train_sums"], "test_sums_total": sum(r["test_sums"] for r in rs),
           "sum_accuracy_mean": acc[0], "sum_accuracy_std": acc[1], "digit_accuracy_mean": dig[0],
           "digit_accuracy_std": dig[1], "digit_accuracy_pow_2n": pred, "train_seconds_median": wall,
           "train_cpu_seconds_median": cpu, "published_deepprooflog": pub,
           "commands": [r["command"] for r in rs]}
    summary["results"].append(ent)
    cpu_s = "-" if cpu is None else f"{cpu:.0f}"
    pub_s = "-" if pub is None else f"{pub[0]} ({pub[1] if pub[1] else '-'})"
    lines.append(f"| {n} | {ent['setting']} | {len(rs)} | {ep} | {b} | {ent['train_sums']} | {ent['test_sums_total']} | "
                 f"{acc[0]:.2f} ± {acc[1]:.2f} | {dig[0]:.2f} ± {dig[1]:.2f} | {pred:.1f} | {wall:.0f} | "
                 f"{cpu_s} | {pub_s} |")
lines += ["", "Digit acc.^(2N): the sum accuracy expected if digit errors were independent (a sum is right only if all 2N "
          "digits are). N = 1..15 rows come from run.sh (mnist_addition.jsonl, no CPU time recorded then); N = 100 and "
          "500 from scale.sh.", "", "## Runs", "",
          "| N | seed | epochs | sum acc. % | digit acc. % | wall s | CPU s | restarts | relabels | load (1/5/15 min) at the end | command |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append(f"| {r['digits']} | {r['seed']} | {r['epochs']} | {100 * r['sum_accuracy']:.2f} | {100 * r['digit_accuracy']:.2f} | "
                 f"{r['train_seconds']:.0f} | {r.get('train_cpu_seconds', float('nan')):.0f} | {r.get('restarts', 0)} | "
                 f"{r.get('relabels', 0)} | {' '.join(r.get('load_average', []))} | "
                 f"`{r['command']}` |")
stuck_raw = os.path.join(out, name + "_stuck_without_restart.jsonl")
stuck = [json.loads(l) for l in open(stuck_raw) if l.strip()] if os.path.exists(stuck_raw) else []
if stuck:
    summary["stuck_without_restart"] = stuck
    lines += ["", f"## Runs made with the restart rule off above N = 20 ({os.path.basename(stuck_raw)}, not in the means)", "",
              "| N | seed | epochs | sum acc. % | digit acc. % | wall s | CPU s | command |", "|---|---|---|---|---|---|---|---|"]
    for r in stuck:
        lines.append(f"| {r['digits']} | {r['seed']} | {r['epochs']} | {100 * r['sum_accuracy']:.2f} | {100 * r['digit_accuracy']:.2f} | "
                     f"{r['train_seconds']:.0f} | {r.get('train_cpu_seconds', float('nan')):.0f} | `{r['command']}` |")
# the hand-written notes describe the runs of mnist_addition_scale itself: another NAME (e.g. a
# re-run file) gets them only when asked (NOTES=1), so they never caption runs they are not about
notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scale_notes.md")
if os.path.exists(notes) and (name == "mnist_addition_scale" or os.environ.get("NOTES") == "1"):
    lines += ["", open(notes).read().rstrip()]
# plots: one series per setting, x = log10 N
acc_tsv, time_tsv = [], []
import math
plotted = {}  # per N the group with the most seeds (then the most epochs)
for e in summary["results"]:
    best_e = plotted.get(e["digits"])
    if best_e is None or (len(e["seeds"]), e["epochs"]) > (len(best_e["seeds"]), best_e["epochs"]):
        plotted[e["digits"]] = e
for e in sorted(plotted.values(), key=lambda e: e["digits"]):
    x = math.log10(e["digits"])
    acc_tsv.append(("ours: sum acc.", x, e["sum_accuracy_mean"]))
    acc_tsv.append(("ours: digit acc.^2N", x, e["digit_accuracy_pow_2n"]))
    t = e["train_seconds_median"] / 60
    time_tsv.append(("ours: wall min", x, t))
    if e["train_cpu_seconds_median"] is not None:
        time_tsv.append(("ours: CPU min", x, e["train_cpu_seconds_median"] / 60))
for n, (a, mins) in sorted(PUBLISHED.items()):
    acc_tsv.append(("DeepProofLog", math.log10(n), a))
    if mins:
        time_tsv.append(("DeepProofLog", math.log10(n), mins))
pngs = []
jar = [f for f in os.listdir(app) if f.startswith("gyrus-app") and f.endswith(".jar")] if os.path.isdir(app) else []
for suffix, data, title, ylab in [("accuracy", acc_tsv, "MNIST-addition: test sum accuracy vs N", "accuracy %"),
                                  ("time", time_tsv, "MNIST-addition: training time vs N", "minutes")]:
    data.sort(key=lambda t: (t[0], t[1]))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for s, x, y in data:
            f.write(f"{s}\t{x}\t{y}\n")
    png = os.path.join(out, f"{name}_{suffix}.png")
    if jar:
        cp = os.path.join(app, jar[0]) + ":" + os.path.join(app, "lib", "*")
        subprocess.run(["java", "-cp", cp, "org.gyrus.nn.bench.PlotTsv", f.name, png, title, "log10 N", ylab], check=True)
        pngs.append(os.path.basename(png))
    os.unlink(f.name)
summary["plots"] = pngs
try:
    load = open("/proc/loadavg").read().split()[:3]
except OSError:
    load = []
summary["load_average_at_report"] = load
lines += ["", "Plots (x = log10 N; per N the group with the most seeds): " + ", ".join(pngs), "",
          f"Load average when the report was written: {' '.join(load)} (2 cores shared with other engineers' jobs); "
          "times are indicative, CPU seconds are the fairer measure under this load.",
          "No peer system can be run here (no DeepProofLog/Scallop/A-NeSI installed, no downloads): the anchors are "
          "the published numbers.", ""]
json.dump(summary, open(os.path.join(out, name + ".json"), "w"), indent=2)
open(os.path.join(out, name + ".md"), "w").write("\n".join(lines))
print("\n".join(lines))
