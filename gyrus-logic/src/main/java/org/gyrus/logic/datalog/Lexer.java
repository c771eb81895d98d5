package org.gyrus.logic.datalog;

import java.util.ArrayList;
import java.util.List;

/** Splits Datalog text into tokens, each with its line and column. */
final class Lexer {
  enum Kind {
    IDENT,
    VAR,
    INT,
    FLOAT,
    STRING,
    PUNCT,
    EOF
  }

  record Token(Kind kind, String text, int line, int col) {
    String describe() {
      return switch (kind) {
        case EOF -> "end of input";
        case STRING -> "string \"" + text + "\"";
        default -> "'" + text + "'";
      };
    }
  }

  private static final String[] PUNCTS = {
    ":-", "?-", "::", "!=", "<=", ">=", "(", ")", ",", ".", "!", ":", "{", "}", "=", "<", ">", "+",
    "-", "*", "/", "%"
  };

  private final String src;
  private final String file;
  private int pos;
  private int line = 1;
  private int col = 1;

  Lexer(String src, String file) {
    this(src, file, 0, 1);
  }

  /** Starts at character {@code pos}, the first of line {@code line}. */
  Lexer(String src, String file, int pos, int line) {
    this.src = src;
    this.file = file;
    this.pos = pos;
    this.line = line;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments(out);
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", line, col));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpaceAndComments(List<Token> sofar) {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance(1);
      } else if (c == '%' && !afterOperand(sofar)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          advance(1);
        }
      } else if (src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          advance(1);
        }
      } else if (src.startsWith("/*", pos)) {
        int l = line;
        int c0 = col;
        advance(2);
        while (pos < src.length() && !src.startsWith("*/", pos)) {
          advance(1);
        }
        if (pos >= src.length()) {
          throw new DatalogError(file + ":" + l + ":" + c0, "unterminated /* comment");
        }
        advance(2);
      } else {
        return;
      }
    }
  }

  /** {@code %} right after a number or a variable is the modulo operator, elsewhere a comment. */
  private static boolean afterOperand(List<Token> sofar) {
    if (sofar.isEmpty()) {
      return false;
    }
    Kind k = sofar.get(sofar.size() - 1).kind();
    return k == Kind.INT || k == Kind.VAR;
  }

  private Token next() {
    int l = line;
    int c0 = col;
    char c = src.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      int s = pos;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        advance(1);
      }
      String t = src.substring(s, pos);
      boolean var = Character.isUpperCase(c) || c == '_';
      return new Token(var ? Kind.VAR : Kind.IDENT, t, l, c0);
    }
    if (Character.isDigit(c)) {
      int s = pos;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        advance(1);
      }
      boolean isFloat = false;
      if (pos + 1 < src.length()
          && src.charAt(pos) == '.'
          && Character.isDigit(src.charAt(pos + 1))) {
        isFloat = true;
        advance(1);
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          advance(1);
        }
      }
      return new Token(isFloat ? Kind.FLOAT : Kind.INT, src.substring(s, pos), l, c0);
    }
    if (c == '"') {
      advance(1);
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= src.length() || src.charAt(pos) == '\n') {
          throw new DatalogError(file + ":" + l + ":" + c0, "unterminated string");
        }
        char d = src.charAt(pos);
        if (d == '"') {
          advance(1);
          break;
        }
        if (d == '\\' && pos + 1 < src.length()) {
          char e = src.charAt(pos + 1);
          sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          advance(2);
        } else {
          sb.append(d);
          advance(1);
        }
      }
      return new Token(Kind.STRING, sb.toString(), l, c0);
    }
    for (String p : PUNCTS) {
      if (src.startsWith(p, pos)) {
        advance(p.length());
        return new Token(Kind.PUNCT, p, l, c0);
      }
    }
    throw new DatalogError(
        file + ":" + l + ":" + c0, "a term, an atom or punctuation", "'" + c + "'");
  }

  private void advance(int n) {
    for (int i = 0; i < n; i++) {
      if (src.charAt(pos) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      pos++;
    }
  }
}
