package org.gyrus.logic.ilp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * Reads the Prolog subset used by Popper tasks and the V-LoL rule files: facts, rules with {@code
 * ,} {@code ;} {@code \+} and comparison goals ({@code < > =< >= = \= ==}), lists {@code [H|T]},
 * parenthesised tuples {@code (a,b,)}, directives {@code :- goal.}, {@code %} and {@code /* * /}
 * comments. Errors name {@code file:line} and what was expected.
 */
public final class PrologReader {
  /** One clause; {@code body} is null for a fact, {@code head} null for a directive. */
  public record Clause(Term head, Term body, String where) {}

  private static final List<String> COMPARISONS =
      List.of("=<", ">=", "\\==", "\\=", "==", "<", ">", "=");

  private final String text;
  private final String file;
  private int pos;
  private int line = 1;

  private PrologReader(String text, String file) {
    this.text = text;
    this.file = file;
  }

  /** Reads every clause of a file. */
  public static List<Clause> readFile(Path path) {
    try {
      return read(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new SpecError(path.toString(), "a readable Prolog file", e.toString());
    }
  }

  /** Reads every clause of a text; {@code file} names it in errors. */
  public static List<Clause> read(String text, String file) {
    PrologReader r = new PrologReader(text, file);
    List<Clause> out = new ArrayList<>();
    while (r.skipBlank()) {
      out.add(r.clause());
    }
    return out;
  }

  private Clause clause() {
    String where = file + ":" + line;
    if (peekOp(":-")) {
      pos += 2;
      Term goal = disjunction();
      expect(".");
      return new Clause(null, goal, where);
    }
    Term head = term();
    Term body = null;
    if (peekOp(":-")) {
      pos += 2;
      body = disjunction();
    }
    expect(".");
    return new Clause(head, body, where);
  }

  private Term disjunction() {
    Term left = conjunction();
    while (peekChar(';')) {
      pos++;
      left = new Term.Compound(";", List.of(left, conjunction()));
    }
    return left;
  }

  private Term conjunction() {
    Term left = goal();
    while (peekChar(',')) {
      pos++;
      left = new Term.Compound(",", List.of(left, goal()));
    }
    return left;
  }

  private Term goal() {
    skipBlank();
    if (peekOp("\\+")) {
      pos += 2;
      return new Term.Compound("\\+", List.of(goal()));
    }
    if (peekChar('(')) {
      pos++;
      Term inner = disjunction();
      expect(")");
      return inner;
    }
    Term left = term();
    skipBlank();
    for (String op : COMPARISONS) {
      if (text.startsWith(op, pos) && !text.startsWith(":-", pos)) {
        pos += op.length();
        return new Term.Compound(op, List.of(left, term()));
      }
    }
    return left;
  }

  private Term term() {
    skipBlank();
    if (pos >= text.length()) {
      throw error("a term", "the end of the file");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      return tuple();
    }
    if (c == '[') {
      pos++;
      return list();
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigitAt(pos + 1))) {
      int start = pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      return new Term.Int(Long.parseLong(text.substring(start, pos)));
    }
    if (Character.isUpperCase(c) || c == '_') {
      return new Term.Var(name());
    }
    String name;
    if (c == '\'') {
      name = quoted();
    } else if (Character.isLowerCase(c)) {
      name = name();
    } else {
      throw error("a term", "'" + c + "'");
    }
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      List<Term> args = new ArrayList<>();
      args.add(term());
      while (peekChar(',')) {
        pos++;
        args.add(term());
      }
      expect(")");
      return new Term.Compound(name, args);
    }
    return new Term.Sym(name);
  }

  /** After {@code (}: a tuple {@code (a,b)} or {@code (a,)}; a single {@code (a)} is just a. */
  private Term tuple() {
    List<Term> items = new ArrayList<>();
    items.add(term());
    boolean comma = false;
    while (peekChar(',')) {
      pos++;
      comma = true;
      if (peekChar(')')) {
        break;
      }
      items.add(term());
    }
    expect(")");
    return items.size() == 1 && !comma ? items.get(0) : new Term.Compound(",", items);
  }

  private Term list() {
    if (peekChar(']')) {
      pos++;
      return new Term.Sym("[]");
    }
    List<Term> items = new ArrayList<>();
    items.add(term());
    while (peekChar(',')) {
      pos++;
      items.add(term());
    }
    Term tail = new Term.Sym("[]");
    if (peekChar('|')) {
      pos++;
      tail = term();
    }
    expect("]");
    for (int i = items.size() - 1; i >= 0; i--) {
      tail = new Term.Compound(".", List.of(items.get(i), tail));
    }
    return tail;
  }

  private String name() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length() && text.charAt(pos) != '\'') {
      if (text.charAt(pos) == '\n') {
        throw error("a closing quote", "the end of the line");
      }
      sb.append(text.charAt(pos++));
    }
    expect("'");
    return sb.toString();
  }

  private boolean isDigitAt(int i) {
    return Character.isDigit(text.charAt(i));
  }

  private boolean peekChar(char c) {
    skipBlank();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean peekOp(String op) {
    skipBlank();
    return text.startsWith(op, pos);
  }

  private void expect(String s) {
    skipBlank();
    if (!text.startsWith(s, pos)) {
      String found =
          pos >= text.length()
              ? "the end of the file"
              : "'" + text.substring(pos, Math.min(text.length(), pos + 12)).split("\n")[0] + "'";
      throw error("'" + s + "'", found);
    }
    pos += s.length();
  }

  /** Skips blanks and comments; false at the end of the text. */
  private boolean skipBlank() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '%') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("'*/' closing the comment", "the end of the file");
        }
        line += (int) text.substring(pos, end).chars().filter(ch -> ch == '\n').count();
        pos = end + 2;
      } else {
        return true;
      }
    }
    return false;
  }

  private SpecError error(String expected, String found) {
    return new SpecError(file + ":" + line, expected, found);
  }
}
