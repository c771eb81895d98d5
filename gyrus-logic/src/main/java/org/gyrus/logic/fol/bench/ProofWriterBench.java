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
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.TptpPrinter;
import org.gyrus.logic.fol.proofwriter.Lexicon;
import org.gyrus.logic.fol.proofwriter.ProofWriterParser;
import org.gyrus.logic.fol.proofwriter.ProofWriterProblems;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;

/**
 * ProofWriter end to end: learn the lexicon from the train split, parse each example of the
 * evaluated split with the grammar, answer with the LINC protocol, compare with the gold label (a
 * parse failure counts as wrong). Writes one JSON line per example.
 *
 * <p>Usage: {@code ProofWriterBench TRAIN.json EVAL.json SECONDS OUT.jsonl [LIMIT
 * [CLASSICAL|EXPLICIT]]}
 */
public final class ProofWriterBench {
  private ProofWriterBench() {}

  public static void main(String[] args) throws IOException {
    Lexicon lexicon =
        Lexicon.learn(ProofWriterProblems.texts(ProofWriterProblems.load(Path.of(args[0]))));
    List<ProofWriterProblems.Example> eval = ProofWriterProblems.load(Path.of(args[1]));
    double seconds = Double.parseDouble(args[2]);
    int limit = args.length > 4 ? Integer.parseInt(args[4]) : eval.size();
    ProofWriterParser.Negation mode =
        args.length > 5
            ? ProofWriterParser.Negation.valueOf(args[5])
            : ProofWriterParser.Negation.EXPLICIT;
    ProofWriterParser parser = new ProofWriterParser(lexicon, mode);
    Path tptp = args.length > 6 ? Path.of(args[6]) : null;
    if (tptp != null) {
      Files.createDirectories(tptp);
    }
    int right = 0;
    int n = 0;
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      for (ProofWriterProblems.Example e : eval.subList(0, Math.min(limit, eval.size()))) {
        n++;
        String answer;
        String error = null;
        long t0 = System.nanoTime();
        try {
          FolProblem p = ProofWriterProblems.translate(e, parser);
          if (tptp != null) {
            Formula counter = ProofWriterProblems.counter(p.conclusion(), parser);
            Files.writeString(tptp.resolve(e.id() + "_pos.p"), TptpPrinter.problem(p));
            Files.writeString(
                tptp.resolve(e.id() + "_neg.p"),
                TptpPrinter.problem(
                    new FolProblem(e.id(), p.premises(), counter, List.of(), e.label())));
          }
          Linc.Result r =
              Linc.decide(
                  p.premises(),
                  p.conclusion(),
                  ProofWriterProblems.counter(p.conclusion(), parser),
                  Prover.Limits.seconds(seconds));
          answer = r.answer().text;
          if (r.inconsistentPremises()) {
            answer = "Inconsistent";
          }
          if (r.proof() != null && !ProofChecker.check(r.proof(), r.inputClauses()).isEmpty()) {
            answer = "CheckFailed";
          }
        } catch (SpecError ex) {
          answer = "ParseError";
          error = ex.getMessage();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (answer.equals(e.label())) {
          right++;
        }
        w.println(
            "{\"id\":"
                + FolioBench.quote(e.id())
                + ",\"gold\":\""
                + e.label()
                + "\",\"answer\":\""
                + answer
                + "\",\"millis\":"
                + ms
                + (error == null ? "" : ",\"error\":" + FolioBench.quote(error))
                + "}");
      }
    }
    System.err.printf(
        Locale.ROOT, "ProofWriter: %d/%d right (%.2f%%)%n", right, n, 100.0 * right / n);
  }
}
