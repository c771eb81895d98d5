package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrialStoreTest {
  @TempDir Path dir;

  private static String sha(Path p) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  private Path studyWithTrials(String name, int n) {
    Path db = dir.resolve(name);
    NasBench201 table = NasBench201.load(null);
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "random", 0)) {
      s.optimize((c, ctx) -> Metrics.of(table.accuracy(c)), n, Study.TrialListener.NONE);
    }
    return db;
  }

  @Test
  void trialsSurviveReopening() {
    Path db = studyWithTrials("a.db", 12);
    try (TrialStore store = SqliteTrialStore.open(db)) {
      Study s = Study.load(store, "s");
      assertThat(s.trials()).hasSize(12).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(store.studies()).extracting(StudyInfo::name).containsExactly("s");
    }
  }

  @Test
  void pagedReadsGiveEveryTrialOnceInOrderAcrossPageBoundaries() {
    Path db = studyWithTrials("p.db", 23);
    try (TrialStore store = SqliteTrialStore.open(db)) {
      List<Trial> all = Study.load(store, "s").trials();
      for (int page : new int[] {1, 5, 23, 100}) {
        List<Trial> paged = new java.util.ArrayList<>();
        Study.lazy(store, "s").scanTrials(page, paged::add);
        assertThat(paged).as("page %d", page).isEqualTo(all);
      }
      List<Trial> seen = new java.util.ArrayList<>();
      Study.lazy(store, "s").scanTrials(5, t -> seen.add(t) && seen.size() < 7);
      assertThat(seen).as("stopped when the sink said so").isEqualTo(all.subList(0, 7));
      assertThat(store.trialsBetween(Study.lazy(store, "s").info().id(), 20, 40))
          .extracting(Trial::number)
          .containsExactly(20, 21, 22);
    }
  }

  @Test
  void corruptedOrTruncatedFilesFailClearlyAndAreLeftUntouched() throws Exception {
    Path db = studyWithTrials("b.db", 20);
    byte[] bytes = Files.readAllBytes(db);
    Random rng = new Random(1);
    Path garbage = dir.resolve("garbage.db");
    byte[] noise = new byte[8192];
    rng.nextBytes(noise);
    Files.write(garbage, noise);
    Path truncated = dir.resolve("truncated.db");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Path flipped = dir.resolve("flipped.db");
    byte[] f = bytes.clone();
    for (int i = 100; i < f.length; i += 97) {
      f[i] ^= (byte) 0x5a;
    }
    Files.write(flipped, f);
    for (Path p : List.of(garbage, truncated, flipped)) {
      String before = sha(p);
      assertThatThrownBy(
              () -> {
                try (TrialStore store = SqliteTrialStore.open(p)) {
                  Study.load(store, "s").trials();
                }
              })
          .as(p.toString())
          .isInstanceOf(SpecError.class)
          .hasMessageStartingWith(p.toString() + ":");
      assertThat(sha(p)).as(p + " unchanged").isEqualTo(before);
    }
  }

  @Test
  void aLargeFileIsCheckedWithoutReadingItWholeAndATruncatedOneIsStillRefused() throws Exception {
    Path db = studyWithTrials("big.db", 200);
    byte[] bytes = Files.readAllBytes(db);
    Path cut = dir.resolve("cut.db");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 4096)); // the last page gone
    System.setProperty("gyrus.sqlite.full_check_bytes", "0"); // every file counts as large
    try {
      try (TrialStore store = SqliteTrialStore.openReadOnly(db)) {
        assertThat(Study.load(store, "s").trials()).hasSize(200);
      }
      String before = sha(cut);
      for (java.util.function.Supplier<TrialStore> open :
          List.<java.util.function.Supplier<TrialStore>>of(
              () -> SqliteTrialStore.open(cut), () -> SqliteTrialStore.openReadOnly(cut))) {
        assertThatThrownBy(() -> open.get().close())
            .isInstanceOf(SpecError.class)
            .hasMessageStartingWith(cut + ":")
            .hasMessageFindingMatch("truncated|malformed");
      }
      assertThat(sha(cut)).isEqualTo(before);
    } finally {
      System.clearProperty("gyrus.sqlite.full_check_bytes");
    }
  }

  @Test
  void aForeignDatabaseOrADirectoryIsRefused() throws Exception {
    Path foreign = dir.resolve("foreign.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
        var st = c.createStatement()) {
      st.execute("CREATE TABLE people (name TEXT)");
    }
    assertThatThrownBy(() -> SqliteTrialStore.open(foreign))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("holds other tables");
    Files.createDirectories(dir.resolve("adir"));
    assertThatThrownBy(() -> SqliteTrialStore.open(dir.resolve("adir")))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("a database file");
  }

  @Test
  void anUnwritableLocationIsRefused() {
    assertThatThrownBy(() -> SqliteTrialStore.open(Path.of("/proc/gyrus/x.db")))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith("/proc/gyrus/x.db:");
  }

  @Test
  void uniqueCreationRefusesADuplicatePoint() {
    try (TrialStore store = SqliteTrialStore.open(dir.resolve("u.db"))) {
      StudyInfo info =
          store.createStudy(
              "u", List.of(Direction.MAXIMIZE), NasBench201.space(), new Value.StrVal("random"), 0);
      var dna = new org.gyrus.core.Space(NasBench201.space()).sample(new Random(0));
      var nt = new TrialStore.NewTrial(dna, null, 0, "v", "h", TrialState.RUNNING);
      assertThat(store.createTrial(info.id(), nt, 100, true)).isPresent();
      assertThat(store.createTrial(info.id(), nt, 100, true)).isEmpty();
      assertThat(store.createTrial(info.id(), nt, 100, false)).isPresent();
      assertThat(store.createTrial(info.id(), nt, 2, false)).isEmpty();
    }
  }
}
