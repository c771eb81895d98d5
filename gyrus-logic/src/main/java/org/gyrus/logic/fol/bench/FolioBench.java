package org.gyrus.logic.fol.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.FolioProblems;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.TptpPrinter;
import org.gyrus.logic.fol.prover.Prover;

/**
 * Runs the LINC protocol on every FOLIO story of a JSONL file and writes one JSON line per story
 * (index, gold, answer, millis, repairs or parse error); optionally exports each story to TPTP
 * twice (conclusion as conjecture, and its negation) for an external prover.
 *
 * <p>Usage: {@code FolioBench FILE.jsonl SECONDS OUT.jsonl [TPTP_DIR]}
 */
public final class FolioBench {
  private FolioBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    double seconds = Double.parseDouble(args[1]);
    Path out = Path.of(args[2]);
    Path tptp = args.length > 3 ? Path.of(args[3]) : null;
    if (tptp != null) {
      Files.createDirectories(tptp);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int right = 0;
    int n = 0;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        n++;
        String where = file.getFileName() + ":" + (i + 1);
        String gold = gold(lines.get(i));
        FolProblem p;
        try {
          p = FolioProblems.parseLine(lines.get(i), where);
        } catch (SpecError e) {
          w.println(row(i, gold, "ParseError", 0, List.of(), e.getMessage(), false));
          continue;
        }
        if (tptp != null) {
          String name = String.format(Locale.ROOT, "folio_%03d", i);
          Files.writeString(tptp.resolve(name + "_pos.p"), TptpPrinter.problem(p));
          FolProblem neg =
              new FolProblem(name, p.premises(), new Formula.Not(p.conclusion()), List.of(), null);
          Files.writeString(tptp.resolve(name + "_neg.p"), TptpPrinter.problem(neg));
        }
        long t0 = System.nanoTime();
        Linc.Result r = Linc.decide(p.premises(), p.conclusion(), Prover.Limits.seconds(seconds));
        double ms = (System.nanoTime() - t0) / 1e6;
        String answer = r.answer().text;
        if (r.proof() != null) {
          List<String> errs =
              org.gyrus.logic.fol.prover.ProofChecker.check(r.proof(), r.inputClauses());
          if (!errs.isEmpty()) {
            answer = "CheckFailed";
            System.err.println(where + ": proof check failed: " + errs);
          }
        }
        if (answer.equals(normalise(gold))) {
          right++;
        }
        w.println(row(i, gold, answer, ms, p.repairs(), null, r.inconsistentPremises()));
        w.flush();
      }
    }
    System.err.printf(Locale.ROOT, "FOLIO: %d/%d right (%.1f%%)%n", right, n, 100.0 * right / n);
  }

  static String normalise(String gold) {
    return "Uncertain".equals(gold) ? "Unknown" : gold;
  }

  private static String gold(String line) {
    int k = line.lastIndexOf("\"label\"");
    if (k < 0) {
      return "";
    }
    String rest = line.substring(k + 7).replaceAll("^[\\s:]*\"", "");
    int end = rest.indexOf('"');
    return end < 0 ? "" : rest.substring(0, end);
  }

  private static String row(
      int i,
      String gold,
      String answer,
      double ms,
      List<String> repairs,
      String error,
      boolean inconsistent) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"index\":").append(i).append(",\"gold\":\"").append(normalise(gold)).append('"');
    sb.append(",\"answer\":\"")
        .append(answer)
        .append('"')
        .append(",\"millis\":")
        .append(String.format(Locale.ROOT, "%.3f", ms));
    sb.append(",\"inconsistent\":").append(inconsistent);
    sb.append(",\"repairs\":[");
    for (int k = 0; k < repairs.size(); k++) {
      sb.append(k > 0 ? "," : "").append(quote(repairs.get(k)));
    }
    sb.append(']');
    if (error != null) {
      sb.append(",\"error\":").append(quote(error));
    }
    return sb.append('}').toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
