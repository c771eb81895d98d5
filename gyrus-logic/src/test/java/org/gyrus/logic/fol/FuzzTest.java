package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.proofwriter.Lexicon;
import org.gyrus.logic.fol.proofwriter.ProofWriterParser;
import org.junit.jupiter.api.Test;

/** Mutated and random inputs: every parser either succeeds or throws SpecError, nothing else. */
class FuzzTest {
  private static final String ALPHABET = "∀∃∧∨→↔¬⊕()=,  xyPQab!?[]:~&|<=>'$%.\"{}0";

  private static String mutate(String s, Random rnd) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + rnd.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int k = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
      switch (rnd.nextInt(3)) {
        case 0 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(k);
          }
        }
        case 1 -> sb.insert(k, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        default -> {
          if (sb.length() > 0) {
            sb.setCharAt(k, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
          }
        }
      }
    }
    return sb.toString();
  }

  private static int attempt(Runnable r) {
    try {
      r.run();
      return 1;
    } catch (SpecError e) {
      assertThat(e.getMessage()).isNotBlank();
      return 0;
    }
  }

  @Test
  void parsersOnlyEverThrowSpecError() {
    Random rnd = new Random(42);
    Lexicon lx =
        Lexicon.learn(
            List.of(
                "The bear does not chase the lion. The cat is big.", "All red people are young."));
    ProofWriterParser pw = new ProofWriterParser(lx);
    List<String> pwSeeds =
        List.of(
            "If something chases the bear and it is big then the bear is red.",
            "All red, young people are not big.",
            "Bob does not chase the bald eagle.");
    int ok = 0;
    int inputs = fuzzCount(3000);
    for (int i = 0; i < inputs; i++) {
      Formula f = new RandomFormulas(i, true).next(4);
      String folio = mutate(FolioPrinter.print(f), rnd);
      String tptp = mutate("fof(a, axiom, " + TptpPrinter.print(f) + ").", rnd);
      String json =
          mutate(
              "{\"premises-FOL\": [\""
                  + FolioPrinter.print(f)
                  + "\"], \"conclusion-FOL\": \"P(a)\", \"label\": \"True\"}",
              rnd);
      String english = mutate(pwSeeds.get(i % pwSeeds.size()), rnd);
      boolean tolerant = i % 2 == 0;
      ok += attempt(() -> FolioParser.parse(folio, "f", tolerant));
      ok += attempt(() -> TptpParser.parseProblem(tptp, "t"));
      ok += attempt(() -> FolioProblems.parseLine(json, "j"));
      ok += attempt(() -> pw.parse(english));
      StringBuilder noise = new StringBuilder();
      for (int k = rnd.nextInt(20); k > 0; k--) {
        noise.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      ok += attempt(() -> FolioParser.parse(noise.toString(), "n", true));
      ok += attempt(() -> TptpParser.parseProblem(noise.toString(), "n"));
    }
    assertThat(ok).as("some mutants still parse").isGreaterThan(inputs / 30);
    System.out.printf(
        "fuzz folio+tptp+folio-jsonl+proofwriter: %d inputs, %d parsed, 0 escaped%n",
        6 * inputs, ok);
  }

  /** Inputs per parser: GYRUS_FUZZ in the bench (bench/fuzz), a short run in ./mvnw verify. */
  static int fuzzCount(int inCi) {
    String v = System.getenv("GYRUS_FUZZ");
    return v == null || v.isBlank() ? inCi : Integer.parseInt(v.trim());
  }

  @Test
  void deepNestingIsASpecErrorNotAStackOverflow() {
    String deep = "¬".repeat(5000) + "(".repeat(5000) + "P(a)" + ")".repeat(5000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FolioParser.parse(deep))
        .isInstanceOf(SpecError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FolioParser.parse("P(" + "f(".repeat(5000) + "a" + ")".repeat(5001)))
        .isInstanceOf(SpecError.class);
    String tptp = "fof(a, axiom, " + "~ ".repeat(5000) + "p).";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TptpParser.parseProblem(tptp, "t"))
        .isInstanceOf(SpecError.class);
  }
}
