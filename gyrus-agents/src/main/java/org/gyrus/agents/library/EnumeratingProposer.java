package org.gyrus.agents.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A proposer without a language model: enumerates candidate definitions of a binary relation {@code
 * t(X, Y)} over the relations it may call, smallest first. Bodies: one atom; a chain of two atoms
 * through a fresh variable; one atom filtered by a unary relation; each optionally with {@code X !=
 * Y}. Programs: one such rule, the union of two one-atom rules, or a one-atom base case with a
 * recursive chain step. With {@code useLibrary} it calls the library's active modules as well as
 * the base relations; without, base relations only (the ablation).
 */
public final class EnumeratingProposer {
  private final boolean useLibrary;

  public EnumeratingProposer(boolean useLibrary) {
    this.useLibrary = useLibrary;
  }

  /** A candidate program and its cost (atoms doubled, plus one for an inequality). */
  record Candidate(List<String> rules, int cost) {}

  /** Every candidate for the task, cheapest first (stable within a cost). */
  public List<Module> candidates(Task task, ModuleLibrary lib) {
    RelType out = task.output();
    if (out.arity() != 2) {
      throw new IllegalArgumentException("proposer: binary target relations only, got " + out);
    }
    List<String> binary = new ArrayList<>();
    List<String> unary = new ArrayList<>();
    for (RelType r : lib.baseRelations().values()) {
      (r.arity() == 2 ? binary : unary).add(r.name());
    }
    if (useLibrary) {
      for (Module m : lib.active()) {
        if (!m.name().equals(out.name())) {
          (m.output().arity() == 2 ? binary : unary).add(m.name());
        }
      }
    }
    String head = out.name() + "(X, Y) :- ";
    List<String> one = new ArrayList<>();
    for (String b : binary) {
      one.add(b + "(X, Y)");
      one.add(b + "(Y, X)");
    }
    List<String> two = new ArrayList<>();
    for (String b1 : binary) {
      for (String b2 : binary) {
        for (String l : List.of(b1 + "(X, Z)", b1 + "(Z, X)")) {
          for (String r : List.of(b2 + "(Z, Y)", b2 + "(Y, Z)")) {
            two.add(l + ", " + r);
          }
        }
      }
    }
    for (String a : one) {
      for (String u : unary) {
        two.add(a + ", " + u + "(X)");
        two.add(a + ", " + u + "(Y)");
      }
    }
    List<Candidate> all = new ArrayList<>();
    for (String b : one) {
      all.add(new Candidate(List.of(head + b + "."), 2));
      all.add(new Candidate(List.of(head + b + ", X != Y."), 3));
    }
    for (String b : two) {
      all.add(new Candidate(List.of(head + b + "."), 4));
      all.add(new Candidate(List.of(head + b + ", X != Y."), 5));
    }
    for (int i = 0; i < one.size(); i++) {
      for (int j = i + 1; j < one.size(); j++) {
        all.add(new Candidate(List.of(head + one.get(i) + ".", head + one.get(j) + "."), 4));
      }
    }
    String t = out.name();
    for (String base : one) {
      for (String b : binary) {
        for (String step :
            List.of(
                b + "(X, Z), " + t + "(Z, Y)",
                b + "(Z, X), " + t + "(Z, Y)",
                t + "(X, Z), " + b + "(Z, Y)",
                t + "(X, Z), " + b + "(Y, Z)")) {
          all.add(new Candidate(List.of(head + base + ".", head + step + "."), 6));
        }
      }
    }
    all.sort(Comparator.comparingInt(Candidate::cost));
    List<Module> mods = new ArrayList<>(all.size());
    for (Candidate c : all) {
      mods.add(new Module(out.name(), 0, out, c.rules()));
    }
    return mods;
  }
}
