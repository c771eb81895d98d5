#!/usr/bin/python3
"""Optuna on the NAS-Bench-201 table, with the same protocol as `gyrus bench nb201`.

Best test accuracy found within Q *distinct* queries (a repeated cell is told its cached value
and not counted), averaged over R seeded repeats; and mean ask+tell time per trial.
Prints one JSON object per line.
"""
import argparse, csv, gzip, json, statistics, sys, time
import optuna

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return {row["arch"]: float(row["cifar10_test_acc_200ep"]) for row in csv.DictReader(f)}


def arch(ops):
    parts = [f"{op}~{e[1]}" for op, e in zip(ops, EDGES)]
    return "|" + parts[0] + "|+|" + "|".join(parts[1:3]) + "|+|" + "|".join(parts[3:]) + "|"


def sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    raise SystemExit("unknown sampler " + name)


def ask_ops(study):
    t = study.ask()
    return t, [t.suggest_categorical(f"edges[{i}].op", OPS) for i in range(len(EDGES))]


def best_within(table, name, queries, seed):
    study = optuna.create_study(direction="maximize", sampler=sampler(name, seed))
    seen = {}
    while len(seen) < queries:
        t, ops = ask_ops(study)
        a = arch(ops)
        v = table[a]
        seen[a] = v
        study.tell(t, v)
    return max(seen.values())


def overhead(table, name, trials, seed):
    study = optuna.create_study(direction="maximize", sampler=sampler(name, seed))
    times, cpu = [], []
    for _ in range(trials):
        t0, c0 = time.perf_counter(), time.thread_time()
        t, ops = ask_ops(study)
        study.tell(t, table[arch(ops)])
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return (statistics.mean(times[:1000]), statistics.mean(times[-1000:]),
            statistics.mean(cpu[:1000]), statistics.mean(cpu[-1000:]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", required=True)
    ap.add_argument("--sampler", required=True)
    ap.add_argument("--queries", default="50,100,300")
    ap.add_argument("--repeats", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--overhead", type=int, default=0)
    args = ap.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    table = load(args.table)
    best = max(table.values())
    for q in [int(x) for x in args.queries.split(",")]:
        t0 = time.time()
        bests = [best_within(table, args.sampler, q, args.seed + r) for r in range(args.repeats)]
        m = statistics.mean(bests)
        print(json.dumps({"algorithm": "optuna-" + args.sampler, "queries": q, "repeats": args.repeats, "seed": args.seed,
                          "mean_best": round(m, 4), "std_best": round(statistics.stdev(bests), 4) if len(bests) > 1 else 0.0,
                          "mean_regret": round(best - m, 4),
                          "found_optimum": sum(1 for b in bests if b >= best - 1e-9), "seconds": round(time.time() - t0, 1)}), flush=True)
    if args.overhead:
        first, last, cfirst, clast = overhead(table, args.sampler, args.overhead, args.seed)
        print(json.dumps({"algorithm": "optuna-" + args.sampler, "overhead_trials": args.overhead,
                          "ask_tell_ms_first_1000": round(first, 4), "ask_tell_ms_last_1000": round(last, 4),
                          "ask_tell_cpu_ms_first_1000": round(cfirst, 4), "ask_tell_cpu_ms_last_1000": round(clast, 4)}), flush=True)


if __name__ == "__main__":
    main()
