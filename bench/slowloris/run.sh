#!/usr/bin/env bash
# Slowloris bench: this tree's dashboard vs Python stdlib servers (and, with OLD=DIR, the
# dashboard of another checkout built the same way, e.g. the commit before issue 11:
#   git archive b720d56 | tar -x -C /tmp/old && (cd /tmp/old && ./mvnw -q -pl gyrus-app -am verify -DskipTests)).
# Needs this tree built: ./mvnw -q -pl gyrus-app -am verify -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cp_of() {
  local r="$1" cp=""
  for m in app core search logic nn nesy; do cp="$cp$r/gyrus-$m/target/classes:"; done
  echo "$cp$r/gyrus-app/target/lib/*"
}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$(cp_of "$root")" org.gyrus.app.Main search "$root/examples/nb201-tpe.yaml" \
  --storage "sqlite:$work/bench.db" --trials 100 > /dev/null 2>&1
args=(--gyrus-cp "$(cp_of "$root")" --db "$work/bench.db" --idle "${IDLE:-0,30,200}" --requests "${REQUESTS:-200}")
if [ -n "${OLD:-}" ]; then args+=(--old-cp "$(cp_of "$OLD")"); fi
export BENCH_COMMAND="IDLE=${IDLE:-0,30,200} REQUESTS=${REQUESTS:-200}${OLD:+ OLD=$OLD} bench/slowloris/run.sh"
nice -n 10 /usr/bin/python3 "$root/bench/slowloris/bench.py" "${args[@]}"
