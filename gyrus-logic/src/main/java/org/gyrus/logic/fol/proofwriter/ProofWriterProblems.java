package org.gyrus.logic.fol.proofwriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.Formula;

/** Loads the Logic-LM release of ProofWriter (context, question, options, answer A/B/C). */
public final class ProofWriterProblems {
  private ProofWriterProblems() {}

  /** One example as text: id, context, the statement asked about, and the gold label. */
  public record Example(String id, String context, String statement, String label) {}

  public static List<Example> load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    if (root == null || !root.isArray()) {
      throw new SpecError(file.toString(), "a JSON array of examples", "something else");
    }
    List<Example> out = new ArrayList<>();
    for (JsonNode e : root) {
      String q = e.path("question").asText();
      int k = q.lastIndexOf('?');
      String statement = (k >= 0 ? q.substring(k + 1) : q).strip();
      String label =
          switch (e.path("answer").asText()) {
            case "A" -> "True";
            case "B" -> "False";
            default -> "Unknown";
          };
      out.add(new Example(e.path("id").asText(), e.path("context").asText(), statement, label));
    }
    return out;
  }

  /** Texts to learn the lexicon from (contexts and statements of a training split). */
  public static List<String> texts(List<Example> train) {
    List<String> out = new ArrayList<>();
    for (Example e : train) {
      out.add(e.context());
      out.add(e.statement());
    }
    return out;
  }

  /**
   * The statement whose entailment means "False": ¬conclusion when negation is classical, the
   * complementary fact (not_p for p, p for not_p) when negative facts are explicit.
   */
  public static Formula counter(Formula conclusion, ProofWriterParser parser) {
    if (parser.negation() == ProofWriterParser.Negation.CLASSICAL) {
      return new Formula.Not(conclusion);
    }
    return complement(conclusion);
  }

  private static Formula complement(Formula f) {
    if (f instanceof Formula.Atom a) {
      return a.pred().startsWith("not_")
          ? new Formula.Atom(a.pred().substring(4), a.args())
          : new Formula.Atom("not_" + a.pred(), a.args());
    }
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.AND) {
      return Formula.or(complement(b.left()), complement(b.right()));
    }
    if (f instanceof Formula.Quant q) {
      return new Formula.Quant(!q.universal(), q.var(), complement(q.body()));
    }
    throw new SpecError("statement", "a conjunction of facts", f.toString());
  }

  /** Translates an example to premises and conclusion; a sentence the grammar rejects throws. */
  public static FolProblem translate(Example e, ProofWriterParser parser) {
    List<Formula> premises = new ArrayList<>();
    for (String s : ProofWriterParser.sentences(e.context())) {
      premises.add(parser.parse(s));
    }
    return new FolProblem(e.id(), premises, parser.parse(e.statement()), List.of(), e.label());
  }
}
