#!/usr/bin/python3
"""Writes the JSON lines behind a report (bench/results/hpo.json) back into a work directory
(DIR/gyrus.jsonl, DIR/optuna.jsonl, DIR/overhead.jsonl), so that a later run.sh can fold them with
new lines (REPORT_DIRS=NEW,DIR: at equal seed counts the directory listed first wins) without the
raw files of the run that made them.
  unpack.py bench/results/hpo.json DIR"""
import json, os, sys

src, out = sys.argv[1:3]
doc = json.load(open(src))
os.makedirs(out, exist_ok=True)
files = {name: open(os.path.join(out, name + ".jsonl"), "w") for name in ("gyrus", "optuna", "overhead")}
for r in doc["results"]:
    files[r["system"]].write(json.dumps(r) + "\n")
for o in doc.get("overhead", []):
    files["overhead"].write(json.dumps(o) + "\n")
for f in files.values():
    f.close()
print({name: sum(1 for _ in open(os.path.join(out, name + ".jsonl"))) for name in files})
