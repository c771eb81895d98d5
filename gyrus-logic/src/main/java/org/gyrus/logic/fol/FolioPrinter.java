package org.gyrus.logic.fol;

/** Prints formulas in FOLIO's notation so that {@link FolioParser} reads them back equal. */
public final class FolioPrinter {
  private FolioPrinter() {}

  public static String print(Formula f) {
    StringBuilder sb = new StringBuilder();
    write(f, sb);
    return sb.toString();
  }

  private static void write(Formula f, StringBuilder sb) {
    if (f instanceof Formula.Atom a) {
      sb.append(a.pred());
      if (!a.args().isEmpty()) {
        args(a.args(), sb);
      }
    } else if (f instanceof Formula.Equal e) {
      term(e.left(), sb);
      sb.append(" = ");
      term(e.right(), sb);
    } else if (f instanceof Formula.Truth t) {
      sb.append(t.value() ? "⊤" : "⊥");
    } else if (f instanceof Formula.Not n) {
      sb.append('¬');
      wrapped(n.body(), sb);
    } else if (f instanceof Formula.Quant q) {
      sb.append(q.universal() ? '∀' : '∃').append(q.var().name()).append(' ');
      wrapped(q.body(), sb);
    } else if (f instanceof Formula.Bin b) {
      wrapped(b.left(), sb);
      sb.append(' ').append(symbol(b.op())).append(' ');
      wrapped(b.right(), sb);
    }
  }

  private static void wrapped(Formula f, StringBuilder sb) {
    boolean plain =
        f instanceof Formula.Atom || f instanceof Formula.Truth || f instanceof Formula.Not;
    if (plain) {
      write(f, sb);
    } else {
      sb.append('(');
      write(f, sb);
      sb.append(')');
    }
  }

  static String symbol(Formula.Conn op) {
    return switch (op) {
      case AND -> "∧";
      case OR -> "∨";
      case IMPLIES -> "→";
      case IFF -> "↔";
      case XOR -> "⊕";
    };
  }

  private static void args(java.util.List<Term> args, StringBuilder sb) {
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
      sb.append(v.name());
    } else {
      Term.Fn f = (Term.Fn) t;
      sb.append(f.name());
      if (!f.args().isEmpty()) {
        args(f.args(), sb);
      }
    }
  }
}
