#!/usr/bin/python3
"""Gyrus Datalog vs SWI-Prolog 9 (tabling), gringo 5.4, DuckDB and PostgreSQL 15 (recursive CTEs),
side by side in one run on identical facts (gen.py, seeded).

Usage: bench/datalog_vs_peers/bench.py [--reps N] [--pair-reps N] [--skip-big]
       [--peers swipl,gringo,duckdb,postgres] [--skip ENGINE@WORKLOAD,...] [--only updates]
Writes bench/results/datalog.{json,md}. --only updates runs just the update tables (Gyrus alone) and
merges them into the existing results: the other tables, and the run that made them, stay. Build first: ./mvnw -o -q -pl gyrus-app -am package -DskipTests
Whole-process wall time and peak RSS come from /usr/bin/time -v; in-process times are each engine's
own clock around the query (after loading). PostgreSQL runs as a server started here (.ci/postgres);
its RSS is the client's, not the server's. Medians over --reps runs, runs interleaved across engines.
"""
import argparse
import glob
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORK = "/tmp/gyrus-datalog-bench"  # readable by the postgres server user
M2 = os.path.expanduser("~/.m2/repository")
DUCKDB_JAR = f"{M2}/org/duckdb/duckdb_jdbc/1.1.3/duckdb_jdbc-1.1.3.jar"
PG_JAR = f"{M2}/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar"
JAVA_OPTS = ["-Xmx7g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
APP_CP = f"{ROOT}/gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar:{ROOT}/gyrus-app/target/lib/*"
LOGIC_CP = f"{ROOT}/gyrus-logic/target/classes:{ROOT}/gyrus-core/target/classes"
# AppCDS archive of the classes `reason` loads, made by one untimed run (as ./gyrus reason does)
CDS = os.path.join(WORK, "gyrus-reason.jsa")
CDS_OPTS = [f"-XX:SharedArchiveFile={CDS}", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]

# name, gen args, main predicate, sql kind (None: not expressible as one linear recursive CTE)
ALL_PAIRS = [
    ("tc-2k-10k", ["tc", "2000", "10000", "1"], "path", "tc"),
    ("sg-tree-3k", ["sg", "3000", "2"], "sg", "sg"),
    ("andersen-100k", ["andersen", "30000", "3000", "100000", "1"], "pt", None),
    ("rbac-20k", ["rbac", "20000", "2000", "500", "1"], "can", "rbac"),
]
BIG = ("tc-10k-50k", ["tc", "10000", "50000", "1"], "path", "tc")
CHURN_ROUNDS = 5


class Failed(Exception):
    pass


def timed(cmd, env=None, timeout=600):
    full = ["/usr/bin/time", "-v"] + cmd
    t0 = time.time()
    try:
        p = subprocess.run(full, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failed(f"no answer within {timeout} s")
    wall = time.time() - t0
    if p.returncode != 0:
        why = [l for l in p.stderr.splitlines() if "ERROR" in l or "rror" in l][:1] or ["?"]
        raise Failed(f"failed after {wall:.0f} s: {why[0].strip()[:160]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return {"stdout": p.stdout, "stderr": p.stderr, "wall_s": wall, "peak_rss_mb": rss_kb / 1024}


def make_cds():
    prefix = os.path.join(WORK, "cds-warm")
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen.py"), "tc", prefix, "200", "1000", "1"],
                   check=True)
    if os.path.exists(CDS):
        os.remove(CDS)
    subprocess.run(["java"] + JAVA_OPTS + [f"-XX:ArchiveClassesAtExit={CDS}", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-cp", APP_CP, "org.gyrus.app.Main", "reason",
                    prefix + ".dl", "--query", "path(1, Y)", "--count"], capture_output=True, check=True)


def gyrus_cli(dl, query, extra=(), cds=True):
    r = timed(["java"] + JAVA_OPTS + (CDS_OPTS if cds else []) + ["-cp", APP_CP, "org.gyrus.app.Main", "reason", dl,
                                      "--query", query, "--count"] + list(extra))
    r["answers"] = int(r["stdout"].strip().splitlines()[-1])
    ev = re.search(r"evaluate ([\d.]+) s", r["stderr"])
    r["eval_s"] = float(ev.group(1))
    return r


def swipl_count(pl, pred, arity):
    goal = f"{pred}({','.join('_' * arity)})"
    r = timed(["swipl", os.path.join(HERE, "swipl_run.pl"), "--", pl, "count", goal])
    r["answers"] = int(r["stdout"].strip())
    r["eval_s"] = float(re.search(r"evaluate ([\d.]+) s", r["stderr"]).group(1))
    return r


def gringo_count(lp, pred, arity):
    vs = ",".join("XYZ"[:arity])
    extra = os.path.join(WORK, f"count_{pred}.lp")
    with open(extra, "w") as f:
        f.write(f"n(N) :- N = #count {{ {vs} : {pred}({vs}) }}.\n#show n/1.\n")
    r = timed(["gringo", "--text", lp, extra])
    r["answers"] = int(re.search(r"n\((\d+)\)", r["stdout"]).group(1))
    r["stdout"] = ""
    return r


def sql(url, kind, prefix, mode, sources=None):
    cp = f"{WORK}:{DUCKDB_JAR}:{PG_JAR}"
    args = ["java", "-Xmx7g", "-cp", cp, "SqlBench", url, kind, prefix, mode]
    r = timed(args + ([",".join(map(str, sources))] if sources else []))
    r.update(json.loads(r["stdout"]))
    return r


def med(runs, key):
    vals = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def summary(runs):
    keys = ["answers", "wall_s", "peak_rss_mb", "eval_s", "query_ms", "load_ms"]
    out = {k: med(runs, k) for k in keys if med(runs, k) is not None}
    out["walls"] = [round(r["wall_s"], 3) for r in runs]
    return out


def all_pairs(opts, pg_url, name, gen, pred, kind):
    prefix = os.path.join(WORK, name)
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen.py"), gen[0], prefix] + gen[1:],
                   check=True)
    arity = 3 if pred == "hpt" else 2
    q = f"{pred}({', '.join('XYZ'[:arity])})"
    engines = {"gyrus": lambda: gyrus_cli(prefix + ".dl", q)}
    if "swipl" in opts.peers:
        engines["swipl"] = lambda: swipl_count(prefix + ".pl", pred, arity)
    if "gringo" in opts.peers:
        engines["gringo"] = lambda: gringo_count(prefix + ".lp", pred, arity)
    if kind and "duckdb" in opts.peers:
        engines["duckdb"] = lambda: sql("jdbc:duckdb:", kind, prefix, "count")
    if kind and pg_url:
        engines["postgres"] = lambda: sql(pg_url, kind, prefix, "count")
    runs = {e: [] for e in engines}
    reps = 1 if name == BIG[0] else opts.reps
    errors = {}
    for e in engines:
        if f"{e}@{name}" in opts.skip.split(","):
            errors[e] = "not run this time (--skip)"
    for _ in range(reps):
        for e, f in engines.items():
            if e in errors:
                continue
            try:
                runs[e].append(f())
            except Failed as err:
                errors[e] = str(err)
                print(f"{name} {e}: {err}", file=sys.stderr)
    row = {"workload": name, "kind": "all-pairs", "generator": "gen.py " + " ".join(gen),
           "reps": reps, "engines": {e: summary(r) for e, r in runs.items() if r},
           "failed": errors}
    if not kind:
        row["sql_note"] = "not expressible as one linear recursive CTE (mutual, non-linear recursion)"
    return finish(row)


def finish(row, key="wall_s"):
    es = row["engines"]
    answers = {e: v.get("answers") for e, v in es.items() if v.get("answers")}
    row["answers_identical"] = len(set(answers.values())) == 1
    peers = {e: v[key] for e, v in es.items() if not e.startswith("gyrus") and v.get(key)}
    if peers:
        fastest = min(peers, key=peers.get)
        row["fastest_peer"] = fastest
        row["ratio_fastest_peer_over_gyrus"] = peers[fastest] / es["gyrus"][key]
    print(json.dumps(row), file=sys.stderr)
    return row


def point_queries(opts, pg_url):
    name, gen = "point-10k-50k", ["tc", "10000", "50000", "1"]
    prefix = os.path.join(WORK, name)
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen.py"), gen[0], prefix] + gen[1:],
                   check=True)
    rng = random.Random(7)
    sources = [rng.randrange(10000) for _ in range(100)]
    whole = {"gyrus": [], "gyrus_no_cds": [], "gyrus_no_demand": []}
    inproc = {}
    for _ in range(opts.reps):
        whole["gyrus"].append(gyrus_cli(prefix + ".dl", f"path({sources[0]}, Y)"))
        whole["gyrus_no_cds"].append(gyrus_cli(prefix + ".dl", f"path({sources[0]}, Y)", cds=False))
        if "swipl" in opts.peers:
            whole.setdefault("swipl", []).append(
                timed(["swipl", os.path.join(HERE, "swipl_run.pl"), "--", prefix + ".pl", "count",
                       f"path({sources[0]},_)"]))
        if "duckdb" in opts.peers:
            whole.setdefault("duckdb", []).append(
                sql("jdbc:duckdb:", "tc", prefix, "point", sources[:1]))
        if pg_url:
            whole.setdefault("postgres", []).append(sql(pg_url, "tc", prefix, "point", sources[:1]))
    if not opts.skip_big:
        whole["gyrus_no_demand"].append(
            gyrus_cli(prefix + ".dl", f"path({sources[0]}, Y)", ["--no-demand"]))
    for e in list(whole):
        for r in whole[e]:
            if "answers" not in r:
                r["answers"] = int(r["stdout"].strip().splitlines()[-1].split()[0]
                                   if not r["stdout"].startswith("{") else 0)
    g = timed(["java"] + JAVA_OPTS[:2] + ["-cp", f"{LOGIC_CP}:{WORK}", "GyrusBench", "point",
                                          prefix + ".dl", "path", ",".join(map(str, sources))])
    inproc["gyrus"] = json.loads(g["stdout"])
    if "swipl" in opts.peers:
        s = timed(["swipl", os.path.join(HERE, "swipl_run.pl"), "--", prefix + ".pl", "point",
                   "path," + ",".join(map(str, sources))])
        inproc["swipl"] = json.loads(s["stdout"])
    if "duckdb" in opts.peers:
        inproc["duckdb"] = sql("jdbc:duckdb:", "tc", prefix, "point", sources)
    if pg_url:
        inproc["postgres"] = sql(pg_url, "tc", prefix, "point", sources)
    for v in inproc.values():
        for k in ["stdout", "stderr"]:
            v.pop(k, None)
    row = {"workload": name, "kind": "point queries path(S, Y), 100 random S (seed 7)",
           "generator": "gen.py " + " ".join(gen), "reps": opts.reps, "first_source": sources[0],
           "engines": {e: summary(r) for e, r in whole.items() if r}, "in_process": inproc}
    return finish(row)


def churn(opts):
    """Deletions where delete-and-rederive applies: role-inheritance edges of rbac-20k (a DAG)."""
    name, gen = ALL_PAIRS[3][:2]
    prefix = os.path.join(WORK, name)
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen.py"), gen[0], prefix] + gen[1:],
                   check=True)
    rows = []
    for k in [1, 10, 100]:
        r = timed(["java", "-Xmx6g", "-XX:+UseSerialGC", "-cp", f"{LOGIC_CP}:{WORK}", "GyrusBench",
                   "churn", prefix + ".dl", "inh", str(k), "11", str(CHURN_ROUNDS)])
        lines = [json.loads(l) for l in r["stdout"].splitlines() if l.startswith("{")]
        rounds, recompute = lines[:-1], lines[-1]
        d = {"k": k, "full_ms_cold": rounds[0]["full_ms"], "recompute_ms": recompute["recompute_ms"],
             "recompute_cpu_ms": recompute.get("recompute_cpu_ms"),
             "rounds": rounds, "peak_rss_mb": r["peak_rss_mb"],
             "model_ok": all(x["tuples_after_add"] == x["tuples"] for x in rounds)
             and recompute["tuples"] == rounds[0]["tuples"]}
        print(json.dumps(d), file=sys.stderr)
        rows.append(d)
    return {"workload": name + " deletions", "kind": "remove k random inh (role inheritance) facts,"
            f" then add them back; {CHURN_ROUNDS} rounds in one JVM", "generator": "gen.py " + " ".join(gen),
            "churn": rows}


def updates(opts):
    name, gen = BIG[:2] if not opts.skip_big else ALL_PAIRS[0][:2]
    prefix = os.path.join(WORK, name)
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen.py"), gen[0], prefix] + gen[1:],
                   check=True)
    n = int(gen[1])
    rows = []
    for k in [1, 10, 100]:
        r = timed(["java", "-Xmx8g", "-XX:+UseSerialGC", "-cp", f"{LOGIC_CP}:{WORK}", "GyrusBench",
                   "update", prefix + ".dl", "edge", str(n), str(k), "11"])
        lines = [json.loads(l) for l in r["stdout"].splitlines() if l.startswith("{")]
        d = {**lines[0], **lines[1]}  # the updates, then a warm recomputation in the same JVM
        d["add_fraction_of_full"] = d["add_ms"] / d["full_ms"]
        d["remove_fraction_of_full"] = d["remove_ms"] / d["full_ms"]
        for m in ["ms", "cpu_ms"]:
            d[f"add_over_recompute_{m}"] = d[f"add_{m}"] / max(d[f"recompute_{m}"], 1e-9)
            d[f"remove_over_recompute_{m}"] = d[f"remove_{m}"] / max(d[f"recompute_{m}"], 1e-9)
        d["model_ok"] = lines[0]["tuples_after_remove"] == lines[1]["tuples"]
        d["peak_rss_mb"] = r["peak_rss_mb"]
        rows.append(d)
        print(json.dumps(d), file=sys.stderr)
    return {"workload": name + " updates", "kind": "add k random edges, then remove them",
            "generator": "gen.py " + " ".join(gen), "steps": rows,
            "peers": "none: SWI-Prolog, gringo, DuckDB and PostgreSQL CTEs recompute (see all-pairs)"}


def start_postgres():
    out = subprocess.run([os.path.join(ROOT, ".ci", "postgres")], capture_output=True, text=True,
                         check=True).stdout
    url = re.search(r"GYRUS_PG_URL=postgresql://(\S+)@(\S+?)/(\S+)", out)
    pg_dir = re.search(r"GYRUS_PG_DIR=(\S+)", out).group(1)
    return f"jdbc:postgresql://{url.group(2)}/{url.group(3)}?user={url.group(1)}", pg_dir


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--peers", default="swipl,gringo,duckdb,postgres")
    ap.add_argument("--pair-reps", type=int, default=0, help="runs per all-pairs cell (default --reps)")
    ap.add_argument("--skip", default="", help="ENGINE@WORKLOAD,... not run (said in the results)")
    ap.add_argument("--only", choices=["updates"], help="run only these tables, merged into the results")
    opts = ap.parse_args()
    if opts.only:
        return only_updates(opts)
    os.makedirs(WORK, exist_ok=True)
    os.chmod(WORK, 0o755)
    subprocess.run(["javac", "-d", WORK, "-cp", LOGIC_CP, os.path.join(HERE, "GyrusBench.java"),
                    os.path.join(HERE, "SqlBench.java")], check=True)
    make_cds()
    pg_url, pg_dir = start_postgres() if "postgres" in opts.peers else (None, None)
    load_before = os.getloadavg()
    results = []
    try:
        # the sections this issue changed first; the results are written after every section
        results.append(point_queries(opts, pg_url))
        save(opts, load_before, results)
        results.append(updates(opts))
        results.append(churn(opts))
        save(opts, load_before, results)
        pair_opts = argparse.Namespace(**{**vars(opts), "reps": opts.pair_reps or opts.reps})
        for w in ALL_PAIRS:
            results.append(all_pairs(pair_opts, pg_url, *w))
            save(opts, load_before, results)
        if not opts.skip_big:  # Gyrus only: 98.7 M tuples; SWI-Prolog runs out of table space,
            # gringo passed 2 GB after 85 s of CPU (its 2k/10k footprint suggests ~15 GB)
            solo = argparse.Namespace(**{**vars(opts), "peers": "", "skip": ""})
            big = all_pairs(solo, None, *BIG[:3], None)
            big["sql_note"] = ("peers not run: SWI-Prolog stops with 'Not enough resources' after"
                               " 23 s, gringo was past 2 GB after 85 s of CPU and was stopped; DuckDB/PostgreSQL not tried")
            results.append(big)
    finally:
        if pg_dir:
            subprocess.run([os.path.join(ROOT, ".ci", "postgres"), "stop", pg_dir])
    print(save(opts, load_before, results))


def only_updates(opts):
    """The update tables alone (Gyrus only), merged into the existing results by workload."""
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["javac", "-d", WORK, "-cp", LOGIC_CP, os.path.join(HERE, "GyrusBench.java")],
                   check=True)
    load_before = os.getloadavg()
    fresh = [updates(opts), churn(opts)]
    run = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "command": "bench/datalog_vs_peers/bench.py " + " ".join(sys.argv[1:]),
           "load_average_before_after": [load_before, os.getloadavg()]}
    for r in fresh:
        r["run"] = run
    path = os.path.join(ROOT, "bench", "results", "datalog.json")
    with open(path) as f:
        old = json.load(f)
    names = {r["workload"] for r in fresh}
    results = [r for r in old["results"] if r["workload"] not in names]
    at = next((i for i, r in enumerate(old["results"]) if r["workload"] in names), len(results))
    results[at:at] = fresh
    print(write(old["meta"], results))


def save(opts, load_before, results):
    versions = {
        "swipl": subprocess.run(["swipl", "--version"], capture_output=True, text=True).stdout.strip(),
        "gringo": subprocess.run(["gringo", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "duckdb_jdbc": os.path.basename(DUCKDB_JAR), "postgres": "15 (Debian), JDBC " + os.path.basename(PG_JAR),
        "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]}
    meta = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cpus": os.cpu_count(),
            "command": "bench/datalog_vs_peers/bench.py " + " ".join(sys.argv[1:]),
            "versions": versions, "load_average_before_after": [load_before, os.getloadavg()],
            "java_opts": " ".join(JAVA_OPTS + CDS_OPTS),
            "note": "shared 2-core machine with other jobs running; medians of interleaved runs;"
                    f" all-pairs medians of {opts.pair_reps or opts.reps}, point queries of {opts.reps}"}
    return write(meta, results)


def write(meta, results):
    out = os.path.join(ROOT, "bench", "results")
    with open(os.path.join(out, "datalog.json"), "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1)
    md = render(meta, results)
    with open(os.path.join(out, "datalog.md"), "w") as f:
        f.write(md)
    return md


def fmt(v, digits=2):
    return "n/a" if v is None else f"{v:,.{digits}f}"


def render(meta, results):
    lines = ["# Datalog: Gyrus vs SWI-Prolog, gringo, DuckDB, PostgreSQL", "",
             f"Run {meta['date']} by `{meta.get('command', 'bench/datalog_vs_peers/bench.py')}` ({meta['note']}; load average "
             f"{meta['load_average_before_after'][0][0]:.1f} before, "
             f"{meta['load_average_before_after'][1][0]:.1f} after). Gyrus: `java {meta['java_opts']}"
             " org.gyrus.app.Main reason F --query Q --count` (the CLI). Wall = whole process, median.",
             "", "| workload | engine | answers | wall s | RSS MB | engine's own time s |",
             "|---|---|---|---|---|---|"]
    for r in results:
        if "engines" not in r:
            continue
        for e, v in r["engines"].items():
            own = v.get("eval_s") if v.get("eval_s") is not None else (
                v["query_ms"] / 1000 if v.get("query_ms") is not None else None)
            lines.append(f"| {r['workload']} | {e} | {fmt(v.get('answers'), 0)} | {fmt(v['wall_s'])} | "
                         f"{fmt(v['peak_rss_mb'], 0)} | {fmt(own, 3)} |")
        if r.get("fastest_peer"):
            lines.append(f"| {r['workload']} | **fastest peer / Gyrus** | identical: "
                         f"{r['answers_identical']} | **{r['ratio_fastest_peer_over_gyrus']:.2f}x** "
                         f"({r['fastest_peer']}) | | |")
        for e, why in r.get("failed", {}).items():
            lines.append(f"| {r['workload']} | {e} | {why} | | | |")
        if r.get("sql_note"):
            lines.append(f"| {r['workload']} | {'peers' if r['workload'] == BIG[0] else 'DuckDB, PostgreSQL'} | {r['sql_note']} | | | |")
    for r in results:
        if "in_process" in r:
            lines += ["", f"Point queries after load ({r['kind']}), in-process per query:", "",
                      "| engine | first ms | median ms | p99 ms | answers (100 queries) |", "|---|---|---|---|---|"]
            for e, v in r["in_process"].items():
                lines.append(f"| {e} | {fmt(v.get('first_ms'))} | {fmt(v.get('median_ms'))} | "
                             f"{fmt(v.get('p99_ms'))} | {fmt(v.get('answers'), 0)} |")
        run = r.get("run")
        run_note = (f" Run {run['date']} by `{run['command']}`, load average "
                    f"{run['load_average_before_after'][0][0]:.1f} before, "
                    f"{run['load_average_before_after'][1][0]:.1f} after." if run else "")
        if "steps" in r:
            lines += ["", f"Incremental maintenance, {r['workload']} ({r['kind']}; peers: {r['peers']}).{run_note}"
                      " Recompute = a full materialization in the same JVM after the updates (warm, like"
                      " them); CPU = the process's CPU time (GC included), steadier than wall time on a"
                      " shared machine:", "",
                      "| k | first materialization ms (cold) | recompute ms (warm) | add ms | add / recompute |"
                      " method | remove ms | remove / recompute (wall) | remove / recompute (CPU) | method |"
                      " model equals recomputation |",
                      "|---|---|---|---|---|---|---|---|---|---|---|"]
            for d in r["steps"]:
                pct = lambda key, digits=1: "n/a" if d.get(key) is None else f"{d[key]:.{digits}%}"
                lines.append(f"| {d['k']} | {fmt(d['full_ms'], 0)} | {fmt(d.get('recompute_ms'), 0)} | "
                             f"{fmt(d['add_ms'])} | {pct('add_over_recompute_ms', 2)} | {d['add_method']} | "
                             f"{fmt(d['remove_ms'], 0)} | {pct('remove_over_recompute_ms')} | "
                             f"{pct('remove_over_recompute_cpu_ms')} | {d['remove_method']} | "
                             f"{d.get('model_ok', 'n/a')} |")
        if "churn" in r:
            n = len(r["churn"][0]["rounds"])
            lines += ["", f"Deletions by delete-and-rederive, {r['workload']} ({r['kind']}).{run_note} Recompute ="
                      " a full materialization in the same JVM after the rounds (compiled code, like the"
                      " later rounds; median of 3); the first materialization of the run is cold. CPU ="
                      " the process's CPU time (GC included; 10 ms ticks):", "",
                      f"| k | first materialization ms (cold) | recompute ms (warm) | remove ms, rounds 1..{n} |"
                      " remove / recompute (wall, median of rounds) | remove / recompute (CPU, median of rounds) |"
                      " tuples removed (round 1) | method (round 1) |"
                      f" add back ms, rounds 1..{n} | add method | model equals recomputation |",
                      "|---|---|---|---|---|---|---|---|---|---|---|"]
            for d in r["churn"]:
                rm = [x["remove_ms"] for x in d["rounds"]]
                rc = [x.get("remove_cpu_ms") for x in d["rounds"]]
                ad = [x["add_ms"] for x in d["rounds"]]
                first = d["rounds"][0]
                cpu = (f"{statistics.median(rc) / d['recompute_cpu_ms']:.1%}"
                       if d.get("recompute_cpu_ms") and None not in rc else "n/a")
                lines.append(f"| {d['k']} | {fmt(d['full_ms_cold'], 0)} | {fmt(d['recompute_ms'], 0)} | "
                             f"{' / '.join(fmt(x, 0) for x in rm)} | "
                             f"{statistics.median(rm) / d['recompute_ms']:.1%} | {cpu} | "
                             f"{first['tuples'] - first['tuples_after_remove']:,} | {first['remove_method']} | "
                             f"{' / '.join(fmt(x, 0) for x in ad)} | {first['add_method']} | {d['model_ok']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
