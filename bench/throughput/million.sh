#!/usr/bin/env bash
# A study of 1,000,000 trials in SQLite and in PostgreSQL (synthetic Hartmann-6 points written by
# SQL, the first trial by `gyrus search`), then the commands a user runs on it, timed as whole
# processes: `study list`, `study best`, `study show | head`, `export`, the dashboard's first page,
# and one more TPE trial (`search --trials N+1`: loading the history and one ask); then 20 more TPE
# trials by `gyrus worker --timings`, whose ask latencies (p50, and the max: the first ask, which
# reads the history) are in-process figures without the JVM start.
# With BASELINE=REF (a git commit; BASELINE_DIR=DIR reuses a tree already built from it), the
# dashboard page, the one more TPE trial and the worker asks also run with that build, before this
# tree's, on the same study: before/after in one run.
# Writes bench/results/million.{json,md}.
# Usage: [BASELINE=REF [BASELINE_DIR=DIR]] bench/throughput/million.sh [TRIALS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000000}"
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
timed() { # NAME COMMAND...: whole-process seconds, output to $tmp/NAME.out
  local name="$1"
  shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$tmp/$name.out" 2>&1 || echo "failed: $name (see $tmp/$name.out)" >&2
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 2))"
}
dashboard_first_page() { # URL [TREE]: seconds until the study's first page and its data answer
  local port=$((7900 + RANDOM % 50)) start end
  "${2:-.}/gyrus" dashboard --storage "$1" --port "$port" > "$tmp/dash.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "127.0.0.1:$port/" && break; sleep 0.2; done
  start=$(date +%s.%N)
  curl -s -o /dev/null "127.0.0.1:$port/study?name=million"
  curl -s -o /dev/null --max-time 300 "127.0.0.1:$port/api/study?name=million"
  end=$(date +%s.%N)
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  python3 -c "print(round($end - $start, 2))"
}
rows=()
before=()
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
  list_s=$(timed list ./gyrus study list --storage "$url")
  best_s=$(timed best ./gyrus study best --storage "$url" --study million)
  show_s=$(timed show bash -c "./gyrus study show --storage '$url' --study million | head -20")
  export_s=$(timed export ./gyrus study export --storage "$url" --study million -o "$tmp/export-$store.csv")
  count=$n
  more() { # TREE LABEL: the dashboard, one more TPE trial, then 20 more in a worker with timings
    local tree="$1" label="$2"
    dash_s=$(dashboard_first_page "$url" "$tree")
    count=$((count + 1))
    ask_s=$(timed "ask$label" "$tree/gyrus" search "$tmp/exp.yaml" --storage "$url" --trials $count)
    count=$((count + 20))
    "$tree/gyrus" worker --storage "$url" --study million --trials $count --timings > "$tmp/asks$label.out" 2>&1
    ask_p50=$(sed -n 's/.*ask_p50_ms=\([0-9.]*\).*/\1/p' "$tmp/asks$label.out" | head -1)
    ask_max=$(sed -n 's/.*ask_max_ms=\([0-9.]*\).*/\1/p' "$tmp/asks$label.out" | head -1)
  }
  if [ -n "$base" ]; then
    more "$base" -base
    echo "$store baseline $BASELINE: dashboard ${dash_s}s one-more-TPE-trial ${ask_s}s, worker asks p50 ${ask_p50:-?} ms max ${ask_max:-?} ms"
    before+=("$store $dash_s $ask_s ${ask_p50:-nan} ${ask_max:-nan}")
  fi
  more . ""
  best_line="$(grep -m1 '^# trial' "$tmp/best.out" || true)"
  echo "$store: fill ${fill_s}s list ${list_s}s best ${best_s}s show ${show_s}s export ${export_s}s dashboard ${dash_s}s one-more-TPE-trial ${ask_s}s, worker asks p50 ${ask_p50:-?} ms max ${ask_max:-?} ms ($best_line)"
  rows+=("$store $fill_s $list_s $best_s $show_s $export_s $dash_s $ask_s ${ask_p50:-nan} ${ask_max:-nan}")
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$n" "$load" "${BASELINE:-}" "${#rows[@]}" "${rows[@]}" "${before[@]}" <<'PY'
import json, sys, datetime
n, load, baseline, k = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
rows, before = sys.argv[5:5 + k], sys.argv[5 + k:]
keys = ["fill_s", "list_s", "best_s", "show_head_s", "export_s", "dashboard_first_page_s",
        "one_more_tpe_trial_s", "tpe_ask_p50_ms", "tpe_ask_max_ms"]
out = {}
for r in rows:
    store, *vals = r.split()
    out[store] = dict(zip(keys, (float(v) for v in vals)))
bkeys = ["dashboard_first_page_s", "one_more_tpe_trial_s", "tpe_ask_p50_ms", "tpe_ask_max_ms"]
base = {}
for r in before:
    store, *vals = r.split()
    base[store] = dict(zip(bkeys, (float(v) for v in vals)))
doc = {"name": "million", "date": datetime.date.today().isoformat(),
       "command": (f"BASELINE={baseline} " if baseline else "") + f"bench/throughput/million.sh {n}",
       "trials": n, "load_after": load, "baseline": baseline or None, "baseline_stores": base,
       "goals": {"best_s": 1.0, "dashboard_first_page_s": 2.0, "tpe_ask_ms": 5.0},
       "stores": out}
json.dump(doc, open("bench/results/million.json", "w"), indent=2)
with open("bench/results/million.md", "w") as f:
    f.write(f"# A study of {n:,} trials\n\n`{doc['command']}` ({doc['date']}, load average after "
            f"{load}): whole-process seconds of each command (JVM start included).\n\n")
    f.write("| store | fill (SQL) | study list | study best | study show (first 20 lines) | export "
            "| dashboard first page | one more TPE trial | TPE ask p50 / max ms (worker) |\n"
            "|---|---|---|---|---|---|---|---|---|\n")
    for s, v in out.items():
        f.write(f"| {s} | " + " | ".join(str(v[k]) for k in keys[:-2])
                + f" | {v['tpe_ask_p50_ms']} / {v['tpe_ask_max_ms']} |\n")
    if base:
        f.write(f"\nThe same study, same run, with the baseline build {baseline}:\n\n"
                "| store | dashboard first page | one more TPE trial | TPE ask p50 / max ms (worker) |\n"
                "|---|---|---|---|\n")
        for s, v in base.items():
            f.write(f"| {s} | {v['dashboard_first_page_s']} | {v['one_more_tpe_trial_s']} | "
                    f"{v['tpe_ask_p50_ms']} / {v['tpe_ask_max_ms']} |\n")
    f.write("\nGoals: `study best` < 1 s, dashboard first page < 2 s, TPE ask < 5 ms.\n")
print(json.dumps(doc))
PY
