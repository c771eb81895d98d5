"""Turns the JSON lines of run.sh into bench/results/train.json and train.md (medians, ratios)."""
import json
import statistics
import sys

raw, threads, batch, out_json, out_md = sys.argv[1:6]
# gyrus_base: the trainer of an older checkout run in the same repetitions (run.sh BASE_TREE=...)
IMPLS = ("gyrus", "djl", "pytorch", "gyrus_base")
rows = [json.loads(l) for l in open(raw) if l.strip()]
matmul = next((r["matmul_gflops"] for r in rows if "matmul_gflops" in r), None)
runs = [r for r in rows if "impl" in r and r.get("rep") != "long"]
long_runs = [r for r in rows if r.get("rep") == "long"]
flops = {r["model"]: r["forward_flops_per_example"] for r in runs if "forward_flops_per_example" in r}
examples = {r["model"]: r["train_examples"] for r in runs}
summary = {"threads": int(threads), "batch": int(batch), "matmul_1024_gflops": matmul,
           "blas": "Debian libopenblas0-openmp via update-alternatives (libblas.so.3)",
           "data": "Fashion-MNIST: full 60,000 train images, 10,000 test images",
           "note": "epoch time = training loop only; median over all epochs of all repetitions; "
                   "ratio = per-repetition median ratio of side-by-side runs (gyrus / other)",
           "models": {}}
for model in ("mlp", "cnn"):
    if model not in flops:
        continue
    m = {}
    for impl in IMPLS:
        rs = [r for r in runs if r["model"] == model and r["impl"] == impl]
        if not rs:
            continue
        times = [t for r in rs for t in r["epoch_seconds"]]
        med = statistics.median(times)
        m[impl] = {"median_epoch_s": med, "epoch_s": times,
                   "test_accuracy": [r["test_accuracy"] for r in rs],
                   "epochs": len(rs[0]["epoch_seconds"]),
                   "train_gflops_per_s": 3 * flops[model] * examples[model] / med / 1e9}
        cpus = [r["thread_cpu_seconds"] / len(r["epoch_seconds"]) for r in rs if "thread_cpu_seconds" in r]
        if cpus and int(threads) == 1:
            m[impl]["median_thread_cpu_s_per_epoch"] = statistics.median(cpus)
    for other in IMPLS[1:]:
        ratios = []
        for rep in sorted({r["rep"] for r in runs}):
            g = [r for r in runs if r["model"] == model and r["impl"] == "gyrus" and r["rep"] == rep]
            o = [r for r in runs if r["model"] == model and r["impl"] == other and r["rep"] == rep]
            if g and o:
                ratios.append(statistics.median(g[0]["epoch_seconds"]) / statistics.median(o[0]["epoch_seconds"]))
        if ratios:
            m["ratio_gyrus_over_" + other] = {"median": statistics.median(ratios), "per_rep": ratios}
        cpu_ratios = []
        for rep in sorted({r["rep"] for r in runs}):
            g = [r for r in runs if r["model"] == model and r["impl"] == "gyrus" and r["rep"] == rep]
            o = [r for r in runs if r["model"] == model and r["impl"] == other and r["rep"] == rep]
            if g and o and "thread_cpu_seconds" in g[0] and "thread_cpu_seconds" in o[0]:
                cpu_ratios.append((g[0]["thread_cpu_seconds"] / len(g[0]["epoch_seconds"]))
                                  / (o[0]["thread_cpu_seconds"] / len(o[0]["epoch_seconds"])))
        if cpu_ratios and int(threads) == 1:
            m["cpu_ratio_gyrus_over_" + other] = {"median": statistics.median(cpu_ratios), "per_rep": cpu_ratios}
    summary["models"][model] = m
if long_runs:
    summary["cnn_long"] = [{"epochs": len(r["epoch_seconds"]), "test_accuracy": r["test_accuracy"],
                            "recipe": r.get("recipe", "(constant rate: an earlier driver ignored the schedule)"),
                            "median_epoch_s": statistics.median(r["epoch_seconds"])} for r in long_runs]
json.dump(summary, open(out_json, "w"), indent=2)
lines = [f"# Training: Gyrus vs raw DJL vs PyTorch {next((r['torch'] for r in runs if 'torch' in r), '')}",
         "", f"Fashion-MNIST (60k train / 10k test), Adam lr 1e-3, batch {batch}, {threads} threads, "
         f"OpenMP OpenBLAS for PyTorch, OMP_WAIT_POLICY=PASSIVE"
         f"{' and glibc MALLOC_MMAP_THRESHOLD_/TRIM_THRESHOLD_/TOP_PAD_' if __import__('os').environ.get('MALLOC_MMAP_THRESHOLD_') else ''}"
         f" for all three. 1024³ matmul on this engine: {matmul} GFLOP/s. "
         "Machine shared with other jobs: medians, and ratios from runs made side by side.", "",
         "| model | impl | median epoch (s) | ratio gyrus/impl | test acc (epochs) | train GFLOP/s | CPU s/epoch (1 thread) | CPU ratio gyrus/impl |",
         "|---|---|---|---|---|---|---|---|"]
for model, m in summary["models"].items():
    for impl in IMPLS:
        if impl not in m:
            continue
        e = m[impl]
        ratio = m.get("ratio_gyrus_over_" + impl, {}).get("median")
        accs = ", ".join(f"{100 * a:.2f}%" for a in e["test_accuracy"])
        cpu = e.get("median_thread_cpu_s_per_epoch")
        cpu_ratio = m.get("cpu_ratio_gyrus_over_" + impl, {}).get("median")
        lines.append(f"| {model} | {impl} | {e['median_epoch_s']:.2f} | "
                     f"{'' if ratio is None else f'{ratio:.2f}'} | {accs} ({e['epochs']}) | "
                     f"{e['train_gflops_per_s']:.1f} | {'' if cpu is None else f'{cpu:.2f}'} | "
                     f"{'' if cpu_ratio is None else f'{cpu_ratio:.2f}'} |")
if "cnn_long" in summary:
    lines += ["", "Longer Gyrus CNN runs (Adam 1e-3, batch as above; recipe keys beyond that):", "",
              "| epochs | recipe | test accuracy | median epoch (s) |", "|---|---|---|---|"]
    for c in summary["cnn_long"]:
        lines.append(f"| {c['epochs']} | {c['recipe']} | {100 * c['test_accuracy']:.2f}% | {c['median_epoch_s']:.1f} |")
import os
if int(threads) == 1:
    lines += ["", "CPU s/epoch: CPU time of the training thread divided by epochs, robust to other load "
              "(with one engine thread all ops run on it); it includes every run's final test pass and "
              "Gyrus' per-epoch validation (2,000 examples), which the others do not have. "
              "CPU ratio: median over repetitions of the ratio within each repetition (runs side by side)."]
reps = len({r["rep"] for r in runs})
envs = " ".join(f"{k}={os.environ[k]}" if " " not in os.environ[k] else f'{k}="{os.environ[k]}"' for k in ("BASE_TREE", "IMPLS", "MODELS", "TAG", "MLP_EPOCHS", "CNN_EPOCHS") if os.environ.get(k))
lines += ["", f"Reproduce: `{envs + ' ' if envs else ''}bench/train_vs_pytorch/run.sh {reps} {threads}` (REPS THREADS); "
          "`LONG_CNN_EPOCHS=12 [LONG_CNN_RECIPE=\"shift=2 flip=true\"] bench/train_vs_pytorch/run.sh 0 2` adds a long Gyrus CNN run."]
open(out_md, "w").write("\n".join(lines) + "\n")
