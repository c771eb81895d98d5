package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.logic.fol.proofwriter.Lexicon;
import org.gyrus.logic.fol.proofwriter.ProofWriterParser;
import org.gyrus.logic.fol.proofwriter.ProofWriterProblems;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Floors measured on the real data (bench/fol_vs_eprover has the full tables). */
class DataBackedTest {
  private static Path data() {
    String d = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        d != null && Files.isDirectory(Path.of(d)),
        "GYRUS_DATA not set: skipping FOLIO/ProofWriter accuracy floors");
    return Path.of(d);
  }

  @Test
  void folioValidationAccuracyFloorWithCheckedProofs() throws Exception {
    Path file = data().resolve("folio/folio-validation.jsonl");
    Assumptions.assumeTrue(Files.exists(file), "no " + file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int right = 0;
    for (int i = 0; i < lines.size(); i++) {
      FolProblem p = FolioProblems.parseLine(lines.get(i), "folio:" + (i + 1));
      Linc.Result r = Linc.decide(p.premises(), p.conclusion(), Prover.Limits.seconds(2));
      if (r.proof() != null) {
        assertThat(ProofChecker.check(r.proof(), r.inputClauses())).isEmpty();
      }
      String gold = "Uncertain".equals(p.label()) ? "Unknown" : p.label();
      right += r.answer().text.equals(gold) ? 1 : 0;
    }
    assertThat(lines).hasSize(204);
    assertThat(right)
        .as("measured 195/204; E 2.6 gets 195 on the same export")
        .isGreaterThanOrEqualTo(193);
  }

  @Test
  void proofWriterTestSubsetFloor() throws Exception {
    Path dir = data().resolve("proofwriter-logiclm");
    Assumptions.assumeTrue(Files.exists(dir.resolve("train.json")), "no ProofWriter data");
    Lexicon lx =
        Lexicon.learn(
            ProofWriterProblems.texts(ProofWriterProblems.load(dir.resolve("train.json"))));
    ProofWriterParser parser = new ProofWriterParser(lx, ProofWriterParser.Negation.EXPLICIT);
    List<ProofWriterProblems.Example> test = ProofWriterProblems.load(dir.resolve("test.json"));
    int right = 0;
    int n = 200;
    for (ProofWriterProblems.Example e : test.subList(0, n)) {
      FolProblem p = ProofWriterProblems.translate(e, parser); // a parse failure fails the test
      Linc.Result r =
          Linc.decide(
              p.premises(),
              p.conclusion(),
              ProofWriterProblems.counter(p.conclusion(), parser),
              Prover.Limits.seconds(2));
      right += r.answer().text.equals(e.label()) ? 1 : 0;
    }
    assertThat(right).as("ProofWriter test, first %d", n).isGreaterThanOrEqualTo(198);
  }
}
