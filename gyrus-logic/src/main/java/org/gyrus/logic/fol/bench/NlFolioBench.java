package org.gyrus.logic.fol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.FolioPrinter;
import org.gyrus.logic.fol.FolioProblems;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.english.EnglishParser;
import org.gyrus.logic.fol.english.NlReasoner;
import org.gyrus.logic.fol.prover.Prover;

/**
 * FOLIO's natural-language stories through the controlled-English parser: the share of stories
 * whose premises and conclusion are all read, and, on those, how often the answer agrees with the
 * prover's answer on the annotated (gold) FOL and with the label. One line per read story, one line
 * per unread story naming its first unread sentence and why (so the frequent refusals can be
 * counted), then a summary line {@code summary stories N parsed P agree A label L}.
 *
 * <p>Usage: {@code NlFolioBench FOLIO.jsonl SECONDS [formulas]}; with {@code formulas} every read
 * story's premises and statement follow its line, for checking the readings by eye.
 */
public final class NlFolioBench {
  private NlFolioBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Prover.Limits limits = Prover.Limits.seconds(Double.parseDouble(args[1]));
    boolean formulas = args.length > 2 && args[2].equals("formulas");
    NlReasoner nl = new NlReasoner(EnglishParser.Negation.CLASSICAL, limits);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int n = 0;
    int parsed = 0;
    int agree = 0;
    int withFol = 0;
    int label = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      n++;
      JsonNode e = json.readTree(lines.get(i));
      StringBuilder context = new StringBuilder();
      e.path("premises").forEach(p -> context.append(p.asText().strip()).append(' '));
      NlReasoner.Outcome o = nl.answer(context.toString(), e.path("conclusion").asText());
      if (!o.fullyParsed()) {
        NlReasoner.Unread u = o.unread().get(0);
        System.out.printf(
            Locale.ROOT,
            "%d\tunread %d, first sentence %d (0 = conclusion): %s%n",
            i + 1,
            o.unread().size(),
            u.sentence(),
            u.reason());
        continue;
      }
      parsed++;
      String goldFol;
      if (!e.has("conclusion-FOL")) {
        goldFol = "none"; // FOLIO's train release has no conclusion FOL
      } else {
        try {
          FolProblem p = FolioProblems.parseLine(lines.get(i), file + ":" + (i + 1));
          goldFol = Linc.decide(p.premises(), p.conclusion(), limits).answer().text;
        } catch (SpecError err) {
          goldFol = "FolError";
        }
        withFol++;
      }
      String lab = e.path("label").asText().replace("Uncertain", "Unknown");
      agree += goldFol.equals(o.answer().text) ? 1 : 0;
      label += lab.equals(o.answer().text) ? 1 : 0;
      System.out.printf(
          Locale.ROOT, "%d\tnl %s\tgold-fol %s\tlabel %s%n", i + 1, o.answer().text, goldFol, lab);
      if (formulas) {
        o.premises().forEach(f -> System.out.println("  premise   " + FolioPrinter.print(f)));
        System.out.println("  statement " + FolioPrinter.print(o.statement()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "summary stories %d parsed %d withfol %d agree %d label %d%n",
        n,
        parsed,
        withFol,
        agree,
        label);
  }
}
