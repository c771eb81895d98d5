package org.gyrus.logic.datalog;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.BinExpr;
import org.gyrus.logic.datalog.Ast.Comparison;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Expr;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.Ast.TermExpr;
import org.gyrus.logic.datalog.Ast.Var;
import org.gyrus.logic.datalog.Lexer.Kind;
import org.gyrus.logic.datalog.Lexer.Token;

/**
 * Recursive-descent parser for the Datalog dialect documented in {@code docs/datalog.md}. Errors
 * are {@link DatalogError}s naming file:line:column and what was expected.
 */
public final class Parser {
  private static final Set<String> CMP = Set.of("=", "!=", "<", "<=", ">", ">=");

  private final String file;
  private final Path dir;
  private final Deque<Path> including;
  private final List<Token> toks;
  private int i;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Atom> queries = new ArrayList<>();

  /** Expressions deeper than this are refused: evaluating and printing them recurses. */
  static final int MAX_EXPR_DEPTH = 400;

  private final Map<Expr, Integer> heights = new IdentityHashMap<>();
  private int parens;

  private Parser(String text, String file, Path dir, Deque<Path> including) {
    this.file = file;
    this.dir = dir;
    this.including = including;
    FactLines.Rest rest = FactLines.scan(text, file, rules);
    this.toks = new Lexer(text, file, rest.pos(), rest.line()).tokens();
  }

  /** Parses a program from a file, following {@code include} relative to it. */
  public static Program parseFile(Path path) {
    return parseFile(path, new ArrayDeque<>(), path.toString());
  }

  private static Program parseFile(Path path, Deque<Path> including, String shownAs) {
    Path canon = path.toAbsolutePath().normalize();
    if (including.contains(canon)) {
      throw new DatalogError(shownAs, "include cycle through " + path);
    }
    String text;
    try {
      text = org.gyrus.core.TextFiles.readUtf8(path);
    } catch (SpecError e) {
      String why = e.getMessage().substring(e.path().isEmpty() ? 0 : e.path().length() + 2);
      throw new DatalogError(shownAs, why);
    }
    including.push(canon);
    try {
      Path parent = canon.getParent();
      return new Parser(text, path.toString(), parent, including).program();
    } finally {
      including.pop();
    }
  }

  /** Parses program text; {@code name} is used in error messages and resolves includes. */
  public static Program parse(String text, String name) {
    Path base = Path.of(".").toAbsolutePath().normalize();
    return new Parser(text, name, base, new ArrayDeque<>()).program();
  }

  /** Parses one atom such as {@code path(a, X)}, the form of a query. */
  public static Atom parseQuery(String text) {
    Parser p = new Parser(text, "query", Path.of("."), new ArrayDeque<>());
    if (p.isPunct("?-")) {
      p.i++;
    }
    Atom a = p.atom();
    if (p.isPunct(".")) {
      p.i++;
    }
    p.expectEof();
    return a;
  }

  private Program program() {
    while (peek().kind() != Kind.EOF) {
      statement();
    }
    return new Program(List.copyOf(rules), List.copyOf(queries));
  }

  private void statement() {
    Token t = peek();
    if (t.kind() == Kind.IDENT && t.text().equals("include") && peekAt(1).kind() == Kind.STRING) {
      i++;
      Token f = next();
      if (isPunct(".")) {
        i++;
      }
      Path target = dir.resolve(f.text());
      Program inc = parseFile(target, including, where(f));
      rules.addAll(inc.rules());
      queries.addAll(inc.queries());
      return;
    }
    if (isPunct("?-")) {
      i++;
      queries.add(atom());
      expectPunct(".", "'.' after the query");
      return;
    }
    Double tag = null;
    if (t.kind() == Kind.FLOAT || (t.kind() == Kind.INT && peekAt(1).text().equals("::"))) {
      i++;
      expectPunct("::", "'::' after a probability");
      tag = Double.parseDouble(t.text());
      if (!(tag >= 0.0 && tag <= 1.0)) {
        throw new DatalogError(where(t), "a probability in [0, 1]", t.text());
      }
    }
    Token start = peek();
    Atom head = atom();
    List<Literal> body = List.of();
    if (isPunct(":-")) {
      i++;
      body = body("'.' at the end of the rule");
    }
    expectPunct(".", body.isEmpty() ? "'.' or ':-' after the head" : "',' or '.'");
    rules.add(new Rule(head, body, tag, where(start)));
  }

  private List<Literal> body(String endExpected) {
    List<Literal> out = new ArrayList<>();
    out.add(literal());
    while (isPunct(",")) {
      i++;
      out.add(literal());
    }
    return out;
  }

  private Literal literal() {
    Token t = peek();
    if (isPunct("!")) {
      i++;
      return new Negated(atom());
    }
    if (t.kind() == Kind.IDENT && t.text().equals("not") && peekAt(1).kind() == Kind.IDENT) {
      i++;
      return new Negated(atom());
    }
    if (t.kind() == Kind.VAR
        && peekAt(1).text().equals("=")
        && peekAt(1).kind() == Kind.PUNCT
        && peekAt(2).kind() == Kind.IDENT
        && Aggregate.FUNCTIONS.contains(peekAt(2).text())
        && !Set.of(",", ".", ")", "}").contains(peekAt(3).text())) {
      return aggregate();
    }
    if (t.kind() == Kind.IDENT) {
      Token n = peekAt(1);
      boolean operator =
          n.kind() == Kind.PUNCT
              && (CMP.contains(n.text()) || Set.of("+", "-", "*", "/", "%").contains(n.text()));
      if (!operator) {
        return new Positive(atom());
      }
    }
    if (t.kind() == Kind.PUNCT && !t.text().equals("(") && !t.text().equals("-")) {
      throw new DatalogError(
          where(t), "a body literal (atom, !atom, comparison or aggregate)", t.describe());
    }
    Expr left = expr();
    Token op = peek();
    if (op.kind() != Kind.PUNCT || !CMP.contains(op.text())) {
      throw new DatalogError(where(op), "a comparison operator (= != < <= > >=)", op.describe());
    }
    i++;
    Expr right = expr();
    return new Comparison(op.text(), left, right);
  }

  private Literal aggregate() {
    Var result = new Var(next().text());
    i++; // '='
    String fn = next().text();
    Expr target = null;
    if (!isPunct(":")) {
      target = expr();
    }
    expectPunct(":", "':' after the aggregate");
    List<Literal> inner;
    if (isPunct("{")) {
      i++;
      inner = body("'}'");
      expectPunct("}", "',' or '}' closing the aggregate body");
    } else {
      inner = List.of(literal());
    }
    if (!fn.equals("count") && target == null) {
      throw new DatalogError(where(peek()), "an expression after '" + fn + "'", "':'");
    }
    return new Aggregate(result, fn, target, inner);
  }

  private Expr expr() {
    Expr e = mulExpr();
    while (isPunct("+") || isPunct("-")) {
      char op = next().text().charAt(0);
      e = bin(op, e, mulExpr());
    }
    return e;
  }

  private Expr mulExpr() {
    Expr e = unary();
    while (isPunct("*") || isPunct("/") || isPunct("%") || isIdent("mod")) {
      String op = next().text();
      e = bin(op.equals("mod") ? '%' : op.charAt(0), e, unary());
    }
    return e;
  }

  /** A binary expression, refused once the tree grows deeper than {@link #MAX_EXPR_DEPTH}. */
  private Expr bin(char op, Expr left, Expr right) {
    int h = 1 + Math.max(heights.getOrDefault(left, 1), heights.getOrDefault(right, 1));
    if (h > MAX_EXPR_DEPTH) {
      throw new DatalogError(
          where(peekAt(-1)),
          "an expression at most " + MAX_EXPR_DEPTH + " operators deep",
          "a deeper one");
    }
    Expr e = new BinExpr(op, left, right);
    heights.put(e, h);
    return e;
  }

  private Expr unary() {
    if (isPunct("(")) {
      if (++parens > MAX_EXPR_DEPTH) {
        throw new DatalogError(
            where(peek()), "at most " + MAX_EXPR_DEPTH + " nested parentheses", "deeper nesting");
      }
      i++;
      Expr e = expr();
      expectPunct(")", "')'");
      parens--;
      return e;
    }
    if (isPunct("-") && peekAt(1).kind() != Kind.INT) {
      if (++parens > MAX_EXPR_DEPTH) {
        throw new DatalogError(
            where(peek()), "at most " + MAX_EXPR_DEPTH + " nested minus signs", "more");
      }
      i++;
      Expr e = bin('-', new TermExpr(new Const(0L)), unary());
      parens--;
      return e;
    }
    return new TermExpr(term());
  }

  private Atom atom() {
    Token name = peek();
    if (name.kind() != Kind.IDENT) {
      throw new DatalogError(where(name), "a predicate name", name.describe());
    }
    i++;
    List<Term> args = new ArrayList<>();
    if (isPunct("(")) {
      i++;
      if (!isPunct(")")) {
        args.add(term());
        while (isPunct(",")) {
          i++;
          args.add(term());
        }
      }
      expectPunct(")", "',' or ')' in the argument list of " + name.text());
    }
    return new Atom(name.text(), List.copyOf(args));
  }

  private Term term() {
    Token t = peek();
    switch (t.kind()) {
      case VAR:
        i++;
        return new Var(t.text());
      case IDENT:
      case STRING:
        i++;
        return new Const(t.text());
      case INT:
        i++;
        return new Const(parseLong(t, t.text()));
      case PUNCT:
        if (t.text().equals("-") && peekAt(1).kind() == Kind.INT) {
          i += 2;
          return new Const(parseLong(t, "-" + peekAt(-1).text()));
        }
        break;
      default:
        break;
    }
    throw new DatalogError(where(t), "a term (variable, symbol, integer or string)", t.describe());
  }

  private long parseLong(Token t, String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new DatalogError(where(t), "an integer within 64 bits", s);
    }
  }

  private Token peek() {
    return toks.get(i);
  }

  private Token peekAt(int k) {
    return toks.get(Math.max(0, Math.min(toks.size() - 1, i + k)));
  }

  private Token next() {
    Token t = toks.get(i);
    if (t.kind() != Kind.EOF) {
      i++;
    }
    return t;
  }

  private boolean isPunct(String p) {
    Token t = peek();
    return t.kind() == Kind.PUNCT && t.text().equals(p);
  }

  private boolean isIdent(String p) {
    Token t = peek();
    return t.kind() == Kind.IDENT && t.text().equals(p);
  }

  private void expectPunct(String p, String expected) {
    if (!isPunct(p)) {
      throw new DatalogError(where(peek()), expected, peek().describe());
    }
    i++;
  }

  private void expectEof() {
    if (peek().kind() != Kind.EOF) {
      throw new DatalogError(where(peek()), "end of the query", peek().describe());
    }
  }

  private String where(Token t) {
    return file + ":" + t.line() + ":" + t.col();
  }
}
