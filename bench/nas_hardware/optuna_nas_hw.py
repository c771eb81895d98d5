#!/usr/bin/python3
"""Optuna's NSGAIISampler (and RandomSampler) on the network x accelerator co-search, reading the
objectives file Gyrus wrote (same closed form: latency = (base + n1 c1 + n3 c3) cycles / clock,
energy likewise). Hard specs through constraints_func (value <= 0 is feasible). One JSON line per
(sampler, seed): every evaluated design's accuracy, latency, energy, area, and ask+tell times.
  optuna_nas_hw.py TABLE --samplers nsga2,random --seed 0 --repeats 10 --trials 1000"""
import argparse, json, sys, time, warnings
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

ap = argparse.ArgumentParser()
ap.add_argument("table")
ap.add_argument("--samplers", default="nsga2,random")
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--repeats", type=int, default=10)
ap.add_argument("--trials", type=int, default=1000)
ap.add_argument("--population", type=int, default=50)
args = ap.parse_args()

t = json.load(open(args.table))
ops, specs, freq = t["ops"], t["specs"], t["frequency_mhz"]
cells = {c[0]: c for c in t["cells"]}
hw = {(a[0], a[1], a[2], a[3], a[4]): a for a in t["accelerators"]}
L, E, A = specs["latency_ms"], specs["energy_uj"], specs["area_mm2"]
FROM = [0, 0, 1, 0, 1, 2]  # NB201 edge order: (1,0) (2,0) (2,1) (3,0) (3,1) (3,2)


def evaluate(trial):
    e = [trial.suggest_categorical("e%d" % i, ops) for i in range(6)]
    key = (trial.suggest_categorical("pe_rows", [8, 16, 32]),
           trial.suggest_categorical("pe_cols", [8, 16, 32]),
           trial.suggest_categorical("buffer_kb", [32, 64, 128, 256]),
           trial.suggest_categorical("bandwidth", [8, 16, 32]),
           trial.suggest_categorical("dataflow", ["ws", "os"]))
    arch = "|%s~%d|+|%s~%d|%s~%d|+|%s~%d|%s~%d|%s~%d|" % tuple(
        x for i in range(6) for x in (e[i], FROM[i]))
    c, h = cells[arch], hw[key]
    latency = (h[6] + c[2] * h[7] + c[3] * h[8]) / (freq * 1e3)
    energy = h[9] + c[2] * h[10] + c[3] * h[11]
    return c[1], latency, energy, h[5]


def constraints(frozen):
    return frozen.user_attrs["c"]


for name in args.samplers.split(","):
    for seed in range(args.seed, args.seed + args.repeats):
        if name == "nsga2":
            sampler = optuna.samplers.NSGAIISampler(
                population_size=args.population, seed=seed, constraints_func=constraints)
        elif name == "random":
            sampler = optuna.samplers.RandomSampler(seed=seed)
        else:
            sys.exit("unknown sampler " + name)
        study = optuna.create_study(
            directions=["maximize", "minimize", "minimize"], sampler=sampler)
        points, times = [], []
        for _ in range(args.trials):
            start = time.perf_counter()
            trial = study.ask()
            acc, lat, en, area = evaluate(trial)
            trial.set_user_attr("c", [lat - L, en - E, area - A])
            study.tell(trial, [acc, lat, en])
            times.append((time.perf_counter() - start) * 1e3)
            points.append([acc, lat, en, area])
        print(json.dumps({"system": "optuna", "algorithm": name, "seed": seed,
                          "points": points, "ask_tell_ms": times}), flush=True)
