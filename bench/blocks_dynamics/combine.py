"""Merges bench/results/blocks_dynamics/ROW.json files into blocks_dynamics.{json,md}."""
import json
import pathlib
import sys

row_dir, json_out, md_out = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
rows = {}
for f in sorted(row_dir.glob("*.json")):
    data = json.loads(f.read_text())
    rows[data.get("row", f.stem)] = data
pathlib.Path(json_out).write_text(json.dumps(rows, indent=2) + "\n")

lines = [
    "# Blocks II (issue 19): networks that think in time",
    "",
    "Written by `bench/blocks_dynamics/run.sh` from the row files in `bench/results/blocks_dynamics/`.",
    "",
    "| row | metric | ours | anchor | met | command |",
    "|---|---|---|---|---|---|",
]
def flat(metrics, prefix=""):
    """Scalar (and flat list) entries of a row's nested `metrics` (the second row format), as metric / value."""
    for k, v in metrics.items():
        if isinstance(v, dict):
            yield from flat(v, f"{prefix}{k}.")
        elif isinstance(v, (int, float, str)) and not isinstance(v, bool):
            yield f"{prefix}{k}", v
        elif isinstance(v, list) and all(x is None or isinstance(x, (int, float, str)) for x in v):
            yield f"{prefix}{k}", "[" + ", ".join("—" if x is None else str(x) for x in v) + "]"


for name, data in rows.items():
    if "results" not in data and "metrics" in data:  # {metrics, anchor, met} rows
        met = {True: "yes", False: "**missed**", None: "—"}[data.get("met")]
        cells = "; ".join(f"{k} {v}" for k, v in flat(data["metrics"]))
        lines.append(f"| {name} | {cells} | | {data.get('anchor', '')} | {met} | `{data['command']}` |")
        data.setdefault("plots", sorted(str(p) for p in row_dir.glob(name + "*.png")))
        data.setdefault("scale", data.get("notes", ""))
    for r in data.get("results", []):
        met = {True: "yes", False: "**missed**", None: "—"}[r.get("met")]
        lines.append(
            f"| {name} | {r['metric']} | {r['ours']} | {r['anchor']} | {met} | `{data['command']}` |")
lines.append("")
for name, data in rows.items():
    lines.append(f"- **{name}**: {data.get('scale', '')}; plots: "
                 + ", ".join(f"`{p}`" for p in data.get("plots", [])))
pathlib.Path(md_out).write_text("\n".join(lines) + "\n")
