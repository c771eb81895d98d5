package org.gyrus.nesy.nsr;

import java.util.List;

/**
 * A word's semantics in the sequence DSL: the output is the concatenation of atoms, each an output
 * token (a constant), a sequence argument, or a function argument applied to a sub-program. With
 * concatenation only, repetition is written out ({@code x x x}), and every sub-value of an output
 * is a contiguous piece of it, which the deduction search uses to prune.
 */
public record Program(boolean[] functionArgs, List<Atom> body, int cost) {
  /** Cost of a constant token; arguments and applications cost 1, so reuse beats memorising. */
  static final int TOKEN_COST = 2;

  public int arity() {
    return functionArgs.length;
  }

  /** One piece of a program body. */
  public sealed interface Atom permits Tok, Var, App {}

  /** A constant output token (an id in the output vocabulary). */
  public record Tok(int token) implements Atom {}

  /** The value of sequence argument {@code arg}. */
  public record Var(int arg) implements Atom {}

  /** Function argument {@code arg} applied to the sequence {@code body} evaluates to. */
  public record App(int arg, List<Atom> body) implements Atom {}

  static int cost(List<Atom> body) {
    int c = 0;
    for (Atom a : body) {
      if (a instanceof Tok) {
        c += TOKEN_COST;
      } else if (a instanceof Var) {
        c += 1;
      } else {
        c += 1 + cost(((App) a).body());
      }
    }
    return c;
  }

  /** Readable form, e.g. {@code λx1 f2. f2(f2(x1))}. */
  public String show(List<String> outputVocab) {
    StringBuilder sb = new StringBuilder();
    if (arity() > 0) {
      sb.append("λ");
      for (int i = 0; i < arity(); i++) {
        sb.append(i == 0 ? "" : " ").append(functionArgs[i] ? "f" : "x").append(i + 1);
      }
      sb.append(". ");
    }
    String b = showBody(body, outputVocab);
    sb.append(b.isEmpty() ? "[]" : b);
    return sb.toString();
  }

  private String showBody(List<Atom> atoms, List<String> vocab) {
    StringBuilder sb = new StringBuilder();
    for (Atom a : atoms) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (a instanceof Tok) {
        sb.append(vocab.get(((Tok) a).token()));
      } else if (a instanceof Var) {
        sb.append('x').append(((Var) a).arg() + 1);
      } else {
        App app = (App) a;
        sb.append('f').append(app.arg() + 1).append('(').append(showBody(app.body(), vocab));
        sb.append(')');
      }
    }
    return sb.toString();
  }

  /** Equality by structure (records compare arrays by identity). */
  boolean sameAs(Program o) {
    return java.util.Arrays.equals(functionArgs, o.functionArgs) && body.equals(o.body);
  }
}
