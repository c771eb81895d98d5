package org.gyrus.logic.ilp;

/** Learns a program from a task (bias, background knowledge, examples). */
public interface RuleLearner {
  Learner.Result learn(Task task);
}
