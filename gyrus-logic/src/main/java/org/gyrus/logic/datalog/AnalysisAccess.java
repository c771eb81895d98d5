package org.gyrus.logic.datalog;

import java.util.Set;
import org.gyrus.logic.datalog.Ast.Expr;
import org.gyrus.logic.datalog.Ast.Literal;

/** Variable collection shared by the checker and the engine's compiler. */
public final class AnalysisAccess {
  private AnalysisAccess() {}

  /** Adds the named (non-anonymous) variables of a literal to {@code out}. */
  public static void vars(Literal l, Set<String> out) {
    Analysis.varsOf(l, out);
  }

  /** Adds the variables of an expression to {@code out}. */
  public static void exprVars(Expr e, Set<String> out) {
    Analysis.exprVars(e, out);
  }
}
