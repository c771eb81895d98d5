package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated inputs: parsing and compiling a space never throws anything but SpecError. */
class SpecFuzzTest {
  private static final String ALPHABET =
      "{}[]:,-_ \n\t\"'#&*!|>%@`abcxyz0123456789.eE+oneOfintRange_type";

  @Test
  void randomAndMutatedInputsOnlyEverFailWithSpecError() {
    Random rng = new Random(42);
    int failures = 0;
    int inputs = fuzzCount(4000);
    for (int i = 0; i < inputs; i++) {
      String text;
      if (i % 2 == 0) {
        StringBuilder sb = new StringBuilder();
        int n = rng.nextInt(60);
        for (int j = 0; j < n; j++) {
          sb.append(ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        }
        text = sb.toString();
      } else {
        Value v = new RandomSpecs(rng.nextLong(), true, false).node(4);
        String base = rng.nextBoolean() ? SpecCodec.toYaml(v) : SpecCodec.toJson(v);
        text = mutate(base, rng);
      }
      for (boolean yaml : new boolean[] {true, false}) {
        try {
          Value v = yaml ? SpecCodec.fromYaml(text) : SpecCodec.fromJson(text);
          Space s = new Space(v);
          s.materialise(s.sample(rng));
        } catch (SpecError e) {
          failures++;
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    }
    assertThat(failures).isGreaterThan(inputs / 4);
    System.out.printf(
        "fuzz spec-yaml+json: %d inputs, %d refused, 0 escaped%n", 2 * inputs, failures);
  }

  /** Inputs per parser: GYRUS_FUZZ in the bench (bench/fuzz), a short run in ./mvnw verify. */
  static int fuzzCount(int inCi) {
    String v = System.getenv("GYRUS_FUZZ");
    return v == null || v.isBlank() ? inCi : Integer.parseInt(v.trim());
  }

  private static String mutate(String base, Random rng) {
    StringBuilder sb = new StringBuilder(base);
    int edits = 1 + rng.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int pos = rng.nextInt(sb.length());
      switch (rng.nextInt(3)) {
        case 0 -> sb.deleteCharAt(pos);
        case 1 -> sb.insert(pos, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        default -> sb.setCharAt(pos, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
      }
    }
    return sb.toString();
  }
}
