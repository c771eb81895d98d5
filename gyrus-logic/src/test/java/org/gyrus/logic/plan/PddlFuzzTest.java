package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;

/**
 * Random edits of a domain and problem that use every feature: parsing and grounding either succeed
 * or fail with a {@link SpecError}; nothing else escapes (GYRUS_FUZZ sets the count, as for the
 * other parsers' fuzzers).
 */
class PddlFuzzTest {
  private static final String ALPHABET = "() ?-:abcxyz01 \n;=andornotforallwhenexists";

  private static String resource(String name) throws Exception {
    try (InputStream in = PddlFuzzTest.class.getResourceAsStream("/plan/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void mutatedDomainsAndProblemsOnlyEverFailWithSpecError() throws Exception {
    String domain = resource("adl-domain.pddl");
    String problem = resource("adl-problem.pddl");
    int inputs = fuzzCount(2000);
    Random rng = new Random(7);
    int refused = 0;
    for (int i = 0; i < inputs; i++) {
      boolean mutateDomain = rng.nextBoolean();
      String d = mutateDomain ? mutate(domain, rng) : domain;
      String p = mutateDomain ? problem : mutate(problem, rng);
      try {
        Pddl.Domain dom = PddlParser.parseDomain(d, "d.pddl");
        Grounder.ground(dom, PddlParser.parseProblem(p, "p.pddl", dom));
      } catch (SpecError e) {
        refused++;
        assertThat(e.getMessage()).isNotBlank();
      }
    }
    assertThat(refused).as("most mutants are refused").isGreaterThan(inputs / 4);
    System.out.printf("fuzz pddl: %d inputs, %d refused, 0 escaped%n", inputs, refused);
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

  static int fuzzCount(int inCi) {
    String v = System.getenv("GYRUS_FUZZ");
    return v == null || v.isBlank() ? inCi : Integer.parseInt(v.trim());
  }
}
