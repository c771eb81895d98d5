package org.gyrus.logic.plan;

import java.util.HashMap;
import java.util.Map;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Derived;
import org.gyrus.logic.plan.Pddl.Domain;

/**
 * Strata of derived predicates: a predicate used negatively by a rule sits in a lower stratum than
 * the rule's head; negation through a cycle is refused.
 */
final class Strata {
  private Strata() {}

  static Map<String, Integer> of(Domain d) {
    Map<String, Integer> level = new HashMap<>();
    d.derived().forEach(x -> level.put(x.pred(), 0));
    int limit = level.size() + 1;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Derived x : d.derived()) {
        int need = need(x.body(), true, level);
        if (need > level.get(x.pred())) {
          if (need > limit) {
            throw new SpecError(
                x.at(),
                "derived predicates without negation through recursion",
                "'" + x.pred() + "' depends negatively on itself");
          }
          level.put(x.pred(), need);
          changed = true;
        }
      }
    }
    return level;
  }

  /** The lowest stratum a rule with this body may sit in. */
  private static int need(Cond c, boolean positive, Map<String, Integer> level) {
    if (c instanceof Pddl.Atom a) {
      Integer l = level.get(a.pred());
      return l == null ? 0 : positive ? l : l + 1;
    }
    if (c instanceof Pddl.Not n) {
      return need(n.body(), !positive, level);
    }
    int m = 0;
    if (c instanceof Pddl.And and) {
      for (Cond p : and.parts()) {
        m = Math.max(m, need(p, positive, level));
      }
    } else if (c instanceof Pddl.Or or) {
      for (Cond p : or.parts()) {
        m = Math.max(m, need(p, positive, level));
      }
    } else if (c instanceof Pddl.Quant q) {
      m = need(q.body(), positive, level);
    }
    return m;
  }
}
