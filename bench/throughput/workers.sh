#!/usr/bin/env bash
# Trials per hour of `gyrus search` on the demo's CNN space (embedded Fashion-MNIST split, each
# trial trained for at most 9 s on one engine thread) with 1 and with 2 worker processes
# (`--workers`), same experiment, same number of trials. Writes bench/results/throughput.{json,md}.
# Usage: bench/throughput/workers.sh [TRIALS]   (default 16)
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-16}"
tmp="$(mktemp -d)"
cat > "$tmp/exp.yaml" <<YAML
_type: experiment
study: throughput
algorithm: random
evaluator:
  _type: train
  data: embedded-fashion-mnist
  recipe: {_type: recipe, optimizer: adam, lr: 2.0e-3, epochs: 3, batch_size: 64, max_seconds: 9}
space_file: $PWD/gyrus-nn/src/main/resources/org/gyrus/nn/spaces/fashion-cnn.yaml
trials: $trials
YAML
./gyrus types > /dev/null # build first, outside the timing
declare -A secs
for w in 1 2; do
  start=$(date +%s.%N)
  ./gyrus search "$tmp/exp.yaml" --storage "sqlite:$tmp/w$w.db" --workers "$w" > "$tmp/w$w.log" 2>&1
  end=$(date +%s.%N)
  secs[$w]=$(python3 -c "print(round($end - $start, 1))")
  echo "workers $w: $trials trials in ${secs[$w]} s"
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$trials" "${secs[1]}" "${secs[2]}" "$load" <<'PY'
import json, sys, datetime
trials, s1, s2, load = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
tph = {w: round(trials * 3600 / s) for w, s in ((1, s1), (2, s2))}
doc = {"name": "throughput", "date": datetime.date.today().isoformat(),
       "command": f"bench/throughput/workers.sh {trials}", "trials": trials,
       "seconds": {"1": s1, "2": s2}, "trials_per_hour": {"1": tph[1], "2": tph[2]},
       "speedup": round(s1 / s2, 2), "load_after": load}
# keep the sections other benches write into the same files (bench/train_vs_pytorch/run.sh,
# bench/throughput/section.py: claims, million)
import os, re
kept_md = ""
if os.path.exists("bench/results/throughput.json"):
    old = json.load(open("bench/results/throughput.json"))
    for k, v in old.items():
        doc.setdefault(k, v)
    m = re.search(r"\n## .*\Z", open("bench/results/throughput.md").read(), re.S)
    kept_md = m.group(0) if m else ""
json.dump(doc, open("bench/results/throughput.json", "w"), indent=2)
with open("bench/results/throughput.md", "w") as f:
    f.write("# Throughput: worker processes on one study\n\n")
    f.write(f"`{doc['command']}` ({doc['date']}; load average after: {load}): the demo's CNN space, "
            f"{trials} trials, each trained for at most 9 s on the embedded Fashion-MNIST split with "
            "one engine thread, random search, SQLite study; whole-command wall time.\n\n")
    f.write("| workers | wall s | trials per hour |\n|---|---|---|\n")
    f.write(f"| 1 | {s1} | {tph[1]} |\n| 2 | {s2} | {tph[2]} |\n\n")
    f.write(f"2 workers / 1 worker: **{doc['speedup']}x** (goal >= 1.8x on 2 cores).\n")
    f.write(kept_md)
print(json.dumps(doc))
PY
