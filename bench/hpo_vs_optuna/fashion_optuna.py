#!/usr/bin/python3
"""Optuna's TPE on the Fashion-MNIST recipe task, scoring every trial with Gyrus's own evaluator:
one long-lived `gyrus trial serve EXPERIMENT` process receives each point as a DNA line and answers
with the trial's validation accuracy, so Optuna and Gyrus optimise the identical objective.
The space is read from the served decision list (conditional decisions are suggested only when
their parent takes one of their values: Optuna's define-by-run). One JSON line per seed.
  fashion_optuna.py --experiment FILE --trials 20 --seeds 0,1,2 --sampler tpe -- JAVA_CMD..."""
import argparse, json, subprocess, sys, time, warnings
import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def suggest(trial, decisions):
    dna = {}
    for d in decisions:
        w = d.get("when")
        if w and dna.get(w["parent"]) not in w["values"]:
            continue
        if d["kind"] == "choice":
            label = trial.suggest_categorical(d["id"], d["labels"])
            dna[d["id"]] = d["labels"].index(label)
        elif d["kind"] == "int":
            dna[d["id"]] = trial.suggest_int(d["id"], d["lo"], d["hi"], step=d["step"])
        else:
            dna[d["id"]] = float(trial.suggest_float(d["id"], d["lo"], d["hi"], log=d["log"]))
    return dna


def sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "cmaes":  # numbers by CMA-ES; the categorical decisions fall back to random, as Optuna does
        return optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False)
    raise SystemExit("unknown sampler " + name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--experiment", required=True)
    p.add_argument("--trials", type=int, default=20)
    p.add_argument("--seeds", default="0")
    p.add_argument("--sampler", default="tpe")
    p.add_argument("java", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = [c for c in a.java if c != "--"] + ["trial", "serve", a.experiment]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    head = json.loads(proc.stdout.readline())
    decisions = head["decisions"]
    direction = "maximize" if head["directions"][0] == "MAXIMIZE" else "minimize"
    for seed in [int(s) for s in a.seeds.split(",")]:
        study = optuna.create_study(sampler=sampler(a.sampler, seed), direction=direction)
        values, tests, t0 = [], [], time.time()
        for i in range(a.trials):
            t = study.ask()
            dna = suggest(t, decisions)
            proc.stdin.write(json.dumps({"number": i, "seed": 1000 * seed + i, "dna": dna}) + "\n")
            proc.stdin.flush()
            res = json.loads(proc.stdout.readline())
            if "error" in res:
                study.tell(t, state=optuna.trial.TrialState.FAIL)
                print("trial %d failed: %s" % (i, res["error"]), file=sys.stderr)
                values.append(None)
                tests.append(None)
                continue
            study.tell(t, res["values"][0])
            values.append(res["values"][0])
            tests.append(res["extra"].get("test_accuracy"))
            print("seed %d trial %d: %.4f (%.1f s)" % (seed, i, res["values"][0], res["seconds"]),
                  file=sys.stderr, flush=True)
        print(json.dumps({"system": "optuna", "algorithm": a.sampler, "seed": seed, "values": values, "test_accuracy": tests,
                          "seconds": time.time() - t0, "best_params": study.best_params}), flush=True)
    proc.stdin.close()
    proc.wait()


if __name__ == "__main__":
    main()
