package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecError;

/** An S-expression of a PDDL file, each node remembering where it starts (for error messages). */
public sealed interface SExpr {
  /** Where this node starts: {@code FILE:LINE:COLUMN}. */
  String at();

  /** A symbol, variable or number; PDDL is case-insensitive, so the text is lower-cased. */
  record Sym(String text, String at) implements SExpr {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A parenthesised list. */
  record Lst(List<SExpr> items, String at) implements SExpr {
    public SExpr get(int i) {
      return items.get(i);
    }

    public int size() {
      return items.size();
    }

    /** The head symbol, or null when the list is empty or starts with a list. */
    public String head() {
      return items.isEmpty() || !(items.get(0) instanceof Sym s) ? null : s.text();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        b.append(i == 0 ? "" : " ").append(items.get(i));
      }
      return b.append(')').toString();
    }
  }

  /** Reads exactly one top-level list from {@code text}; {@code file} names it in errors. */
  static Lst read(String text, String file) {
    Reader r = new Reader(text, file);
    r.skipBlank();
    if (r.pos >= text.length()) {
      throw new SpecError(r.where(), "a PDDL definition '(define ...)'", "an empty file");
    }
    SExpr e = r.expr();
    r.skipBlank();
    if (r.pos < text.length()) {
      throw new SpecError(r.where(), "end of file after the definition", "'" + r.peekToken() + "'");
    }
    if (!(e instanceof Lst l)) {
      throw new SpecError(e.at(), "'(define ...)'", "'" + e + "'");
    }
    return l;
  }

  /** A hand-written reader: tracks line and column, skips ';' comments. */
  final class Reader {
    private final String text;
    private final String file;
    private int pos;
    private int line = 1;
    private int col = 1;

    Reader(String text, String file) {
      this.text = text;
      this.file = file;
    }

    String where() {
      return file + ":" + line + ":" + col;
    }

    private void advance() {
      if (text.charAt(pos) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      pos++;
    }

    void skipBlank() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ';') {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            advance();
          }
        } else if (Character.isWhitespace(c)) {
          advance();
        } else {
          return;
        }
      }
    }

    String peekToken() {
      int end = pos;
      while (end < text.length() && end - pos < 20 && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      return text.substring(pos, end);
    }

    SExpr expr() {
      // iterative over nesting depth so that deep inputs cannot overflow the stack
      List<List<SExpr>> stack = new ArrayList<>();
      List<String> starts = new ArrayList<>();
      while (true) {
        skipBlank();
        if (pos >= text.length()) {
          String open = starts.isEmpty() ? where() : starts.get(starts.size() - 1);
          throw new SpecError(where(), "')' to close the list opened at " + open, "end of file");
        }
        char c = text.charAt(pos);
        SExpr done = null;
        if (c == '(') {
          starts.add(where());
          stack.add(new ArrayList<>());
          advance();
          continue;
        } else if (c == ')') {
          if (stack.isEmpty()) {
            throw new SpecError(where(), "an expression", "')' without a matching '('");
          }
          advance();
          List<SExpr> items = stack.remove(stack.size() - 1);
          done = new Lst(List.copyOf(items), starts.remove(starts.size() - 1));
        } else {
          done = symbol();
        }
        if (stack.isEmpty()) {
          return done;
        }
        stack.get(stack.size() - 1).add(done);
      }
    }

    private Sym symbol() {
      String at = where();
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ';') {
          break;
        }
        advance();
      }
      return new Sym(text.substring(start, pos).toLowerCase(Locale.ROOT), at);
    }
  }
}
