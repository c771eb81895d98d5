% Runs one goal under SWI-Prolog tabling: `swipl swipl_run.pl -- FILE count GOAL` prints the
% number of solutions (time of the evaluation to stderr); `... FILE list GOAL` prints each
% distinct solution on its own line, sorted.
:- initialization(main, main).

main :-
    current_prolog_flag(argv, Argv),
    append(_, [File, Mode, GoalAtom], Argv),
    consult(File),
    term_to_atom(Goal, GoalAtom),
    statistics(walltime, [T0, _]),
    (   Mode == count
    ->  aggregate_all(count, Goal, N),
        format("~w~n", [N])
    ;   findall(Goal, Goal, L0),
        sort(L0, L),
        forall(member(X, L), format("~w~n", [X]))
    ),
    statistics(walltime, [T1, _]),
    T is (T1 - T0) / 1000,
    format(user_error, "swipl: evaluate ~3f s~n", [T]).
