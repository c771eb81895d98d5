package org.gyrus.logic.fol;

import java.util.List;

/** A parsed formula and the repairs the tolerant parser made to the text to read it. */
public record ParsedFormula(Formula formula, List<String> repairs) {
  public ParsedFormula {
    repairs = List.copyOf(repairs);
  }

  public boolean repaired() {
    return !repairs.isEmpty();
  }
}
