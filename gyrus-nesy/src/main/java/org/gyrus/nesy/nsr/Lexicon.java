package org.gyrus.nesy.nsr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grounded symbol system and its semantics. Perception is the identity here: every input token
 * is its own symbol (word id), every output token its own constant. A word's program is learned.
 */
final class Lexicon {
  /** Evaluation stops beyond this length: a runaway program is not a useful explanation. */
  static final int MAX_VALUE = 4096;

  final List<String> words = new ArrayList<>();
  final Map<String, Integer> wordIds = new HashMap<>();
  final List<String> tokens = new ArrayList<>();
  final Map<String, Integer> tokenIds = new HashMap<>();
  final Map<Integer, Program> meaning = new HashMap<>();

  int word(String w) {
    return wordIds.computeIfAbsent(
        w,
        k -> {
          words.add(k);
          return words.size() - 1;
        });
  }

  int token(String t) {
    return tokenIds.computeIfAbsent(
        t,
        k -> {
          tokens.add(k);
          return tokens.size() - 1;
        });
  }

  /** Word ids, or -1 for a word never seen in training. */
  int[] encodeInput(List<String> in, boolean grow) {
    int[] ids = new int[in.size()];
    for (int i = 0; i < ids.length; i++) {
      Integer id = grow ? Integer.valueOf(word(in.get(i))) : wordIds.get(in.get(i));
      ids[i] = id == null ? -1 : id;
    }
    return ids;
  }

  /** Token ids of an output sequence, new tokens added. */
  int[] encodeOutput(List<String> out) {
    int[] ids = new int[out.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = token(out.get(i));
    }
    return ids;
  }

  List<String> decode(int[] out) {
    List<String> s = new ArrayList<>(out.length);
    for (int t : out) {
      s.add(tokens.get(t));
    }
    return s;
  }

  Program get(int word) {
    return word < 0 ? null : meaning.get(word);
  }

  /** Whether a word may stand alone as a function argument (one sequence argument). */
  boolean canBeClosure(int word) {
    Program p = get(word);
    return p != null && p.arity() == 1 && !p.functionArgs()[0];
  }

  /** Applies {@code p} to {@code args}; null when the value would exceed {@link #MAX_VALUE}. */
  int[] apply(Program p, Val[] args) {
    IntBuf out = new IntBuf();
    return eval(p.body(), args, out) ? out.toArray() : null;
  }

  private boolean eval(List<Program.Atom> body, Val[] args, IntBuf out) {
    for (Program.Atom a : body) {
      if (a instanceof Program.Tok) {
        out.add(((Program.Tok) a).token());
      } else if (a instanceof Program.Var) {
        out.addAll(args[((Program.Var) a).arg()].seq);
      } else {
        Program.App app = (Program.App) a;
        IntBuf inner = new IntBuf();
        if (!eval(app.body(), args, inner)) {
          return false;
        }
        Program f = get(args[app.arg()].closureWord);
        int[] v = apply(f, new Val[] {Val.seq(inner.toArray())});
        if (v == null) {
          return false;
        }
        out.addAll(v);
      }
      if (out.size > MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  Lexicon copyWith(int word, Program p) {
    Lexicon l = new Lexicon();
    l.words.addAll(words);
    l.wordIds.putAll(wordIds);
    l.tokens.addAll(tokens);
    l.tokenIds.putAll(tokenIds);
    l.meaning.putAll(meaning);
    if (p == null) {
      l.meaning.remove(word);
    } else {
      l.meaning.put(word, p);
    }
    return l;
  }

  /** A growable int array. */
  static final class IntBuf {
    int[] a = new int[16];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    void addAll(int[] vs) {
      for (int v : vs) {
        add(v);
      }
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, size);
    }
  }
}
