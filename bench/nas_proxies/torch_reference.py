#!/usr/bin/env python3
"""An independent PyTorch implementation of Abdelfattah et al.'s zero-cost proxies on NAS-Bench-201
(SamsungLabs/zero-cost-nas: nasbench2_pred.py, models/nasbench2*.py, pruners/measures/*.py; read,
then written anew), to check Gyrus's Java proxies cell by cell (issue 14 §1).

  torch_reference.py score POOL.jsonl BATCH.bin CIFAR_TRAIN_ZIP OUT.jsonl CELLS GRASP_CELLS
  torch_reference.py score ... OUT.jsonl CELLS GRASP_CELLS [SALT]   (SALT != 0: init-noise run)
  torch_reference.py report OUT.jsonl POOL.jsonl GRASP_POOL.jsonl NAME "COMMAND" "SETTING"
                            [INIT_B.jsonl] [JAVA_REFERENCE_POOL.jsonl]

score: the first CELLS cells of POOL.jsonl (the Java pool, in its sampling order) in the reference's
NB201 macro network (C=16, N=5), PyTorch's default init (seeded per cell), one thread. Scores:
  - on BATCH.bin (the Java bench's fixed batch, written by `ProxyBench batch`), the reference's
    definitions: synflow, jacob_cov, snip, grad_norm, fisher, grasp (first GRASP_CELLS cells);
  - the same net and batch under Java's definitions where they differ (fisher_java: channels not
    weighted by fan-in, cell convs without bias; synflow_java: every BN passes values through, no
    cell bias), and each difference alone;
  - protocol variants: a reference-style batch (random crop + flip, the reference's mean/std) fixed
    for all cells (`fixed:*`) and a fresh one per cell (`percell:*`, as nasbench2_pred.py draws it).
Appends one JSON line per cell to OUT.jsonl and skips cells already there (resumable).
report: Spearman rho vs the table accuracy for every score, Java's rho on the same cells, and the
cell-by-cell rank agreement of the two implementations; writes bench/results/NAME.{json,md}.
"""
import copy
import io
import json
import math
import os
import sys
import time
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import spearman  # noqa: E402  (ranks non-finite scores last, as Gyrus does)

torch.set_num_threads(1)
CIFAR_MEAN = (0.4914, 0.4822, 0.4465)  # the reference's foresight/dataset.py normalisation
CIFAR_STD = (0.2023, 0.1994, 0.2010)
PUBLISHED = {"synflow": 0.737, "jacob_cov": 0.731, "snip": 0.596, "grad_norm": 0.594,
             "fisher": 0.360, "grasp": 0.514}


class Norm(nn.Module):
    """Batch norm whose behaviour the caller sets: 'batch' (train-mode batch statistics, as every
    reference measure runs), 'skip' (no op: the reference's synflow removes these BNs), or
    'fresh' (initial running statistics, mean 0 var 1: Java's synflow)."""

    def __init__(self, channels, affine, where):
        super().__init__()
        self.where = where  # stem, cell, reduction or top
        self.mode = "batch"
        self.weight = nn.Parameter(torch.ones(channels)) if affine else None
        self.bias = nn.Parameter(torch.zeros(channels)) if affine else None

    def forward(self, x):
        if self.mode == "skip":
            return x
        if self.mode == "fresh":
            y = x / math.sqrt(1 + 1e-5)
            if self.weight is not None:
                y = y * self.weight.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)
            return y
        return F.batch_norm(x, None, None, self.weight, self.bias, True, 0.0, 1e-5)


def relu_conv_bn(cin, cout, k, stride, cell):
    # cells: BN affine=False and conv bias=True (bias = not affine); reduction: affine BN, no bias
    return nn.Sequential(nn.ReLU(), nn.Conv2d(cin, cout, k, stride, k // 2, bias=cell),
                         Norm(cout, affine=not cell, where="cell" if cell else "reduction"))


class Cell(nn.Module):
    def __init__(self, arch, c):
        super().__init__()
        self.nodes = []  # per node 1..3: [(op, input)]
        self.ops = nn.ModuleList()
        for node in arch.strip("|").split("|+|"):
            edges = []
            for tok in node.split("|"):
                op, src = tok.split("~")
                if op == "nor_conv_3x3":
                    m = relu_conv_bn(c, c, 3, 1, True)
                elif op == "nor_conv_1x1":
                    m = relu_conv_bn(c, c, 1, 1, True)
                elif op == "avg_pool_3x3":
                    m = nn.AvgPool2d(3, 1, 1, count_include_pad=False)
                elif op in ("skip_connect", "none"):
                    m = nn.Identity()
                else:
                    raise ValueError(f"arch {arch}: unknown op {op!r}")
                self.ops.append(m)
                edges.append((op, int(src), len(self.ops) - 1))
            self.nodes.append(edges)

    def forward(self, x):
        outs = [x]
        for edges in self.nodes:
            # 'none' multiplies by zero, as the reference's Zero op does (kept in the graph)
            outs.append(sum(self.ops[i](outs[s]).mul(0.0) if op == "none" else self.ops[i](outs[s])
                            for op, s, i in edges))
        return outs[-1]


class Reduction(nn.Module):
    """NB201's residual reduction: ReLUConvBN 3x3 s2, ReLUConvBN 3x3; shortcut 2x2 avg pool + 1x1
    conv (no BN)."""

    def __init__(self, cin, cout):
        super().__init__()
        self.a = relu_conv_bn(cin, cout, 3, 2, False)
        self.b = relu_conv_bn(cout, cout, 3, 1, False)
        self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(cin, cout, 1, bias=False))

    def forward(self, x):
        return self.b(self.a(x)) + self.shortcut(x)


class Nb201(nn.Module):
    def __init__(self, arch, c=16, n=5, classes=10):
        super().__init__()
        layers = [nn.Conv2d(3, c, 3, 1, 1, bias=False), Norm(c, True, "stem")]
        for stage in range(3):
            if stage > 0:
                layers.append(Reduction(c, 2 * c))
                c *= 2
            layers += [Cell(arch, c) for _ in range(n)]
        self.body = nn.Sequential(*layers)
        self.last = Norm(c, True, "top")
        self.classifier = nn.Linear(c, classes)

    def forward(self, x):
        x = F.relu(self.last(self.body(x)))
        return self.classifier(x.mean((2, 3)))

    def set_norm(self, mode_of):
        for m in self.modules():
            if isinstance(m, Norm):
                m.mode = mode_of(m.where)

    def prunable(self):
        """Conv and linear layers, as the reference's get_layer_metric_array walks them."""
        return [m for m in self.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


def loss_pass(net, x, y):
    """One CE forward/backward; returns snip, grad_norm and the fisher variants (reference: channel
    value broadcast over weight.shape[1:], i.e. weighted by fan-in; java: unweighted; nobias:
    the cell convs' bias taken out of the activation, exact because batch-stat BN follows them)."""
    acts = {}

    def keep(m, _inp, out):
        out.retain_grad()
        acts[m] = out

    hooks = [m.register_forward_hook(keep) for m in net.prunable()]
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
    for h in hooks:
        h.remove()
    snip = grad_norm = 0.0
    fisher = {"ref": 0.0, "unweighted": 0.0, "nobias": 0.0, "java": 0.0}
    for m in net.prunable():
        if m.weight.grad is None or m not in acts:
            continue  # built but not run
        snip += (m.weight * m.weight.grad).abs().sum().item()
        grad_norm += m.weight.grad.norm().item()
        a, g = acts[m].detach(), acts[m].grad
        fan_in = m.weight[0].numel()
        for kind in ("ref", "nobias"):
            aa = a - m.bias.view(1, -1, 1, 1) if kind == "nobias" and m.bias is not None \
                and a.dim() == 4 else a
            g_nk = (aa * g).sum((2, 3)) if a.dim() == 4 else aa * g
            per_ch = (0.5 * g_nk.pow(2).mean(0)).abs().sum().item()
            fisher[kind] += fan_in * per_ch
            fisher["unweighted" if kind == "ref" else "java"] += per_ch
    return snip, grad_norm, fisher


def jacob_cov(net, x):
    x = x.clone().requires_grad_(True)
    net.zero_grad()
    net(x).backward(torch.ones(x.shape[0], 10))
    j = x.grad.reshape(x.shape[0], -1).numpy()
    try:  # a net whose output ignores its input has constant rows: NaN, as the reference returns
        with np.errstate(invalid="ignore", divide="ignore"):
            v = np.linalg.eig(np.corrcoef(j))[0].real
    except np.linalg.LinAlgError:
        return math.nan
    k = 1e-5
    return float(-np.sum(np.log(v + k) + 1.0 / (v + k)))


def synflow(net, norm_mode, cell_bias=True):
    """Reference: a float64 copy with every parameter made positive, BN removed in stem, cells and
    top but the reduction blocks' BN kept in train mode (nasbench2.py rebuilds the net with
    use_bn=False, which reduction() does not take), one all-ones image, sum of |theta * dR/dtheta|."""
    n = copy.deepcopy(net).double()
    with torch.no_grad():
        for p in n.parameters():
            p.abs_()
        if not cell_bias:
            for m in n.prunable():
                if m.bias is not None and isinstance(m, nn.Conv2d):
                    m.bias.zero_()
    n.set_norm(norm_mode)
    n.zero_grad()
    n(torch.ones(1, 3, 32, 32, dtype=torch.float64)).sum().backward()
    return sum((m.weight * m.weight.grad).abs().sum().item()
               for m in n.prunable() if m.weight.grad is not None)


def grasp(net, x, y):
    """-sum theta * (H g) over conv/linear weights, H g by double backward (reference grasp.py)."""
    ws = [m.weight for m in net.prunable()]
    g0 = torch.autograd.grad(F.cross_entropy(net(x), y), ws, allow_unused=True)
    g1 = torch.autograd.grad(F.cross_entropy(net(x), y), ws, create_graph=True, allow_unused=True)
    z = sum((a.detach() * b).sum() for a, b in zip(g0, g1) if a is not None and b is not None)
    net.zero_grad()
    z.backward()
    return sum((-w.detach() * w.grad).sum().item() for w in ws if w.grad is not None)


class RefBatches:
    """Reference-style batches from the 50k CIFAR-10 training JPEGs: 64 random images, random crop
    (pad 4) and horizontal flip, normalised with the reference's mean/std."""

    def __init__(self, zip_path):
        from PIL import Image
        self.image = Image
        self.zip = zipfile.ZipFile(zip_path)
        self.names = sorted(n for n in self.zip.namelist() if n.endswith(".jpg"))
        classes = sorted({n.split("/")[-2] for n in self.names})
        self.label = {c: i for i, c in enumerate(classes)}

    def draw(self, rng, size=64):
        xs, ys = [], []
        mean = np.array(CIFAR_MEAN, dtype=np.float32).reshape(3, 1, 1)
        std = np.array(CIFAR_STD, dtype=np.float32).reshape(3, 1, 1)
        for i in rng.choice(len(self.names), size, replace=False):
            name = self.names[i]
            img = np.asarray(self.image.open(io.BytesIO(self.zip.read(name))).convert("RGB"),
                             dtype=np.float32).transpose(2, 0, 1) / 255.0
            pad = np.pad(img, ((0, 0), (4, 4), (4, 4)))
            r, c = rng.integers(0, 9, 2)
            img = pad[:, r:r + 32, c:c + 32]
            if rng.random() < 0.5:
                img = img[:, :, ::-1]
            xs.append((img - mean) / std)
            ys.append(self.label[name.split("/")[-2]])
        return torch.tensor(np.stack(xs)), torch.tensor(ys)


def read_java_batch(path, size=64):
    raw = np.fromfile(path, dtype="<f4")
    x = raw[: size * 3 * 32 * 32].reshape(size, 3, 32, 32)
    y = raw[size * 3 * 32 * 32:].view("<i4")
    if y.shape[0] != size:
        raise ValueError(f"{path}: expected {size} images then {size} labels, got {raw.size} words")
    return torch.tensor(x.copy()), torch.tensor(y.astype(np.int64))


def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def score_cell(index, arch, jx, jy, fixed, refs, with_grasp, salt=0):
    torch.manual_seed(1_000_003 * index + 7 + salt)
    net = Nb201(arch)
    s, t0 = {}, time.process_time()
    snip, gn, fi = loss_pass(net, jx, jy)
    s.update(snip=snip, grad_norm=gn, fisher=fi["ref"], fisher_unweighted=fi["unweighted"],
             fisher_nobias=fi["nobias"], fisher_java=fi["java"], jacob_cov=jacob_cov(net, jx))
    keep_reduction = (lambda where: "batch" if where == "reduction" else "skip")
    s["synflow"] = synflow(net, keep_reduction)
    s["synflow_allbn_identity"] = synflow(net, lambda where: "fresh")
    s["synflow_java"] = synflow(net, lambda where: "fresh", cell_bias=False)
    for tag, (x, y) in () if refs is None else (
            ("fixed", fixed), ("percell", refs.draw(np.random.default_rng(index)))):
        snip, gn, fi = loss_pass(net, x, y)
        s.update({f"{tag}:snip": snip, f"{tag}:grad_norm": gn, f"{tag}:fisher": fi["ref"],
                  f"{tag}:fisher_java": fi["java"], f"{tag}:jacob_cov": jacob_cov(net, x)})
    cpu = {"all_but_grasp": 1000 * (time.process_time() - t0)}
    if with_grasp:
        t1 = time.process_time()
        s["grasp"] = grasp(net, jx, jy)
        cpu["grasp"] = 1000 * (time.process_time() - t1)
    return s, cpu


def score(pool_path, batch_path, zip_path, out_path, cells, grasp_cells, salt=0):
    """salt != 0: another init per cell and the Java batch only (the init-noise ceiling run)."""
    pool = read_jsonl(pool_path)[:cells]
    done = {r["arch"] for r in read_jsonl(out_path)} if os.path.exists(out_path) else set()
    jx, jy = read_java_batch(batch_path)
    refs = RefBatches(zip_path) if salt == 0 else None
    fixed = refs.draw(np.random.default_rng(12345)) if refs else None
    with open(out_path, "a") as out:
        for i, row in enumerate(pool):
            if row["arch"] in done:
                continue
            s, cpu = score_cell(i, row["arch"], jx, jy, fixed, refs, i < grasp_cells, salt)
            out.write(json.dumps({"index": i, "arch": row["arch"], "accuracy": row["accuracy"],
                                  "scores": s, "cpu_ms": cpu}) + "\n")
            out.flush()
            print(f"{i} {row['arch']} {cpu}", flush=True)


def rho(rows, key, acc_of=lambda r: r["accuracy"]):
    return spearman([float(r["scores"][key]) for r in rows], [acc_of(r) for r in rows])


def rankdata(v):
    """Average ranks (ties share their mean rank); non-finite scores rank below every finite one."""
    v = np.where(np.isfinite(v), v, -np.inf)
    order = np.argsort(v, kind="mergesort")
    inv = np.empty(len(v), dtype=np.int64)
    inv[order] = np.arange(len(v))
    sv = v[order]
    first = np.r_[True, sv[1:] != sv[:-1]]
    dense = first.cumsum()[inv]
    bounds = np.r_[np.nonzero(first)[0], len(v)]
    return 0.5 * (bounds[dense] + bounds[dense - 1] - 1)


def np_spearman(a, b):
    ra, rb = rankdata(a), rankdata(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    return float((ra * rb).sum() / math.sqrt((ra * ra).sum() * (rb * rb).sum()))


def paired_delta(a, b, acc, resamples=1000, seed=0):
    """rho(a) - rho(b) against acc on the same cells, and its bootstrap standard deviation (cells
    resampled with replacement, both scores on the same resample)."""
    a, b, acc = (np.asarray(x, dtype=np.float64) for x in (a, b, acc))
    rng = np.random.default_rng(seed)
    boot = []
    for _ in range(resamples):
        i = rng.integers(0, len(acc), len(acc))
        boot.append(np_spearman(a[i], acc[i]) - np_spearman(b[i], acc[i]))
    return np_spearman(a, acc) - np_spearman(b, acc), float(np.std(boot))


def deltas(rows, java, java_grasp):
    """The paired differences that say where a gap comes from (key java:P = the Java pool)."""
    def value(r, key):
        if key.startswith("java:"):
            p = key[5:]
            return float((java_grasp if p == "grasp" else java)[r["arch"]]["scores"][p])
        return float(r["scores"][key])

    out = []
    for p, jdef in (("synflow", "synflow_java"), ("jacob_cov", "jacob_cov"), ("snip", "snip"),
                    ("grad_norm", "grad_norm"), ("fisher", "fisher_java"), ("grasp", "grasp")):
        pairs = [("PyTorch reference definition - Java", p, "java:" + p),
                 ("PyTorch Java definition - Java", jdef, "java:" + p)]
        if jdef != p:
            pairs.append(("reference - Java definition (PyTorch)", p, jdef))
        if "fixed:" + p in rows[0]["scores"]:
            pairs += [("fixed reference-style batch - Java batch (PyTorch)", "fixed:" + p, p),
                      ("fresh batch per cell - Java batch (PyTorch)", "percell:" + p, p)]
        for label, ka, kb in pairs:
            src = java_grasp if p == "grasp" else java
            rs = [r for r in rows if r["arch"] in src
                  and all(k.startswith("java:") or k in r["scores"] for k in (ka, kb))]
            d, sd = paired_delta([value(r, ka) for r in rs], [value(r, kb) for r in rs],
                                 [r["accuracy"] for r in rs])
            out.append({"proxy": p, "comparison": label, "a": ka, "b": kb, "cells": len(rs),
                        "delta_rho": d, "bootstrap_sd": sd})
    return out


def result_rows(name, command, impl, variants, refdef):
    """The DESIGN.md results rows: every rho with its anchor (the published |rho|, or 1 for the
    cell-by-cell agreement of two implementations)."""
    out = []
    for r in impl:
        for key in ("rho_java", "rho_torch_java_definition", "rho_torch_reference_definition"):
            out.append({"id": f"{name}.{r['proxy']}.{key}", "metric": "spearman_rho_vs_accuracy",
                        "value": r[key], "unit": "", "cells": r["cells"],
                        "anchor": f"published {r['published']} (Abdelfattah et al. 2021)",
                        "command": command})
        for key in ("agreement_java_vs_torch_same_definition",
                    "agreement_java_vs_torch_reference_definition"):
            out.append({"id": f"{name}.{r['proxy']}.{key}", "metric": "spearman_rho_between_scores",
                        "value": r[key], "unit": "", "cells": r["cells"],
                        "anchor": "1 = identical rankings", "command": command})
        if r["ceiling_cells"]:
            out.append({"id": f"{name}.{r['proxy']}.agreement_torch_init_a_vs_b",
                        "metric": "spearman_rho_between_scores",
                        "value": r["agreement_torch_init_a_vs_b_same_definition"], "unit": "",
                        "cells": r["ceiling_cells"], "anchor": "init-noise ceiling of the "
                        "Java-vs-PyTorch agreement", "command": command})
    for r in refdef:
        for key in ("rho_java_reference_definition", "rho_torch_reference_definition",
                    "agreement"):
            out.append({"id": f"{name}.{r['proxy']}.refdef.{key}", "unit": "",
                        "metric": "spearman_rho_between_scores" if key == "agreement"
                        else "spearman_rho_vs_accuracy", "value": r[key], "cells": r["cells"],
                        "anchor": f"published {r['published']}", "command": command})
    for v in variants:
        out.append({"id": f"{name}.variant.{v['score']}", "metric": "spearman_rho_vs_accuracy",
                    "value": v["rho"], "unit": "", "cells": v["cells"],
                    "anchor": "the PyTorch reference-definition row of the same proxy",
                    "command": command})
    return out


def reference_rows(rows, ref_pool_path):
    """Java scored with the reference's definitions (published.sh ... fisher fan_in_weighted, cell
    bias) against PyTorch's reference-definition scores on the shared cells."""
    ref = {r["arch"]: r for r in read_jsonl(ref_pool_path)}
    out = []
    for p in ref[next(iter(ref))]["scores"]:
        rs = [r for r in rows if r["arch"] in ref and p in r["scores"]]
        jv = [float(ref[r["arch"]]["scores"][p]) for r in rs]
        tv = [float(r["scores"][p]) for r in rs]
        acc = [r["accuracy"] for r in rs]
        out.append({"proxy": p, "cells": len(rs), "published": PUBLISHED.get(p),
                    "rho_java_reference_definition": spearman(jv, acc),
                    "rho_torch_reference_definition": spearman(tv, acc),
                    "agreement": spearman(jv, tv), "pool": os.path.basename(ref_pool_path)})
    return out


def report(out_path, pool_path, grasp_pool_path, name, command, setting, ceiling_path=None,
           ref_pool_path=None):
    mine = read_jsonl(out_path)
    other = {r["arch"]: r for r in read_jsonl(ceiling_path)} if ceiling_path else {}
    java = {r["arch"]: r for r in read_jsonl(pool_path)}
    java_grasp = {r["arch"]: r for r in read_jsonl(grasp_pool_path)}
    rows = [r for r in mine if r["arch"] in java]
    impl = []
    # per proxy: the reference-definition score, the score under Java's definition, Java's pool
    for p, java_def in (("synflow", "synflow_java"), ("jacob_cov", "jacob_cov"), ("snip", "snip"),
                        ("grad_norm", "grad_norm"), ("fisher", "fisher_java"), ("grasp", "grasp")):
        src = java_grasp if p == "grasp" else java
        rs = [r for r in rows if p in r["scores"] and r["arch"] in src]
        jv = [float(src[r["arch"]]["scores"][p]) for r in rs]
        acc = [r["accuracy"] for r in rs]
        impl.append({
            "proxy": p, "cells": len(rs), "published": PUBLISHED[p],
            "rho_java": spearman(jv, acc),
            "rho_torch_reference_definition": rho(rs, p),
            "rho_torch_java_definition": rho(rs, java_def),
            "agreement_java_vs_torch_same_definition": spearman(
                jv, [float(r["scores"][java_def]) for r in rs]),
            "agreement_java_vs_torch_reference_definition": spearman(
                jv, [float(r["scores"][p]) for r in rs]),
        })
        both = [r for r in rs if r["arch"] in other and java_def in other[r["arch"]]["scores"]]
        impl[-1]["ceiling_cells"] = len(both)
        impl[-1]["agreement_torch_init_a_vs_b_same_definition"] = spearman(
            [float(r["scores"][java_def]) for r in both],
            [float(other[r["arch"]]["scores"][java_def]) for r in both]) if both else None
        both_ref = [r for r in rs if r["arch"] in other and p in other[r["arch"]]["scores"]]
        impl[-1]["agreement_torch_init_a_vs_b_reference_definition"] = spearman(
            [float(r["scores"][p]) for r in both_ref],
            [float(other[r["arch"]]["scores"][p]) for r in both_ref]) if both_ref else None
        impl[-1]["rho_torch_init_b"] = {d: spearman(
            [float(other[r["arch"]]["scores"][d]) for r in both_ref],
            [r["accuracy"] for r in both_ref]) if both_ref else None for d in {p, java_def}}
        impl[-1]["rho_torch_init_a_on_ceiling_cells"] = {d: spearman(
            [float(r["scores"][d]) for r in both_ref],
            [r["accuracy"] for r in both_ref]) if both_ref else None for d in {p, java_def}}
        impl[-1]["agreement_java_vs_torch_on_ceiling_cells"] = spearman(
            [float(src[r["arch"]]["scores"][p]) for r in both],
            [float(r["scores"][java_def]) for r in both]) if both else None
    variants = []
    for key in sorted(rows[0]["scores"]):
        rs = [r for r in rows if key in r["scores"]]
        variants.append({"score": key, "cells": len(rs), "rho": rho(rs, key)})
    diffs = deltas(rows, java, java_grasp)
    refdef = reference_rows(rows, ref_pool_path) if ref_pool_path else []
    cpu = sorted(r["cpu_ms"]["all_but_grasp"] for r in rows)
    gcpu = sorted(r["cpu_ms"]["grasp"] for r in rows if "grasp" in r["cpu_ms"])
    doc = {"rows": result_rows(name, command, impl, variants, refdef), "command": command,
           "setting": setting, "cells": len(rows),
           "cpu_ms_per_cell_median": {"all_but_grasp": cpu[len(cpu) // 2],
                                      "grasp": gcpu[len(gcpu) // 2] if gcpu else None},
           "implementations": impl, "variants": variants, "paired_differences": diffs,
           "java_reference_definition": refdef}
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results")
    with open(os.path.join(root, name + ".json"), "w") as f:
        json.dump(doc, f, indent=2)
    md = ["# Issue 14 §1: Gyrus's Java proxies vs an independent PyTorch implementation of the "
          "reference\n", f"Command: `{command}`\n", f"Setting: {setting}\n",
          f"Cells: {len(rows)} (GraSP: the first {len(gcpu)}, those also in the Java GraSP pool). "
          f"PyTorch CPU ms per cell (median): {cpu[len(cpu) // 2]:.0f} for all non-GraSP scores "
          f"and variants" + (f", {gcpu[len(gcpu) // 2]:.0f} for GraSP" if gcpu else "") + ".\n",
          "Same cells, same batch (the Java bench's, dumped by `ProxyBench batch`), different "
          "random init (each implementation its own generator, PyTorch-default distribution).\n",
          "| proxy | cells | published \\|ρ\\| | ρ Java (Gyrus) | ρ PyTorch, Java's definition | "
          "ρ PyTorch, reference definition | agreement Java vs PyTorch (same definition) | "
          "agreement Java vs PyTorch reference definition |", "|---|---|---|---|---|---|---|---|"]
    for r in impl:
        md.append(f"| {r['proxy']} | {r['cells']} | {r['published']:.3f} | {r['rho_java']:.3f} | "
                  f"{r['rho_torch_java_definition']:.3f} | "
                  f"{r['rho_torch_reference_definition']:.3f} | "
                  f"{r['agreement_java_vs_torch_same_definition']:.3f} | "
                  f"{r['agreement_java_vs_torch_reference_definition']:.3f} |")
    if other:
        md += ["", "Init-noise ceiling: the same PyTorch definition (Java's) with a second init per "
               "cell, on the cells scored both ways. If Java-vs-PyTorch agrees as well as PyTorch "
               "agrees with itself under another init, the two compute the same quantity.\n",
               "| proxy | cells | agreement PyTorch init A vs init B (Java's definition) | "
               "agreement Java vs PyTorch init A (same cells) | agreement init A vs B, reference "
               "definition | ρ init A / init B, reference definition |", "|---|---|---|---|---|---|"]
        md += [f"| {r['proxy']} | {r['ceiling_cells']} | "
               f"{r['agreement_torch_init_a_vs_b_same_definition']:.3f} | "
               f"{r['agreement_java_vs_torch_on_ceiling_cells']:.3f} | "
               f"{r['agreement_torch_init_a_vs_b_reference_definition']:.3f} | "
               f"{r['rho_torch_init_a_on_ceiling_cells'][r['proxy']]:.3f} / "
               f"{r['rho_torch_init_b'][r['proxy']]:.3f} |"
               for r in impl if r["ceiling_cells"]]
    if refdef:
        md += ["", f"Java with the reference's definitions (`{refdef[0]['pool']}`: fisher "
               "`fan_in_weighted: true` on the reference's cells: conv bias, ops on input-less nodes "
               "run on zeros) vs PyTorch's reference definition, same cells.\n",
               "| proxy | cells | published | ρ Java, reference definition | ρ PyTorch, reference "
               "definition | agreement |", "|---|---|---|---|---|---|"]
        md += [f"| {r['proxy']} | {r['cells']} | {r['published']} | "
               f"{r['rho_java_reference_definition']:.3f} | "
               f"{r['rho_torch_reference_definition']:.3f} | {r['agreement']:.3f} |"
               for r in refdef]
    md += ["", "Every PyTorch score (Spearman ρ vs NATS cifar10 200-epoch test accuracy, same cells). "
           "No prefix: Java's batch; `fixed:` one reference-style batch (random crop + flip, "
           "reference mean/std) for all cells; `percell:` a fresh reference-style batch per cell, "
           "as nasbench2_pred.py draws it. `_java`: Java's definition (fisher: channels unweighted, "
           "no cell conv bias; synflow: every BN at fresh running statistics, no cell bias); "
           "`fisher_unweighted` / `fisher_nobias` / `synflow_allbn_identity`: one difference "
           "alone.\n", "| score | cells | ρ |", "|---|---|---|"]
    md += [f"| {v['score']} | {v['cells']} | {v['rho']:.3f} |" for v in variants]
    md += ["", "Paired differences of ρ on the same cells, ± the standard deviation over 1,000 "
           "bootstrap resamples of the cells.\n", "| proxy | comparison | cells | Δρ ± sd |",
           "|---|---|---|---|"]
    md += [f"| {d['proxy']} | {d['comparison']} | {d['cells']} | "
           f"{d['delta_rho']:+.3f} ± {d['bootstrap_sd']:.3f} |" for d in diffs]
    with open(os.path.join(root, name + ".md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    if len(sys.argv) in (8, 9) and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]),
              int(sys.argv[7]), int(sys.argv[8]) if len(sys.argv) == 9 else 0)
    elif 8 <= len(sys.argv) <= 10 and sys.argv[1] == "report":
        report(*sys.argv[2:])
    else:
        sys.exit(__doc__)
