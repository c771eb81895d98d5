#!/usr/bin/python3
"""Merges planning bench raw lines as `RETRY=1 run.sh` does, for retries that ran as separate runs.

Usage: merge.py OUT BASE_RAW RETRY_RAW...
Rows of BASE_RAW (one JSON line per instance) are kept, except that a row a RETRY_RAW file has for
the same instance replaces it when the base row is neither SOLVED nor UNSOLVABLE (a retry only ever
ran on unsolved instances; a solved base row stays). Instances missing from BASE_RAW are not added.
Prints which instances came from which file, so the report can say so.
"""
import json
import sys

out, base, retries = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = {}
for line in open(base, encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        rows[r["id"]] = r
for f in retries:
    taken = []
    for line in open(f, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        old = rows.get(r["id"])
        if old is not None and old["status"] not in ("SOLVED", "UNSOLVABLE"):
            rows[r["id"]] = r
            taken.append(r["id"])
    print(f"{f}: {len(taken)} rows taken: {' '.join(taken)}", file=sys.stderr)
with open(out, "w", encoding="utf-8") as w:
    for r in rows.values():
        w.write(json.dumps(r, separators=(",", ":")) + "\n")
