"""Turns bench/results/explain_raw/PART.{jsonl,cmd} into rows {id, metric, value, unit, anchor,
command, ...} (DESIGN.md results format) and a Markdown summary."""
import collections
import json
import os
import sys

raw, out_json, out_md = sys.argv[1:4]


def load(part):
    path = os.path.join(raw, part + ".jsonl")
    if not os.path.exists(path):
        return None, []
    cmd = open(os.path.join(raw, part + ".cmd")).read().strip()
    return cmd, [json.loads(l) for l in open(path) if l.strip()]


rows, md = [], ["# Issue 22: explain and verify trained networks", ""]


def rival_cells(r):
    """Two Markdown cells: per-rival verdict counts and the range of the rivals' lower bounds."""
    if "rival_verdicts" not in r:
        return " - | - |"
    bounds = [b for b, v in zip(r["rival_bounds"], r["rival_verdicts"]) if v != "target" and b is not None]
    rng = f"{min(bounds):.4g}, {max(bounds):.4g}" if bounds else "-"
    return f" {r['rivals_proven']} / {r['rivals_refuted']} / {r['rivals_unknown']} | {rng} |"


def nap_section(part, cmd, data, delta, first):
    """Rows and Markdown for one part at one mining threshold delta."""
    rows, md = [], []
    cls = [r for r in data if r["kind"] == "nap_class" and r["delta"] == delta]
    balls = [r for r in data if r["kind"] == "nap_ball" and r["delta"] == delta]
    ds, model = cls[0]["dataset"], cls[0]["model"]
    tests = sum(r["test_count"] for r in cls)
    covered = sum(round(r["coverage"] * r["test_count"]) for r in cls)
    verdicts = collections.Counter(r["verdict"] for r in cls)
    common = dict(dataset=ds, model=model, delta=delta, solver=cls[0]["solver"],
                  timeout_s=cls[0]["timeout_s"], test_accuracy=cls[0]["test_accuracy"])
    # the first threshold of a part keeps the part's original row ids
    pid = part if first else f"{part}_d{delta}"
    # per-rival verdicts (B17's "c is never misclassified as j") where the solver gives them
    per_rival = any("rival_verdicts" in r for r in cls)
    rows.append(dict(id=f"{pid}_coverage", metric="nap_coverage", value=covered / tests,
                     unit="fraction of test inputs matching their class's NAP",
                     anchor="B17: about 84% recall on MNIST", command=cmd, **common))
    for v in ("proven", "refuted", "unknown"):
        rows.append(dict(id=f"{pid}_{v}", metric=f"specs_{v}", value=verdicts.get(v, 0),
                         unit="of 10 'NAP_c => c' specifications", anchor="B17: NAPs provable",
                         command=cmd, **common))
    md += [f"### {ds}, delta {delta} ({model}, {common['solver']}, {common['timeout_s']} s per "
           f"spec; test accuracy {common['test_accuracy']:.4f})", "",
           "| class | NAP size | coverage | precision | verdict | solver s | median L-inf between covered inputs |"
           + (" rivals proven / refuted / unknown | rival lower bounds of y_c - y_j (min, max) |"
              if per_rival else ""),
           "|---|---|---|---|---|---|---|" + ("---|---|" if per_rival else "")]
    for r in cls:
        rows.append(dict(id=f"{pid}_class{r['class']}", metric="nap_coverage",
                         value=r["coverage"], unit="fraction", anchor="B17: about 84% recall",
                         command=cmd, precision=r["precision"], nap_size=r["nap_size"],
                         verdict=r["verdict"], solver_seconds=r["solver_seconds"], **common))
        by = f" ({r['decided_by']})" if "decided_by" in r else ""
        md.append(f"| {r['class']} | {r['nap_size']} | {r['coverage']:.3f} | {r['precision']:.3f} | "
                  f"{r['verdict']}{by} | {r['solver_seconds']:.1f} | {r['median_covered_linf']:.2f} |")
        if per_rival:
            md[-1] += rival_cells(r)
    md += ["", f"All classes: coverage {covered / tests:.3f}; verdicts {dict(verdicts)}.", ""]
    if per_rival:
        checked = [r for r in cls if "rival_verdicts" in r]
        counts = {v: sum(r[f"rivals_{v}"] for r in checked) for v in ("proven", "refuted", "unknown")}
        for v, n in counts.items():
            rows.append(dict(id=f"{pid}_rivals_{v}", metric=f"rivals_{v}", value=n,
                             unit=f"of {9 * len(checked)} (class, rival) pairs of the "
                                  f"{len(checked)} specs the solver checked",
                             anchor="B17: c never misclassified as j", command=cmd, **common))
        md += [f"Per rival, over the {len(checked)} specs the solver checked (the others were "
               f"refuted by a test input first): {counts['proven']} proven, {counts['refuted']} "
               f"refuted, {counts['unknown']} unknown of {9 * len(checked)}.", ""]
    for p in (r for r in data if r["kind"] == "nap_pairs" and r["delta"] == delta):
        rows.append(dict(id=f"{pid}_pairs_disjoint", metric="nap_pairs_disjoint",
                         value=p["disjoint"], unit=f"of {p['pairs']} class pairs",
                         anchor="B17: no ambiguity between NAPs", command=cmd,
                         by_conflict=p["disjoint_by_conflict"], overlapping=p["overlapping"],
                         unknown=p["unknown"], **common))
        md += [f"No ambiguity (no input matches NAP_a and NAP_b): {p['disjoint']}/{p['pairs']} "
               f"pairs proven ({p['disjoint_by_conflict']} by a neuron active in one and inactive "
               f"in the other), {p['overlapping']} overlapping, {p['unknown']} unknown.", ""]
    if balls:
        md += ["| L-inf ball (pixels) | region | proven | refuted | unknown | mean s |",
               "|---|---|---|---|---|---|"]
    for b in balls:
        kind = "ball and NAP_c" if b["with_nap"] else "ball"
        rows.append(dict(id=f"{pid}_ball{b['eps_pixels']}_{'nap' if b['with_nap'] else 'plain'}",
                         metric="balls_proven", value=b["proven"], unit="test points",
                         anchor="B17: NAP-constrained regions verify where plain balls do not",
                         command=cmd, refuted=b["refuted"], unknown=b["unknown"], **common))
        md.append(f"| {b['eps_pixels']} | {kind} | {b['proven']} | {b['refuted']} | "
                  f"{b['unknown']} | {b['mean_seconds']:.1f} |")
    summary = (delta, sum(r["nap_size"] for r in cls) / len(cls), covered / tests,
               sum(r["precision"] for r in cls) / len(cls),
               sum(r["precision"] >= 1.0 for r in cls), verdicts)
    return rows, md + [""], summary


for part in ("naps_mnist", "naps_mnist_crown_bounds", "naps_mnist_crown", "naps_mnist_strict",
             "naps_mnist_e20", "naps_fashion", "naps_fashion_crown", "naps_mnist_eps", "naps_mnist_eps_crown",
             "naps_mnist_sparse", "naps_mnist_deep", "naps_mnist_deep_eps", "naps_mnist_deep_long",
             "naps_mnist_deep4_long", "naps_mnist_deep4_deep", "naps_mnist_deep4_deep96",
             "naps_fashion_deep4_deep"):
    cmd, data = load(part)
    if not data:
        continue
    deltas = list(dict.fromkeys(r["delta"] for r in data if r["kind"] == "nap_class"))
    md += [f"## NAPs, part {part}", "", f"`{cmd}`", ""]
    sweep, body = [], []
    for i, d in enumerate(deltas):
        r, m, summary = nap_section(part, cmd, data, d, i == 0)
        rows += r
        body += m
        sweep.append(summary)
    if len(deltas) > 1:
        md += ["| delta | mean NAP size | coverage | mean precision | classes with test precision 1 "
               "| proven | refuted | unknown |", "|---|---|---|---|---|---|---|---|"]
        for d, size, cov, prec, exact, v in sweep:
            md.append(f"| {d} | {size:.0f} | {cov:.3f} | {prec:.3f} | {exact}/10 | "
                      f"{v.get('proven', 0)} | {v.get('refuted', 0)} | {v.get('unknown', 0)} |")
        md.append("")
    md += body

cmd, data = load("concepts")
if data:
    planted = [r for r in data if r["planted"]]
    ok = sum(r["label"] == r["planted"] for r in planted)
    acc = data[0]["test_accuracy"]
    rows.append(dict(id="concepts_planted", metric="planted_units_labelled_right",
                     value=ok / len(planted), unit="fraction", anchor="every planted unit",
                     command=cmd, planted=len(planted)))
    md += ["## Concept labels (synthetic scenes, CNN conv8-pool-conv16-gap-dense9)", "",
           f"`{cmd}`", "", f"Scene classifier test accuracy {acc:.4f}. Planted colour units "
           f"labelled with their colour: {ok}/{len(planted)}.", "",
           "| layer | units | label distribution | mean MI (bits) | mean IoU |", "|---|---|---|---|---|"]
    for layer in ("conv1", "conv2"):
        us = [r for r in data if r["layer"] == layer]
        dist = collections.Counter(r["label"] for r in us)
        rows.append(dict(id=f"concepts_{layer}", metric="label_distribution",
                         value=dict(dist), unit="units per concept", anchor="(descriptive)",
                         command=cmd, mean_mi=sum(r["mi_bits"] for r in us) / len(us),
                         test_accuracy=acc))
        md.append(f"| {layer} | {len(us)} | {', '.join(f'{k} {v}' for k, v in dist.most_common())} | "
                  f"{sum(r['mi_bits'] for r in us) / len(us):.4f} | {sum(r['iou'] for r in us) / len(us):.3f} |")
    md.append("")

for part in ("guided", "guided_small"):
  cmd, data = load(part)
  if data:
      md += [f"## Knowledge-aligned attributions, {part} (parts task, marker at chance in test)", "",
             f"`{cmd}`", "",
             "Alignment = share of absolute attribution mass on the pixels of the parts the graph names"
             " for the label (mean over test images); 'mask share' = that area's share of the image"
             " (the alignment of a uniform attribution).", "",
             "| lambda | test accuracy | grad x input | integrated gradients | occlusion 2x2 | mask share | s |",
             "|---|---|---|---|---|---|---|"]
      for r in data:
          lam = r["lambda"]
          rows.append(dict(id=f"{part}_lambda{lam:g}_accuracy", metric="test_accuracy",
                           value=r["accuracy"], unit="fraction",
                           anchor="N5: guided training keeps accuracy", command=cmd, **r))
          for m in ("align_grad_x_input", "align_integrated_gradients", "align_occlusion"):
              rows.append(dict(id=f"{part}_lambda{lam:g}_{m}", metric=m, value=r[m],
                               unit="share of |attribution| on graph parts",
                               anchor="N5: higher with guided training", command=cmd))
          md.append(f"| {lam:g} | {r['accuracy']:.3f} | {r['align_grad_x_input']:.3f} | "
                    f"{r['align_integrated_gradients']:.3f} | {r['align_occlusion']:.3f} | "
                    f"{r['mask_share']:.3f} | {r['seconds']:.0f} |")
      md.append("")

json.dump({"rows": rows}, open(out_json, "w"), indent=1)
open(out_md, "w").write("\n".join(md) + "\n")
