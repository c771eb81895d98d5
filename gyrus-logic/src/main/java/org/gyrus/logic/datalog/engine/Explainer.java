package org.gyrus.logic.datalog.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.MagicSets;
import org.gyrus.logic.datalog.engine.Grounding.Clause;

/**
 * {@code why(tuple)}: a proof tree for a derived tuple. Every tuple remembers the round it was
 * first derived in; a rule instance whose premises all come from earlier rounds is a well-founded
 * step, so following such instances down always ends at input facts.
 */
public final class Explainer {
  /** A proof: the fact, the rule that derived it (empty for an input fact), its premises. */
  public record Proof(String fact, String rule, List<Proof> premises) {
    /** Indentation stops growing here; deeper lines carry their depth instead ("[137] "). */
    static final int MAX_INDENT = 100;

    /**
     * The tree, one fact per line, each premise one {@code indent} deeper. Iterative: a derivation
     * can be thousands of steps deep (and indenting it fully would take quadratic space).
     */
    public String render(String indent) {
      StringBuilder sb = new StringBuilder();
      Deque<Proof> nodes = new ArrayDeque<>();
      Deque<Integer> depths = new ArrayDeque<>();
      nodes.push(this);
      depths.push(1);
      while (!nodes.isEmpty()) {
        Proof p = nodes.pop();
        int depth = depths.pop();
        sb.append(indent.repeat(Math.min(depth, MAX_INDENT)));
        if (depth > MAX_INDENT) {
          sb.append('[').append(depth).append("] ");
        }
        sb.append(p.fact)
            .append(p.rule.isEmpty() ? "   [fact]" : "   [by " + p.rule + "]")
            .append('\n');
        for (int i = p.premises.size() - 1; i >= 0; i--) {
          nodes.push(p.premises.get(i));
          depths.push(depth + 1);
        }
      }
      return sb.toString();
    }

    /** The rendered tree (the record's own would recurse as deep as the derivation). */
    @Override
    public String toString() {
      return render("  ");
    }
  }

  private final Engine engine;
  private Map<Relation, Map<Integer, List<Clause>>> steps;

  public Explainer(Engine engine) {
    if (!engine.tracksRounds()) {
      throw new DatalogError("why", "the engine must be created with trackRounds = true");
    }
    this.engine = engine;
  }

  /** A proof tree of the tuple in row {@code row} of {@code rel}. */
  public Proof explain(Relation rel, int row) {
    index();
    return explainAll(rel, row, 1).get(0);
  }

  private void index() {
    if (steps == null) {
      steps = new HashMap<>();
      for (List<Clause> cs : Grounding.of(engine)) {
        for (Clause c : cs) {
          int r = c.head().round(c.headRow());
          boolean earlier = true;
          for (int j = 0; j < c.body().length; j++) {
            earlier &= c.body()[j].round(c.bodyRows()[j]) < r;
          }
          if (earlier) {
            steps
                .computeIfAbsent(c.head(), k -> new HashMap<>())
                .computeIfAbsent(c.headRow(), k -> new ArrayList<>())
                .add(c);
          }
        }
      }
    }
  }

  /**
   * Up to {@code max} proof trees of a tuple that differ in their last step (the rule instance that
   * derives the tuple itself); premises are explained by their first well-founded step.
   */
  public List<Proof> explainAll(Relation rel, int row, int max) {
    index();
    List<Clause> cs = steps.getOrDefault(rel, Map.of()).getOrDefault(row, List.of());
    if (rel.round(row) == 0 || cs.isEmpty()) {
      return List.of(new Proof(engine.show(rel, row) + ".", "", List.of()));
    }
    List<Proof> out = new ArrayList<>();
    for (Clause c : cs.subList(0, Math.min(max, cs.size()))) {
      out.add(build(new Frame(rel, row, c)));
    }
    return out;
  }

  /** The first well-founded step of a tuple, or null for an input fact. */
  private Clause firstStep(Relation rel, int row) {
    List<Clause> cs = steps.getOrDefault(rel, Map.of()).getOrDefault(row, List.of());
    return rel.round(row) == 0 || cs.isEmpty() ? null : cs.get(0);
  }

  /** A tuple whose proof is being built: its step and the premises proved so far. */
  private static final class Frame {
    final Relation rel;
    final int row;
    final Clause step;
    final List<Proof> premises = new ArrayList<>();
    int next; // the next body position to prove

    Frame(Relation rel, int row, Clause step) {
      this.rel = rel;
      this.row = row;
      this.step = step;
    }

    boolean done() {
      return step == null || next == step.body().length;
    }
  }

  /**
   * The proof of {@code root}'s tuple by its step, premises by their first steps. An explicit stack
   * instead of recursion (derivations can be thousands of steps deep); a premise seen before reuses
   * its (immutable) proof, so shared sub-derivations are built once.
   */
  private Proof build(Frame root) {
    Map<Relation, Map<Integer, Proof>> built = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(root);
    Proof result = null;
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.done()) {
        stack.pop();
        Proof p = proof(f);
        if (stack.isEmpty()) {
          result = p;
        } else {
          built.computeIfAbsent(f.rel, k -> new HashMap<>()).put(f.row, p);
          stack.peek().premises.add(p);
        }
        continue;
      }
      int j = f.next++;
      Relation rel = f.step.body()[j];
      if (engine.isGuard(rel)) {
        continue; // demand bookkeeping is not part of the proof
      }
      int row = f.step.bodyRows()[j];
      Proof known = built.getOrDefault(rel, Map.of()).get(row);
      if (known != null) {
        f.premises.add(known);
      } else {
        stack.push(new Frame(rel, row, firstStep(rel, row)));
      }
    }
    return result;
  }

  private Proof proof(Frame f) {
    String fact = engine.show(f.rel, f.row) + ".";
    if (f.step == null) {
      return new Proof(fact, "", List.of());
    }
    int origin = engine.rewriting().origin()[f.step.rule()];
    if (origin == MagicSets.COPY) {
      return f.premises.get(0); // an input fact copied into its demand-restricted relation
    }
    var rule = engine.rewriting().original().rules().get(origin);
    return new Proof(fact, rule.where() + " " + rule, List.copyOf(f.premises));
  }
}
