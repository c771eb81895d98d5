package org.gyrus.nesy.symreg;

/**
 * Builds a prefix program one token at a time and says which next tokens are allowed (DSO's prior
 * constraints): length bounds, no inverse pairs such as log(exp(.)), no trig inside trig, no unary
 * of a constant or binary of two constants, at most {@code maxConsts} free constants.
 */
final class Grammar {
  final Library lib;
  final int minLen;
  final int maxLen;
  final int maxConsts;

  private final int[] tokens;
  private int len;
  private int dangling = 1;
  private int consts;
  private int trigDepth;
  private final int[] openToken;
  private final int[] openDone;
  private final int[] openFirst;
  private int open;

  Grammar(Library lib, int minLen, int maxLen, int maxConsts) {
    this.lib = lib;
    this.minLen = minLen;
    this.maxLen = maxLen;
    this.maxConsts = maxConsts;
    tokens = new int[maxLen];
    openToken = new int[maxLen];
    openDone = new int[maxLen];
    openFirst = new int[maxLen];
  }

  Grammar fresh() {
    return new Grammar(lib, minLen, maxLen, maxConsts);
  }

  boolean done() {
    return dangling == 0;
  }

  int length() {
    return len;
  }

  int[] program() {
    return java.util.Arrays.copyOf(tokens, len);
  }

  /** Parent token of the next position, or -1 at the root. */
  int parent() {
    return open == 0 ? -1 : openToken[open - 1];
  }

  /** Root token of the parent's first (completed) child when the next token is its second child. */
  int sibling() {
    return open > 0 && openDone[open - 1] == 1 ? openFirst[open - 1] : -1;
  }

  double lengthFraction() {
    return len / (double) maxLen;
  }

  double danglingFraction() {
    return dangling / (double) maxLen;
  }

  boolean allowed(int t) {
    int arity = lib.arity(t);
    if (len + dangling + arity > maxLen) {
      return false;
    }
    if (arity == 0 && dangling == 1 && len + 1 < minLen) {
      return false;
    }
    Library.Token tok = lib.token(t);
    int parent = parent();
    Op pop = parent < 0 ? null : lib.token(parent).op();
    if (tok.freeConst()) {
      if (consts >= maxConsts || (pop != null && pop.arity == 1)) {
        return false;
      }
      int sib = sibling();
      if (sib >= 0 && lib.token(sib).freeConst()) {
        return false;
      }
    }
    Op op = tok.op();
    if (op != null && pop != null && inverse(pop, op)) {
      return false;
    }
    return !(op != null && isTrig(op) && trigDepth > 0);
  }

  private static boolean inverse(Op outer, Op inner) {
    return (outer == Op.EXP && inner == Op.LOG)
        || (outer == Op.LOG && inner == Op.EXP)
        || (outer == Op.NEG && inner == Op.NEG)
        || (outer == Op.INV && inner == Op.INV)
        || (outer == Op.SQRT && inner == Op.N2)
        || (outer == Op.N2 && inner == Op.SQRT);
  }

  static boolean isTrig(Op op) {
    return op == Op.SIN || op == Op.COS || op == Op.TAN;
  }

  void push(int t) {
    tokens[len++] = t;
    int arity = lib.arity(t);
    dangling += arity - 1;
    if (lib.token(t).freeConst()) {
      consts++;
    }
    if (arity > 0) {
      openToken[open] = t;
      openDone[open] = 0;
      open++;
      if (isTrig(lib.token(t).op())) {
        trigDepth++;
      }
      return;
    }
    int root = t;
    while (open > 0) {
      int top = open - 1;
      openDone[top]++;
      if (openDone[top] == 1) {
        openFirst[top] = root;
      }
      if (openDone[top] < lib.arity(openToken[top])) {
        return;
      }
      root = openToken[top];
      if (isTrig(lib.token(root).op())) {
        trigDepth--;
      }
      open--;
    }
  }
}
