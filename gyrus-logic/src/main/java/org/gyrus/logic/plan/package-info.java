/**
 * Classical planning: a PDDL parser ({@link org.gyrus.logic.plan.PddlParser}), grounding by relaxed
 * reachability ({@link org.gyrus.logic.plan.Grounder}), heuristic search ({@link
 * org.gyrus.logic.plan.Planner}: lazy greedy best-first search with FF and preferred operators,
 * LAMA-style anytime weighted A*, optimal A* with LM-cut) and an independent plan validator ({@link
 * org.gyrus.logic.plan.Validator}).
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.logic.plan;
