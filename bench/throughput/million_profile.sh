#!/usr/bin/env bash
# Where a command's time goes on a large SQLite study (issue 12 §4): the JVM's own start
# (`java -version`), `gyrus --version` (picocli given every subcommand), SQLite's whole-file
# quick_check (what every open did before files over 64 MiB got bounded checks), `study best`
# without and with the AppCDS archive, and the steady-state TPE ask over ASKS worker asks. Each
# figure is the median of REPS runs, wall and CPU seconds (user + system). The study is filled by
# the same SQL as million.sh. Writes bench/results/million_profile.{json,md}.
# Usage: [REPS=3] [ASKS=400] bench/throughput/million_profile.sh [TRIALS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000000}"
reps="${REPS:-3}"
asks="${ASKS:-400}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
./gyrus types > /dev/null # build first, outside the timing
cat > "$tmp/exp.yaml" <<YAML
_type: experiment
study: million
algorithm: tpe
evaluator: {_type: synthetic, function: hartmann6}
direction: minimize
trials: 1
YAML
# the fill functions of million.sh (one definition of the synthetic study)
eval "$(sed -n '/^point()/,/^}/p;/^sqlite_rnd=/p;/^fill_sqlite()/,/^}/p' bench/throughput/million.sh)"
url="sqlite:$tmp/million.db"
./gyrus search "$tmp/exp.yaml" --storage "$url" --trials 1 > /dev/null 2>&1
fill_sqlite "$tmp/million.db"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
median() { # NAME COMMAND...: "wall cpu", medians over $reps runs
  local name="$1"
  shift
  for _ in $(seq 1 "$reps"); do
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" > "$tmp/$name.out" 2>&1 || echo "failed: $name" >&2
    awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$tmp/t"
  done | python3 -c "import sys, statistics as s; r=[l.split() for l in sys.stdin]; \
print(round(s.median(float(a) for a, _ in r), 2), round(s.median(float(b) for _, b in r), 2))"
}
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rows=()
rows+=("jvm_start $(median jvm "$java_cmd" -Xshare:auto -version)")
rows+=("gyrus_version $(median version ./gyrus --version)")
if command -v sqlite3 > /dev/null; then
  rows+=("sqlite_quick_check $(median qc sqlite3 "$tmp/million.db" 'PRAGMA quick_check')")
fi
rows+=("study_best_no_cds $(GYRUS_NO_CDS=1 median bestnocds ./gyrus study best --storage "$url" --study million)")
./gyrus study list --storage "$url" > /dev/null # makes the study archive if it is missing
rows+=("study_best_cds $(median bestcds ./gyrus study best --storage "$url" --study million)")
./gyrus worker --storage "$url" --study million --trials $((n + asks)) --timings > "$tmp/asks.out" 2>&1
p50=$(sed -n 's/.*ask_p50_ms=\([0-9.]*\).*/\1/p' "$tmp/asks.out" | head -1)
cpu50=$(sed -n 's/.*ask_cpu_p50_ms=\([0-9.]*\).*/\1/p' "$tmp/asks.out" | head -1)
rows+=("tpe_ask_p50_ms ${p50:-nan} ${cpu50:-nan}")
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$n" "$reps" "$asks" "$load_before" "$load" "${rows[@]}" <<'PY'
import json, sys, datetime
n, reps, asks, load_before, load, rows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6:]
out = {}
for r in rows:
    k, wall, cpu = r.split()
    out[k] = {"wall": float(wall), "cpu": float(cpu)}
cmd = ("" if reps == 3 else f"REPS={reps} ") + ("" if asks == 400 else f"ASKS={asks} ") \
    + f"bench/throughput/million_profile.sh {n}"
doc = {"name": "million_profile", "date": datetime.date.today().isoformat(), "command": cmd,
       "trials": n, "reps": reps, "worker_asks": asks, "load_before": load_before,
       "load_after": load, "rows": out}
json.dump(doc, open("bench/results/million_profile.json", "w"), indent=2)
labels = {"jvm_start": "`java -version` (the JVM's own start)",
          "gyrus_version": "`gyrus --version` (picocli given every subcommand)",
          "sqlite_quick_check": "`sqlite3 FILE 'PRAGMA quick_check'` (every open before, > 64 MiB)",
          "study_best_no_cds": "`GYRUS_NO_CDS=1 gyrus study best`",
          "study_best_cds": "`gyrus study best` with the study AppCDS archive",
          "tpe_ask_p50_ms": f"TPE ask p50 over {asks} worker asks (ms, in-process)"}
with open("bench/results/million_profile.md", "w") as f:
    f.write(f"# Where the time goes on a study of {n:,} trials (SQLite)\n\n`{cmd}` ({doc['date']}, "
            f"load average before {load_before}, after {load}); medians of {reps} runs.\n\n"
            "| what | wall | CPU (user + system) |\n|---|---|---|\n")
    for k, v in out.items():
        f.write(f"| {labels.get(k, k)} | {v['wall']} | {v['cpu']} |\n")
print(json.dumps(doc))
PY
