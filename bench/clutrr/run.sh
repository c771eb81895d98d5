#!/usr/bin/env bash
# CLUTRR with an epistemic GNN (issue 15 section 2): EpiGNN and the MLP/mean-aggregation baseline,
# trained on k=2,3 (1.2,1.3_train.csv), tested on every k=2..10 test file, per seed; writes
# bench/results/clutrr.{json,md} with per-k accuracy per seed, mean, wall and CPU seconds and the
# learned composition table.
# Usage: GYRUS_DATA=/work/shared/data bench/clutrr/run.sh
#   SEEDS=0,1,2  EPOCHS=12  BASE_SEEDS=0,1,2  BASE_EPOCHS=12  TRAIN_LIMIT=0  (env, defaults shown)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${GYRUS_DATA:?set GYRUS_DATA to the shared data directory}/clutrr/data_089907f8"
seeds="${SEEDS:-0,1,2}"
epochs="${EPOCHS:-12}"
base_seeds="${BASE_SEEDS:-$seeds}"
base_epochs="${BASE_EPOCHS:-$epochs}"
limit="${TRAIN_LIMIT:-0}"  # smoke runs only: train on this many stories
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nice -n 10 ./mvnw -o -q -B -pl gyrus-app -am compile -Dspotless.skip=true
nice -n 10 ./mvnw -o -q -B -pl gyrus-app dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(tr ':' '\n' < "$work/cp.txt" | grep -v '/gyrus-' | tr '\n' ':')"
for m in gyrus-app gyrus-nesy gyrus-logic gyrus-core gyrus-nn gyrus-search gyrus-nas gyrus-agents; do cp="$cp$root/$m/target/classes:"; done
gyrus() { OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.app.Main "$@"; }

epi_cmd="gyrus clutrr \$GYRUS_DATA/clutrr/data_089907f8 --model epignn --seeds $seeds --epochs $epochs --table"
base_cmd="gyrus clutrr \$GYRUS_DATA/clutrr/data_089907f8 --model mean_gnn --seeds $base_seeds --epochs $base_epochs"
gyrus clutrr "$data" --model epignn --seeds "$seeds" --epochs "$epochs" --train-limit "$limit" --table --json "$work/epignn.json" | tee "$work/epignn.out"
gyrus clutrr "$data" --model mean_gnn --seeds "$base_seeds" --epochs "$base_epochs" --train-limit "$limit" --json "$work/mean_gnn.json" | tee "$work/mean_gnn.out"
if [ "${ABLATE:-1}" = 1 ]; then  # EpiGNN without the composition-consistency loss, and also without anchored states
  gyrus clutrr "$data" --model epignn --seeds "$seeds" --epochs "$epochs" --train-limit "$limit" --consistency 0 --json "$work/noconsistency.json" | tee "$work/noconsistency.out"
  gyrus clutrr "$data" --model epignn --seeds "$seeds" --epochs "$epochs" --train-limit "$limit" --consistency 0 --free --json "$work/free.json" | tee "$work/free.out"
fi

python3 - "$work" "$root/bench/results" "$epi_cmd" "$base_cmd" "$data" <<'PY'
import csv, collections, json, statistics, sys, pathlib
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
cmds = {"epignn": sys.argv[3], "mean_gnn": sys.argv[4],
        "noconsistency": sys.argv[3].replace(" --table", "") + " --consistency 0",
        "free": sys.argv[3].replace(" --table", "") + " --consistency 0 --free"}
names = {"epignn": "EpiGNN (anchored states, min aggregation, composition-consistency loss)",
         "mean_gnn": "baseline: MLP messages, mean aggregation",
         "noconsistency": "ablation: EpiGNN without the consistency loss",
         "free": "ablation: EpiGNN without consistency loss and without anchored states"}
# the most any model reading only the graph can score: identical graphs (edges, types, query)
# with different answers can only all be right once per answer
ceiling = {}
for f in pathlib.Path(sys.argv[5]).glob("1.*_test.csv"):
    k = int(f.name.split("_")[0].split(".")[1])
    groups = collections.defaultdict(collections.Counter)
    for r in csv.DictReader(open(f)):
        groups[(r["story_edges"], r["edge_types"], r["query_edge"])][r["target"]] += 1
    ceiling[k] = sum(c.most_common(1)[0][1] for c in groups.values()) / sum(sum(c.values()) for c in groups.values())
rows, md = [], ["# CLUTRR (issue 15 section 2): systematic generalisation from k=2,3 to k=2..10", "",
                "Data: `$GYRUS_DATA/clutrr/data_089907f8`, trained on `1.2,1.3_train.csv` (10,094 stories),",
                "tested on each `1.k_test.csv`. Accuracy = argmax answer equals the target relation.", ""]
runs = {}
for model in ("epignn", "mean_gnn", "noconsistency", "free"):
    if (work / f"{model}.json").exists():
        runs[model] = json.loads((work / f"{model}.json").read_text())["runs"]
ks = sorted({int(k) for rs in runs.values() for r in rs for k in r["per_k"]})
md += ["| model | seed | " + " | ".join(f"k={k}" for k in ks) + " | wall s | CPU s |",
       "|---|---|" + "---|" * len(ks) + "---|---|",
       "| graph-consistency ceiling | - | " + " | ".join(f"{100*ceiling[k]:.1f}" for k in ks) + " | - | - |"]
for k in ks:
    rows.append({"id": f"clutrr_ceiling_k{k}", "metric": "largest accuracy any graph-reading model can reach",
                 "value": round(100 * ceiling[k], 2), "unit": "%", "k": k,
                 "command": "identical (story_edges, edge_types, query_edge) grouped, majority answer (this script)"})
for model, rs in runs.items():
    for r in rs:
        acc = {int(k): v[0] / v[1] for k, v in r["per_k"].items()}
        md.append(f"| {model} | {r['seed']} | " + " | ".join(f"{100*acc[k]:.1f}" for k in ks)
                  + f" | {r['wall_seconds']:.0f} | {r['cpu_seconds']:.0f} |")
        for k in ks:
            rows.append({"id": f"clutrr_{model}_seed{r['seed']}_k{k}", "metric": "accuracy",
                         "value": round(100 * acc[k], 2), "unit": "%", "k": k, "seed": r["seed"],
                         "right": r["per_k"][str(k)][0], "total": r["per_k"][str(k)][1],
                         "anchor": "goal >= 97 at every k (EpiGNN paper ~97-99)" if model == "epignn" else "should degrade with k",
                         "command": cmds[model]})
        rows.append({"id": f"clutrr_{model}_seed{r['seed']}_time", "metric": "training + test time",
                     "value": r["wall_seconds"], "unit": "s", "cpu_seconds": r["cpu_seconds"],
                     "config": {x: r[x] for x in ("width", "epochs", "batch", "lr", "anchored", "consistency", "fact_length", "aggregation")},
                     "command": cmds[model]})
    means = {k: statistics.mean(r["per_k"][str(k)][0] / r["per_k"][str(k)][1] for r in rs) for k in ks}
    md.append(f"| **{model} mean** | {len(rs)} seeds | " + " | ".join(f"**{100*means[k]:.1f}**" for k in ks)
              + f" | {statistics.mean(r['wall_seconds'] for r in rs):.0f} | {statistics.mean(r['cpu_seconds'] for r in rs):.0f} |")
    for k in ks:
        rows.append({"id": f"clutrr_{model}_mean_k{k}", "metric": "accuracy, mean over seeds",
                     "value": round(100 * means[k], 2), "unit": "%", "k": k, "seeds": len(rs), "command": cmds[model]})
md += ["", "Models: " + "; ".join(f"`{m}` = {names[m]}" for m in runs), "",
       "Commands:", ""] + [f"    {cmds[m]}" for m in runs]
md += ["", "The ceiling row: test stories with identical graphs (edges, relation types, query) but different",
       "answers cannot all be answered right. At k=3, 15 stories are the same chain wife-son-grandmother,",
       "10 labelled mother and 5 mother-in-law (both are true readings), so no model reading the graph",
       "exceeds 100/105 = 95.24% there; the 97% goal is unreachable at k=3 on this release."]
md += ["", "Wall times were measured on a shared 2-core machine (other jobs running): CPU s is the",
       "process CPU time (JVM + PyTorch, 1 thread)."]
epi = runs["epignn"]
if epi and "table" in epi[0]:
    first = epi[0]
    md += ["", f"## Learned composition table (EpiGNN, seed {first['seed']})", "",
           "`a . b = c p` : argmax of e_0 · M_a · M_b · C (the answer for source -a-> x -b-> y) with",
           "its probability; `data` is the answer of the k=2 training stories with that pair (count),",
           "`-` where no k=2 story has the pair. Agreement with the data table per seed: "
           + ", ".join(f"seed {r['seed']} {r['table_agree']}/{r['table_defined']}" for r in epi), "", "```"]
    md += first["table"] + ["```"]
    for r in epi:
        rows.append({"id": f"clutrr_epignn_seed{r['seed']}_table_agreement", "metric": "learned composition = data composition",
                     "value": r["table_agree"], "unit": f"of {r['table_defined']} pairs", "command": cmds["epignn"]})
    (out / "clutrr_table.txt").write_text("\n".join(first["table"]) + "\n")
(out / "clutrr.json").write_text(json.dumps({"rows": rows}, indent=2) + "\n")
(out / "clutrr.md").write_text("\n".join(md) + "\n")
print("\n".join(md[:12 + 2 * len(ks)]))
PY
