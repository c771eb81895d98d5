package org.gyrus.logic.fol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * Reads TPTP FOF (and CNF) problems: {@code fof(name, role, formula).} with {@code ! [X] :}, {@code
 * ? [X] :}, {@code ~ & | => <= <=> <~> ~| ~& = !=}, {@code $true}, {@code $false} and comments.
 * {@code include} is refused (nothing is read from elsewhere). Errors name line and column.
 */
public final class TptpParser {
  private final String source;
  private final String text;
  private final Deque<Term.Var> bound = new ArrayDeque<>();
  private int pos;

  private TptpParser(String source, String text) {
    this.source = source;
    this.text = text;
  }

  /** One annotated formula. */
  public record Annotated(String name, String role, Formula formula) {}

  /** Parses a whole problem file. */
  public static List<Annotated> parseFile(String text, String source) {
    TptpParser p = new TptpParser(source, text);
    List<Annotated> out = new ArrayList<>();
    while (true) {
      p.skip();
      if (p.pos >= p.text.length()) {
        return out;
      }
      out.add(p.annotated());
    }
  }

  /** A problem: the conjecture (at most one) is the conclusion, everything else a premise. */
  public static FolProblem parseProblem(String text, String source) {
    List<Formula> premises = new ArrayList<>();
    Formula conclusion = null;
    for (Annotated a : parseFile(text, source)) {
      if (a.role().equals("conjecture")) {
        if (conclusion != null) {
          throw new SpecError(source, "at most one conjecture", "a second one, " + a.name());
        }
        conclusion = a.formula();
      } else {
        premises.add(a.formula());
      }
    }
    return new FolProblem(source, premises, conclusion, List.of(), null);
  }

  /** Parses a single FOF formula (no annotation). */
  public static Formula parseFormula(String text) {
    TptpParser p = new TptpParser("formula", text);
    Formula f = p.logicFormula();
    p.skip();
    if (p.pos < p.text.length()) {
      throw p.error("end of formula", p.here());
    }
    return f;
  }

  private Annotated annotated() {
    String kind = lowerWord();
    if (kind == null) {
      throw error("fof(, cnf( or include(", here());
    }
    if (kind.equals("include")) {
      throw error("fof or cnf (include is not supported)", "include");
    }
    if (!kind.equals("fof") && !kind.equals("cnf")) {
      throw error("fof or cnf", kind);
    }
    expect("(");
    String name = name();
    expect(",");
    String role = lowerWord();
    if (role == null) {
      throw error("a role such as axiom or conjecture", here());
    }
    expect(",");
    Formula f = logicFormula();
    skip();
    if (text.startsWith(",", pos)) {
      skipAnnotations();
    }
    expect(")");
    expect(".");
    if (kind.equals("cnf")) {
      f = f.closed();
    }
    return new Annotated(name, role, f);
  }

  private void skipAnnotations() {
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        if (depth == 0) {
          return;
        }
        depth--;
      } else if (c == '\'' || c == '"') {
        quoted(c);
        continue;
      }
      pos++;
    }
  }

  private String name() {
    skip();
    if (pos < text.length() && text.charAt(pos) == '\'') {
      return quoted('\'');
    }
    int start = pos;
    while (pos < text.length() && isAlnum(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("a formula name", here());
    }
    return text.substring(start, pos);
  }

  private String quoted(char q) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != q) {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length()) {
        pos++;
        c = text.charAt(pos);
      }
      sb.append(c);
      pos++;
    }
    if (pos >= text.length()) {
      pos = start;
      throw error("a closing " + q, "end of input");
    }
    pos++;
    return sb.toString();
  }

  private Formula logicFormula() {
    Formula left = unitary();
    skip();
    String[] binary = {"<=>", "<~>", "=>", "<=", "~|", "~&", "|", "&"};
    for (String op : binary) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        Formula right = unitary();
        switch (op) {
          case "<=>":
            return new Formula.Bin(Formula.Conn.IFF, left, right);
          case "<~>":
            return new Formula.Bin(Formula.Conn.XOR, left, right);
          case "=>":
            return new Formula.Bin(Formula.Conn.IMPLIES, left, right);
          case "<=":
            return new Formula.Bin(Formula.Conn.IMPLIES, right, left);
          case "~|":
            return new Formula.Not(new Formula.Bin(Formula.Conn.OR, left, right));
          case "~&":
            return new Formula.Not(new Formula.Bin(Formula.Conn.AND, left, right));
          default:
            return assoc(op.equals("|") ? Formula.Conn.OR : Formula.Conn.AND, op, left, right);
        }
      }
    }
    return left;
  }

  private Formula assoc(Formula.Conn conn, String op, Formula left, Formula right) {
    Formula acc = new Formula.Bin(conn, left, right);
    while (true) {
      skip();
      if (text.startsWith(op, pos) && !text.startsWith("<=", pos)) {
        pos += op.length();
        acc = new Formula.Bin(conn, acc, unitary());
      } else {
        return acc;
      }
    }
  }

  private int depth;

  /** Guards recursion: absurdly nested input is an error, not a stack overflow. */
  private Formula unitary() {
    if (++depth > 400) {
      throw error("at most 400 nested sub-formulas", "deeper nesting");
    }
    try {
      return unitaryGuarded();
    } finally {
      depth--;
    }
  }

  private Formula unitaryGuarded() {
    skip();
    if (pos >= text.length()) {
      throw error("a formula", "end of input");
    }
    char c = text.charAt(pos);
    if (c == '~' && !text.startsWith("~|", pos) && !text.startsWith("~&", pos)) {
      pos++;
      return new Formula.Not(unitary());
    }
    if (c == '!' || c == '?') {
      pos++;
      expect("[");
      List<Term.Var> vars = new ArrayList<>();
      do {
        skip();
        String v = upperWord();
        if (v == null) {
          throw error("a variable (upper-case word)", here());
        }
        vars.add(new Term.Var(v));
      } while (eat(","));
      expect("]");
      expect(":");
      vars.forEach(bound::push);
      Formula body;
      try {
        body = unitary();
      } finally {
        vars.forEach(v -> bound.pop());
      }
      for (int i = vars.size() - 1; i >= 0; i--) {
        body = new Formula.Quant(c == '!', vars.get(i), body);
      }
      return body;
    }
    if (c == '(') {
      pos++;
      Formula f = logicFormula();
      expect(")");
      return f;
    }
    return atomic();
  }

  private Formula atomic() {
    skip();
    if (text.startsWith("$true", pos)) {
      pos += 5;
      return new Formula.Truth(true);
    }
    if (text.startsWith("$false", pos)) {
      pos += 6;
      return new Formula.Truth(false);
    }
    Term t = term();
    skip();
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return new Formula.Not(new Formula.Equal(t, term()));
    }
    if (text.startsWith("=", pos) && !text.startsWith("=>", pos)) {
      pos++;
      return new Formula.Equal(t, term());
    }
    if (t instanceof Term.Var v) {
      throw error("a predicate, not the variable " + v.name(), v.name());
    }
    Term.Fn f = (Term.Fn) t;
    return new Formula.Atom(f.name(), f.args());
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
    skip();
    if (pos >= text.length()) {
      throw error("a term", "end of input");
    }
    char c = text.charAt(pos);
    if (Character.isUpperCase(c)) {
      String v = upperWord();
      for (Term.Var b : bound) {
        if (b.name().equals(v)) {
          return b;
        }
      }
      return new Term.Var(v); // free variable, closed universally by cnf() or the caller
    }
    String name;
    if (c == '\'') {
      name = quoted('\'');
    } else {
      name = lowerWord();
      if (name == null) {
        throw error("a term or atom", here());
      }
    }
    List<Term> args = new ArrayList<>();
    if (eat("(")) {
      do {
        args.add(term());
      } while (eat(","));
      expect(")");
    }
    return new Term.Fn(name, args);
  }

  private String lowerWord() {
    skip();
    int start = pos;
    if (pos < text.length()
        && (Character.isLowerCase(text.charAt(pos))
            || text.charAt(pos) == '$'
            || Character.isDigit(text.charAt(pos)))) {
      pos++;
      while (pos < text.length() && isAlnum(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    return null;
  }

  private String upperWord() {
    int start = pos;
    if (pos < text.length() && Character.isUpperCase(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && isAlnum(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    return null;
  }

  private static boolean isAlnum(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private boolean eat(String s) {
    skip();
    if (text.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!eat(s)) {
      throw error("'" + s + "'", here());
    }
  }

  private String here() {
    skip();
    if (pos >= text.length()) {
      return "end of input";
    }
    int end = Math.min(text.length(), pos + 12);
    return "'" + text.substring(pos, end).split("\\s")[0] + "'";
  }

  /** Skips whitespace and comments. */
  private void skip() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '%') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("end of comment '*/'", "end of input");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private SpecError error(String expected, String found) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new SpecError(source + ":" + line + ":" + col, expected, found);
  }
}
