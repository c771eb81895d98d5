#!/usr/bin/python3
"""Michalski trains from raw car encodings (issue 16 §1, second paragraph): perception MLP →
learning-from-failures learner → program compiled to a circuit → MLP trained end to end from
the train labels; compared with the symbolic learner on gold symbols and a DeepSets net.

Usage: nice -n 10 bench/program_learning/perception.py [--seeds 1,2,3] [--timeout 120]
       [--labelled 50] [--sigma 0.2] [--rounds 2] [--test 10000] [RULE...]
(needs GYRUS_DATA, default /work/shared/data; rules default: theoryx easy color)

Per rule and seed: 100 trains (50 east / 50 west, labels from the rule, seeded as the ILP
bench), every car encoded as 10 noisy numbers (CarPerception), perception pre-trained on
`--labelled` cars of other seeded trains, tested on 10,000 balanced generated trains.
Resumable: finished (rule, seed) pairs are kept in bench/results/NAME.jsonl.
Writes bench/results/NAME.{json,md} (NAME: --name, default program_learning_perception).
"""
import argparse, json, os, statistics, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
SLOTS = ["length", "color", "roof", "wall", "load"]


def classpath():
    subprocess.run(["./mvnw", "-o", "-q", "-B", "-pl", "gyrus-nesy", "-am", "compile",
                    "-Dspotless.skip=true"], cwd=ROOT, check=True)
    out = Path(tempfile.mkdtemp()) / "cp.txt"
    subprocess.run(["./mvnw", "-o", "-q", "-B", "-pl", "gyrus-nesy", "dependency:build-classpath",
                    f"-Dmdep.outputFile={out}"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return ":".join([str(ROOT / m / "target/classes") for m in
                     ["gyrus-nesy", "gyrus-logic", "gyrus-core"]] + [out.read_text().strip()])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--labelled", type=int, default=50)
    ap.add_argument("--sigma", type=float, default=0.2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--test", type=int, default=10000)
    ap.add_argument("--name", default="program_learning_perception",
                    help="results base name under bench/results/ (a sweep point of its own)")
    ap.add_argument("--report-only", action="store_true")
    ap.add_argument("rules", nargs="*", default=["theoryx", "easy", "color"])
    a = ap.parse_args()
    cmd = ("nice -n 10 bench/program_learning/perception.py --seeds " + a.seeds +
           f" --timeout {a.timeout:g} --labelled {a.labelled} --sigma {a.sigma:g}"
           f" --rounds {a.rounds} --test {a.test}" +
           ("" if a.name == "program_learning_perception" else f" --name {a.name}") +
           " " + " ".join(a.rules))
    jsonl = RESULTS / (a.name + ".jsonl")
    if not a.report_only:
        data = os.environ.get("GYRUS_DATA", "/work/shared/data")
        cp = classpath()
        RESULTS.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="perception-"))
        props = [f"-Dperception.timeout={a.timeout}", f"-Dperception.labelled={a.labelled}",
                 f"-Dperception.sigma={a.sigma}", f"-Dperception.rounds={a.rounds}",
                 f"-Dperception.test={a.test}"]
        for rule in a.rules:  # one JVM at a time: the machine is shared
            subprocess.run(["java", "-Xmx3g", *props, "-cp", cp,
                            "org.gyrus.nesy.trains.PerceptionRun", data, str(work), str(jsonl),
                            rule, *a.seeds.split(",")], cwd=ROOT, check=True)
    report(cmd, a.rules, [int(s) for s in a.seeds.split(",")], a.name)


def ms(xs, pct=True):
    f = 100 if pct else 1
    if not xs:
        return "—"
    sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
    return f"{f * statistics.mean(xs):.2f} ± {f * sd:.2f}"


def report(cmd, rules, seeds, name):
    jsonl = RESULTS / (name + ".jsonl")
    runs = [json.loads(l) for l in jsonl.read_text().splitlines() if l.strip()]
    runs = [r for r in runs if r["rule"] in rules and r["seed"] in seeds]
    md = ["# Michalski trains from raw car encodings (issue 16 §1, perception)", "",
          f"Command: `{cmd}` (GYRUS_DATA=/work/shared/data). Mean ± std over seeds "
          f"{','.join(map(str, seeds))}; each: 100 training trains (50/50), 10,000 balanced "
          "generated test trains; test accuracy in %.", "",
          "(a) symbolic: the learning-from-failures learner on gold symbols. (b) pipeline: "
          "perception MLP (pre-trained on the labelled cars) → learner (noise-tolerant) on the "
          "perceived facts → program compiled to a noisy-or circuit over the neural facts → MLP "
          "trained end to end from the 100 train labels (+ the labelled cars' cross-entropy); "
          "accuracy = circuit probability > 0.5 (argmax: the program on the most likely facts). "
          "(c) neural: DeepSets (max-pool) on the same raw encodings + position/wheels/loads, "
          "trained on the same 100 trains.", "",
          "| rule | seeds | (a) symbolic | (b) before end-to-end | (b) pipeline | (b) argmax | "
          "(c) DeepSets |", "|---|---|---|---|---|---|---|"]
    rows = []
    for rule in rules:
        rs = [r for r in runs if r["rule"] == rule]
        if not rs:
            continue
        cols = {"symbolic": [r["symbolic_accuracy"] for r in rs],
                "before_e2e": [r["rounds"][0]["test_accuracy_circuit_before"] for r in rs],
                "pipeline": [r["pipeline_accuracy_circuit"] for r in rs],
                "pipeline_argmax": [r["pipeline_accuracy_argmax"] for r in rs],
                "deepsets": [r["neural_accuracy"] for r in rs]}
        md.append(f"| {rule} | {len(rs)} | " + " | ".join(ms(v) for v in cols.values()) + " |")
        for k, v in cols.items():
            rows.append({"id": f"perception/{rule}", "metric": f"{k}_accuracy",
                         "value": round(100 * statistics.mean(v), 3), "unit": "%",
                         "std": round(100 * statistics.stdev(v), 3) if len(v) > 1 else 0,
                         "seeds": len(v), "command": cmd})
    md += ["", "Perception accuracy per attribute on the test cars (most likely value; load "
           "shape on loaded cars), before → after end-to-end training:", "",
           "| rule | " + " | ".join(SLOTS) + " |", "|---|" + "---|" * len(SLOTS)]
    for rule in rules:
        rs = [r for r in runs if r["rule"] == rule]
        if rs:
            md.append(f"| {rule} | " + " | ".join(
                ms([r["perception_before"][s] for r in rs]) + " → " +
                ms([r["perception_after"][s] for r in rs]) for s in SLOTS) + " |")
    md += ["", "Per run: learned programs (round by round; status of the noise-tolerant learner), "
           "times:", "", "| rule | seed | symbolic program | round | perceived-fact program | "
           "train acc (perceived) | test before → after e2e | learn s | e2e s |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(runs, key=lambda r: (rules.index(r["rule"]), r["seed"])):
        for rd in r["rounds"]:
            md.append(f"| {r['rule']} | {r['seed']} | "
                      f"`{r['symbolic_program'].replace(chr(10), '<br>') or '(none)'}` "
                      f"({r['symbolic_status']}, {r['symbolic_learn_s']:.1f} s) | {rd['round']} | "
                      f"`{rd['program'].replace(chr(10), '<br>') or '(none)'}` ({rd['status']}) | "
                      f"{100 * rd['train_accuracy_perceived']:.0f}% | "
                      f"{100 * rd['test_accuracy_circuit_before']:.2f} → "
                      f"{100 * rd['test_accuracy_circuit_after']:.2f} | {rd['learn_s']:.1f} | "
                      f"{rd['e2e_s']:.1f} |")
    (RESULTS / (name + ".json")).write_text(
        json.dumps({"command": cmd, "rows": rows, "runs": runs}, indent=1) + "\n")
    (RESULTS / (name + ".md")).write_text("\n".join(md) + "\n")
    print("\n".join(md))
    # the combined issue-16 file follows every part
    subprocess.run([sys.executable, str(Path(__file__).with_name("report.py")), str(RESULTS)],
                   check=True)


if __name__ == "__main__":
    main()
