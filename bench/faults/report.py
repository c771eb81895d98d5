"""Summarises fault-bench rows (OUT/faults-*.jsonl) into bench/results/faults.{json,md}.

Usage: report.py OUT RUNS WORKERS TRIALS KILLS SECONDS RESTARTS TEST_EXIT_STATUS
(run.sh calls it; call it by hand on the rows of a run that was stopped early, or of halves run
apart; FAULTS_NOTE, if set, is written under the heading to say so)."""
import json, glob, os, sys, datetime
out, runs, workers, trials, kills, secs, restarts, status = sys.argv[1:9]
failure = sys.argv[9] if len(sys.argv) > 9 else ""  # what the failing run's assertion said
note = os.environ.get("FAULTS_NOTE", "")  # how the run was made, when not by run.sh in one go
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
    "test_exit_status": int(status),
    "failure": failure,
    "note": note,  # non-zero: a run failed its checks (see the surefire report)
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
    if note:
        f.write(note + "\n\n")
    if int(status) != 0:
        f.write(f"**A run failed its checks** (test exit status {status}){': ' + failure if failure else ''}. "
                "The runs below are those that finished and passed before it.\n\n")
    short = {s: v["runs"] for s, v in summary.items() if v["runs"] < int(runs)}
    if short:
        f.write("**Stopped before the end:** finished runs per store " + ", ".join(
            f"{s} {n} of {runs}" for s, n in short.items()) + " (every finished run is counted "
            "below; the rest did not run).\n\n")
    f.write("| store | runs | short studies | lost results | stuck RUNNING | kills | DB restarts |\n")
    f.write("|---|---|---|---|---|---|---|\n")
    for s, v in summary.items():
        f.write(f"| {s} | {v['runs']} | {v['short_studies']} | {v['lost']} | {v['stuck_running']} | "
                f"{v['kills']} | {v['db_restarts']} |\n")
print(json.dumps(summary))
