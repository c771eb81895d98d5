#!/usr/bin/env python3
"""Issue 16's combined results: bench/results/program_learning.{json,md} from the parts each
bench script of this directory writes (program_learning_ilp, _perception, _symreg, _snip). Every
script calls this at its end, so the combined files follow the latest run of any part; a missing
part is listed as not run. Usage: report.py [RESULTS_DIR]"""
import json
import pathlib
import sys

RESULTS = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                       pathlib.Path(__file__).resolve().parents[2] / "bench" / "results")
PARTS = [
    ("program_learning_ilp", "§1 ILP on Michalski's trains (symbolic)", "bench/program_learning/ilp.py"),
    ("program_learning_perception", "§1 trains from raw attributes (perception + ILP)",
     "bench/program_learning/perception.py"),
    ("program_learning_symreg", "§2 symbolic regression (Nguyen, Constant, other DSO sets)",
     "bench/program_learning/symreg.sh"),
    ("program_learning_snip", "§3 SNIP: formula-data retrieval and search prior",
     "bench/program_learning/snip.sh"),
]


def main():
    doc = {"name": "program_learning", "parts": {}, "rows": []}
    md = ["# Learning programs from data (issue 16)", "",
          "Combined from the part files below (each written by its script, which then calls "
          "`bench/program_learning/report.py`); headings one level down, text unchanged.", ""]
    for name, title, script in PARTS:
        js, text = RESULTS / (name + ".json"), RESULTS / (name + ".md")
        if not js.exists() or not text.exists():
            doc["parts"][name] = None
            md += [f"## {title}", "", f"Not run: `{script}` writes {name}.{{json,md}}.", ""]
            continue
        part = json.loads(js.read_text())
        doc["parts"][name] = {"script": script, "file": name + ".json"}
        doc["rows"] += [dict(r, part=name) for r in part.get("rows", [])]
        body = text.read_text().splitlines()
        if body and body[0].startswith("# "):
            body = body[1:]
        md += [f"## {title}", "", f"From [{name}.md]({name}.md) (`{script}`)."]
        md += [("#" + line) if line.startswith("#") else line for line in body]
        md.append("")
    (RESULTS / "program_learning.json").write_text(json.dumps(doc, indent=1) + "\n")
    (RESULTS / "program_learning.md").write_text("\n".join(md).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
