package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Units planted to detect a concept get that concept's label. */
class ConceptLabelerTest {
  private static final int S = Scenes.SIZE;
  private final Scenes.Scene[] scenes = Scenes.generate(300, 3);
  private final ConceptLabeler labeler = new ConceptLabeler(scenes, 0.85);

  /** A 1×1 convolution "red minus the other channels", at full resolution. */
  @Test
  void redDetectorIsLabelledRed() {
    float[][] maps = new float[scenes.length][S * S];
    for (int i = 0; i < scenes.length; i++) {
      float[] im = scenes[i].image();
      for (int p = 0; p < S * S; p++) {
        maps[i][p] = im[p] - 0.5f * (im[S * S + p] + im[2 * S * S + p]);
      }
    }
    assertThat(labeler.label(maps).name()).isEqualTo("red");
  }

  /** Units firing on a concept's mask (half resolution, noisy) are labelled with that concept. */
  @Test
  void plantedMaskUnitsGetTheirConcept() {
    SplittableRandom rng = new SplittableRandom(1);
    for (String concept : new String[] {"circle", "top-left", "striped", "blue", "cross"}) {
      int c = Scenes.CONCEPTS.indexOf(concept);
      int side = S / 2;
      float[][] maps = new float[scenes.length][side * side];
      for (int i = 0; i < scenes.length; i++) {
        for (int q = 0; q < side * side; q++) {
          int p = (q / side) * 2 * S + (q % side) * 2;
          boolean on = scenes[i].has(c) && scenes[i].object()[p];
          maps[i][q] = (on ? 1f : 0f) + (float) (0.3 * rng.nextDouble());
        }
      }
      ConceptLabeler.Label l = labeler.label(maps);
      assertThat(l.name()).as(concept).isEqualTo(concept);
      assertThat(l.iou()).as(concept).isGreaterThan(0.2);
      assertThat(l.mutualInformation()).as(concept).isGreaterThan(0.05);
    }
  }

  @Test
  void mutualInformationOfIndependentAndIdenticalMasks() {
    assertThat(ConceptLabeler.mutualInformation(new long[] {25, 25, 25, 25})).isEqualTo(0.0);
    assertThat(ConceptLabeler.mutualInformation(new long[] {50, 0, 0, 50})).isEqualTo(1.0);
  }

  @Test
  void aSilentUnitHasNoLabel() {
    assertThat(labeler.label(new float[scenes.length][S * S]).concept()).isEqualTo(-1);
  }
}
