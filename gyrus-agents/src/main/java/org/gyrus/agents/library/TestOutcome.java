package org.gyrus.agents.library;

import java.util.Set;
import java.util.TreeSet;

/** What a module did on one few-shot case: the tuples it missed and the ones it should not give. */
public record TestOutcome(FewShotTest test, Set<String> missing, Set<String> extra, String error) {
  public TestOutcome {
    missing = Set.copyOf(missing);
    extra = Set.copyOf(extra);
  }

  public boolean passed() {
    return error == null && missing.isEmpty() && extra.isEmpty();
  }

  /** One line naming the case and, at most three of each, the tuples that went wrong. */
  public String describe() {
    if (passed()) {
      return test.name() + ": passed";
    }
    if (error != null) {
      return test.name() + ": error: " + error;
    }
    StringBuilder sb = new StringBuilder(test.name()).append(":");
    if (!missing.isEmpty()) {
      sb.append(" missing ").append(first(missing));
    }
    if (!extra.isEmpty()) {
      sb.append(" unexpected ").append(first(extra));
    }
    return sb.toString();
  }

  private static String first(Set<String> s) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String t : new TreeSet<>(s)) {
      if (i == 3) {
        return sb.append(", ... (").append(s.size()).append(" in all)").toString();
      }
      sb.append(i++ == 0 ? "" : ", ").append(t);
    }
    return sb.toString();
  }
}
