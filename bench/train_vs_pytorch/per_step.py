"""Writes issue 12's per-step section (CPU seconds per epoch at 1 thread, Gyrus vs PyTorch, ratios
from the same run) into bench/results/throughput.json (key "per_step") and throughput.md (its own
section), leaving the rest of both files as they are.
Usage: per_step.py TRAIN_JSON THROUGHPUT_JSON THROUGHPUT_MD COMMAND"""
import datetime
import json
import os
import re
import statistics
import sys

train_json, out_json, out_md, command = sys.argv[1:5]
train = json.load(open(train_json))
section = {"date": datetime.date.today().isoformat(), "command": command, "threads": 1,
           "goal": "Gyrus CPU s/epoch <= PyTorch's (ratio <= 1.0), MLP and CNN, same run",
           "load_after": " ".join(open("/proc/loadavg").read().split()[:3]), "models": {}}
for model, m in train["models"].items():
    row = {impl: m[impl].get("median_thread_cpu_s_per_epoch")
           for impl in ("gyrus", "djl", "pytorch", "gyrus_base") if impl in m}
    ratio = m.get("cpu_ratio_gyrus_over_pytorch", {})
    entry = {"cpu_s_per_epoch": row, "ratio_gyrus_over_pytorch": ratio.get("median"),
             "ratio_per_rep": ratio.get("per_rep", [])}
    # the older build's ratio in the same repetitions: (gyrus / pytorch) / (gyrus / gyrus_base)
    vs_base = m.get("cpu_ratio_gyrus_over_gyrus_base", {}).get("per_rep", [])
    if vs_base and len(vs_base) == len(entry["ratio_per_rep"]):
        before = sorted(gp / gb for gp, gb in zip(entry["ratio_per_rep"], vs_base))
        entry["base_ratio_over_pytorch_per_rep"] = before
        entry["base_ratio_over_pytorch"] = statistics.median(before)
        entry["new_over_base"] = m["cpu_ratio_gyrus_over_gyrus_base"]["median"]
    section["models"][model] = entry
# the BLAS kernels differ by CPU (MKL under libtorch takes AVX2 paths on AMD, AVX-512 on Intel)
cpuinfo = open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else ""
model_name = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
host = (model_name.group(1).strip() if model_name else "unknown CPU") + \
    (", AVX-512" if " avx512f" in cpuinfo else ", no AVX-512")
if os.environ.get("MKL_SHIM"):
    host += "; Gyrus with the MKL vendor shim (gyrus-nn/src/main/native/mkl-preload)"
section["host_cpu"] = host
lines = [f"`{command}` ({section['date']}; {host}; load average after: {section['load_after']}): CPU seconds "
         "of the training thread per epoch on Fashion-MNIST (60k), batch 128, Adam, one engine thread; "
         "ratio = median over repetitions of Gyrus / PyTorch 1.13 + OpenBLAS within a repetition "
         "(goal <= 1.0); base build: the trainer of the commit before this work, run in the same "
         "repetitions when BASE_TREE is set. Details: bench/results/train" + os.path.basename(train_json)[len("train"):-len(".json")] + ".md.", "",
         "| model | Gyrus | raw DJL | PyTorch | Gyrus / PyTorch | per repetition | before: base build | base / PyTorch |",
         "|---|---|---|---|---|---|---|---|"]
for model, r in section["models"].items():
    c = r["cpu_s_per_epoch"]
    fmt = lambda v: "" if v is None else f"{v:.2f}"
    per = ", ".join(f"{x:.2f}" for x in r["ratio_per_rep"])
    lines.append(f"| {model} | {fmt(c.get('gyrus'))} | {fmt(c.get('djl'))} | {fmt(c.get('pytorch'))} | "
                 f"**{fmt(r['ratio_gyrus_over_pytorch'])}** | {per} | {fmt(c.get('gyrus_base'))} | "
                 f"{fmt(r.get('base_ratio_over_pytorch'))} |")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "throughput"))
from section import put  # noqa: E402  (the one writer of throughput.{json,md} sections)

put("per_step", "Per-step training cost (issue 12 section 1)", section, "\n".join(lines), out_json, out_md)
print("\n".join(lines))
