package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

/**
 * What crosses the store interface is what a SQL store reads into memory: on a large study the
 * commands that need one trial, or a sample, read that many however large the study is, and a
 * history kept up to date by increments equals one read whole.
 */
class BoundedReadsTest {
  private static final Value SPACE =
      Value.Node.of("m", "x", Values.floatRange(0, 1, false), "y", Values.floatRange(0, 1, false));

  /** A view of {@code store} that counts every trial its methods hand out. */
  static TrialStore counting(TrialStore store, AtomicLong read) {
    return (TrialStore)
        Proxy.newProxyInstance(
            TrialStore.class.getClassLoader(),
            new Class<?>[] {TrialStore.class},
            (proxy, m, args) -> {
              Object r;
              try {
                r = m.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (r instanceof List<?> l) {
                read.addAndGet(l.stream().filter(Trial.class::isInstance).count());
              } else if (r instanceof Optional<?> o && o.orElse(null) instanceof Trial) {
                read.incrementAndGet();
              }
              return r;
            });
  }

  private static void fill(TrialStore store, int n) {
    StudyInfo info =
        store.createStudy("big", List.of(Direction.MINIMIZE), SPACE, new Value.StrVal("tpe"), 5);
    Space space = new Space(SPACE);
    Random rng = new Random(1);
    for (int i = 0; i < n; i++) {
      var nt = new TrialStore.NewTrial(space.sample(rng), null, i, "v", "h", TrialState.RUNNING);
      Trial t = store.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
      store.finish(t.id(), TrialState.COMPLETE, List.of(rng.nextDouble()), null, Instant.now());
    }
  }

  @Test
  void bestReadsOneTrialShowsHeadReadsOnePageAndTpeAsksReadASampleThenOnlyWhatChanged() {
    MemoryTrialStore store = new MemoryTrialStore();
    fill(store, 3000);
    AtomicLong read = new AtomicLong();
    TrialStore counted = counting(store, read);
    Trial best = Study.lazy(counted, "big").storedBest().orElseThrow();
    assertThat(read.get()).as("study best").isEqualTo(1);
    long id = store.study("big").orElseThrow().id();
    assertThat(best.value())
        .isEqualTo(store.trials(id).stream().mapToDouble(Trial::value).min().orElseThrow());
    read.set(0);
    List<Trial> head = new java.util.ArrayList<>();
    Study.lazy(counted, "big").scanTrials(5000, t -> head.add(t) && head.size() < 20);
    assertThat(head).extracting(Trial::number).startsWith(0, 1, 2).hasSize(20);
    assertThat(read.get()).as("`study show | head -20`").isLessThanOrEqualTo(64);
    read.set(0);
    System.setProperty("gyrus.history.bound", "1000");
    try (Study s = Study.lazy(counted, "big")) {
      s.refresh();
      long sample = read.get();
      assertThat(sample).as("the first look reads a sample").isLessThanOrEqualTo(100 + 256 + 256);
      for (int i = 0; i < 20; i++) {
        Trial t = s.ask(Integer.MAX_VALUE).orElseThrow();
        s.tell(t, 0.5);
      }
      // each ask reads what changed since the last look (its own tell), each tell its trial back
      assertThat(read.get() - sample).as("20 asks and tells").isLessThanOrEqualTo(3 * 20);
    } finally {
      System.clearProperty("gyrus.history.bound");
    }
  }

  /**
   * TPE's next points over a study read whole and over one read as a sample, for a study the sample
   * covers (400 trials: the 256 newest and one per block of the 144 older): the same points, ask
   * after ask, for the same seed.
   */
  @Test
  void aSampledStartTheSampleCoversGivesTpeTheSamePointsAsAWholeRead() {
    MemoryTrialStore whole = new MemoryTrialStore();
    MemoryTrialStore sampled = new MemoryTrialStore();
    fill(whole, 400);
    fill(sampled, 400);
    List<String> wholeCalls = new java.util.ArrayList<>();
    List<Dna> fromWhole = tpePoints(recording(whole, wholeCalls), 12);
    List<String> sampledCalls = new java.util.ArrayList<>();
    System.setProperty("gyrus.history.bound", "100"); // 400 trials: over the bound, sampled
    List<Dna> fromSample;
    try {
      fromSample = tpePoints(recording(sampled, sampledCalls), 12);
    } finally {
      System.clearProperty("gyrus.history.bound");
    }
    // each took its own path: the sample asks the index for the best trials, the whole read not
    assertThat(sampledCalls).contains("bestNumbers", "trialsByNumber");
    assertThat(wholeCalls).doesNotContain("bestNumbers", "trialsByNumber");
    assertThat(fromSample).hasSize(12).isEqualTo(fromWhole);
    assertThat(fromWhole.stream().distinct()).as("TPE moved on each ask").hasSize(12);
  }

  /** The points of {@code n} asks (each told a value of the point) of a fresh look at "big". */
  private static List<Dna> tpePoints(TrialStore store, int n) {
    List<Dna> out = new java.util.ArrayList<>();
    try (Study s = Study.lazy(store, "big")) {
      for (int i = 0; i < n; i++) {
        Trial t = s.ask(Integer.MAX_VALUE).orElseThrow();
        out.add(t.dna());
        s.tell(t, t.dna().values().values().stream().mapToDouble(Number::doubleValue).sum());
      }
    }
    return out;
  }

  /** A view of {@code store} that records the name of each method called. */
  private static TrialStore recording(TrialStore store, List<String> calls) {
    return (TrialStore)
        Proxy.newProxyInstance(
            TrialStore.class.getClassLoader(),
            new Class<?>[] {TrialStore.class},
            (proxy, m, args) -> {
              calls.add(m.getName());
              try {
                return m.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void twoWorkersIncrementalHistoriesEqualAFullReload() {
    MemoryTrialStore store = new MemoryTrialStore();
    fill(store, 30);
    try (Study a = Study.lazy(store, "big");
        Study b = Study.lazy(store, "big")) {
      for (int i = 0; i < 40; i++) {
        Study s = i % 3 == 0 ? b : a;
        Trial t = s.ask(Integer.MAX_VALUE).orElseThrow();
        if (i % 7 == 0) {
          s.fail(t, "x");
        } else {
          s.tell(t, i / 40.0);
        }
        for (Study w : List.of(a, b)) {
          History full = History.of(List.of(Direction.MINIMIZE), store.trials(w.info().id()));
          History inc = w.refresh();
          assertThat(inc.trials().stream().filter(Objects::nonNull).toList())
              .isEqualTo(full.trials());
          assertThat(inc.completed()).isEqualTo(full.completed());
          assertThat(inc.liveCount()).isEqualTo(full.liveCount());
        }
      }
    }
  }
}
