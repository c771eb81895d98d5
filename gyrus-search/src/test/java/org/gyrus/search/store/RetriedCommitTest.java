package org.gyrus.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A COMMIT that reached the database but whose answer was lost (the connection dropped right after
 * it) is retried; creating a trial must still leave exactly one trial, the one returned.
 */
class RetriedCommitTest {
  @TempDir Path dir;

  @Test
  void aCreateWhoseCommitLandedIsNotRepeatedByItsRetry() {
    try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("r.db"))) {
      StudyInfo info =
          store.createStudy(
              "r", List.of(Direction.MAXIMIZE), NasBench201.space(), new Value.StrVal("random"), 0);
      Random rng = new Random(0);
      Space space = new Space(NasBench201.space());
      AtomicInteger lost = new AtomicInteger();
      store.afterCommit =
          () -> {
            if (lost.getAndIncrement() % 2 == 0) { // every other COMMIT's answer is lost
              throw new SQLException("An I/O error occurred while sending to the backend", "08006");
            }
            return null;
          };
      for (int i = 0; i < 10; i++) {
        var nt = new TrialStore.NewTrial(space.sample(rng), null, i, "v", "h", TrialState.RUNNING);
        Trial t = store.createTrial(info.id(), nt, 100, false).orElseThrow();
        assertThat(t.number()).isEqualTo(i);
        assertThat(t.dna()).isEqualTo(nt.dna());
      }
      assertThat(lost.get()).as("faults injected").isGreaterThanOrEqualTo(10);
      store.afterCommit = () -> null;
      List<Trial> all = store.trialsChangedSince(info.id(), -1);
      assertThat(all).hasSize(10);
      assertThat(all.stream().map(Trial::number).toList())
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
  }
}
