"""Puts one throughput bench's result into the issue's results files: its JSON under KEY of
bench/results/throughput.json and its Markdown (less its title) as the section "## TITLE" of
bench/results/throughput.md, replacing that section if an older run wrote it. The bench's own
files stay as they are.
Usage: python3 bench/throughput/section.py KEY TITLE SOURCE.json SOURCE.md"""
import json
import os
import re
import sys

key, title, src_json, src_md = sys.argv[1:5]
out_json, out_md = "bench/results/throughput.json", "bench/results/throughput.md"
doc = json.load(open(out_json)) if os.path.exists(out_json) else {"name": "throughput"}
doc[key] = json.load(open(src_json))
json.dump(doc, open(out_json, "w"), indent=2)
body = re.sub(r"\A# [^\n]*\n+", "", open(src_md).read()).rstrip("\n")
md = open(out_md).read() if os.path.exists(out_md) else "# Throughput\n"
section = f"\n## {title}\n\n{body}\n"
pattern = re.compile(r"\n## " + re.escape(title) + r"\n.*?(?=\n## |\Z)", re.S)
md = pattern.sub(lambda m: section, md) if pattern.search(md) else md.rstrip("\n") + "\n" + section
open(out_md, "w").write(md)
