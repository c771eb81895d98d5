package org.gyrus.logic.fol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;

/** Reads FOLIO-style JSON lines ({@code premises-FOL}, {@code conclusion-FOL}, {@code label}). */
public final class FolioProblems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FolioProblems() {}

  /** Parses one JSON line tolerantly; {@code where} names it in errors (e.g. file:line). */
  public static FolProblem parseLine(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (Exception e) {
      throw new SpecError(
          where, "a JSON object", "invalid JSON (" + e.getMessage().split("\n")[0] + ")");
    }
    if (node == null || !node.isObject()) {
      throw new SpecError(where, "a JSON object", "something else");
    }
    JsonNode ps = node.get("premises-FOL");
    JsonNode c = node.get("conclusion-FOL");
    if (ps == null || !ps.isArray()) {
      throw new SpecError(where + ".premises-FOL", "an array of formulas", String.valueOf(ps));
    }
    if (c == null || !c.isTextual()) {
      throw new SpecError(where + ".conclusion-FOL", "a formula string", String.valueOf(c));
    }
    List<Formula> premises = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      String src = where + ".premises-FOL[" + i + "]";
      if (!ps.get(i).isTextual()) {
        throw new SpecError(src, "a formula string", ps.get(i).toString());
      }
      ParsedFormula pf = FolioParser.parse(ps.get(i).asText(), src, true);
      premises.add(pf.formula());
      repairs.addAll(pf.repairs());
    }
    ParsedFormula pc = FolioParser.parse(c.asText(), where + ".conclusion-FOL", true);
    repairs.addAll(pc.repairs());
    JsonNode label = node.get("label");
    return new FolProblem(
        where, premises, pc.formula(), repairs, label == null ? null : label.asText());
  }
}
