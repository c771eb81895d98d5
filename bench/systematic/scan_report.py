"""Turns scan.sh's raw rows into bench/results/systematic_scan.{json,md}."""
import json
import re
import statistics
import sys
from pathlib import Path

raw, out, load = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
anchors = {"nsr": "NSR (Li et al. 2024): 100% on every SCAN split; goal 100%",
           "seq2seq": "Lake & Baroni 2018 LSTM: simple ~99.8, length ~14, add-jump ~1, turn-left ~90"}
rows, runs = [], {}
for line in raw.read_text().splitlines():
    name, model, cmd, text = line.split("\t")
    seed = int(re.search(r"seed (\d+)", text).group(1))
    right, total, acc = re.search(r"test exact (\d+)/(\d+) = ([0-9.]+)", text).groups()
    tw, tc = map(float, re.search(r"train wall ([0-9.]+) s cpu ([0-9.]+) s", text).groups())
    row = {"id": f"scan_{name}_{model}_seed{seed}" if name != "arith_postfix" else f"{name}_{model}_seed{seed}",
           "metric": "exact-match accuracy on the test split", "value": round(100 * float(acc), 2),
           "unit": "%", "anchor": anchors[model], "command": cmd + (f"  (seed {seed})"),
           "split": name, "model": model, "seed": seed, "right": int(right), "total": int(total),
           "train_wall_seconds": tw, "train_cpu_seconds": tc}
    m = re.search(r"train explained (\d+)/(\d+)", text)
    if m:
        row["train_explained"], row["train_examples"] = int(m.group(1)), int(m.group(2))
    m = re.search(r"final loss ([0-9.]+)", text)
    if m:
        row["final_train_loss"] = float(m.group(1))
    rows.append(row)
    runs.setdefault((name, model), []).append(row)
order = ["simple", "length", "addprim_jump", "addprim_turn_left", "template_around_right", "arith_postfix"]
md = ["# SCAN with a neural-symbolic recursive machine (issue 15 section 1)", "",
      "Exact match on the test split; medians over seeds, with the range. Train time is the",
      "learner's own (JVM start and file reading excluded); CPU is the process's CPU seconds.",
      f"Machine: 2 shared cores; load when the report was written: `{load.strip()}`.", "",
      "| split | model | seeds | exact match % (median, min–max) | train wall s (median) | train CPU s (median) |",
      "|---|---|---|---|---|---|"]
for name in order:
    for model in ["nsr", "seq2seq"]:
        rs = runs.get((name, model))
        if not rs:
            continue
        v = [r["value"] for r in rs]
        md.append(f"| {name} | {model} | {len(rs)} | {statistics.median(v):.2f} ({min(v):.2f}–{max(v):.2f}) | "
                  f"{statistics.median(r['train_wall_seconds'] for r in rs):.1f} | "
                  f"{statistics.median(r['train_cpu_seconds'] for r in rs):.1f} |")
md += ["", "Models: `nsr` = chart dependency parser with learned arc statistics + programs induced in a",
       "sequence DSL + deduction-abduction over a length curriculum (gyrus-nesy `org.gyrus.nesy.nsr`);",
       "the seed only shuffles the order within a length. `seq2seq` = LSTM encoder-decoder, no attention,",
       "teacher forcing, Adam, greedy decoding, budget in the command (steps x batch 64).",
       "`arith_postfix` = spelled-out arithmetic to postfix (generated, seed 0; train <= 2 operators,",
       "test 3-4 operators), given as two aligned files: the same learner, unchanged.",
       "Learned programs per set: `bench/results/systematic_scan_programs/`.", "",
       "The seq2seq budget (2,000 steps of 64 = about 8 epochs, LSTM width 64) is about 2% of Lake and",
       "Baroni's 100,000 steps, which is why it reaches only ~58% on simple; its failure pattern is the",
       "expected one (add-jump ~0%, around-right 0%, length ~13%, turn-left about half). NSR trains in",
       "1-4 CPU seconds per split; its wall times are inflated by the machine's load.", "",
       "Commands:", ""]
seen = set()
for r in rows:
    c = r["command"].rsplit("  (seed", 1)[0]
    if c not in seen:
        seen.add(c)
        md.append(f"    {c}")
(out / "systematic_scan.json").write_text(json.dumps({"rows": rows}, indent=2) + "\n")
(out / "systematic_scan.md").write_text("\n".join(md) + "\n")
print("\n".join(md))
