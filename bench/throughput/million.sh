#!/usr/bin/env bash
# A study of 1,000,000 trials in SQLite and in PostgreSQL (synthetic Hartmann-6 points written by
# SQL, the first trial by `gyrus search`), then the commands a user runs on it, timed as whole
# processes: `study list`, `study best`, `study show | head`, `export`, the dashboard's first page,
# and one more TPE trial (`search --trials N+1`: loading the history and one ask); then ASKS (100) more TPE
# trials by `gyrus worker --timings`, whose ask latencies (p50, and the max: the first ask, which
# reads the history) are in-process figures without the JVM start.
# With BASELINE=REF (a git commit; BASELINE_DIR=DIR reuses a tree already built from it), every
# command also runs with that build, before this tree's, on the same study: before/after in one run.
# Each command's CPU seconds (user + system of the process; the dashboard's: the server's CPU while
# it answers the first page) are recorded beside its wall seconds: on a loaded machine the wall time
# is mostly waiting for a core. Each build's first `study` command (a `study list`) runs before the
# others and is reported apart as first_study_command_s: with this tree's ./gyrus it makes the AppCDS
# archive the later study commands use. The load average is recorded before and after. On a
# shared machine one run of a command says little: `study list`, `study best`, `study show | head`
# and the dashboard's first page run REPS times (default 3) and their medians (wall and CPU apart)
# are recorded; the fill, the export and the TPE trials run once.
# Writes bench/results/million.{json,md}, and its section of bench/results/throughput.{json,md}.
# Usage: [BASELINE=REF [BASELINE_DIR=DIR]] [ASKS=N] [REPS=N] bench/throughput/million.sh [TRIALS]
#   (default 1000000 trials, 100 asks, 3 repetitions)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000000}"
asks="${ASKS:-100}" # TPE trials the worker runs after the one more trial
reps="${REPS:-3}"   # runs of each short command (medians recorded)
tmp="$(mktemp -d)"
if [ -z "${GYRUS_PG_URL:-}" ]; then
  eval "$(.ci/postgres)"
  trap '.ci/postgres stop "$GYRUS_PG_DIR"' EXIT
fi
psql=("$(cat "$GYRUS_PG_DIR/bin")/psql" -q -v ON_ERROR_STOP=1)
./gyrus types > /dev/null # build first, outside the timing
base=""
if [ -n "${BASELINE:-}" ]; then
  base="${BASELINE_DIR:-$tmp/base}"
  if [ ! -x "$base/gyrus" ]; then
    mkdir -p "$base"
    git archive "$BASELINE" | tar -x -C "$base"
    (cd "$base" && ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests -Dspotless.skip=true >&2 \
      && touch .gyrus-build.stamp)
  fi
fi
cat > "$tmp/exp.yaml" <<YAML
_type: experiment
study: million
algorithm: tpe
evaluator: {_type: synthetic, function: hartmann6}
direction: minimize
trials: 1
YAML
point() { # SQL for one random point's JSON, with or without the node type
  local prefix="$1" rnd="$2"
  local s="'{$prefix"
  for i in 0 1 2 3 4 5; do
    s="$s\"x$i\":' || $rnd || '"
    [ $i -lt 5 ] && s="$s,"
  done
  echo "$s}'"
}
sqlite_rnd="((abs(random()) % 1000000) / 1000000.0)" # parenthesised: || binds tighter than / in SQLite
pg_rnd="round(random()::numeric, 6)"
fill_sqlite() {
  local dna params
  dna="$(point "" "$sqlite_rnd")"
  params="$(point '"_type":"point",' "$sqlite_rnd")"
  sqlite3 "$1" "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $((n - 1)))
    INSERT INTO trials (study_id, number, state, dna, dna_key, params, vals, seed, version, host,
      start_ms, end_ms, heartbeat_ms, seq)
    SELECT 1, i, 'COMPLETE', d, d, $params, '[' || (-(abs(random()) % 3322000) / 1000000.0) || ']',
      i, 'bench', 'bench:0', 1700000000000 + i, 1700000000001 + i, 1700000000001 + i, i + 10
    FROM (SELECT i, $dna AS d FROM c);"
}
fill_pg() {
  local dna params
  dna="$(point "" "$pg_rnd")"
  params="$(point '"_type":"point",' "$pg_rnd")"
  "${psql[@]}" -d "$1" -c "INSERT INTO trials (study_id, number, state, dna, dna_key, params, vals,
      seed, version, host, start_ms, end_ms, heartbeat_ms, seq)
    SELECT s.id, i, 'COMPLETE', d, d, $params, '[' || round(-random()::numeric * 3.322, 6) || ']',
      i, 'bench', 'bench:0', 1700000000000 + i, 1700000000001 + i, 1700000000001 + i, i + 10
    FROM (SELECT i, $dna AS d FROM generate_series(1, $((n - 1))) i) g,
      (SELECT id FROM studies WHERE name = 'million') s;
    ANALYZE trials;"
}
timed() { # NAME COMMAND...: "wall cpu" seconds of the whole process, output to $tmp/NAME.out
  local name="$1"
  shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/$name.time" "$@" > "$tmp/$name.out" 2>&1 \
    || echo "failed: $name (see $tmp/$name.out)" >&2
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/$name.time"
}
medians() { # reads "wall cpu" lines, prints "wall cpu": the median of each
  python3 -c "import sys, statistics as s; r=[l.split() for l in sys.stdin if l.strip()]; \
print(round(s.median(float(a) for a, _ in r), 2), round(s.median(float(b) for _, b in r), 2))"
}
repeated() { # COMMAND...: the medians of $reps runs of a command printing "wall cpu"
  for _ in $(seq 1 "$reps"); do "$@"; done | medians
}
dashboard_first_page() { # URL [TREE]: "wall cpu" seconds until the study's first page and its data
  # answer (cpu: the server's, from /proc, over the same requests)
  local port=$((7900 + RANDOM % 50)) start end c0 c1
  "${2:-.}/gyrus" dashboard --storage "$1" --port "$port" > "$tmp/dash.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "127.0.0.1:$port/" && break; sleep 0.2; done
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  start=$(date +%s.%N)
  curl -s -o /dev/null "127.0.0.1:$port/study?name=million"
  curl -s -o /dev/null --max-time 300 "127.0.0.1:$port/api/study?name=million"
  end=$(date +%s.%N)
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  python3 -c "print(round($end - $start, 2), round(($c1 - $c0) / $(getconf CLK_TCK), 2))"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
for store in sqlite postgresql; do
  if [ $store = sqlite ]; then
    url="sqlite:$tmp/million.db"
  else
    "${psql[@]}" -d "$GYRUS_PG_URL" -c "DROP DATABASE IF EXISTS million" -c "CREATE DATABASE million"
    url="${GYRUS_PG_URL%/*}/million"
  fi
  ./gyrus search "$tmp/exp.yaml" --storage "$url" --trials 1 > /dev/null 2>&1
  start=$(date +%s)
  if [ $store = sqlite ]; then fill_sqlite "$tmp/million.db"; else fill_pg "$url"; fi
  fill_s=$(( $(date +%s) - start ))
  run_all() { # TREE LABEL TRIALS: every command with that build (TRIALS: the study's size before)
    # prints one row "store label key=wall,cpu ..."
    local tree="$1" label="$2" count="$3" first list best show export dash ask p50 pmax cpu50
    first=$(timed "first$label" "$tree/gyrus" study list --storage "$url")
    list=$(repeated timed "list$label" "$tree/gyrus" study list --storage "$url")
    best=$(repeated timed "best$label" "$tree/gyrus" study best --storage "$url" --study million)
    show=$(repeated timed "show$label" bash -c "'$tree/gyrus' study show --storage '$url' --study million | head -20")
    export=$(timed "export$label" "$tree/gyrus" study export --storage "$url" --study million \
      -o "$tmp/export-$store$label.csv")
    dash=$(repeated dashboard_first_page "$url" "$tree")
    count=$((count + 1))
    ask=$(timed "ask$label" "$tree/gyrus" search "$tmp/exp.yaml" --storage "$url" --trials $count)
    count=$((count + asks))
    "$tree/gyrus" worker --storage "$url" --study million --trials $count --timings > "$tmp/asks$label.out" 2>&1
    p50=$(sed -n 's/.*ask_p50_ms=\([0-9.]*\).*/\1/p' "$tmp/asks$label.out" | head -1)
    pmax=$(sed -n 's/.*ask_max_ms=\([0-9.]*\).*/\1/p' "$tmp/asks$label.out" | head -1)
    cpu50=$(sed -n 's/.*ask_cpu_p50_ms=\([0-9.]*\).*/\1/p' "$tmp/asks$label.out" | head -1)
    echo "$store ${label:-this} fill=$fill_s,nan first=${first/ /,} list=${list/ /,} best=${best/ /,}" \
      "show=${show/ /,} export=${export/ /,} dash=${dash/ /,} ask=${ask/ /,}" \
      "askp50=${p50:-nan},${cpu50:-nan} askmax=${pmax:-nan},nan" \
      "best_line=$(grep -m1 '^# trial' "$tmp/best$label.out" | tr ' ' '_' || true)"
  }
  here=$n
  if [ -n "$base" ]; then
    row="$(run_all "$base" -base $n)"
    echo "$row"
    rows+=("$row")
    here=$((n + 1 + asks))
  fi
  row="$(run_all . "" $here)"
  echo "$row"
  rows+=("$row")
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$n" "$load_before" "$load" "${BASELINE:-}" "$asks" "$reps" "${rows[@]}" <<'PY'
import json, sys, datetime
n, load_before, load, baseline = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
asks, reps, rows = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7:]
names = {"fill": "fill_s", "first": "first_study_command_s", "list": "list_s", "best": "best_s",
         "show": "show_head_s", "export": "export_s", "dash": "dashboard_first_page_s",
         "ask": "one_more_tpe_trial_s", "askp50": "tpe_ask_p50_ms", "askmax": "tpe_ask_max_ms"}
def cpu_key(k):  # best_s -> best_cpu_s, tpe_ask_p50_ms -> tpe_ask_p50_cpu_ms
    return k[:-3] + "_cpu_ms" if k.endswith("_ms") else k[:-2] + "_cpu_s"
out = {}
for r in rows:
    store, build, *kvs = r.split()
    row = {}
    for kv in kvs:
        k, v = kv.split("=", 1)
        if k == "best_line":
            row[k] = v.replace("_", " ")
            continue
        wall, cpu = (float(x) for x in v.split(","))
        row[names[k]] = wall
        if cpu == cpu:
            row[cpu_key(names[k])] = cpu
    out.setdefault(store, {})["baseline" if build == "-base" else "this"] = row
doc = {"name": "million", "date": datetime.date.today().isoformat(),
       "command": (f"BASELINE={baseline} " if baseline else "") + ("" if asks == 100 else f"ASKS={asks} ")
       + ("" if reps == 3 else f"REPS={reps} ") + f"bench/throughput/million.sh {n}",
       "worker_asks": asks, "repetitions": reps,
       "trials": n, "load_before": load_before, "load_after": load, "baseline": baseline or None,
       "goals": {"best_s": 1.0, "dashboard_first_page_s": 2.0, "tpe_ask_ms": 5.0},
       "stores": out}
json.dump(doc, open("bench/results/million.json", "w"), indent=2)
cols = [("first_study_command_s", "first study command"), ("list_s", "study list"),
        ("best_s", "study best"), ("show_head_s", "study show (first 20 lines)"),
        ("export_s", "export"), ("dashboard_first_page_s", "dashboard first page"),
        ("one_more_tpe_trial_s", "one more TPE trial"), ("tpe_ask_p50_ms", "TPE ask p50 ms (worker)"),
        ("tpe_ask_max_ms", "TPE ask max ms")]
def cell(row, k):
    if k not in row:
        return "-"
    c = cpu_key(k)
    return f"{row[k]} ({row[c]})" if c in row else str(row[k])
with open("bench/results/million.md", "w") as f:
    f.write(f"# A study of {n:,} trials\n\n`{doc['command']}` ({doc['date']}, load average before "
            f"{load_before}, after {load}): whole-process wall seconds of each command (JVM start "
            "included), CPU seconds in brackets (user + system; the dashboard: the server's CPU "
            "while it answers; the TPE ask: the worker's CPU per ask, PostgreSQL's own not "
            f"included). Study list, best, show and the dashboard: medians of {reps} runs "
            "(wall and CPU apart); the rest: one run.\n\n")
    f.write("| store | build | fill (SQL) | " + " | ".join(c[1] for c in cols) + " |\n")
    f.write("|---|---|---|" + "---|" * len(cols) + "\n")
    for s, builds in out.items():
        for b, row in builds.items():
            label = baseline if b == "baseline" else "this"
            f.write(f"| {s} | {label} | {row['fill_s']} | "
                    + " | ".join(cell(row, k) for k, _ in cols) + " |\n")
    f.write("\nGoals: `study best` < 1 s, dashboard first page < 2 s, TPE ask < 5 ms. "
            "The first study command of this tree's build makes the AppCDS archive (./gyrus).\n")
    for s, builds in out.items():
        for b, row in builds.items():
            f.write(f"\n{s} ({b}) best: {row.get('best_line', '')}")
    f.write("\n")
print(json.dumps(doc))
PY
python3 bench/throughput/section.py million "A study of 1,000,000 trials" \
  bench/results/million.json bench/results/million.md
