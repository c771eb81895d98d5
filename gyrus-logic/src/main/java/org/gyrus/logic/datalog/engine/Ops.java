package org.gyrus.logic.datalog.engine;

import org.gyrus.logic.datalog.engine.Exprs.Expr;

/**
 * The operators a compiled rule body is made of. Each operator binds or checks registers (one int
 * per rule variable) and calls the next operator for every match: a push-based nested-loop join
 * over hash indexes, with no allocation per tuple.
 */
final class Ops {
  private Ops() {}

  static final int FULL = 0;
  static final int DELTA = 1;
  static final int OLD = 2;

  /** Column spec kinds. */
  static final int BIND = 0;

  static final int CHECK_REG = 1;
  static final int CHECK_CONST = 2;
  static final int ANY = 3;

  /** A variable repeated inside one atom: checked against the column bound just before. */
  static final int SAME = 4;

  abstract static class Op {
    Op next;

    abstract void exec(int[] regs);
  }

  /** Reads one atom: all rows of a version, or the rows an index finds for the bound columns. */
  static final class Scan extends Op {
    final Relation rel;
    final int mode;
    final int[] kind;
    final int[] arg;
    final int slot;
    final int[] rows;
    final ColumnIndex index;
    final int[] keyCols;
    final int[] key;
    final boolean bindBoth;

    /** Parallel rounds: this copy reads only delta rows whose column partCol is part mod parts. */
    int partCol = -1;

    int parts = 1;
    int part;

    Scan(Relation rel, int mode, int[] kind, int[] arg, int slot, int[] rows, boolean useIndex) {
      this.rel = rel;
      this.mode = mode;
      this.kind = kind;
      this.arg = arg;
      this.slot = slot;
      this.rows = rows;
      int n = 0;
      for (int k : kind) {
        if (k == CHECK_REG || k == CHECK_CONST) {
          n++;
        }
      }
      keyCols = new int[n];
      n = 0;
      for (int c = 0; c < kind.length; c++) {
        if (kind[c] == CHECK_REG || kind[c] == CHECK_CONST) {
          keyCols[n++] = c;
        }
      }
      key = new int[keyCols.length];
      bindBoth = kind.length == 2 && kind[0] == BIND && kind[1] == BIND;
      index = useIndex && mode != DELTA && keyCols.length > 0 ? rel.index(keyCols) : null;
    }

    @Override
    void exec(int[] regs) {
      int lo = mode == DELTA ? rel.deltaStart : 0;
      int hi = mode == OLD ? rel.deltaStart : rel.stableEnd;
      if (bindBoth) {
        Op nx = next;
        int ra = arg[0];
        int rb = arg[1];
        boolean split = parts > 1;
        for (int r = lo; r < hi; r++) {
          int a = rel.get(r, 0);
          int b = rel.get(r, 1);
          if (split && (partCol == 0 ? a : b) % parts != part) {
            continue;
          }
          regs[ra] = a;
          regs[rb] = b;
          rows[slot] = r;
          nx.exec(regs);
        }
        return;
      }
      if (index == null) {
        for (int r = lo; r < hi; r++) {
          if (parts == 1 || rel.get(r, partCol) % parts == part) {
            visit(r, regs);
          }
        }
        return;
      }
      for (int k = 0; k < keyCols.length; k++) {
        int c = keyCols[k];
        key[k] = kind[c] == CHECK_REG ? regs[arg[c]] : arg[c];
      }
      for (int r = index.first(key); r >= 0; r = index.next(r)) {
        if (r < hi) {
          visit(r, regs);
        }
      }
    }

    private void visit(int r, int[] regs) {
      int[] kd = kind;
      for (int c = 0; c < kd.length; c++) {
        int v = rel.get(r, c);
        switch (kd[c]) {
          case BIND:
            regs[arg[c]] = v;
            break;
          case CHECK_REG:
          case SAME:
            if (regs[arg[c]] != v) {
              return;
            }
            break;
          case CHECK_CONST:
            if (arg[c] != v) {
              return;
            }
            break;
          default:
            break;
        }
      }
      rows[slot] = r;
      next.exec(regs);
    }
  }

  /**
   * The hot case of a binary atom whose first column is bound and second free, on a direct
   * single-column index (e.g. {@code edge(Y, Z)} in transitive closure).
   */
  static final class Lookup2 extends Op {
    final Relation rel;
    final int inReg;
    final int outReg;
    final int slot;
    final int[] rows;
    final ColumnIndex index;

    Lookup2(Relation rel, int inReg, int outReg, int slot, int[] rows) {
      this.rel = rel;
      this.inReg = inReg;
      this.outReg = outReg;
      this.slot = slot;
      this.rows = rows;
      this.index = rel.index(new int[] {0});
      if (rel.sealed()) {
        rel.buildCsr(); // now, so that parallel copies only read it
      }
    }

    @Override
    void exec(int[] regs) {
      if (rel.sealed()) {
        rel.buildCsr();
        int[] off = rel.csrOffsets();
        int k = regs[inReg];
        if (k + 1 >= off.length) {
          return;
        }
        int[] vals = rel.csrValues();
        int[] ids = rel.csrRows();
        Op nx = next;
        if (nx instanceof Emit emit
            && emit.sink == null
            && emit.fromReg.length == 2
            && emit.fromReg[1] == outReg
            && emit.fromReg[0] >= 0
            && emit.fromReg[0] != outReg) {
          // fused join and insert: head(A, Z) for every Z here, one set lookup for A
          int a = regs[emit.fromReg[0]];
          if (emit.local == null) {
            emit.fresh += emit.rel.insertAll2(a, vals, off[k], off[k + 1], emit.round.value);
            if (emit.fresh > emit.round.limit) {
              throw new Engine.LimitExceeded(emit.fresh);
            }
          } else {
            emit.bufferAll2(a, vals, off[k], off[k + 1]);
          }
          return;
        }
        for (int i = off[k], end = off[k + 1]; i < end; i++) {
          regs[outReg] = vals[i];
          rows[slot] = ids[i];
          nx.exec(regs);
        }
        return;
      }
      int hi = rel.stableEnd;
      for (int r = index.first(regs[inReg]); r >= 0; r = index.next(r)) {
        if (r < hi) {
          regs[outReg] = rel.get(r, 1);
          rows[slot] = r;
          next.exec(regs);
        }
      }
    }
  }

  /**
   * A binary atom with only its second column bound, answered by probing the deduplication set of
   * every first value instead of building an index on the second column: for the few probes of an
   * incremental update this avoids indexing a relation of ~10^8 rows. Reads every present row (more
   * than a semi-naive OLD range, which only repeats derivations); row ids are not recorded.
   */
  static final class ProbeFirst extends Op {
    final Relation rel;
    final int outReg;
    final int keyReg;
    final int keyConst;
    final int slot;
    final int[] rows;

    ProbeFirst(Relation rel, int outReg, int keyReg, int keyConst, int slot, int[] rows) {
      this.rel = rel;
      this.outReg = outReg;
      this.keyReg = keyReg;
      this.keyConst = keyConst;
      this.slot = slot;
      this.rows = rows;
    }

    @Override
    void exec(int[] regs) {
      int b = keyReg >= 0 ? regs[keyReg] : keyConst;
      for (int a = 0, n = rel.firstBound(); a < n; a++) {
        if (rel.has2(a, b)) {
          regs[outReg] = a;
          rows[slot] = -1;
          next.exec(regs);
        }
      }
    }
  }

  /** A comparison between bound expressions. */
  static final class Filter extends Op {
    final String op;
    final Expr left;
    final Expr right;

    Filter(String op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    void exec(int[] regs) {
      int a = left.eval(regs);
      int b = right.eval(regs);
      boolean ok;
      if (op.equals("=")) {
        ok = a == b;
      } else if (op.equals("!=")) {
        ok = a != b;
      } else {
        int c = left.symbols.compare(a, b);
        ok =
            switch (op) {
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
      }
      if (ok) {
        next.exec(regs);
      }
    }
  }

  /** {@code X = expr} with X unbound: binds X. */
  static final class Assign extends Op {
    final int reg;
    final Expr expr;

    Assign(int reg, Expr expr) {
      this.reg = reg;
      this.expr = expr;
    }

    @Override
    void exec(int[] regs) {
      regs[reg] = expr.eval(regs);
      next.exec(regs);
    }
  }

  /** {@code !atom}: passes when no row matches (wildcards allowed). */
  static final class NotExists extends Op {
    final Relation rel;
    final int[] kind;
    final int[] arg;
    final int[] tuple;
    final ColumnIndex index;
    final int[] key;
    final int[] keyCols;

    NotExists(Relation rel, int[] kind, int[] arg) {
      this.rel = rel;
      this.kind = kind;
      this.arg = arg;
      this.tuple = new int[kind.length];
      int n = 0;
      for (int k : kind) {
        if (k != ANY) {
          n++;
        }
      }
      keyCols = new int[n];
      n = 0;
      for (int c = 0; c < kind.length; c++) {
        if (kind[c] != ANY) {
          keyCols[n++] = c;
        }
      }
      key = new int[n];
      index = n < kind.length && n > 0 ? rel.index(keyCols) : null;
    }

    @Override
    void exec(int[] regs) {
      if (keyCols.length == kind.length) {
        for (int c = 0; c < kind.length; c++) {
          tuple[c] = kind[c] == CHECK_REG ? regs[arg[c]] : arg[c];
        }
        if (!rel.contains(tuple)) {
          next.exec(regs);
        }
        return;
      }
      if (index == null) {
        if (rel.size() == 0) {
          next.exec(regs);
        }
        return;
      }
      for (int k = 0; k < keyCols.length; k++) {
        int c = keyCols[k];
        key[k] = kind[c] == CHECK_REG ? regs[arg[c]] : arg[c];
      }
      outer:
      for (int r = index.first(key); r >= 0; r = index.next(r)) {
        for (int k = 0; k < keyCols.length; k++) {
          if (rel.get(r, keyCols[k]) != key[k]) {
            continue outer;
          }
        }
        return;
      }
      next.exec(regs);
    }
  }

  /** Receives each derivation of a rule's head. */
  interface HeadSink {
    void derived(int[] tuple, int[] bodyRows);
  }

  /** Builds the head tuple and inserts it (or hands it to a sink when grounding). */
  static final class Emit extends Op {
    final Relation rel;
    final int[] fromReg;
    final int[] tuple;
    final int[] rows;
    final Engine.Round round;
    HeadSink sink;
    long fresh;

    /** Parallel rounds: new tuples go to this buffer (merged after the round), not the pages. */
    int[] local;

    int localSize;

    Emit(Relation rel, int[] fromReg, int[] rows, Engine.Round round) {
      this.rel = rel;
      this.fromReg = fromReg;
      this.tuple = new int[fromReg.length];
      this.rows = rows;
      this.round = round;
    }

    /** Parallel rounds: dedups (a, vals[from..to)) and buffers the new pairs. */
    void bufferAll2(int a, int[] vals, int from, int to) {
      for (int i = from; i < to; i++) {
        if (rel.dedup2(a, vals[i])) {
          if (localSize + 2 > local.length) {
            local = java.util.Arrays.copyOf(local, local.length * 2);
          }
          local[localSize++] = a;
          local[localSize++] = vals[i];
        }
      }
    }

    @Override
    void exec(int[] regs) {
      if (sink == null && tuple.length == 2 && fromReg[0] >= 0 && fromReg[1] >= 0) {
        int a = regs[fromReg[0]];
        int b = regs[fromReg[1]];
        if (local != null) {
          if (rel.dedup2(a, b)) {
            if (localSize + 2 > local.length) {
              local = java.util.Arrays.copyOf(local, local.length * 2);
            }
            local[localSize++] = a;
            local[localSize++] = b;
          }
        } else if (rel.insert2(a, b, round.value) && ++fresh > round.limit) {
          throw new Engine.LimitExceeded(fresh);
        }
        return;
      }
      for (int c = 0; c < tuple.length; c++) {
        int f = fromReg[c];
        tuple[c] = f >= 0 ? regs[f] : -f - 1;
      }
      if (sink != null) {
        sink.derived(tuple, rows);
      } else if (rel.insert(tuple, round.value) && ++fresh > round.limit) {
        throw new Engine.LimitExceeded(fresh);
      }
    }
  }
}
