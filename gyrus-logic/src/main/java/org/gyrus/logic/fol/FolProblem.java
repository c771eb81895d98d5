package org.gyrus.logic.fol;

import java.util.List;

/**
 * Premises and an optional conclusion (a TPTP {@code conjecture}, a FOLIO conclusion), with the
 * repairs the parser made and, for FOLIO, the gold label.
 */
public record FolProblem(
    String name, List<Formula> premises, Formula conclusion, List<String> repairs, String label) {
  public FolProblem {
    premises = List.copyOf(premises);
    repairs = List.copyOf(repairs);
  }
}
