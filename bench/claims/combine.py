"""Merges bench/results/claims/ROW.json files into bench/results/claims.{json,md}."""
import json
import pathlib
import sys

row_dir, json_out, md_out = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
rows, detail = [], {}
for f in sorted(p for p in row_dir.glob("*.json") if p.name != "claims.json"):
    data = json.loads(f.read_text())
    for r in data["rows"]:
        rows.append({**r, "command": data["command"]})
    detail[f.stem] = {k: v for k, v in data.items() if k != "rows"}
pathlib.Path(json_out).write_text(json.dumps({"rows": rows, "detail": detail}, indent=2) + "\n")


def show(v, unit):
    if isinstance(v, float) and unit == "fraction":
        return f"{100 * v:.2f}%"
    return str(v)


lines = [
    "# Claims of B20 (gradient noise) and B21 (cyclical curriculum), issue 23 §1–2",
    "",
    "Written by `bench/claims/run.sh ROW` from the row files in `bench/results/claims/`.",
    "",
    "| id | metric | value | anchor | command |",
    "|---|---|---|---|---|",
]
for r in rows:
    lines.append(f"| {r['id']} | {r['metric']} | {show(r['value'], r['unit'])} | {r['anchor']} "
                 f"| `{r['command']}` |")
lines.append("")
for name, d in detail.items():
    lines.append(f"- **{name}**: {d.get('protocol', '')}; plots: "
                 + ", ".join(f"`{p}`" for p in d.get("plots", [])))
notes = row_dir / "NOTES.md"
if notes.exists():
    lines += ["", notes.read_text().strip()]
pathlib.Path(md_out).write_text("\n".join(lines) + "\n")
