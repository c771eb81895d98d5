package org.gyrus.agents.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenesTest {
  @Test
  void theSameSeedDrawsTheSameScenesPixelForPixel() {
    List<GoalScenes.Pair> a = GoalScenes.generate(20, 3, 7, 42);
    List<GoalScenes.Pair> b = GoalScenes.generate(20, 3, 7, 42);
    List<GoalScenes.Pair> c = GoalScenes.generate(20, 3, 7, 43);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).init()).isEqualTo(b.get(i).init());
      assertThat(a.get(i).goal()).isEqualTo(b.get(i).goal());
      assertThat(a.get(i).initImage()).isEqualTo(b.get(i).initImage());
      assertThat(a.get(i).goalImage()).isEqualTo(b.get(i).goalImage());
    }
    assertThat(a.get(0).goalImage()).isNotEqualTo(c.get(0).goalImage());
  }

  @Test
  void scenesAreValidStatesWithGoalsOverTheSameBlocksAndDifferentFromTheStart() {
    for (GoalScenes.Pair p : GoalScenes.generate(200, 2, 7, 5)) {
      assertThat(p.init().valid()).isTrue();
      assertThat(p.goal().valid()).isTrue();
      assertThat(p.goal().blocks()).isEqualTo(p.init().blocks());
      assertThat(p.goal()).isNotEqualTo(p.init());
      int n = p.init().blocks().length;
      assertThat(p.init().stacks().stream().mapToInt(List::size).sum()).isEqualTo(n);
    }
  }

  @Test
  void theSameStateRendersDifferentlyUnderDifferentJitterButKeepsItsColours() {
    BlocksState s = BlocksState.random(5, new SplittableRandom(1));
    float[] x = SceneRenderer.render(s, new SplittableRandom(10));
    float[] y = SceneRenderer.render(s, new SplittableRandom(11));
    assertThat(x).isNotEqualTo(y);
    for (float[] img : List.of(x, y)) {
      for (int b : s.blocks()) {
        assertThat(pixelsNear(img, Palette.rgb(b))).as(Palette.name(b)).isGreaterThanOrEqualTo(8);
      }
      for (int b = 0; b < Palette.size(); b++) {
        if (!s.present(b) && b != Palette.index("black")) {
          assertThat(pixelsNear(img, Palette.rgb(b))).as("absent " + Palette.name(b)).isZero();
        }
      }
    }
  }

  /** Pixels within 0.15 of {@code rgb} in every channel. */
  private static int pixelsNear(float[] img, float[] rgb) {
    int side = SceneRenderer.SIZE * SceneRenderer.SIZE;
    int n = 0;
    for (int i = 0; i < side; i++) {
      boolean near = true;
      for (int c = 0; c < 3; c++) {
        near &= Math.abs(img[c * side + i] - rgb[c]) < 0.15;
      }
      n += near ? 1 : 0;
    }
    return n;
  }

  @Test
  void invalidStatesAreRecognised() {
    int k = Palette.size();
    int[] loop = absent(k);
    loop[0] = 1;
    loop[1] = 0;
    assertThat(new BlocksState(loop).valid()).isFalse();
    int[] twoOnOne = absent(k);
    twoOnOne[0] = BlocksState.TABLE;
    twoOnOne[1] = 0;
    twoOnOne[2] = 0;
    assertThat(new BlocksState(twoOnOne).valid()).isFalse();
    int[] onAbsent = absent(k);
    onAbsent[0] = 3;
    assertThat(new BlocksState(onAbsent).valid()).isFalse();
    assertThatThrownBy(() -> GoalScenes.generate(5, 3, 9, 1))
        .hasMessageContaining("1 <= min <= max <= 7 blocks expected, got count=5 blocks=3..9");
  }

  static int[] absent(int k) {
    int[] u = new int[k];
    java.util.Arrays.fill(u, BlocksState.ABSENT);
    return u;
  }
}
