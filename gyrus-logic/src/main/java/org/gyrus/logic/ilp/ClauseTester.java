package org.gyrus.logic.ilp;

import java.util.List;

/**
 * Decides whether a conjunctive clause body has a solution for one example, by a depth-first join
 * over the indexed background facts (first solution wins). A recursive literal is taken as true:
 * the answer then over-approximates the clause, which keeps pruning by "covers no positive" sound.
 */
final class ClauseTester {
  private final Facts facts;
  private final int[] bind;
  private List<Clause.Literal> body;
  private Facts.Table[] tables;

  ClauseTester(Facts facts, int maxVars) {
    this.facts = facts;
    this.bind = new int[maxVars + 1];
  }

  /** Binds the clause body once for a batch of {@link #covers} calls. */
  void prepare(List<Clause.Literal> body) {
    this.body = body;
    this.tables = new Facts.Table[body.size()];
    for (int i = 0; i < body.size(); i++) {
      tables[i] = facts.table(body.get(i).pred().key());
    }
  }

  boolean covers(int[] headArgs) {
    java.util.Arrays.fill(bind, -1);
    System.arraycopy(headArgs, 0, bind, 0, headArgs.length);
    return solve(0);
  }

  private boolean solve(int i) {
    if (i == body.size()) {
      return true;
    }
    Clause.Literal lit = body.get(i);
    if (lit.recursive()) {
      return solve(i + 1);
    }
    Facts.Table t = tables[i];
    if (t == null) {
      return false;
    }
    int[] vars = lit.vars();
    int boundPos = -1;
    boolean allBound = true;
    for (int j = 0; j < vars.length; j++) {
      if (bind[vars[j]] >= 0) {
        if (boundPos < 0) {
          boundPos = j;
        }
      } else {
        allBound = false;
      }
    }
    if (allBound) {
      int[] row = new int[vars.length];
      for (int j = 0; j < vars.length; j++) {
        row[j] = bind[vars[j]];
      }
      return t.contains(row) && solve(i + 1);
    }
    List<int[]> rows = boundPos < 0 ? t.rows : t.byArg.get(boundPos).get(bind[vars[boundPos]]);
    if (rows == null) {
      return false;
    }
    int[] newly = new int[vars.length];
    for (int[] row : rows) {
      int n = 0;
      boolean ok = true;
      for (int j = 0; j < vars.length && ok; j++) {
        int v = vars[j];
        if (bind[v] < 0) {
          bind[v] = row[j];
          newly[n++] = v;
        } else {
          ok = bind[v] == row[j];
        }
      }
      if (ok && solve(i + 1)) {
        return true;
      }
      for (int k = 0; k < n; k++) {
        bind[newly[k]] = -1;
      }
    }
    return false;
  }
}
