package org.gyrus.agents.library;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One few-shot case: input facts and the exact set of output tuples expected from them (closed
 * world: a missing tuple and an extra tuple both fail).
 *
 * @param facts input facts such as {@code parent(ann, bob)} (no trailing dot)
 * @param expected output facts in the engine's form, e.g. {@code grandparent(ann, cid)}
 */
public record FewShotTest(String name, List<String> facts, Set<String> expected) {
  public FewShotTest {
    facts = List.copyOf(facts);
    expected = Set.copyOf(new TreeSet<>(expected));
  }
}
