#!/usr/bin/python3
"""FOLIO and ProofWriter: Gyrus's FOL prover (LINC protocol) against E prover 2.6.

Usage: bench/fol_vs_eprover/run.py [--limit SECONDS]   (needs GYRUS_DATA, default ../shared/data)

FOLIO validation: every story is parsed (tolerantly; repairs are counted), answered by Gyrus, and
exported to TPTP twice (conclusion / negated conclusion as the conjecture) for
`eprover --auto -s --cpu-limit=N`; both are scored against the gold labels under the same protocol
(True if the conclusion is proved, False if its negation is, Unknown otherwise; both = inconsistent
premises, scored Unknown). ProofWriter (Logic-LM depth-5 OWA): the grammar learns its lexicon from
the train split and the test split is answered; a parse failure counts as wrong.
Writes bench/results/fol.json and bench/results/fol.md.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"


def classpath():
    subprocess.run(["./mvnw", "-q", "-B", "-ntp", "-pl", "gyrus-logic", "-am", "install",
                    "-DskipTests"], cwd=ROOT, check=True)
    out = Path(tempfile.mkdtemp()) / "cp.txt"
    subprocess.run(["./mvnw", "-q", "-B", "-ntp", "-pl", "gyrus-logic", "dependency:build-classpath",
                    f"-Dmdep.outputFile={out}"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    jar = next((ROOT / "gyrus-logic" / "target").glob("gyrus-logic-*.jar"))
    return f"{jar}:{out.read_text().strip()}"


def rows(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def eprover(problem, limit):
    t0 = time.perf_counter()
    p = subprocess.run(["eprover", "--auto", "-s", f"--cpu-limit={limit}", str(problem)],
                       capture_output=True, text=True, timeout=limit * 4 + 10)
    dt = time.perf_counter() - t0
    status = "Error"
    for line in p.stdout.splitlines():
        if "SZS status" in line:
            status = line.split("SZS status")[1].split()[0]
    return status, dt


def e_answer(pos, neg):
    proved = lambda s: s in ("Theorem", "ContradictoryAxioms", "Unsatisfiable")
    if proved(pos) and proved(neg):
        return "Unknown", True
    if proved(pos):
        return "True", False
    if proved(neg):
        return "False", False
    return "Unknown", False


def per_label(rs, key):
    out = {}
    for lab in ("True", "False", "Unknown"):
        sub = [r for r in rs if r["gold"] == lab]
        out[lab] = {"n": len(sub), "right": sum(r[key] == lab for r in sub)}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=5, help="seconds per prover call (both provers)")
    ap.add_argument("--random", type=int, default=300, help="random cross-check problems")
    args = ap.parse_args()
    data = Path(os.environ.get("GYRUS_DATA", ROOT.parent / "shared" / "data"))
    cp = classpath()
    work = Path(tempfile.mkdtemp(prefix="folbench"))
    folio = data / "folio" / "folio-validation.jsonl"
    subprocess.run(["java", "-cp", cp, "org.gyrus.logic.fol.bench.FolioBench", str(folio),
                    str(args.limit), str(work / "gyrus.jsonl"), str(work / "tptp")], check=True)
    rs = rows(work / "gyrus.jsonl")
    e_times = []
    for r in rs:
        name = f"folio_{r['index']:03d}"
        if r["answer"] == "ParseError":
            r["e_answer"], r["e_status"], r["e_seconds"] = "ParseError", None, 0.0
            continue
        sp, tp = eprover(work / "tptp" / f"{name}_pos.p", args.limit)
        sn, tn = eprover(work / "tptp" / f"{name}_neg.p", args.limit)
        r["e_answer"], r["e_inconsistent"] = e_answer(sp, sn)
        r["e_status"] = [sp, sn]
        r["e_seconds"] = tp + tn
        e_times += [tp, tn]
    n = len(rs)
    g_right = sum(r["answer"] == r["gold"] for r in rs)
    e_right = sum(r["e_answer"] == r["gold"] for r in rs)
    agree = sum(r["answer"] == r["e_answer"] for r in rs)
    parse_fail = [r for r in rs if r["answer"] == "ParseError"]
    repaired = [r for r in rs if r["repairs"]]
    g_ms = [r["millis"] for r in rs if r["answer"] != "ParseError"]
    folio_res = {
        "problems": n, "limit_seconds": args.limit,
        "gyrus": {"right": g_right, "accuracy": g_right / n, "per_label": per_label(rs, "answer"),
                  "median_seconds_per_problem": statistics.median(g_ms) / 1000.0,
                  "confusion": Counter(f"{r['gold']}->{r['answer']}" for r in rs)},
        "eprover": {"right": e_right, "accuracy": e_right / n, "per_label": per_label(rs, "e_answer"),
                    "median_seconds_per_call": statistics.median(e_times),
                    "median_seconds_per_problem": statistics.median(
                        [r["e_seconds"] for r in rs if r["e_status"]]),
                    "confusion": Counter(f"{r['gold']}->{r['e_answer']}" for r in rs)},
        "gyrus_without_repairs": {
            "right": sum(r["answer"] == r["gold"] and not r["repairs"] for r in rs)},
        "eprover_without_repairs": {
            "right": sum(r["e_answer"] == r["gold"] and not r["repairs"] for r in rs),
            "note": "E on the stories that parse without repair; repaired stories counted wrong"},
        "agreement": agree, "agreement_rate": agree / n,
        "parse_failures": [{"index": r["index"], "error": r.get("error")} for r in parse_fail],
        "repaired_stories": [{"index": r["index"], "repairs": r["repairs"]} for r in repaired],
        "disagreements": [{"index": r["index"], "gold": r["gold"], "gyrus": r["answer"],
                           "eprover": r["e_answer"]} for r in rs if r["answer"] != r["e_answer"]],
        "check_failures": sum(r["answer"] == "CheckFailed" for r in rs),
    }
    # end-to-end per process, like E: `./gyrus prove` (JVM start included) on the first 20 stories
    cli_times = []
    for r in rs[:20]:
        t0 = time.perf_counter()
        subprocess.run([str(ROOT / "gyrus"), "prove", "--timeout", str(args.limit),
                        str(work / "tptp" / f"folio_{r['index']:03d}_pos.p")],
                       capture_output=True, check=True)
        cli_times.append(time.perf_counter() - t0)
    folio_res["gyrus"]["median_seconds_per_cli_call_first20"] = statistics.median(cli_times)
    pw = {}
    pwd = data / "proofwriter-logiclm"
    for mode in ("EXPLICIT", "CLASSICAL"):
        out = work / f"pw-{mode}.jsonl"
        t0 = time.perf_counter()
        pw_tptp = work / f"pw-tptp-{mode}"
        subprocess.run(["java", "-cp", cp, "org.gyrus.logic.fol.bench.ProofWriterBench",
                        str(pwd / "train.json"), str(pwd / "test.json"), str(args.limit), str(out),
                        "100000", mode, str(pw_tptp)], check=True)
        wall = time.perf_counter() - t0
        prs = rows(out)
        right = sum(r["answer"] == r["gold"] for r in prs)
        e_calls = []
        for r in prs:
            if r["answer"] == "ParseError":
                r["e_answer"] = "ParseError"
                continue
            sp, tp = eprover(pw_tptp / f"{r['id']}_pos.p", args.limit)
            sn, tn = eprover(pw_tptp / f"{r['id']}_neg.p", args.limit)
            ans, inc = e_answer(sp, sn)
            r["e_answer"] = "Inconsistent" if inc else ans
            e_calls += [tp, tn]
        e_right = sum(r["e_answer"] == r["gold"] for r in prs)
        pw[mode.lower()] = {
            "eprover_same_translation": {
                "right": e_right, "accuracy": e_right / len(prs),
                "agreement_with_gyrus": sum(r["e_answer"] == r["answer"] for r in prs),
                "median_seconds_per_call": statistics.median(e_calls)},
            "problems": len(prs), "right": right, "accuracy": right / len(prs),
            "parse_failures": sum(r["answer"] == "ParseError" for r in prs),
            "per_label": per_label(prs, "answer"),
            "median_seconds_per_problem": statistics.median(r["millis"] for r in prs) / 1000.0,
            "wall_seconds_incl_jvm": wall,
            "confusion": Counter(f"{r['gold']}->{r['answer']}" for r in prs),
        }
    # random problems with equality and functions: the conclusion run's status against E's
    xdir = work / "random"
    subprocess.run(["java", "-cp", cp, "org.gyrus.logic.fol.bench.RandomCrossCheck",
                    str(args.random), str(xdir), str(args.limit)], check=True)
    xs = [dict(zip(["index", "answer", "inconsistent", "status", "millis"], l.split("\t")))
          for l in (xdir / "gyrus.tsv").read_text().splitlines()[1:]]
    pairs = Counter()
    for x in xs:
        st, _ = eprover(xdir / f"x{x['index']}.p", args.limit)
        x["e_status"] = st
        pairs[f"{st}/{x['status']}"] += 1
    expected = {"Theorem": "PROOF", "ContradictoryAxioms": "PROOF", "CounterSatisfiable": "SATURATED"}
    contradictions = [x for x in xs
                      if (x["status"] == "PROOF" and x["e_status"] == "CounterSatisfiable")
                      or (x["status"] == "SATURATED" and x["e_status"] in ("Theorem", "ContradictoryAxioms"))
                      or x["status"] == "CHECK_FAILED"]
    random_res = {"problems": len(xs), "pairs_e_status/gyrus_status": pairs,
                  "same_verdict": sum(expected.get(x["e_status"]) == x["status"] for x in xs),
                  "contradictions": [x["index"] for x in contradictions]}
    result = {"folio_validation": folio_res, "proofwriter_test": pw, "random_crosscheck": random_res,
              "anchors": {"eprover_folio_issue": "191/204 (93.6%) on raw gold formulas",
                          "linc_gpt4_proofwriter": "98.3% (balanced subset)"}}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fol.json").write_text(json.dumps(result, indent=1, default=dict) + "\n")
    md = markdown(folio_res, pw, random_res)
    (RESULTS / "fol.md").write_text(md)
    print(md)


def markdown(f, pw, rx):
    g, e = f["gyrus"], f["eprover"]
    L = ["# FOL prover vs E prover 2.6", "",
         f"## FOLIO validation ({f['problems']} stories, gold formulas, {f['limit_seconds']} s per prover call)", "",
         "| | Gyrus | E 2.6 | ratio Gyrus/E |", "|---|---|---|---|",
         f"| right | {g['right']} ({100*g['accuracy']:.1f}%) | {e['right']} ({100*e['accuracy']:.1f}%) | {g['right']/max(e['right'],1):.3f} |"]
    for lab in ("True", "False", "Unknown"):
        a, b = g["per_label"][lab], e["per_label"][lab]
        L.append(f"| gold {lab} (n={a['n']}) | {a['right']} | {b['right']} | |")
    ge, ee = g["median_seconds_per_problem"], e["median_seconds_per_problem"]
    L += [f"| median s per story (both directions) | {ge:.4f} | {ee:.4f} | {ge/ee if ee else float('nan'):.3f} |",
          f"| median s per E call | | {e['median_seconds_per_call']:.4f} | |",
          f"| median s per process, first 20 stories (`./gyrus prove`: both directions + JVM start; E: one call) | {g['median_seconds_per_cli_call_first20']:.3f} | {e['median_seconds_per_call']:.4f} | {g['median_seconds_per_cli_call_first20']/e['median_seconds_per_call']:.1f} |",
          f"| right without parse repairs (repaired stories counted wrong) | {f['gyrus_without_repairs']['right']} | {f['eprover_without_repairs']['right']} | |", "",
          f"Agreement Gyrus/E: {f['agreement']}/{f['problems']} ({100*f['agreement_rate']:.1f}%). "
          f"Parse failures: {len(f['parse_failures'])}; stories repaired: {len(f['repaired_stories'])}; "
          f"proofs failing the checker: {f['check_failures']}.", "",
          "Gyrus times are in-process (one JVM for all stories); E times include process start.", ""]
    for p in f["parse_failures"]:
        L.append(f"- parse failure, story {p['index']}: {p['error']}")
    for p in f["repaired_stories"]:
        L.append(f"- repaired story {p['index']}: {'; '.join(p['repairs'])}")
    L += ["", "Disagreements (story: gold / Gyrus / E):", ""]
    for d in f["disagreements"]:
        L.append(f"- {d['index']}: {d['gold']} / {d['gyrus']} / {d['eprover']}")
    L += ["", "## ProofWriter test (Logic-LM depth-5 OWA, grammar parser learned from train)", "",
          "| negation reading | Gyrus right | accuracy | parse failures | median s/problem | E 2.6 on the same FOL | E accuracy | agreement | E median s/call |",
          "|---|---|---|---|---|---|---|---|---|"]
    for mode, r in pw.items():
        e = r["eprover_same_translation"]
        L.append(f"| {mode} | {r['right']}/{r['problems']} | {100*r['accuracy']:.2f}% | {r['parse_failures']} | {r['median_seconds_per_problem']:.4f} | {e['right']}/{r['problems']} | {100*e['accuracy']:.2f}% | {e['agreement_with_gyrus']}/{r['problems']} | {e['median_seconds_per_call']:.4f} |")
    L += ["", "explicit: \"not p\" is a fact of its own (ProofWriter's OWA semantics; False = the complementary fact is entailed);",
          "classical: \"not\" is ¬ (rules contrapose). Anchor: LINC + GPT-4 98.3% on a balanced subset.", "",
          f"## Random problems with equality and functions ({rx['problems']}, same limit)", "",
          "Conclusion run: Gyrus status vs E's SZS status (Theorem/ContradictoryAxioms = PROOF, CounterSatisfiable = SATURATED).", "",
          "| E status / Gyrus status | count |", "|---|---|"]
    for k, v in sorted(rx["pairs_e_status/gyrus_status"].items()):
        L.append(f"| {k} | {v} |")
    L += ["", f"Same verdict: {rx['same_verdict']}/{rx['problems']}; contradictions (one proves, the other saturates, or a proof fails the checker): {len(rx['contradictions'])}.", ""]
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
