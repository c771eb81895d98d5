package org.gyrus.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Test;

class TrainExamplesTest {
  @Test
  void trainExamplesCutsOnlyTheTrainingSplitToItsFirstExamples() {
    DataSplits all = Datasets.embeddedDemo(0);
    DataSplits cut = TrainEvaluatorFactory.withTrainExamples(all, 500);
    assertThat(all.train().size()).isGreaterThan(500);
    assertThat(cut.train().size()).isEqualTo(500);
    assertThat(cut.train().y()).containsExactly(java.util.Arrays.copyOf(all.train().y(), 500));
    assertThat(cut.validation()).isSameAs(all.validation());
    assertThat(cut.test()).isSameAs(all.test());
    assertThat(TrainEvaluatorFactory.withTrainExamples(all, 0)).isSameAs(all);
    assertThat(TrainEvaluatorFactory.withTrainExamples(all, all.train().size() + 1)).isSameAs(all);
  }
}
