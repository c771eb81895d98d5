package org.gyrus.logic.datalog;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;

/**
 * Reads the leading lines of a program that are plain facts ({@code edge(1, b).}, one per line,
 * integer or lower-case symbol arguments), blank or {@code %} comments, without the general lexer:
 * generated fact files are most of a program's text, and a point query's whole-process time is
 * mostly reading them. Stops at the first other line, where the general parser takes over; the
 * facts are the ones the general parser would build, with the same positions.
 */
final class FactLines {
  /** Where the general parser starts: character offset and line number. */
  record Rest(int pos, int line) {}

  private final String src;
  private final String file;
  private int pos;

  private FactLines(String src, String file) {
    this.src = src;
    this.file = file;
  }

  static Rest scan(String src, String file, List<Rule> out) {
    FactLines f = new FactLines(src, file);
    int line = 1;
    while (f.pos < src.length()) {
      int lineStart = f.pos;
      if (!f.line(line, out)) {
        return new Rest(lineStart, line);
      }
      line++;
    }
    return new Rest(f.pos, line);
  }

  /** Reads one line if it is blank, a comment or one plain fact; otherwise reads nothing. */
  private boolean line(int line, List<Rule> out) {
    int start = pos;
    spaces();
    if (pos == src.length() || src.charAt(pos) == '\n') {
      return endOfLine();
    }
    if (src.charAt(pos) == '%') {
      int nl = src.indexOf('\n', pos);
      pos = nl < 0 ? src.length() : nl + 1;
      return true;
    }
    int col = pos - start + 1;
    String pred = symbol();
    List<Term> args = new ArrayList<>(4);
    boolean ok = pred != null && eat('(');
    while (ok) {
      spaces();
      Term t = constant();
      spaces();
      ok = t != null;
      if (ok) {
        args.add(t);
        if (eat(')')) {
          break;
        }
        ok = eat(',');
      }
    }
    spaces();
    if (ok && eat('.')) {
      spaces();
      if (pos == src.length() || src.charAt(pos) == '\n') {
        out.add(
            new Rule(
                new Atom(pred, List.copyOf(args)), List.of(), null, file + ":" + line + ":" + col));
        return endOfLine();
      }
    }
    pos = start;
    return false;
  }

  private boolean endOfLine() {
    if (pos < src.length()) {
      pos++;
    }
    return true;
  }

  private void spaces() {
    while (pos < src.length()
        && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\r')) {
      pos++;
    }
  }

  private boolean eat(char c) {
    if (pos < src.length() && src.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** {@code [a-z][A-Za-z0-9_]*}, or null. */
  private String symbol() {
    int s = pos;
    if (pos < src.length() && src.charAt(pos) >= 'a' && src.charAt(pos) <= 'z') {
      pos++;
      while (pos < src.length() && isWordChar(src.charAt(pos))) {
        pos++;
      }
      return src.substring(s, pos);
    }
    return null;
  }

  /** A symbol, or an integer of at most 18 digits (no sign, no fraction), or null. */
  private Term constant() {
    if (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
      int s = pos;
      long v = 0;
      while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
        v = v * 10 + (src.charAt(pos) - '0');
        pos++;
      }
      boolean plain = pos - s <= 18 && (pos == src.length() || !isWordChar(src.charAt(pos)));
      return plain && !(pos < src.length() && src.charAt(pos) == '.') ? new Const(v) : null;
    }
    String sym = symbol();
    return sym == null ? null : new Const(sym);
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }
}
