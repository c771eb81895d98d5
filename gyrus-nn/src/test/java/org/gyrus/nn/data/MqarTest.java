package org.gyrus.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MqarTest {
  @Test
  void every_query_asks_a_stored_key_once_and_targets_its_value() {
    Mqar task = new Mqar(256, 128, 16);
    Mqar.Batch b = task.sample(50, new SplittableRandom(3));
    assertThat(b.queries()).isEqualTo(50 * 16);
    for (int s = 0; s < b.n(); s++) {
      int base = s * b.length();
      Map<Integer, Integer> bound = new HashMap<>();
      for (int i = 0; i < 16; i++) {
        int key = b.tokens()[base + 2 * i];
        int value = b.tokens()[base + 2 * i + 1];
        assertThat(key).isBetween(1, 127);
        assertThat(value).isBetween(128, 255);
        assertThat(bound.put(key, value)).as("keys are distinct").isNull();
        assertThat(b.targets()[base + 2 * i]).isEqualTo(Mqar.IGNORE);
      }
      Set<Integer> asked = new HashSet<>();
      for (int p = 32; p < b.length(); p++) {
        int token = b.tokens()[base + p];
        int target = b.targets()[base + p];
        if (target == Mqar.IGNORE) {
          assertThat(token).isZero();
        } else {
          assertThat(target).isEqualTo(bound.get(token));
          assertThat(asked.add(token)).isTrue();
        }
      }
      assertThat(asked).isEqualTo(bound.keySet());
    }
  }

  @Test
  void the_same_seed_gives_the_same_sequences() {
    Mqar task = new Mqar(256, 64, 4);
    Mqar.Batch a = task.sample(8, new SplittableRandom(9));
    Mqar.Batch b = task.sample(8, new SplittableRandom(9));
    Mqar.Batch c = task.sample(8, new SplittableRandom(10));
    assertThat(a.tokens()).isEqualTo(b.tokens());
    assertThat(a.targets()).isEqualTo(b.targets());
    assertThat(a.tokens()).isNotEqualTo(c.tokens());
  }

  @Test
  void impossible_shapes_are_refused_with_the_reason() {
    assertThatThrownBy(() -> new Mqar(256, 40, 16)).hasMessageContaining("length 40");
    assertThatThrownBy(() -> new Mqar(16, 64, 8)).hasMessageContaining("vocab 16");
    assertThatThrownBy(() -> new Mqar(256, 64, 0)).hasMessageContaining("pairs");
  }
}
