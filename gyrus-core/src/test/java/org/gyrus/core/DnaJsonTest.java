package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DnaJsonTest {
  /** The form as Jackson writes every key (the definition toJson's fast path must match). */
  private static String reference(Dna d) throws Exception {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Number> e : new TreeMap<>(d.values()).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(SpecCodec.JSON.writeValueAsString(e.getKey())).append(':').append(e.getValue());
    }
    return sb.append('}').toString();
  }

  @Test
  void toJsonIsJacksonsTextForEveryKindOfIdAndRoundTrips() throws Exception {
    String alphabet = "abxyz_.-/09 \"\\\t\n\u0001\u007f\u00e9\u4e2d";
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 500; i++) {
      Map<String, Number> values = new LinkedHashMap<>();
      int n = 1 + rng.nextInt(6);
      for (int j = 0; j < n; j++) {
        StringBuilder id = new StringBuilder();
        for (int k = 1 + rng.nextInt(5); k > 0; k--) {
          id.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        values.put(id.toString(), rng.nextBoolean() ? rng.nextLong(-9, 99) : rng.nextDouble());
      }
      Dna d = new Dna(values);
      assertThat(d.toJson()).isEqualTo(reference(d));
      assertThat(Dna.fromJson(d.toJson())).isEqualTo(d);
    }
    assertThat(new Dna(Map.of("b", 1L, "a", 0.5)).toJson()).isEqualTo("{\"a\":0.5,\"b\":1}");
  }
}
