package org.gyrus.logic.datalog;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.junit.jupiter.api.Test;

/** Random and mutated program text: only SpecError may escape parsing and evaluation. */
class FuzzTest {
  private static final String ALPHABET = "abcXYZ_019 (),.:-!%/*+<=>\"{}?\n\tnotcountsum";

  @Test
  void onlySpecErrorEscapes() {
    int inputs = fuzzCount(3000);
    qt().withExamples(inputs)
        .withFixedSeed(13)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random rng = new Random(seed);
              String base = RandomPrograms.generate(seed, rng.nextBoolean(), true);
              String text = rng.nextInt(4) == 0 ? noise(rng) : mutate(base, rng);
              try {
                Engine e = new Engine(Parser.parse(text, "fuzz.dl"));
                e.run();
                if (rng.nextInt(3) == 0) {
                  Provenance.of(e, rng.nextBoolean() ? "exact" : "topk:2");
                }
                Parser.parseQuery(mutate("p(X, a)", rng));
              } catch (SpecError expected) {
                // the only acceptable failure
              }
            });
    System.out.printf("fuzz datalog (program + query): %d inputs, 0 escaped%n", 2 * inputs);
  }

  /** Inputs per parser: GYRUS_FUZZ in the bench (bench/fuzz), a short run in ./mvnw verify. */
  static int fuzzCount(int inCi) {
    String v = System.getenv("GYRUS_FUZZ");
    return v == null || v.isBlank() ? inCi : Integer.parseInt(v.trim());
  }

  private static String noise(Random rng) {
    StringBuilder sb = new StringBuilder();
    int n = rng.nextInt(80);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String mutate(String s, Random rng) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + rng.nextInt(4);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = rng.nextInt(sb.length());
      switch (rng.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        default -> sb.setCharAt(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
      }
    }
    return sb.toString();
  }
}
