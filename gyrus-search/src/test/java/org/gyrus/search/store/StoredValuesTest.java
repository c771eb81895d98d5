package org.gyrus.search.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;

/** The direct reader of stored values gives what Jackson gives, bit for bit, or leaves it to it. */
class StoredValuesTest {
  private static final double[] EDGES = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    1e-5,
    1e-3,
    1e7,
    1e-7,
    123456789.0,
    0.1,
    -3.322,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  private static long[] bits(List<Double> l) {
    return l.stream().mapToLong(Double::doubleToRawLongBits).toArray();
  }

  private static double draw(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> EDGES[r.nextInt(EDGES.length)];
      case 1 -> Double.longBitsToDouble(r.nextLong()); // any bit pattern: subnormals, huge, NaN
      case 2 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 12));
      default -> Math.round(r.nextDouble() * 1e6) / 1e6 - 3.322; // what the bench fills
    };
  }

  @Test
  void listsJacksonWroteReadAsJacksonReadsThem() throws Exception {
    SplittableRandom r = new SplittableRandom(12);
    int direct = 0;
    for (int k = 0; k < 20_000; k++) {
      List<Double> values = new ArrayList<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        values.add(draw(r));
      }
      String json = SpecCodec.json().writeValueAsString(values);
      List<Double> read = StoredValues.read(json);
      assertThat(bits(read)).as(json).isEqualTo(bits(StoredValues.withJackson(json)));
      direct += StoredValues.plain(json) != null ? 1 : 0;
    }
    assertThat(direct).as("lists read without Jackson").isGreaterThan(15_000);
  }

  @Test
  void textJacksonWouldReadDifferentlyOrRefuseIsLeftToIt() {
    for (String json :
        List.of(
            "[-0]",
            "[3]",
            "[1, 2.5]",
            "[ 1.5 ]",
            "[\"NaN\"]",
            "[1e400]",
            "[-1E-400]",
            "[0.5,]",
            "[01.5]",
            "[.5]",
            "[1.]",
            "[1e]",
            "[-]",
            "[,]",
            "1.5",
            "[2.5",
            "[[1.5]]",
            "[]")) {
      List<Double> plain = StoredValues.plain(json);
      if (plain != null) {
        assertThat(bits(plain)).as(json).isEqualTo(bits(StoredValues.withJackson(json)));
      }
    }
    assertThat(StoredValues.plain("[-0]")).isNull(); // Jackson: 0.0, parseDouble: -0.0
    assertThat(StoredValues.plain("[\"NaN\"]")).isNull();
    assertThat(StoredValues.read("[-0]")).containsExactly(0.0);
    assertThat(StoredValues.read("[\"NaN\"]")).containsExactly(Double.NaN);
    assertThat(StoredValues.read("[]")).isEmpty();
    assertThat(StoredValues.read("[1e400,-2.5E-3]"))
        .containsExactly(Double.POSITIVE_INFINITY, -0.0025);
    for (String bad : List.of("[0.5,]", "[2.5", "1.5", "[01.5]")) {
      assertThatThrownBy(() -> StoredValues.read(bad))
          .as(bad)
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("a JSON list of numbers");
    }
  }
}
