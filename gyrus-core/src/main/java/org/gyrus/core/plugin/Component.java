package org.gyrus.core.plugin;

import org.gyrus.core.NodeType;

/**
 * Anything Gyrus finds by name: an algorithm, pruner, evaluator, block type, semiring, data set,
 * proxy, planner or learner. Its {@link NodeType} is declared once and does three jobs: it
 * validates a spec before anything runs, supplies defaults when the component is built, and
 * documents the component ({@code gyrus types}, {@code gyrus explain NAME}).
 *
 * <p>A component kind is an interface extending this one; an implementation is one class with a
 * public no-argument constructor, annotated {@link Register} (or listed in {@code
 * META-INF/services/KIND}).
 */
public interface Component {
  NodeType type();

  default String name() {
    return type().name();
  }
}
