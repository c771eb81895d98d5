package org.gyrus.nesy.nsr;

import java.util.List;

/** A dependency tree over sentence positions; a head's dependents, in sentence order. */
record Tree(int pos, List<Tree> kids) {
  /**
   * The meaning of this tree under {@code lex}, or null when a word is unknown, the arity or an
   * argument's type does not fit, or the value runs away.
   */
  Val eval(int[] words, Lexicon lex) {
    Program p = lex.get(words[pos]);
    if (p == null) {
      return null;
    }
    if (kids.isEmpty() && p.arity() == 1 && !p.functionArgs()[0]) {
      return Val.closure(words[pos]);
    }
    if (kids.size() != p.arity()) {
      return null;
    }
    Val[] args = new Val[kids.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = kids.get(i).eval(words, lex);
      if (args[i] == null || args[i].isClosure() != p.functionArgs()[i]) {
        return null;
      }
    }
    int[] v = lex.apply(p, args);
    return v == null ? null : Val.seq(v);
  }

  /** Bracketed form with words, e.g. {@code twice(left(walk))}. */
  String show(List<String> sentence) {
    if (kids.isEmpty()) {
      return sentence.get(pos);
    }
    StringBuilder sb = new StringBuilder(sentence.get(pos)).append('(');
    for (int i = 0; i < kids.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(kids.get(i).show(sentence));
    }
    return sb.append(')').toString();
  }
}
