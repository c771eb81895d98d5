#!/usr/bin/env bash
# Redraws the noise row's loss curves from bench/results/claims/noise.json (no training): diverged
# (NaN) epochs are drawn at 3. Needs gyrus-nn built (run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${CLAIMS_OUT:-bench/results/claims}
TMP=$(mktemp -d /tmp/gyrus-replot.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
/usr/bin/python3 - "$OUT/noise.json" "$TMP" <<'PY'
import json, sys
row = json.load(open(sys.argv[1]))
cap = lambda v: 3.0 if v is None or v != v else min(v, 3.0)
with open(sys.argv[2] + "/runs.tsv", "w") as every, open(sys.argv[2] + "/mean.tsv", "w") as mean:
    for arm, runs in row["runs"].items():
        for s, r in enumerate(runs, 1):
            for e, l in enumerate(r["train_loss"], 1):
                every.write(f"{arm} s{s}\t{e}\t{cap(l)}\n")
        n = min(len(r["train_loss"]) for r in runs)
        for e in range(n):
            mean.write(f"{arm}\t{e + 1}\t{sum(cap(r['train_loss'][e]) for r in runs) / len(runs)}\n")
PY
CP="gyrus-core/target/classes:gyrus-nn/target/classes:$(cat gyrus-nn/target/bench-cp.txt)"
java -Djava.awt.headless=true -cp "$CP" org.gyrus.nn.bench.PlotTsv "$TMP/mean.tsv" \
  "$OUT/noise_loss.png" "B20: mean train loss per epoch (NaN at 3)" epoch "train loss"
java -Djava.awt.headless=true -cp "$CP" org.gyrus.nn.bench.PlotTsv "$TMP/runs.tsv" \
  "$OUT/noise_loss_runs.png" "B20: train loss, every run (NaN at 3)" epoch "train loss"
