% ./gyrus prove examples/logic/socrates.p --proof
fof(men_are_mortal, axiom, ![X]: (man(X) => mortal(X))).
fof(socrates_is_a_man, axiom, man(socrates)).
fof(socrates_is_mortal, conjecture, mortal(socrates)).
