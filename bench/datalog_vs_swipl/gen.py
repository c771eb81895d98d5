#!/usr/bin/python3
"""Writes seeded random Datalog workloads as facts for Gyrus (.dl) and SWI-Prolog (.pl).

Workloads:
  tc N E SEED      random directed graph (E distinct edges, no self loops), transitive closure
  sg N SEED        random tree of N nodes (each node's parent drawn among earlier nodes), same generation
  neg N E SEED     random graph; nodes not reachable from node 0 (stratified negation)
"""
import random
import sys


def graph(n, e, seed):
    rng = random.Random(seed)
    edges = set()
    while len(edges) < e:
        a = rng.randrange(n)
        b = rng.randrange(n)
        if a != b:
            edges.add((a, b))
    return sorted(edges)


def write(prefix, facts, dl_rules, pl_rules):
    with open(prefix + ".dl", "w") as f:
        for name, a, b in facts:
            f.write(f"{name}({a}, {b}).\n" if b is not None else f"{name}({a}).\n")
        f.write(dl_rules)
    with open(prefix + ".pl", "w") as f:
        f.write(pl_rules)
        for name, a, b in facts:
            f.write(f"{name}({a},{b}).\n" if b is not None else f"{name}({a}).\n")


def main():
    kind, prefix = sys.argv[1], sys.argv[2]
    args = [int(x) for x in sys.argv[3:]]
    if kind == "tc":
        n, e, seed = args
        facts = [("edge", a, b) for a, b in graph(n, e, seed)]
        write(prefix, facts,
              "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n",
              ":- table path/2.\n:- dynamic edge/2.\n"
              "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n")
    elif kind == "sg":
        n, seed = args
        rng = random.Random(seed)
        facts = [("parent", i, rng.randrange(i)) for i in range(1, n)]
        write(prefix, facts,
              "sg(X, Y) :- parent(X, P), parent(Y, P), X != Y.\n"
              "sg(X, Y) :- parent(X, A), sg(A, B), parent(Y, B).\n",
              ":- table sg/2.\n:- dynamic parent/2.\n"
              "sg(X, Y) :- parent(X, P), parent(Y, P), X \\== Y.\n"
              "sg(X, Y) :- parent(X, A), sg(A, B), parent(Y, B).\n")
    elif kind == "neg":
        n, e, seed = args
        facts = [("edge", a, b) for a, b in graph(n, e, seed)]
        facts += [("node", i, None) for i in range(n)]
        write(prefix, facts,
              "reach(X, Y) :- edge(X, Y).\nreach(X, Z) :- reach(X, Y), edge(Y, Z).\n"
              "unreach(X, Y) :- node(X), node(Y), X < 50, !reach(X, Y).\n",
              ":- table reach/2.\n:- dynamic edge/2, node/1.\n"
              "reach(X, Y) :- edge(X, Y).\nreach(X, Z) :- reach(X, Y), edge(Y, Z).\n"
              "unreach(X, Y) :- node(X), node(Y), X < 50, tnot(reach(X, Y)).\n")
    else:
        sys.exit("unknown workload " + kind)


if __name__ == "__main__":
    main()
