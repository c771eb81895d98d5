#!/usr/bin/env python3
"""Aggregates program_learning_symreg.jsonl into .json (rows: id, metric, value, unit, anchor,
command) and .md. Usage: symreg_report.py RAW.jsonl OUT_BASE COMMAND RUN_SECONDS
Each row's command reruns exactly that row's runs (mode, problem, seeds); COMMAND heads the .md.
Lines without "run_seconds" (written before it was recorded: the 2026-12-03 sweep, 30 s) are
taken to have run under RUN_SECONDS; regenerate with RUN_SECONDS=30 to keep their commands right.
Hand-written notes about the runs: symreg_notes.md beside this script, appended to the .md."""
import json
import os
import statistics
import sys
from collections import defaultdict

raw, base, command, run_seconds = sys.argv[1:5]
runs = [json.loads(l) for l in open(raw) if l.strip()]
# Runs group by their id's first part: the mode, or MODE@LIMIT for a run under a program limit
# other than the default 2M (0 = none), so runs under different budgets never share a row.
by = defaultdict(list)
for r in runs:
    by[(r["id"].split("/")[0], r["problem"])].append(r)


def row_command(tag, problems, rs):
    """The command that reruns exactly these runs; lines written before run_seconds was recorded
    ran under the sweep's RUN_SECONDS."""
    seeds = sorted({r["seed"] for r in rs})
    lo, hi = min(seeds), max(seeds)
    span = f"{lo}-{hi}" if seeds == list(range(lo, hi + 1)) else ",".join(map(str, seeds))
    secs = "/".join(sorted({str(r.get("run_seconds", run_seconds)) for r in rs}))
    mode, _, limit = tag.partition("@")
    return (f"MODES={mode} SEEDS={span} RUN_SECONDS={secs} PROBLEMS={problems} "
            + (f"MAX_PROGRAMS={limit} " if limit else "") + "bench/program_learning/symreg.sh")


def split(name):
    """("Nguyen", 12, "a") for "Nguyen-12a"."""
    fam, num = name.rsplit("-", 1)
    digits = "".join(c for c in num if c.isdigit())
    return fam, int(digits) if digits else 0, num[len(digits):]


def order(key):
    mode, name = key
    fam, num, suffix = split(name)
    return (mode, fam != "Nguyen", fam, num, suffix)


def family(name):
    """Suffixed rows (DSO's "Nguyen-12a": the same formula on another domain) are variants: they
    are reported beside the original problem, never averaged into its family."""
    fam, _, suffix = split(name)
    return fam if not suffix else fam + " variant"


# Nguyen-12a in DSO's csv: Nguyen-12's formula and Koza set sampled on U[0,10,20] instead of
# U[0,1,20] (the wider-domain "Nguyen-12*" variant).
SUBSTITUTE = {"Nguyen-12": "Nguyen-12a"}
ANCHOR = {"Nguyen": "DSR 83.6% avg recovery; neural-guided GP ~92% (published, Nguyen-1..12)"}
def budget(tag, rs):
    secs = "/".join(sorted({str(r.get("run_seconds", run_seconds)) for r in rs}))
    limit = tag.partition("@")[2]
    programs = "2M programs" if not limit else "no program limit" if limit == "0" else \
        f"{int(limit):,} programs"
    return f"{secs} CPU s, {programs}"


rows, table = [], []
fam_runs = defaultdict(list)
rate_of = {}
for key in sorted(by, key=order):
    tag, name = key
    rs = by[key]
    rate = sum(r["recovered"] for r in rs) / len(rs)
    test_r2 = statistics.median(r["test_r2"] for r in rs)
    cpu = statistics.median(r["seconds"] for r in rs)
    wall = statistics.median(r.get("wall_seconds", 0) for r in rs)
    seeds = sorted(r["seed"] for r in rs)
    fam_runs[(tag, family(name))].append((name, rs))
    rate_of[key] = rate
    pid = f"symreg/{tag}/{name}"
    cmd = row_command(tag, name, rs)
    rows += [
        {"id": pid, "metric": "recovery_rate", "value": round(rate, 4), "unit": "fraction",
         "anchor": None, "command": cmd, "seeds": len(rs)},
        {"id": pid, "metric": "median_test_r2", "value": test_r2, "unit": "R2",
         "anchor": None, "command": cmd, "seeds": len(rs)},
        {"id": pid, "metric": "median_cpu_seconds", "value": round(cpu, 2), "unit": "s",
         "anchor": None, "command": cmd, "seeds": len(rs)},
    ]
    table.append(f"| {tag} | {name} | {sum(r['recovered'] for r in rs)}/{len(rs)} | "
                 f"{test_r2:.6f} | {cpu:.1f} | {max(r['seconds'] for r in rs):.1f} | {wall:.1f} | "
                 f"{seeds[0]}-{seeds[-1]} | {budget(tag, rs)} |")


def average(tag, members, rid, label, anchor):
    """A family-average row over (name, runs) members, each problem counting once."""
    avg = sum(rate_of[(tag, n)] for n, _ in members) / len(members)
    every = [r for _, rs in members for r in rs]
    rows.append({"id": rid.replace(" ", "-"), "metric": "recovery_rate", "value": round(avg, 4),
                 "unit": "fraction", "anchor": anchor, "problems": len(members), "runs": len(every),
                 "command": row_command(tag, ",".join(n for n, _ in members), every)})
    summary.append(f"| {tag} | {label} | {100 * avg:.1f}% | {anchor or '-'} | "
                   f"{budget(tag, every)} |")


summary = []
# A family's problem count where it ran complete; a partial set gets no anchor.
full = defaultdict(int)
for (tag, fam), members in fam_runs.items():
    full[fam] = max(full[fam], len(members))
for (tag, fam), members in sorted(fam_runs.items()):
    average(tag, members, f"symreg/{tag}/{fam}-average", f"{fam} ({len(members)} problems)",
            ANCHOR.get(fam) if len(members) == full[fam] else None)
# Beside the plain average: the family with a variant in place of its original (Nguyen-1..11 +
# Nguyen-12a), where both ran under the same mode and budget.
for tag in sorted({t for t, _ in fam_runs}):
    for orig, sub in SUBSTITUTE.items():
        fam = split(orig)[0]
        members = [(n, rs) for n, rs in fam_runs.get((tag, fam), []) if n != orig]
        members += [(n, rs) for n, rs in fam_runs.get((tag, family(sub)), []) if n == sub]
        if (tag, sub) in rate_of and len(members) > 1:
            average(tag, members, f"symreg/{tag}/{fam}-average-with-{sub}",
                    f"{fam} ({len(members)} problems, {sub} in place of {orig})", None)
summary.sort(key=lambda line: line.split("|")[1])  # stable: each mode's rows together
json.dump({"rows": rows, "runs": runs}, open(base + ".json", "w"), indent=1)
with open(base + ".md", "w") as f:
    f.write("# Symbolic regression (issue 16 §2): recovery on Nguyen / Constant and other DSO sets\n\n")
    f.write(f"Command: `{command}`\n\n")
    f.write("Recovery = found formula symbolically equivalent to the ground truth "
            "(own canonicaliser, `org.gyrus.nesy.symreg.Canon`). Seed 0 = pre-sampled dso-data; "
            "other seeds resampled from the benchmark spec. Budget per run: RUN_SECONDS of the "
            "search thread's CPU time or 2M distinct programs (the neural-guided GP paper's "
            "budget), stopping at train R² >= 1 - 1e-14; mode `MODE@N`: runs under a limit of N "
            "programs instead (0 = none, only the CPU time). Mode `nggp-res`: nggp plus additive "
            "decomposition with residual sub-searches (`AdditiveResidual`: additive parts of the "
            "best inexact programs, and once the parts an additive polynomial surrogate fits "
            "near-exactly (`SurrogateSplit`, each searched alone first), kept, the rest searched "
            "on the residual over the other inputs; "
            "sub-search time counts in the run's CPU s, the program limit counts the main search "
            "only). Nguyen-12a is DSO's row for "
            "Nguyen-12's formula and Koza set sampled on U[0,10,20] instead of U[0,1,20] (no "
            "dso-data file: every seed is sampled), a variant reported beside Nguyen-12, never "
            "averaged into the Nguyen family except in the row that says so. Wall time is on a "
            "shared, heavily loaded 2-core machine at nice 10.\n\n")
    f.write("| mode | family | average recovery | anchor | budget per run |\n"
            "|---|---|---|---|---|\n")
    f.write("\n".join(summary) + "\n\n")
    f.write("| mode | problem | recovered | median test R² | median CPU s | max CPU s | "
            "median wall s | seeds | budget per run |\n")
    f.write("|---|---|---|---|---|---|---|---|---|\n")
    f.write("\n".join(table) + "\n")
    # Hand-written notes about the runs (what the formulas were, which commit ran what) live
    # beside the script, never in the generated file.
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "symreg_notes.md")
    if os.path.exists(notes):
        f.write("\n" + open(notes).read())
print(open(base + ".md").read())
