% SWI-Prolog 9 with tabling. `swipl swipl_run.pl -- FILE count GOAL` prints the number of
% solutions; `... FILE point PRED S1,S2,...` runs PRED(S, _) for each source and prints one JSON
% line (answers, first/median/p99 ms). Evaluation time goes to stderr.
:- initialization(main, main).

main :-
    current_prolog_flag(argv, Argv),
    append(_, [File, Mode, Arg], Argv),
    consult(File),
    run(Mode, Arg).

run(count, GoalAtom) :-
    term_to_atom(Goal, GoalAtom),
    statistics(walltime, [T0, _]),
    aggregate_all(count, Goal, N),
    statistics(walltime, [T1, _]),
    format("~w~n", [N]),
    T is (T1 - T0) / 1000,
    format(user_error, "swipl: evaluate ~3f s~n", [T]).
run(point, Spec) :-
    atomic_list_concat([Pred|Sources], ',', Spec),
    maplist([A, S]>>atom_number(A, S), Sources, Nums),
    maplist(time_one(Pred), Nums, Pairs),
    pairs_keys_values(Pairs, Ms, Ns),
    sum_list(Ns, Total),
    Ms = [First|_], Ns = [FirstN|_],
    msort(Ms, Sorted), length(Sorted, L),
    Mid is L // 2, nth0(Mid, Sorted, Median),
    P is min(L - 1, ceiling(L * 0.99) - 1), nth0(P, Sorted, P99),
    format("{\"answers\": ~w, \"first_answers\": ~w, \"first_ms\": ~3f, \"median_ms\": ~3f, \"p99_ms\": ~3f}~n",
           [Total, FirstN, First, Median, P99]).

time_one(Pred, S, Ms-N) :-
    Goal =.. [Pred, S, _],
    statistics(cputime, _),
    get_time(T0),
    aggregate_all(count, Goal, N),
    get_time(T1),
    Ms is (T1 - T0) * 1000.
