"""Turns blocks_layers_raw.txt (PART<TAB>command<TAB>line) into rows {id, metric, value, unit,
anchor, command} (DESIGN.md results format) grouped by block key, plus a Markdown table."""
import json
import re
import statistics
import sys
from collections import defaultdict

raw, out_json, out_md = sys.argv[1:4]
PYKAN = {3: 1.5e-2, 10: 3.2e-4, 20: 2.2e-5, 50: 4.6e-6}


def fields(line):
    line = re.sub(r"\[[^\]]*\]", lambda m: m.group(0).replace(" ", ""), line.split(" formula ")[0])
    toks = line.split()
    return {toks[i]: toks[i + 1] for i in range(len(toks) - 2, -1, -1)}


rows = defaultdict(list)
extra = defaultdict(dict)
quad = defaultdict(list)
mha = defaultdict(list)
cka = defaultdict(list)
arms = defaultdict(lambda: defaultdict(list))  # emoe, m2mkd, karat: "arm NAME seed S ..." lines
ANCHORS = {
    "emoe": "carved top-k MoE after a short fine-tune close to the dense model at fewer FLOPs",
    "m2mkd": "student with m2mKD above the student without it at equal epochs",
    "karat": "Fourier KArAt vs softmax attention, same parameter budget +-5%",
}
KEYS = ("kan", "skan", "quadratic", "fno", "untrained_mha", "cka", "emoe", "m2mkd", "karat")
for ln in open(raw):
    part, cmd, line = ln.rstrip("\n").split("\t", 2)
    f = fields(line)
    if part == "kan" and line.startswith("grid"):
        g = int(f["grid"])
        rows["kan"].append(dict(id=f"tutorial_grid{g}", metric="test_rmse",
                                value=float(f["test_rmse"]), unit="rmse",
                                anchor=f"pykan {PYKAN[g]:.1e} (lower is better)", command=cmd,
                                train_rmse=float(f["train_rmse"]), params=int(f["params"]),
                                seconds=float(f["seconds"]), seed=0))
        if "test_rmse_in_range" in f:  # test points inside every layer's training input range
            rows["kan"][-1].update(test_rmse_in_range=float(f["test_rmse_in_range"]),
                                   in_range_points=int(f["in_range"]))
    elif part == "kan" and line.startswith("symbolic"):
        rows["kan"].append(dict(id="tutorial_symbolic", metric="tuned_test_rmse",
                                value=float(f["tuned_test_rmse"]), unit="rmse",
                                anchor="formula exp(sin(pi x)+y^2) recovered", command=cmd,
                                edges=line.split("edges ")[1].split(" snapped")[0],
                                snapped_test_rmse=float(f["snapped_test_rmse"]),
                                seconds=float(f["seconds"]), seed=0))
    elif part == "kan" and line.startswith("formula"):
        extra["kan"]["formula"] = line[len("formula "):]
    elif part == "feynman":
        rows["kan"].append(dict(id=f"feynman_{f['task']}_{f['model'].split('[')[0]}",
                                metric="test_rmse", value=float(f["test_rmse"]), unit="rmse",
                                anchor="KAN vs MLP of equal parameters", command=cmd,
                                model=f["model"], params=int(f["params"]),
                                seconds=float(f["seconds"]), seed=0,
                                formula=line.split("formula ")[1]))
    elif part == "skan":
        rows["skan"].append(dict(id=f"select_{f['space']}_seed{f['seed']}", metric="chosen_space",
                                 value=f["chosen"], unit="space",
                                 anchor=f"the generating space ({f['space']})", command=cmd,
                                 correct=f["chosen"] == f["space"],
                                 rel_rmse=float(f["rel_rmse"]), seconds=float(f["seconds"])))
    elif part.startswith("quadratic"):
        lr = "lr1e-3" if part == "quadratic_low" else "lr1e-2"
        quad[f["variant"] + "_" + lr].append((f, cmd))
    elif part.startswith("fno"):
        for metric in ("test_rel_l2", "test2x_rel_l2"):
            rows["fno"].append(dict(id=f"{f['task']}_{f['model']}", metric=metric,
                                    value=float(f[metric]), unit="relative L2",
                                    anchor="FNO below CNN of equal parameters; 2x zero-shot",
                                    command=cmd, params=int(f["params"]),
                                    train_seconds=float(f["train_seconds"]), seed=0,
                                    fno_padding=f.get("fno_padding")))
    elif part == "untrained_mha":
        mha[f["arm"]].append((f, cmd))
    elif part == "cka" and line.startswith("guide"):
        extra["cka"]["guide_test_accuracy"] = float(f["test_acc"])
    elif part == "cka":
        cka[f["arm"]].append((f, cmd))
    elif part in ANCHORS and line.startswith("arm "):
        name = f["arm"] if "task" not in f else f"{f['task']}_{f['arm']}"
        arms[part][name].append((f, cmd))
for part, by_arm in arms.items():
    for name, runs in by_arm.items():
        def col(key, conv=float):
            return [conv(f[key]) for f, _ in runs if key in f]
        accs = col("test_acc")
        row = dict(id=name, metric="median_test_accuracy", value=statistics.median(accs),
                   unit="fraction", anchor=ANCHORS[part], command=runs[0][1], per_seed=accs,
                   seeds=col("seed", int), wall_seconds=col("wall_seconds"),
                   cpu_seconds=col("cpu_seconds"))
        for key in ("flops", "params", "epochs", "distill_epochs"):
            if key in runs[0][0]:
                row[key] = int(runs[0][0][key])
        for key in ("before_ft", "epoch_wall_seconds", "epoch_cpu_seconds", "module_mse"):
            vals = [v for v in col(key) if v == v]
            if vals:
                row[key] = vals
        rows[part].append(row)
for arm, runs in mha.items():
    bpc = [float(f["test_bpc"]) for f, _ in runs]
    rows["untrained_mha"].append(dict(
        id=arm, metric="median_test_bits_per_char", value=statistics.median(bpc), unit="bits/char",
        anchor="untrained encoder + trained decoder close to a trained encoder, fewer trained params",
        command=runs[0][1], per_seed=bpc, trainable_params=int(runs[0][0]["trainable_params"]),
        train_seconds=[float(f["train_seconds"]) for f, _ in runs],
        test_acc=[float(f["test_acc"]) for f, _ in runs], epochs=int(runs[0][0]["epochs"])))
for arm, runs in cka.items():
    accs = [float(f["test_acc"]) for f, _ in runs]
    rows["cka"].append(dict(
        id=f"{arm}_depth{runs[0][0]['depth']}", metric="median_test_accuracy",
        value=statistics.median(accs), unit="fraction",
        anchor="guided deep plain MLP above unguided (guide: a trained CNN)", command=runs[0][1],
        per_seed=accs, loss_curves=[[float(x) for x in f["losses"].split(",")] for f, _ in runs],
        val_curves=[[float(x) for x in f["val"].split(",")] for f, _ in runs],
        train_seconds=[float(f["train_seconds"]) for f, _ in runs]))
for variant, runs in quad.items():
    losses = [[float(x) for x in f["losses"].split(",")] for f, _ in runs]
    diverged = sum(1 for ls in losses
                   if any(x != x or x > 2 * ls[0] for x in ls) or ls[-1] > 2.302585)
    accs = [float(f["test_acc"]) for f, _ in runs]
    cmd = runs[0][1]
    rows["quadratic"].append(dict(id=f"{variant}_diverged", metric="diverged_runs",
                                  value=diverged, unit=f"of {len(runs)} seeds",
                                  anchor="ReLinear fewer diverged runs than random init",
                                  command=cmd, loss_curves=losses,
                                  params=int(runs[0][0]["params"]),
                                  quad_lr_scale=runs[0][0].get("quad_lr_scale")))
    rows["quadratic"].append(dict(id=f"{variant}_test_accuracy", metric="median_test_accuracy",
                                  value=statistics.median(accs), unit="fraction",
                                  anchor="quadratic vs linear network of equal width",
                                  command=cmd, per_seed=accs,
                                  seconds=[float(f["seconds"]) for f, _ in runs]))
result = {"rows": [r for k in KEYS for r in rows.get(k, [])]}
for k in KEYS:
    result[k] = {"rows": rows.get(k, []), **extra.get(k, {})}
json.dump(result, open(out_json, "w"), indent=1)
def write_arms(md, k, rs):
    md.write(f"## {k}\n\nAnchor: {ANCHORS[k]}. Command: `{rs[0]['command']}`\n\n"
             "| arm | median test acc | per seed | before fine-tune | FLOPs/example | params "
             "| epochs | wall s | CPU s |\n|---|---|---|---|---|---|---|---|---|\n")
    for r in rs:
        per = ", ".join(f"{a:.4f}" for a in r["per_seed"])
        before = ", ".join(f"{a:.4f}" for a in r.get("before_ft", [])) or "-"
        wall = ", ".join(f"{a:.1f}" for a in r["wall_seconds"])
        cpu = ", ".join(f"{a:.1f}" for a in r["cpu_seconds"])
        if "epoch_wall_seconds" in r:
            wall += " (per epoch " + ", ".join(f"{a:.2f}" for a in r["epoch_wall_seconds"]) + ")"
            cpu += " (per epoch " + ", ".join(f"{a:.2f}" for a in r["epoch_cpu_seconds"]) + ")"
        ep = str(r.get("epochs", "-"))
        if r.get("distill_epochs"):
            ep = f"{r['distill_epochs']} distill + {ep}"
        md.write(f"| {r['id']} | {r['value']:.4f} | {per} | {before} | {r.get('flops', '-')} "
                 f"| {r.get('params', '-')} | {ep} | {wall} | {cpu} |\n")
    md.write("\n")


with open(out_md, "w") as md:
    md.write("# blocks_layers (issue 18)\n\nGenerated by `bench/blocks_layers/run.sh`; "
             "raw lines in `blocks_layers_raw.txt`.\n\n")
    for k in KEYS:
        if not rows.get(k):
            continue
        if k in ANCHORS:
            write_arms(md, k, rows[k])
            continue
        md.write(f"## {k}\n\n| id | metric | value | unit | anchor | command |\n|---|---|---|---|---|---|\n")
        for r in rows[k]:
            v = r["value"]
            vs = f"{v:.3e}" if isinstance(v, float) and v < 1e-2 else (f"{v:.4f}" if isinstance(v, float) else str(v))
            md.write(f"| {r['id']} | {r['metric']} | {vs} | {r['unit']} | {r['anchor']} | `{r['command']}` |\n")
        if extra.get(k, {}).get("guide_test_accuracy"):
            md.write(f"\nGuide CNN test accuracy: {extra[k]['guide_test_accuracy']:.4f}\n")
        if extra.get(k, {}).get("formula"):
            md.write(f"\nRecovered formula: `{extra[k]['formula']}`\n")
        md.write("\n")
