package org.gyrus.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.core.TextFiles;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.FolioProblems;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.TptpParser;
import org.gyrus.logic.fol.english.EnglishParser;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus prove FILE}: answers a FOLIO JSON line or a TPTP problem under LINC's protocol. */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description =
        "Decide whether premises entail a conclusion (True), its negation (False) or neither"
            + " (Unknown). FILE is a FOLIO-style JSON line or a TPTP FOF problem whose"
            + " conjecture is the conclusion.")
public final class ProveCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "problem file (.jsonl/.json line or TPTP .p)")
  Path file;

  @Option(names = "--proof", description = "print the proof (a checked trace of inferences)")
  boolean proof;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description =
          "seconds per prover run, more than 0 and at most 86400 (two runs: conclusion and its"
              + " negation; default: ${DEFAULT-VALUE})")
  double timeout;

  @Option(
      names = "--line",
      defaultValue = "1",
      description = "line of a JSONL file to read, 1 or more (default: ${DEFAULT-VALUE})")
  int line;

  @Option(
      names = "--nl",
      description =
          "FILE is JSON lines with context (premises as text) and question (a statement):"
              + " read by the controlled-English parser and answer every line")
  boolean nl;

  @Option(
      names = "--negation",
      defaultValue = "classical",
      description =
          "with --nl: classical (not = ¬) or explicit (ProofWriter's open-world reading: a negative"
              + " fact is its own fact, no contraposition) (default: ${DEFAULT-VALUE})")
  String negation;

  @Option(names = "--formulas", description = "with --nl: print the formulas read")
  boolean formulas;

  @Override
  public Integer call() throws Exception {
    Flags.inRange("--timeout", timeout, 0, 86_400, true);
    if (nl) {
      return proveEnglish();
    }
    Flags.inRange("--line", line, 1, Integer.MAX_VALUE);
    if (!Files.isRegularFile(file)) {
      throw new SpecError(file.toString(), "a readable file", "nothing there");
    }
    String text = TextFiles.readUtf8(file);
    if (text.isBlank()) {
      throw new SpecError(file.toString(), "a FOLIO JSON line or a TPTP problem", "an empty file");
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json =
        text.stripLeading().startsWith("{") || lower.endsWith(".json") || lower.endsWith(".jsonl");
    FolProblem p = json ? folioLine(text) : tptp(text);
    String name = file.getFileName().toString();
    Prover.Limits limits = Prover.Limits.seconds(timeout);
    Formula conclusion = p.conclusion();
    if (conclusion == null) {
      conclusion = new Formula.Truth(false); // no conjecture: ask whether the axioms are consistent
    }
    long t0 = System.nanoTime();
    Linc.Result r = Linc.decide(p.premises(), conclusion, limits);
    long ms = (System.nanoTime() - t0) / 1_000_000L;
    if (r.proof() != null) {
      List<String> errs = ProofChecker.check(r.proof(), r.inputClauses());
      if (!errs.isEmpty()) {
        throw new IllegalStateException("proof failed its check: " + errs);
      }
    }
    if (p.conclusion() == null) {
      System.out.println(
          "% SZS status "
              + (r.inconsistentPremises()
                  ? "Unsatisfiable"
                  : r.provingConclusion().status().name().equals("SATURATED")
                      ? "Satisfiable"
                      : "GaveUp")
              + " for "
              + name);
    } else {
      System.out.println("answer: " + r.answer().text);
      if (r.inconsistentPremises()) {
        System.out.println("premises: inconsistent");
      }
      if (!json) {
        System.out.println("% SZS status " + r.szs() + " for " + name);
      }
    }
    if (proof && r.proof() != null) {
      System.out.println("% SZS output start CNFRefutation for " + name);
      System.out.print(r.proof().render());
      System.out.println("% SZS output end CNFRefutation for " + name);
    } else if (proof && !r.provingConclusion().saturation().isEmpty()) {
      // no proof: show the saturated set of the premises with the negated conclusion
      System.out.println("% SZS output start Saturation for " + name);
      r.provingConclusion().saturation().forEach(c -> System.out.println("  " + c));
      System.out.println("% SZS output end Saturation for " + name);
    }
    System.err.printf(
        Locale.ROOT,
        "prove: %d ms; conclusion run %s (%d given), negation run %s (%d given)%n",
        ms,
        r.provingConclusion().status(),
        r.provingConclusion().given(),
        r.refutingConclusion().status(),
        r.refutingConclusion().given());
    return 0;
  }

  /** {@code --nl}: every record of a JSON-lines file of English premises and a question. */
  private int proveEnglish() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new SpecError(file.toString(), "a readable JSON-lines file", "nothing there");
    }
    EnglishParser.Negation neg =
        switch (negation) {
          case "classical" -> EnglishParser.Negation.CLASSICAL;
          case "explicit" -> EnglishParser.Negation.EXPLICIT;
          default -> throw new SpecError("--negation", "classical or explicit", negation);
        };
    return NlProve.run(file, neg, timeout, formulas);
  }

  /** The problem on line {@code --line} of a FOLIO JSON-lines file. */
  private FolProblem folioLine(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (line < 1 || line > lines.size()) {
      throw new SpecError(file + ":" + line, "a line between 1 and " + lines.size(), "" + line);
    }
    FolProblem p = FolioProblems.parseLine(lines.get(line - 1), file + ":" + line);
    p.repairs().forEach(r -> System.err.println("repaired: " + r));
    return p;
  }

  private FolProblem tptp(String text) {
    FolProblem p = TptpParser.parseProblem(text, file.toString());
    if (p.premises().isEmpty() && p.conclusion() == null) {
      throw new SpecError(
          file.toString(), "a TPTP problem with at least one fof( or cnf( formula", "none");
    }
    return p;
  }
}
