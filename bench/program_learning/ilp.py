#!/usr/bin/python3
"""ILP on Michalski's trains (issue 16, N6): Gyrus's learning-from-failures learner.

Usage: nice -n 10 bench/program_learning/ilp.py [--timeout S] [--seed N] [RULE...]
(needs GYRUS_DATA, default /work/shared/data; rules default: all of example_rules/)

Per rule: 100 generated trains (50 east / 50 west, labelled by the rule, seed N) are written as a
Popper task (bench/work/program_learning/RULE/{bias,bk,exs}.pl), learned, and the program
classifies 10,000 trains (MichalskiTrains.txt for theoryx and numerical, generated balanced ones
otherwise) against the rule's own labels. Also V-LoL's popper-gt2 task as is (and with --noise).
Added rows (outside the 100-train protocol, reported in their own table): RULE/TRAINS/MAX_BODY,
default multi/1000/6 (does the multi target emerge once trains pin it down?), complex/100/7
(complex's second clause needs 7 body literals in this vocabulary; max_body 6 cannot express it)
and complex/300/7 (the same with enough trains to pin it down).
Resumable: finished rows are kept in bench/results/program_learning_ilp.jsonl.
Writes bench/results/program_learning_ilp.{json,md}. No peer runs here: Popper (pip
popper-ilp + clingo + SWI-Prolog janus) is not installed; the anchor is V-LoL's published result.
"""
import argparse, json, os, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
JSONL = RESULTS / "program_learning_ilp.jsonl"
RULES = ["multi", "color", "complex", "theoryx", "easy", "numerical", "custom"]
ORDER = ["theoryx", "numerical", "custom", "easy", "multi", "color", "complex"]
EXTRA = ["complex/300/7", "multi/1000/6", "complex/100/7"]
ANCHOR = "Popper 100% on V-LoL symbolic trains (V-LoL, Helff et al. 2023); goal 100%"


def classpath():
    subprocess.run(["./mvnw", "-o", "-q", "-B", "-pl", "gyrus-logic", "-am", "compile"],
                   cwd=ROOT, check=True)
    out = Path(tempfile.mkdtemp()) / "cp.txt"
    subprocess.run(["./mvnw", "-o", "-q", "-B", "-pl", "gyrus-core", "dependency:build-classpath",
                    f"-Dmdep.outputFile={out}"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return ":".join([str(ROOT / "gyrus-logic/target/classes"),
                     str(ROOT / "gyrus-core/target/classes"), out.read_text().strip()])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=3, help="rules learned in parallel JVMs")
    ap.add_argument("--extra", nargs="*", default=EXTRA,
                    help="added rows RULE/TRAINS/MAX_BODY (outside the protocol)")
    ap.add_argument("rules", nargs="*", default=RULES)
    a = ap.parse_args()
    rows = a.extra + a.rules  # the long added rows first, each in its own JVM
    data = os.environ.get("GYRUS_DATA", "/work/shared/data")
    cp = classpath()
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = ROOT / "bench" / "work" / "program_learning"
    cmd = f"nice -n 10 bench/program_learning/ilp.py --timeout {a.timeout:g} --seed {a.seed}"
    # one JVM per share of the rows (each row is single-threaded); every row appends its line
    shares = [rows[i::a.jobs] for i in range(a.jobs)]
    procs = [subprocess.Popen(["java", "-Xmx3g", f"-Dbench.command={cmd}", "-cp", cp,
                               "org.gyrus.logic.ilp.trains.TrainTasks", data, str(work),
                               str(JSONL), str(a.seed), str(a.timeout)] + share)
             for share in shares if share]
    if any(p.wait() != 0 for p in procs):
        sys.exit("a rule failed; finished rules are kept in " + str(JSONL))
    gt2 = {}
    gt2_dir = Path(data) / "michalski-trains" / "popper-gt2"
    for mode in ["exact", "noise"]:
        p = subprocess.run(["java", "-cp", cp, "org.gyrus.logic.ilp.RunTask", str(gt2_dir),
                            str(a.timeout)] + (["noise"] if mode == "noise" else []),
                           check=True, capture_output=True, text=True)
        gt2[mode] = json.loads(p.stdout.strip().splitlines()[-1])
    report(cmd, gt2)


def report(cmd, gt2):
    runs = {}
    for line in JSONL.read_text().splitlines():
        if line.strip():
            r = json.loads(line)
            runs[r["row"]] = r
    rows, md = [], ["# ILP on Michalski's trains (issue 16, N6)", "",
                    f"Command: `{cmd}` (GYRUS_DATA=/work/shared/data). Learn from 100 trains "
                    "(50/50, seeded), classify 10,000. Anchor: " + ANCHOR + ".", "",
                    "| rule | status | learn s (CPU s) | test set | east | accuracy | balanced | "
                    "equivalent on all | program |", "|---|---|---|---|---|---|---|---|---|"]
    for name in ORDER:
        r = runs.get(name)
        if r is None:
            continue
        c = r.get("command", cmd)
        for metric, value, unit in [("accuracy", 100 * r["accuracy"], "%"),
                                    ("balanced_accuracy", 100 * r["balanced_accuracy"], "%"),
                                    ("equivalent_on_10000", 1 if r["equivalent"] else 0, "bool"),
                                    ("learn_time", r["learn_seconds"], "s"),
                                    ("learn_cpu_time", r["learn_cpu_seconds"], "s")]:
            rows.append({"id": f"ilp/{name}", "metric": metric, "value": round(value, 4),
                         "unit": unit, "anchor": ANCHOR, "command": c})
        prog = r["program"].replace("\n", "<br>") or "(none)"
        md.append(f"| {name} | {r['status']} | {r['learn_seconds']:.1f} ({r['learn_cpu_seconds']:.1f}) | "
                  f"{r['test_source']} | "
                  f"{r['test_east']} | {100 * r['accuracy']:.2f}% | "
                  f"{100 * r['balanced_accuracy']:.2f}% | {'yes' if r['equivalent'] else 'no'} | "
                  f"`{prog}` |")
    added = [r for k, r in runs.items() if k not in ORDER]
    if added:
        md += ["", "## Added rows (outside the 100-train / max_body 6 protocol)", "",
               "| row | trains | max_body | status | learn s (CPU s) | clauses tested | accuracy | "
               "equivalent on all | program |", "|---|---|---|---|---|---|---|---|---|"]
    for r in added:
        rid = f"ilp/{r['rule']}-{r['trains']}trains-maxbody{r['max_body']}"
        for metric, value, unit in [("accuracy", 100 * r["accuracy"], "%"),
                                    ("equivalent_on_10000", 1 if r["equivalent"] else 0, "bool"),
                                    ("learn_time", r["learn_seconds"], "s")]:
            rows.append({"id": rid, "metric": metric, "value": round(value, 4), "unit": unit,
                         "anchor": "added row, not the protocol", "command": r.get("command", cmd)})
        prog = r["program"].replace("\n", "<br>") or "(none)"
        md.append(f"| {r['row']} | {r['trains']} | {r['max_body']} | {r['status']} | "
                  f"{r['learn_seconds']:.1f} ({r['learn_cpu_seconds']:.1f}) | {r['clauses_tested']} | "
                  f"{100 * r['accuracy']:.2f}% | {'yes' if r['equivalent'] else 'no'} | `{prog}` |")
    md += ["", "## popper-gt2 (V-LoL's Popper task, read as is)", "",
           "| mode | status | training accuracy | s (CPU s) | program |", "|---|---|---|---|---|"]
    for mode, g in gt2.items():
        rows.append({"id": f"ilp/gt2-{mode}", "metric": "train_accuracy",
                     "value": round(100 * g["train_accuracy"], 2), "unit": "%",
                     "anchor": "V-LoL: Popper fails on this rule (needs load_num constants and 3 clauses)",
                     "command": cmd})
        md.append(f"| {mode} | {g['status']} | {100 * g['train_accuracy']:.0f}% | "
                  f"{g['learn_seconds']:.1f} ({g['learn_cpu_seconds']:.1f}) | `{g['program'].replace(chr(10), '<br>') or '(none)'}` |")
    (RESULTS / "program_learning_ilp.json").write_text(
        json.dumps({"rows": rows, "runs": list(runs.values()), "gt2": gt2}, indent=1) + "\n")
    (RESULTS / "program_learning_ilp.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))
    # the combined issue-16 file follows every part
    subprocess.run([sys.executable, str(Path(__file__).with_name("report.py")), str(RESULTS)],
                   check=True)


if __name__ == "__main__":
    main()
