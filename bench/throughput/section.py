"""Puts one throughput bench's result into the issue's results files: its JSON under KEY of
bench/results/throughput.json and its Markdown (less its title) as the section "## TITLE" of
bench/results/throughput.md, replacing that section if an older run wrote it. The bench's own
files stay as they are. bench/train_vs_pytorch/per_step.py calls put() directly.
Usage: python3 bench/throughput/section.py KEY TITLE SOURCE.json SOURCE.md"""
import json
import os
import re
import sys


def put(key, title, data, body, out_json="bench/results/throughput.json",
        out_md="bench/results/throughput.md"):
    doc = json.load(open(out_json)) if os.path.exists(out_json) else {"name": "throughput"}
    doc[key] = data
    json.dump(doc, open(out_json, "w"), indent=2)
    md = open(out_md).read() if os.path.exists(out_md) else "# Throughput\n"
    section = f"\n## {title}\n\n{body.rstrip(chr(10))}\n"
    pattern = re.compile(r"\n## " + re.escape(title) + r"\n.*?(?=\n## |\Z)", re.S)
    md = pattern.sub(lambda m: section, md) if pattern.search(md) else md.rstrip("\n") + "\n" + section
    open(out_md, "w").write(md)


if __name__ == "__main__":
    key, title, src_json, src_md = sys.argv[1:5]
    put(key, title, json.load(open(src_json)), re.sub(r"\A# [^\n]*\n+", "", open(src_md).read()))
