package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

/** Beyond its limits the study JSON keeps the best trials and says how many it left out. */
class StudyDataSamplingTest {
  @Test
  @SuppressWarnings("unchecked")
  void aLargeStudySendsTheBestAndAnEvenSampleAndSaysSo() {
    Value space = Value.Node.of("m", "x", Values.intRange(0, 1000), "c", Values.oneOf("a", "b"));
    StudyData data;
    try (Study s =
        Study.open(
            new MemoryTrialStore(),
            "big",
            space,
            List.of(Direction.MINIMIZE),
            new Value.StrVal("random"),
            3,
            Study.Options.DEFAULT)) {
      for (int i = 0; i < 120; i++) {
        Trial t = s.ask();
        s.tell(t, Math.abs(t.dna().get("x").doubleValue() - 500));
      }
      data = StudyData.of(s.info(), s.trials(), 1);
    }
    Map<String, Object> doc = data.toJson(40);
    List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("trials");
    assertThat(rows).hasSize(40);
    assertThat(doc.get("sampled")).isEqualTo(Map.of("shown", 40, "total", 120));
    // the best fifth is all there (minimising)
    List<Integer> best8 =
        data.complete().stream()
            .sorted(Comparator.comparingDouble(Trial::value))
            .limit(8)
            .map(Trial::number)
            .toList();
    assertThat(rows.stream().map(r -> (Integer) r.get("number")).toList()).containsAll(best8);
    // the best-so-far steps: only improvements and the last, each naming its holder
    List<double[]> steps = (List<double[]>) doc.get("best");
    assertThat(steps.get(steps.size() - 1)[0]).isEqualTo(119);
    assertThat((int) steps.get(steps.size() - 1)[2]).isEqualTo(best8.get(0));
    for (int i = 1; i < steps.size() - 1; i++) {
      assertThat(steps.get(i)[1]).isLessThan(steps.get(i - 1)[1]);
    }
    assertThat(doc.get("importanceFrom")).isEqualTo(120);
    assertThat(StudyData.evenSample(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 5))
        .containsExactly(0, 2, 4, 6, 8);
  }

  /** Past MAX_SENT trials the store is read as a sample, and the counts still cover everything. */
  @Test
  void aStudyLargerThanThePageIsReadAsASampleWithWholeStudyCounts() {
    MemoryTrialStore store = new MemoryTrialStore();
    Value space = Value.Node.of("m", "x", Values.intRange(0, 100000));
    StudyInfo info =
        store.createStudy(
            "huge", List.of(Direction.MAXIMIZE), space, new Value.StrVal("random"), 1);
    org.gyrus.core.Space sp = new org.gyrus.core.Space(space);
    java.util.Random rng = new java.util.Random(2);
    int n = StudyData.MAX_SENT + 1000;
    for (int i = 0; i < n; i++) {
      var nt = new TrialStore.NewTrial(sp.sample(rng), null, i, "v", "h", TrialState.RUNNING);
      Trial t = store.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
      boolean fail = i % 50 == 0;
      store.finish(
          t.id(),
          fail ? TrialState.FAIL : TrialState.COMPLETE,
          fail ? List.of() : List.of(t.dna().get("x").doubleValue()),
          null,
          java.time.Instant.now());
    }
    java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
    StudyData data = StudyData.load(counting(store, read), info);
    assertThat(data.trials()).hasSizeLessThanOrEqualTo(StudyData.SAMPLE_SENT);
    assertThat(read.get()).as("trials read for the page").isEqualTo(data.trials().size());
    assertThat(data.total()).isEqualTo(n);
    assertThat(data.completeTotal()).isEqualTo(n - n / 50);
    Trial best =
        store.trials(info.id()).stream()
            .filter(t -> t.state() == TrialState.COMPLETE)
            .max(Comparator.comparingDouble(Trial::value))
            .orElseThrow();
    assertThat(data.trials()).contains(best);
    Map<String, Object> doc = data.toJson();
    assertThat(doc.get("sampled")).isEqualTo(Map.of("shown", data.trials().size(), "total", n));
    assertThat(doc.get("complete")).isEqualTo(n - n / 50);
  }

  /** A view of {@code store} that counts every trial its methods hand out. */
  private static TrialStore counting(
      TrialStore store, java.util.concurrent.atomic.AtomicLong read) {
    return (TrialStore)
        java.lang.reflect.Proxy.newProxyInstance(
            TrialStore.class.getClassLoader(),
            new Class<?>[] {TrialStore.class},
            (proxy, m, args) -> {
              Object r;
              try {
                r = m.invoke(store, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
              if (r instanceof List<?> l) {
                read.addAndGet(l.stream().filter(Trial.class::isInstance).count());
              }
              return r;
            });
  }
}
