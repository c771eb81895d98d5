/**
 * Symbolic regression (issue 16 §2, after DySymNet / deep symbolic regression): formulas as
 * immutable specs ({@link org.gyrus.nesy.symreg.Expr}), an exact canonical form and equivalence
 * check ({@link org.gyrus.nesy.symreg.Canon}), constants fitted by Levenberg–Marquardt, and the
 * search ({@link org.gyrus.nesy.symreg.Regressor}): a controller trained with the risk-seeking
 * policy gradient seeding genetic programming, plus plain GP. Benchmarks: the DSO suite ({@link
 * org.gyrus.nesy.symreg.Benchmarks}); CLI: {@code gyrus regress DATA.csv}.
 */
package org.gyrus.nesy.symreg;
