#!/usr/bin/python3
"""Optuna samplers on the synthetic functions of Gyrus's `synthetic` evaluator (same formulas,
same boxes, same dimensions). One JSON line per (function, sampler): best-so-far at each
checkpoint per seed, and the ask+tell time of the last 10 trials.
  optuna_synthetic.py --functions branin,hartmann6 --samplers random,tpe,tpe_mv,cmaes \
      --trials 200 --checkpoints 20,50,100,200 --repeats 10 --seed 0"""
import argparse, json, math, sys, time, warnings
import numpy as np
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

H_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
H3_A = np.array([[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]])
H3_P = 1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
H6_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
H6_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann(x, a, p):
    x = np.asarray(x)
    return float(-np.sum(H_ALPHA * np.exp(-np.sum(a * (x - p) ** 2, axis=1))))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def ackley(x):
    d = len(x)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / d) + 20 + math.e)


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


def michalewicz(x):
    return -sum(math.sin(v) * math.sin((i + 1) * v * v / math.pi) ** 20 for i, v in enumerate(x))


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def six_hump_camel(x):
    a = x[0] ** 2
    return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * x[1] ** 2) * x[1] ** 2


def griewank(x):
    return sum(v * v for v in x) / 4000 - math.prod(math.cos(v / math.sqrt(i + 1)) for i, v in enumerate(x)) + 1


# name -> (function, dimension, box per coordinate)
FUNCTIONS = {
    "branin": (branin, 2, [(-5, 10), (0, 15)]),
    "hartmann3": (lambda x: hartmann(x, H3_A, H3_P), 3, [(0, 1)] * 3),
    "hartmann6": (lambda x: hartmann(x, H6_A, H6_P), 6, [(0, 1)] * 6),
    "rosenbrock": (rosenbrock, 5, [(-5, 10)] * 5),
    "ackley": (ackley, 5, [(-32.768, 32.768)] * 5),
    "levy": (levy, 5, [(-10, 10)] * 5),
    "styblinski_tang": (styblinski_tang, 5, [(-5, 5)] * 5),
    "michalewicz": (michalewicz, 5, [(0, math.pi)] * 5),
    "rastrigin": (rastrigin, 5, [(-5.12, 5.12)] * 5),
    "six_hump_camel": (six_hump_camel, 2, [(-3, 3), (-2, 2)]),
    "griewank": (griewank, 5, [(-600, 600)] * 5),
}


def sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    raise SystemExit("unknown sampler " + name)


def run(fname, sname, trials, checkpoints, repeats, seed):
    f, d, box = FUNCTIONS[fname]
    at = {c: [] for c in checkpoints}
    last10, last10cpu = [], []
    t0 = time.time()
    for r in range(repeats):
        study = optuna.create_study(sampler=sampler(sname, seed + r), direction="minimize")
        best = math.inf
        for i in range(trials):
            a, ca = time.perf_counter(), time.process_time()
            t = study.ask()
            x = [t.suggest_float("x%d" % j, lo, hi) for j, (lo, hi) in enumerate(box)]
            b, cb = time.perf_counter(), time.process_time()
            y = f(x)
            c, cc = time.perf_counter(), time.process_time()
            study.tell(t, y)
            if i >= trials - 10:
                last10.append(1000 * ((b - a) + (time.perf_counter() - c)))
                last10cpu.append(1000 * ((cb - ca) + (time.process_time() - cc)))
            best = min(best, y)
            if i + 1 in at:
                at[i + 1].append(best)
    return {"function": fname, "dim": d, "algorithm": sname, "trials": trials, "repeats": repeats,
            "seed": seed, "bests_at": {str(c): v for c, v in at.items()},
            "ask_tell_ms_last10_median": float(np.median(last10)),
            "ask_tell_cpu_ms_last10_median": float(np.median(last10cpu)), "seconds": time.time() - t0}


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--functions", default=",".join(FUNCTIONS))
    p.add_argument("--samplers", default="random,tpe,tpe_mv,cmaes")
    p.add_argument("--trials", type=int, default=200)
    p.add_argument("--checkpoints", default="20,50,100,200")
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    cps = [int(c) for c in a.checkpoints.split(",")]
    for fn in a.functions.split(","):
        for s in a.samplers.split(","):
            print(json.dumps(run(fn, s, a.trials, cps, a.repeats, a.seed)), flush=True)
