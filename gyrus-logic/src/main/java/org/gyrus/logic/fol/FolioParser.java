package org.gyrus.logic.fol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * Parses FOLIO's formula notation: {@code ∀x (P(x) → ¬Q(x, c)) ∧ (A ⊕ B)}. Precedence from loosest:
 * ↔, →, ⊕, ∨, ∧, then ¬ and quantifiers; a quantifier's scope reaches as far right as possible. A
 * name is a variable exactly where a quantifier binds it, otherwise a constant. In tolerant mode
 * unbalanced parentheses are repaired (an unmatched ')' is dropped, a missing one is appended) and
 * each repair is reported.
 */
public final class FolioParser {
  private final String source;
  private final String text;
  private final List<String> repairs = new ArrayList<>();
  private boolean tolerant;
  private final Deque<Term.Var> bound = new ArrayDeque<>();
  private int pos;

  private FolioParser(String source, String text) {
    this.source = source;
    this.text = text;
  }

  /** Parses strictly: any syntax problem is a {@link SpecError}. */
  public static Formula parse(String text) {
    return parse(text, "formula", false).formula();
  }

  /** Parses one formula; {@code source} names it in errors (e.g. {@code file:12}). */
  public static ParsedFormula parse(String text, String source, boolean tolerant) {
    String input = text;
    List<String> pre = new ArrayList<>();
    if (tolerant) {
      input = balanceParens(text, pre, source);
    }
    FolioParser p = new FolioParser(source, input);
    p.tolerant = tolerant;
    p.repairs.addAll(pre);
    p.skipWs();
    if (p.pos >= p.text.length()) {
      throw p.error("a formula", "end of input");
    }
    Formula f = p.formula(0);
    p.skipWs();
    if (p.pos < p.text.length()) {
      throw p.error("a connective or end of input", "'" + p.text.charAt(p.pos) + "'");
    }
    return new ParsedFormula(f, p.repairs);
  }

  static String balanceParens(String text, List<String> repairs, String source) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          repairs.add(source + ":1:" + (i + 1) + ": dropped unmatched ')'");
          continue;
        }
        depth--;
      }
      sb.append(c);
    }
    if (depth > 0) {
      repairs.add(source + ": appended " + depth + " missing ')'");
      sb.append(")".repeat(depth));
    }
    return sb.toString();
  }

  private SpecError error(String expected, String found) {
    return new SpecError(source + ":1:" + (pos + 1), expected, found);
  }

  private void skipWs() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(String s) {
    skipWs();
    if (text.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private static final String[][] OPS = {
    {"↔", "⟷", "<->", "<=>"}, {"→", "->", "=>"}, {"⊕"}, {"∨", "|"}, {"∧", "&"}
  };

  private Formula formula(int level) {
    if (level >= OPS.length) {
      return unary();
    }
    Formula left = formula(level + 1);
    while (true) {
      if (!eatAny(OPS[level])) {
        if (tolerant && level == OPS.length - 1 && text.startsWith(",", pos)) {
          repairs.add(source + ":1:" + (pos + 1) + ": read ',' between formulas as '∧'");
          pos++;
        } else {
          return left;
        }
      }
      Formula.Conn op = Formula.Conn.values()[level];
      if (op == Formula.Conn.IMPLIES) {
        return new Formula.Bin(op, left, formula(level)); // right associative
      }
      left = new Formula.Bin(op, left, formula(level + 1));
    }
  }

  private boolean eatAny(String[] alternatives) {
    for (String s : alternatives) {
      if (eat(s)) {
        return true;
      }
    }
    return false;
  }

  private int depth;

  /** Guards recursion: absurdly nested input is an error, not a stack overflow. */
  private Formula unary() {
    if (++depth > 400) {
      throw error("at most 400 nested sub-formulas", "deeper nesting");
    }
    try {
      return unaryGuarded();
    } finally {
      depth--;
    }
  }

  private Formula unaryGuarded() {
    skipWs();
    if (pos >= text.length()) {
      throw error("a formula", "end of input");
    }
    if (eat("¬") || eat("~")) {
      return new Formula.Not(unary());
    }
    boolean forall = text.startsWith("∀", pos);
    if (forall || text.startsWith("∃", pos)) {
      pos++;
      skipWs();
      int start = pos;
      String name = ident();
      if (name == null) {
        pos = start;
        throw error("a variable after the quantifier", describeHere());
      }
      Term.Var v = new Term.Var(name);
      bound.push(v);
      Formula body;
      try {
        skipWs();
        body = formula(0);
      } finally {
        bound.pop();
      }
      return new Formula.Quant(forall, v, body);
    }
    if (eat("(")) {
      Formula f = formula(0);
      if (!eat(")")) {
        throw error("')'", describeHere());
      }
      return f;
    }
    if (eat("⊤")) {
      return new Formula.Truth(true);
    }
    if (eat("⊥")) {
      return new Formula.Truth(false);
    }
    return atomic();
  }

  private String describeHere() {
    skipWs();
    return pos >= text.length() ? "end of input" : "'" + text.charAt(pos) + "'";
  }

  private Formula atomic() {
    skipWs();
    int start = pos;
    String name = ident();
    if (name == null) {
      throw error("a predicate, '(', '¬' or a quantifier", describeHere());
    }
    List<Term> args = new ArrayList<>();
    boolean hasParen = eat("(");
    if (hasParen) {
      args = termList();
    }
    if (eat("≠")) {
      return new Formula.Not(new Formula.Equal(resolve(name, args, hasParen, start), term()));
    }
    if (eat("=")) {
      return new Formula.Equal(resolve(name, args, hasParen, start), term());
    }
    return new Formula.Atom(name, args);
  }

  private List<Term> termList() {
    List<Term> args = new ArrayList<>();
    skipWs();
    if (eat(")")) {
      return args;
    }
    do {
      args.add(term());
    } while (eat(","));
    if (!eat(")")) {
      throw error("',' or ')'", describeHere());
    }
    return args;
  }

  private Term term() {
    if (++depth > 400) {
      throw error("at most 400 nested terms", "deeper nesting");
    }
    try {
      return termGuarded();
    } finally {
      depth--;
    }
  }

  private Term termGuarded() {
    skipWs();
    int start = pos;
    String name = ident();
    if (name == null) {
      throw error("a term", describeHere());
    }
    boolean hasParen = eat("(");
    List<Term> args = hasParen ? termList() : List.of();
    return resolve(name, args, hasParen, start);
  }

  private Term resolve(String name, List<Term> args, boolean hasParen, int start) {
    if (!hasParen) {
      for (Term.Var v : bound) {
        if (v.name().equals(name)) {
          return v;
        }
      }
    }
    return new Term.Fn(name, args);
  }

  /** Identifiers: letters, digits, '_', apostrophes, and '.' or '-' inside a name. */
  private String ident() {
    skipWs();
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean inner =
          pos > start
              && (c == '.' || c == '-')
              && pos + 1 < text.length()
              && isNameChar(text.charAt(pos + 1));
      if (isNameChar(c) || inner) {
        pos++;
      } else {
        break;
      }
    }
    return pos == start ? null : text.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '’' || c == '\'';
  }
}
