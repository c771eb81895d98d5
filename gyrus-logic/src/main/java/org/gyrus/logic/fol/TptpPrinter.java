package org.gyrus.logic.fol;

import java.util.List;

/**
 * Prints formulas and problems in TPTP FOF. Names that are not TPTP lower words are single-quoted
 * (non-ASCII characters spelled as {@code uXXXX}); variables are printed as upper words.
 */
public final class TptpPrinter {
  private TptpPrinter() {}

  /** A whole problem: premises as axioms, the conclusion as the conjecture. */
  public static String problem(FolProblem p) {
    StringBuilder sb = new StringBuilder();
    List<Formula> ps = p.premises();
    for (int i = 0; i < ps.size(); i++) {
      sb.append("fof(p").append(i + 1).append(", axiom, ").append(print(ps.get(i))).append(").\n");
    }
    if (p.conclusion() != null) {
      sb.append("fof(goal, conjecture, ").append(print(p.conclusion())).append(").\n");
    }
    return sb.toString();
  }

  public static String print(Formula f) {
    StringBuilder sb = new StringBuilder();
    write(f, sb);
    return sb.toString();
  }

  private static void write(Formula f, StringBuilder sb) {
    if (f instanceof Formula.Atom a) {
      sb.append(functor(a.pred()));
      args(a.args(), sb);
    } else if (f instanceof Formula.Equal e) {
      term(e.left(), sb);
      sb.append(" = ");
      term(e.right(), sb);
    } else if (f instanceof Formula.Truth t) {
      sb.append(t.value() ? "$true" : "$false");
    } else if (f instanceof Formula.Not n) {
      if (n.body() instanceof Formula.Equal e) {
        term(e.left(), sb);
        sb.append(" != ");
        term(e.right(), sb);
        return;
      }
      sb.append("~ ");
      unit(n.body(), sb);
    } else if (f instanceof Formula.Quant q) {
      sb.append(q.universal() ? "! [" : "? [").append(variable(q.var().name())).append("] : ");
      unit(q.body(), sb);
    } else if (f instanceof Formula.Bin b) {
      unit(b.left(), sb);
      sb.append(
          switch (b.op()) {
            case AND -> " & ";
            case OR -> " | ";
            case IMPLIES -> " => ";
            case IFF -> " <=> ";
            case XOR -> " <~> ";
          });
      unit(b.right(), sb);
    }
  }

  private static void unit(Formula f, StringBuilder sb) {
    if (f instanceof Formula.Bin || f instanceof Formula.Equal) {
      sb.append('(');
      write(f, sb);
      sb.append(')');
    } else if (f instanceof Formula.Not n && n.body() instanceof Formula.Equal) {
      sb.append('(');
      write(f, sb);
      sb.append(')');
    } else {
      write(f, sb);
    }
  }

  private static void args(List<Term> args, StringBuilder sb) {
    if (args.isEmpty()) {
      return;
    }
    sb.append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      term(args.get(i), sb);
    }
    sb.append(')');
  }

  private static void term(Term t, StringBuilder sb) {
    if (t instanceof Term.Var v) {
      sb.append(variable(v.name()));
    } else {
      Term.Fn fn = (Term.Fn) t;
      sb.append(functor(fn.name()));
      args(fn.args(), sb);
    }
  }

  /** A TPTP functor: the name itself when it is a lower word, else single-quoted. */
  public static String functor(String name) {
    if (name.matches("[a-z][A-Za-z0-9_]*")) {
      return name;
    }
    StringBuilder sb = new StringBuilder("'");
    for (char c : name.toCharArray()) {
      if (c == '\'' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 32 || c > 126) {
        sb.append(String.format("u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** A TPTP variable: upper word; FOLIO's x becomes X. */
  public static String variable(String name) {
    if (name.matches("[A-Z][A-Za-z0-9_]*")) {
      return name;
    }
    String clean = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (clean.matches("[a-z][A-Za-z0-9_]*")) {
      return Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
    }
    return "V_" + clean;
  }
}
