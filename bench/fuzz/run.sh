#!/usr/bin/env bash
# Fuzzers of every parser with N inputs each (issue 11): spec YAML/JSON, Datalog programs and
# queries, FOL (FOLIO text, TPTP, FOLIO JSON lines, ProofWriter English), PDDL, dashboard query strings
# and paths. Random and mutated inputs; the only acceptable failure is the parser's own error type
# (a stack overflow, NPE or any other escape fails the run). Writes bench/results/fuzz.{json,md}.
# Usage: bench/fuzz/run.sh [N]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"
log="$(mktemp)"
start=$(date +%s)
GYRUS_FUZZ="$n" ./mvnw -o -B verify -Dspotless.skip=true -pl gyrus-core,gyrus-search,gyrus-nn,gyrus-logic,gyrus-nesy,gyrus-app \
  -Dtest='SpecFuzzTest,org.gyrus.logic.datalog.FuzzTest,org.gyrus.logic.fol.FuzzTest,PddlFuzzTest,QueryTest' \
  -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 || { grep -E "FAIL|Tests run|ERROR" "$log" | head -30; exit 1; }
secs=$(( $(date +%s) - start ))
python3 - "$log" "$n" "$secs" <<'PY'
import json, re, sys, datetime
log, n, secs = open(sys.argv[1]).read(), int(sys.argv[2]), int(sys.argv[3])
command = f"bench/fuzz/run.sh {n}"
rows = []
for m in re.finditer(r"^fuzz ([^:]+): (\d+) inputs(?:, (\d+) (refused|parsed))?, 0 escaped", log, re.M):
    rows.append({"id": m.group(1), "metric": "inputs without an unexpected exception",
                 "value": int(m.group(2)), "unit": "inputs", "anchor": 100000 * (2 if "+" in m.group(1) else 1),
                 "command": command, "escapes": 0,
                 "note": f"{m.group(3)} {m.group(4)}" if m.group(3) else ""})
ok = re.search(r"Tests run: (\d+), Failures: 0, Errors: 0", log) is not None and "BUILD SUCCESS" in log
doc = {"name": "fuzz", "date": datetime.date.today().isoformat(), "command": command,
       "per_generator": n, "wall_seconds": secs, "all_passed": ok, "rows": rows}
json.dump(doc, open("bench/results/fuzz.json", "w"), indent=2)
with open("bench/results/fuzz.md", "w") as f:
    f.write("# Fuzzing every parser\n\n")
    f.write(f"`{command}` ({doc['date']}, {secs} s wall including the build): random and mutated "
            "inputs per parser; the only acceptable failure is the parser's own error (SpecError, "
            "or an HTTP 400/414 for the dashboard's query strings and paths). Any other exception "
            "fails the run.\n\n| parser(s) | inputs | unexpected exceptions | note |\n|---|---|---|---|\n")
    for r in rows:
        f.write(f"| {r['id']} | {r['value']:,} | 0 | {r['note']} |\n")
print(json.dumps(doc))
PY
