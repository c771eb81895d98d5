#!/usr/bin/python3
"""Seeded Datalog workloads, written once per engine from the same facts.

  gen.py KIND PREFIX ARGS...   writes PREFIX.dl (Gyrus), PREFIX.pl (SWI-Prolog, tabling),
                               PREFIX.lp (gringo), PREFIX.<relation>.tsv (SQL COPY)

Kinds:
  tc N E SEED          random directed graph (E distinct edges, no self loops); path = closure
  sg N SEED            random tree of N nodes (each parent drawn among earlier nodes); same generation
  andersen V O S SEED  Andersen points-to over V variables, O allocation sites, S statements
                       (30% new, 50% assign, 10% load, 10% store; 32 fields;
                       assignments and allocation sites mostly local); pt = points-to, hpt = heap points-to
  rbac U R P SEED      U users, R roles in a random inheritance DAG, P permissions; can(U, P)
"""
import random
import sys

RULES = {
    "tc": {
        "dl": "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n",
        "pl": ":- table path/2.\npath(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n",
        "lp": "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n",
    },
    "sg": {
        "dl": "sg(X, Y) :- parent(X, P), parent(Y, P), X != Y.\n"
              "sg(X, Y) :- parent(X, A), sg(A, B), parent(Y, B).\n",
        "pl": ":- table sg/2.\nsg(X, Y) :- parent(X, P), parent(Y, P), X \\== Y.\n"
              "sg(X, Y) :- parent(X, A), sg(A, B), parent(Y, B).\n",
        "lp": "sg(X, Y) :- parent(X, P), parent(Y, P), X != Y.\n"
              "sg(X, Y) :- parent(X, A), sg(A, B), parent(Y, B).\n",
    },
    "andersen": {
        "dl": "pt(V, O) :- new(V, O).\npt(V, O) :- assign(V, W), pt(W, O).\n"
              "pt(V, O) :- load(V, W, F), pt(W, B), hpt(B, F, O).\n"
              "hpt(B, F, O) :- store(V, F, W), pt(V, B), pt(W, O).\n",
        "pl": ":- table pt/2, hpt/3.\npt(V, O) :- new(V, O).\npt(V, O) :- assign(V, W), pt(W, O).\n"
              "pt(V, O) :- load(V, W, F), pt(W, B), hpt(B, F, O).\n"
              "hpt(B, F, O) :- store(V, F, W), pt(V, B), pt(W, O).\n",
        "lp": "pt(V, O) :- new(V, O).\npt(V, O) :- assign(V, W), pt(W, O).\n"
              "pt(V, O) :- load(V, W, F), pt(W, B), hpt(B, F, O).\n"
              "hpt(B, F, O) :- store(V, F, W), pt(V, B), pt(W, O).\n",
    },
    "rbac": {
        "dl": "anc(R, R) :- role(R).\nanc(R, T) :- anc(R, S), inh(S, T).\n"
              "can(U, P) :- ur(U, R), anc(R, S), rp(S, P).\n",
        "pl": ":- table anc/2, can/2.\nanc(R, R) :- role(R).\nanc(R, T) :- anc(R, S), inh(S, T).\n"
              "can(U, P) :- ur(U, R), anc(R, S), rp(S, P).\n",
        "lp": "anc(R, R) :- role(R).\nanc(R, T) :- anc(R, S), inh(S, T).\n"
              "can(U, P) :- ur(U, R), anc(R, S), rp(S, P).\n",
    },
}


def graph(n, e, seed):
    rng = random.Random(seed)
    edges = set()
    while len(edges) < e:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            edges.add((a, b))
    return {"edge": sorted(edges)}


def tree(n, seed):
    rng = random.Random(seed)
    return {"parent": [(i, rng.randrange(i)) for i in range(1, n)]}


FIELDS = 32


def andersen(nv, no, ns, seed):
    rng = random.Random(seed)
    rel = {"new": set(), "assign": set(), "load": set(), "store": set()}
    for _ in range(ns):
        k = rng.random()
        # values flow mostly within a procedure (30 variables), 0.1% across procedures (calls)
        v = rng.randrange(nv)
        w = rng.randrange(nv) if rng.random() < 0.001 else v - v % 30 + rng.randrange(min(30, nv - v + v % 30))
        if k < 0.3:
            # objects are numbered after variables; each procedure has 3 allocation sites
            rel["new"].add((v, nv + (v // 30 * 3 + rng.randrange(3)) % no))
        elif k < 0.8:
            rel["assign"].add((v, w))
        elif k < 0.9:
            rel["load"].add((v, w, rng.randrange(FIELDS)))
        else:
            rel["store"].add((v, rng.randrange(FIELDS), w))
    return {k: sorted(v) for k, v in rel.items()}


def rbac(nu, nr, np_, seed):
    rng = random.Random(seed)
    inh = set()
    for r in range(1, nr):  # each role inherits one or two earlier (more general) roles
        for _ in range(1 + (rng.random() < 0.3)):
            inh.add((r, rng.randrange(r)))
    ur = {(u, rng.randrange(nr)) for u in range(nu) for _ in range(2)}
    rp = {(rng.randrange(nr), 100000 + rng.randrange(np_)) for _ in range(3 * nr)}
    return {"role": [(r,) for r in range(nr)], "inh": sorted(inh), "ur": sorted(ur),
            "rp": sorted(rp)}


def write(prefix, kind, rels):
    with open(prefix + ".dl", "w") as dl, open(prefix + ".pl", "w") as pl, \
            open(prefix + ".lp", "w") as lp:
        pl.write(":- dynamic " + ", ".join(f"{r}/{len(t[0]) if t else 1}" for r, t in rels.items())
                 + ".\n")
        for r, tuples in rels.items():
            with open(f"{prefix}.{r}.tsv", "w") as tsv:
                for t in tuples:
                    args = ", ".join(map(str, t))
                    dl.write(f"{r}({args}).\n")
                    lp.write(f"{r}({args}).\n")
                    pl.write(f"{r}({','.join(map(str, t))}).\n")
                    tsv.write("\t".join(map(str, t)) + "\n")
        dl.write(RULES[kind]["dl"])
        pl.write(RULES[kind]["pl"])
        lp.write(RULES[kind]["lp"])


def main():
    kind, prefix = sys.argv[1], sys.argv[2]
    a = [int(x) for x in sys.argv[3:]]
    rels = {"tc": lambda: graph(*a), "sg": lambda: tree(*a), "andersen": lambda: andersen(*a),
            "rbac": lambda: rbac(*a)}[kind]()
    write(prefix, kind, rels)


if __name__ == "__main__":
    main()
