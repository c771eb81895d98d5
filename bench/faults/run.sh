#!/usr/bin/env bash
# Fault injection at scale: RUNS runs per store of WORKERS `gyrus search` processes on one study of
# TRIALS trials, KILLS random SIGKILLs each (every killed worker restarted, as a job array would),
# and RESTARTS PostgreSQL restarts spread over each PostgreSQL run. Writes bench/results/faults.{json,md}.
# Usage: bench/faults/run.sh [RUNS] [WORKERS] [TRIALS] [KILLS] [RESTARTS]   (defaults 10 4 200 20 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}" workers="${2:-4}" trials="${3:-200}" kills="${4:-20}" restarts="${5:-2}"
out="$(mktemp -d)"
if [ -z "${GYRUS_PG_URL:-}" ] && pg="$(.ci/postgres)"; then
  eval "$pg"
  trap '.ci/postgres stop "$GYRUS_PG_DIR"' EXIT
fi
start=$(date +%s)
echo "rows go to $out/faults-STORE.jsonl, one per finished run" >&2
status=0
./mvnw -q -B -ntp verify -Dspotless.skip=true -pl gyrus-app -am -Dtest=FaultInjectionTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.runs="$runs" -Dfaults.workers="$workers" \
  -Dfaults.trials="$trials" -Dfaults.kills="$kills" -Dfaults.restarts="$restarts" \
  -Dfaults.out="$out/faults" || status=$?
secs=$(( $(date +%s) - start ))
/usr/bin/python3 - "$out" "$runs" "$workers" "$trials" "$kills" "$secs" "$restarts" "$status" <<'PY'
import json, glob, sys, datetime
out, runs, workers, trials, kills, secs, restarts, status = sys.argv[1:]
rows = []
for f in sorted(glob.glob(out + "/faults-*.jsonl")):
    rows += [json.loads(l) for l in open(f) if l.strip()]
summary = {}
for store in sorted({r["store"] for r in rows}):
    rs = [r for r in rows if r["store"] == store]
    summary[store] = {
        "runs": len(rs),
        "short_studies": sum(r["complete"] != int(trials) for r in rs),
        "lost": sum(r["lost"] for r in rs),
        "stuck_running": sum(r["running"] for r in rs),
        "kills": sum(r["kills"] for r in rs),
        "db_restarts": sum(r["restarts"] for r in rs),
    }
doc = {
    "name": "faults",
    "date": datetime.date.today().isoformat(),
    "command": f"bench/faults/run.sh {runs} {workers} {trials} {kills} {restarts}",
    "setup": {"workers": int(workers), "trials": int(trials), "kills_per_run": int(kills),
              "db_restarts_per_run": int(restarts)},
    "seconds": int(secs),
    "test_exit_status": int(status),  # non-zero: a run failed its checks (see the surefire report)
    "summary": summary,
    "runs": rows,
}
json.dump(doc, open("bench/results/faults.json", "w"), indent=2)
with open("bench/results/faults.md", "w") as f:
    f.write("# Fault injection\n\n")
    f.write(f"`{doc['command']}` ({doc['date']}, {secs} s): per run, {workers} worker processes on one "
            f"study of {trials} trials, {kills} random SIGKILLs (each killed worker restarted), and "
            f"{restarts} server restart(s) spread over each PostgreSQL run. Duplicates are checked as trial numbers and as "
            "designs; every result a worker printed must be stored.\n\n")
    f.write("| store | runs | short studies | lost results | stuck RUNNING | kills | DB restarts |\n")
    f.write("|---|---|---|---|---|---|---|\n")
    for s, v in summary.items():
        f.write(f"| {s} | {v['runs']} | {v['short_studies']} | {v['lost']} | {v['stuck_running']} | "
                f"{v['kills']} | {v['db_restarts']} |\n")
print(json.dumps(summary))
PY
exit "$status"
