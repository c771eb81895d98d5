#!/usr/bin/env bash
# Recipe search (issue 26): TPE against random search over examples/fashion-hpo.yaml (a fixed CNN,
# its optimiser, learning rate, weight decay, batch size, schedule and flip augmentation searched),
# TRIALS trials per study, SEEDS seeds, the same budget per trial for both (EPOCHS epochs over
# EXAMPLES images of the Fashion-MNIST training split (0 = all 55,000 left after 1/12 is held out
# for validation), at most SECONDS s of training (0 = no limit), one engine thread). Every algorithm x seed is a stored study: a killed run resumes where it stopped.
# Writes bench/results/recipe_search.{json,md}.
# Usage: GYRUS_DATA=DIR [JOBS=K] bench/recipe_search/run.sh [TRIALS] [SEEDS] [EPOCHS] [SECONDS] [EXAMPLES]
#   (defaults 30 3 1 0 5000; JOBS studies run at once, default 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-30}"; seeds="${2:-3}"; epochs="${3:-1}"; secs="${4:-0}"; examples="${5:-5000}"; jobs="${JOBS:-1}"
out="bench/recipe_search/out"; mkdir -p "$out"
db="sqlite:$out/studies.db"
./gyrus types > /dev/null # build first
run_study() { # algo seed
  local algo="$1" seed="$2" study="hpo-$1-s$2-e$epochs-t$secs-n$examples"
  sed -e "s/^study: .*/study: $study/" -e "s/^algorithm: .*/algorithm: $algo/" \
      -e "s/^seed: .*/seed: $seed/" -e "s/^    epochs: .*/    epochs: $epochs/" \
      -e "s/^    max_seconds: .*/    max_seconds: $secs/" -e "s/^trials: .*/trials: $trials/" \
      -e "s/^  data: fashion-mnist/  data: fashion-mnist\n  train_examples: $examples/" \
      examples/fashion-hpo.yaml > "$out/$study.yaml"
  echo "== $study"
  ./gyrus search "$out/$study.yaml" --storage "$db" > "$out/$study.log" 2>&1 || {
    tail -5 "$out/$study.log"; return 1; }
  ./gyrus study export --storage "$db" --study "$study" --format json > "$out/$study.json"
}
pids=()
for seed in $(seq 0 $((seeds - 1))); do
  for algo in tpe random; do
    run_study "$algo" "$seed" &
    pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 2; done
  done
done
for p in "${pids[@]}"; do wait "$p"; done
python3 - "$out" "$trials" "$seeds" "$epochs" "$secs" "$examples" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys, statistics, datetime
out, trials, seeds, epochs, secs, examples, load = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]
command = f"GYRUS_DATA=/work/shared/data bench/recipe_search/run.sh {trials} {seeds} {epochs} {secs} {examples}"
rows, table = [], {}
for algo in ("tpe", "random"):
    for seed in range(seeds):
        study = f"hpo-{algo}-s{seed}-e{epochs}-t{secs}-n{examples}"
        doc = json.load(open(f"{out}/{study}.json"))
        done = [t for t in doc["trials"] if t["state"] == "COMPLETE"]
        best = max(done, key=lambda t: t["values"][0])
        test = float(best["attrs"].get("metric.test_accuracy", "nan"))
        table[(algo, seed)] = (best["values"][0], test, best["number"], len(done),
                               best["attrs"].get("evaluator", ""))
        rows.append({"id": f"{algo}/seed{seed}", "metric": "best validation accuracy",
                     "value": best["values"][0], "unit": "fraction", "anchor": None,
                     "command": command})
summary = {}
for algo in ("tpe", "random"):
    vals = [table[(algo, s)][0] for s in range(seeds)]
    summary[algo] = {"mean": statistics.mean(vals), "min": min(vals), "max": max(vals)}
    rows.append({"id": f"{algo}/mean", "metric": f"mean best validation accuracy over {seeds} seeds",
                 "value": round(summary[algo]["mean"], 4), "unit": "fraction",
                 "anchor": None if algo == "random" else round(summary["random"]["mean"], 4)
                 if "random" in summary else None, "command": command})
wins = sum(table[("tpe", s)][0] > table[("random", s)][0] for s in range(seeds))
doc = {"name": "recipe_search", "date": datetime.date.today().isoformat(), "command": command,
       "trials": trials, "seeds": seeds, "epochs": epochs, "max_seconds": secs,
       "train_examples": examples, "load_after": load,
       "summary": summary, "tpe_wins": wins, "rows": rows}
json.dump(doc, open("bench/results/recipe_search.json", "w"), indent=2)
with open("bench/results/recipe_search.md", "w") as f:
    f.write("# Recipe search: TPE vs random over examples/fashion-hpo.yaml\n\n")
    f.write(f"`{command}` ({doc['date']}; load average after: {load}). A fixed CNN "
            "(conv16-pool-conv32-pool-dense64); searched: optimiser (SGD with momentum/Nesterov, or "
            "Adam with beta2), learning rate (log 1e-4..0.3), weight decay, batch size, schedule, "
            f"flip augmentation. {trials} trials per study, each trained {epochs} epoch(s) over "
            f"{examples if examples != '0' else 'all'} images of the Fashion-MNIST training split "
            f"(1/12 held out for validation; the validation split is whole), time limit {secs} s "
            "(0 = none), one engine thread. Scaled to 2 shared cores: a trial is one short epoch.\n\n")
    f.write("| seed | TPE best val | (its test) | random best val | (its test) |\n|---|---|---|---|---|\n")
    for s in range(seeds):
        t, r = table[("tpe", s)], table[("random", s)]
        f.write(f"| {s} | {t[0]:.4f} (trial {t[2]}) | {t[1]:.4f} | {r[0]:.4f} (trial {r[2]}) | {r[1]:.4f} |\n")
    f.write(f"| mean | **{summary['tpe']['mean']:.4f}** | | **{summary['random']['mean']:.4f}** | |\n\n")
    f.write(f"TPE better than random on {wins} of {seeds} seeds.\n\nBest recipes:\n\n")
    for algo in ("tpe", "random"):
        for s in range(seeds):
            f.write(f"- {algo} seed {s}: `{table[(algo, s)][4]}`\n")
print(json.dumps({"summary": summary, "tpe_wins": wins}))
PY
