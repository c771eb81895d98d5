/**
 * Sub-goal agents over a semantic map (issue 21 §3, after JARVIS, without a language model): a
 * household grid world with partial observability ({@link org.gyrus.agents.household.World}), a
 * semantic map built from observations, a Datalog commonsense knowledge base proposing sub-goals
 * ({@link org.gyrus.agents.household.CommonSense}), the gyrus PDDL planner ordering them ({@link
 * org.gyrus.agents.household.SubgoalPlanner}), an A* navigator, and a PPO baseline.
 */
package org.gyrus.agents.household;
