package org.gyrus.nesy.symreg;

import java.util.Locale;

/**
 * Operators of the DSO function sets (dso_function_sets.csv) plus {@code pow} and {@code abs},
 * which appear only in benchmark ground truths.
 */
public enum Op {
  ADD("add", 2),
  SUB("sub", 2),
  MUL("mul", 2),
  DIV("div", 2),
  POW("pow", 2),
  SIN("sin", 1),
  COS("cos", 1),
  TAN("tan", 1),
  TANH("tanh", 1),
  EXP("exp", 1),
  LOG("log", 1),
  SQRT("sqrt", 1),
  N2("n2", 1),
  N3("n3", 1),
  NEG("neg", 1),
  INV("inv", 1),
  EXPNEG("expneg", 1),
  ABS("abs", 1);

  public final String token;
  public final int arity;

  Op(String token, int arity) {
    this.token = token;
    this.arity = arity;
  }

  /** The operator named {@code token} (as in the DSO function sets), or null. */
  public static Op byToken(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    for (Op op : values()) {
      if (op.token.equals(t)) {
        return op;
      }
    }
    return null;
  }

  /** Unprotected semantics: invalid points become NaN/inf and make the whole candidate invalid. */
  public double apply(double a) {
    switch (this) {
      case SIN:
        return Math.sin(a);
      case COS:
        return Math.cos(a);
      case TAN:
        return Math.tan(a);
      case TANH:
        return Math.tanh(a);
      case EXP:
        return Math.exp(a);
      case LOG:
        return Math.log(a);
      case SQRT:
        return Math.sqrt(a);
      case N2:
        return a * a;
      case N3:
        return a * a * a;
      case NEG:
        return -a;
      case INV:
        return 1.0 / a;
      case EXPNEG:
        return Math.exp(-a);
      case ABS:
        return Math.abs(a);
      default:
        throw new IllegalStateException(this + " is not unary");
    }
  }

  public double apply(double a, double b) {
    switch (this) {
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      case MUL:
        return a * b;
      case DIV:
        return a / b;
      case POW:
        return Math.pow(a, b);
      default:
        throw new IllegalStateException(this + " is not binary");
    }
  }

  /** Vectorised form: {@code out[i] = op(a[i])} (out may alias a). */
  public void apply(double[] a, double[] out) {
    int n = out.length;
    switch (this) {
      case SIN:
        for (int i = 0; i < n; i++) out[i] = Math.sin(a[i]);
        return;
      case COS:
        for (int i = 0; i < n; i++) out[i] = Math.cos(a[i]);
        return;
      case EXP:
        for (int i = 0; i < n; i++) out[i] = Math.exp(a[i]);
        return;
      case LOG:
        for (int i = 0; i < n; i++) out[i] = Math.log(a[i]);
        return;
      case N2:
        for (int i = 0; i < n; i++) out[i] = a[i] * a[i];
        return;
      default:
        for (int i = 0; i < n; i++) out[i] = apply(a[i]);
    }
  }

  /** Vectorised form: {@code out[i] = op(a[i], b[i])} (out may alias a or b). */
  public void apply(double[] a, double[] b, double[] out) {
    int n = out.length;
    switch (this) {
      case ADD:
        for (int i = 0; i < n; i++) out[i] = a[i] + b[i];
        return;
      case SUB:
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
        return;
      case MUL:
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
        return;
      case DIV:
        for (int i = 0; i < n; i++) out[i] = a[i] / b[i];
        return;
      default:
        for (int i = 0; i < n; i++) out[i] = apply(a[i], b[i]);
    }
  }
}
