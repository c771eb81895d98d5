#!/usr/bin/env python3
"""Summarises PiNesyLearningBench JSON lines into NAME.json and NAME.md (Π-NeSy's own protocol
beside our earlier 100×19-relation arm)."""
import json
import os
import statistics
import sys

raw, base, command = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [json.loads(l) for l in open(raw) if l.strip()]


def ms(xs):
    return (statistics.mean(xs), statistics.stdev(xs) if len(xs) > 1 else 0.0)


def fmt(m):
    return f"{m[0]:.2f} ± {m[1]:.2f}"


summary = {"command": command, "load_average_at_report": list(os.getloadavg()), "settings": [], "runs": rows}
lines = [
    "# Π-NeSy's own learning (Baaj & Marquis 2025) vs our earlier 100×19 relation",
    "",
    f"Command: `{command}` (one engine thread, nice 10, 2 shared cores).",
    "",
    "Protocol (from the authors' code, ibaaj/pi-nesy): digit network trained **on digit labels** "
    "(LeNet = their `same_NN_as_DeepSoftLog` option; Adam 1e-3, batch 64) on 50,000 MNIST training "
    "images, 10,000 held out for validation; N=1 examples are disjoint random image pairs "
    "(25,000 train / 5,000 validation / 5,000 test). Rule base: 20 rules a_i = v ⇒ c = (a_1, a_2), "
    "carry w_1 from c, 10 rules c ⇒ y_1, one rule w_1 ⇒ y_0; each set of rules learned from its own "
    "output's labels (pair of digits, carry, sum digits) by Baaj's procedure: samples with own "
    "Chebyshev distance ∇(e) ≥ τ dropped, each kept second member replaced by its lowest Chebyshev "
    "approximation, stacked, parameters = lowest approximate solution at ∇_NC = max{∇_i < τ}; "
    "τ from the grid (i/30)^5·1.001, least useful value first, raised on validation (gain > 0.01 "
    "points, stop at the first non-gain). Ambiguous outputs count wrong. 4x4 MNIST-Sudoku: 56 pair "
    "rule sets (8 rules each, learned from the cells' labels) and one validity rule (learned from "
    "puzzle labels); 100 valid + 100 invalid training puzzles, 50 + 50 validation, 50 + 50 test per "
    "split; invalid = one cell of a valid grid changed; cells are MNIST images of 1–4 read by the same "
    "network (its 1–4 outputs renormalised).",
    "",
    "Ours (before): the 100×19 max-min relation premises → sums (premises = min of the two digits' "
    "max-normalised softmax, cut at 0.1), learned by relaxed-quantile Sanchez (q fitted on train), "
    "exact Sanchez, and the greatest solution at the per-column Chebyshev distance Δ; 4x4 Sudoku "
    "with its 2×2 relaxed relation (2,000 train / 1,000 test boards).",
    "",
    "| transform | seeds | digit test acc. % | Π-NeSy add N=1 test % | no thresholds % | τ (c, w, y) | kept (c, w, y1, y0) of 25,000 | ∇_NC (c, w, y1, y0) | c-samples with ∇(e) ≥ 0.5 | raw c-system ∇ | ours relaxed % | ours exact Sanchez % | ours Chebyshev % (max Δ) | Π-NeSy Sudoku 4x4 test % (splits) | ours Sudoku 4x4 % |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]
for t in sorted({r["transform"] for r in rows}):
    rs = [r for r in rows if r["transform"] == t]
    sud = [100 * a for r in rs for a in r["sudoku4_published_accuracies"]]
    st = {
        "transform": t,
        "seeds": len(rs),
        "digit_test_accuracy": ms([100 * r["digit_test_accuracy"] for r in rs]),
        "add1_published": ms([100 * r["add1_published_accuracy"] for r in rs]),
        "add1_no_threshold": ms([100 * r["add1_no_threshold_accuracy"] for r in rs]),
        "add1_ours_relaxed": ms([100 * r["add1_ours_relaxed_accuracy"] for r in rs]),
        "add1_ours_exact": ms([100 * r["add1_ours_exact_accuracy"] for r in rs]),
        "add1_ours_chebyshev": ms([100 * r["add1_ours_chebyshev_accuracy"] for r in rs]),
        "sudoku4_published": ms(sud),
        "sudoku4_ours": ms([100 * r["sudoku4_ours_relaxed_accuracy"] for r in rs]),
    }
    summary["settings"].append(st)
    r0 = rs[0]
    lines.append(
        f"| {t} | {len(rs)} | {fmt(st['digit_test_accuracy'])} | **{fmt(st['add1_published'])}** | "
        f"{fmt(st['add1_no_threshold'])} | {r0['add1_published_thresholds']} | {r0['add1_published_kept']} | "
        f"{r0['add1_published_nabla_nc']} | {r0['add1_c_samples_nabla_ge_half']} | {r0['add1_raw_c_system_distance']:.3f} | "
        f"{fmt(st['add1_ours_relaxed'])} | {fmt(st['add1_ours_exact'])} | "
        f"{fmt(st['add1_ours_chebyshev'])} ({max(r['add1_ours_chebyshev_max_delta'] for r in rs):.2f}) | "
        f"**{fmt(st['sudoku4_published'])}** ({len(sud)}) | {fmt(st['sudoku4_ours'])} |")
multi = [(r, m) for r in rows for m in r.get("addN_published", [])]
if multi:
    lines += [
        "",
        "## Multi-digit addition, Π-NeSy's rule base (antipignistic), same digit networks",
        "",
        "Examples are disjoint groups of 2N images (50,000 / 10,000 / 10,000 images for train / "
        "validation / test); a sum is right when every output digit is the unique most possible value. "
        "(digit acc.)^(2N) is what reading every digit right would give.",
        "",
        "| N | seeds | train sums | test sums | test sum acc. % | (digit acc.)^(2N) % | largest learned parameter | τ (c, w, y), first seed | learning s (median) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    summary["multi_digit"] = []
    for n in sorted({m["digits"] for _, m in multi}):
        ms_ = [(r, m) for r, m in multi if m["digits"] == n]
        acc = ms([100 * m["accuracy"] for _, m in ms_])
        ref = ms([100 * r["digit_test_accuracy"] ** (2 * n) for r, _ in ms_])
        summary["multi_digit"].append({"digits": n, "seeds": len(ms_), "accuracy": acc, "digit_power": ref})
        lines.append(
            f"| {n} | {len(ms_)} | {ms_[0][1]['train']} | {ms_[0][1]['test']} | **{fmt(acc)}** | {fmt(ref)} | "
            f"{max(m['largest_parameter'] for _, m in ms_):.3g} | {ms_[0][1]['thresholds']} | "
            f"{statistics.median(m['seconds'] for _, m in ms_):.0f} |")
lines += [
    "",
    "τ, kept and ∇_NC are those of the first seed. Learned c-rule parameters (s_1, r_1, …) of the "
    "first seed: " + "; ".join(f"{r['transform']}: {r['add1_c_params']}" for r in rows[:2]) + ".",
    "",
    "The paper's own figures are not reproduced here as anchors: only its abstract and the authors' "
    "code were reachable (no network).",
    "",
    f"Load average when the report was written: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
]
json.dump(summary, open(base + ".json", "w"), indent=2)
open(base + ".md", "w").write("\n".join(lines) + "\n")
