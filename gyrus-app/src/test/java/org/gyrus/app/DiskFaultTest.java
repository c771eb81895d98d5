package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's disk fills up, or turns read-only under a running worker (a small tmpfs, mounted
 * here; CI runs as root, elsewhere the test is skipped): the worker stops with one line, every
 * trial stored before is intact, nothing is left RUNNING, and the same command resumes once the
 * disk is back.
 */
class DiskFaultTest {
  @TempDir Path dir;
  private Path mount;

  private static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mount = Files.createDirectories(dir.resolve("disk"));
    Assumptions.assumeTrue(
        sh("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.toString()) == 0,
        "cannot mount a tmpfs here (not root): skipping the full-disk and read-only tests");
  }

  @AfterEach
  void unmount() throws Exception {
    sh("umount", mount.toString());
  }

  private static List<Trial> trials(Path db) {
    try (TrialStore store = TrialStores.openReadOnly("sqlite:" + db)) {
      return Study.load(store, "nb201-evolution").trials();
    }
  }

  private static void intact(List<Trial> ts) {
    assertThat(ts).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    assertThat(ts.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
    assertThat(ts.stream().map(t -> t.dna().toJson()).distinct().count()).isEqualTo(ts.size());
  }

  private static void oneLine(String err, String... parts) {
    assertThat(err.lines().filter(l -> l.startsWith("error: ")).toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(parts)
        .contains("intact");
    assertThat(err).doesNotContain("\tat ");
  }

  @Test
  void aFullDiskStopsTheSearchWithOneLineAndLosesNothing() throws Exception {
    Path db = mount.resolve("s.db");
    String url = "sqlite:" + db;
    Path exp = GyrusProcess.nb201Experiment(dir, 0);
    CliTest.Result full =
        CliTest.run("search", exp.toString(), "--storage", url, "--trials", "3000");
    assertThat(full.code()).as(full.err()).isEqualTo(1);
    oneLine(full.err(), "disk is full");
    List<Trial> before = trials(db);
    assertThat(before).isNotEmpty();
    intact(before);

    assertThat(sh("mount", "-o", "remount,size=8m", mount.toString())).isZero();
    int target = before.size() + 20;
    CliTest.Result resumed =
        CliTest.run("search", exp.toString(), "--storage", url, "--trials", "" + target);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    List<Trial> after = trials(db);
    assertThat(after).hasSize(target);
    intact(after);
    assertThat(after.subList(0, before.size())).isEqualTo(before);
  }

  @Test
  void aReadOnlyDiskIsReadButNeverWritten() throws Exception {
    assertThat(sh("mount", "-o", "remount,size=8m", mount.toString())).isZero();
    Path db = mount.resolve("s.db");
    String url = "sqlite:" + db;
    Path exp = GyrusProcess.nb201Experiment(dir, 0);
    assertThat(CliTest.run("search", exp.toString(), "--storage", url, "--trials", "12").code())
        .isZero();
    // the disk turns read-only (a remount needs no writer holding files open)
    assertThat(sh("mount", "-o", "remount,ro", mount.toString())).isZero();
    byte[] bytes = Files.readAllBytes(db);
    CliTest.Result write =
        CliTest.run("search", exp.toString(), "--storage", url, "--trials", "20");
    assertThat(write.code()).as(write.err()).isIn(1, 2);
    assertThat(write.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
    assertThat(write.err()).doesNotContain("\tat ");
    for (String[] read :
        List.of(
            new String[] {"study", "list", "--storage", url},
            new String[] {"study", "show", "--storage", url, "--study", "nb201-evolution"},
            new String[] {"study", "export", "--storage", url, "--study", "nb201-evolution"})) {
      CliTest.Result r = CliTest.run(read);
      assertThat(r.code()).as(String.join(" ", read) + ": " + r.err()).isZero();
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    intact(trials(db));

    assertThat(sh("mount", "-o", "remount,rw", mount.toString())).isZero();
    CliTest.Result resumed =
        CliTest.run("search", exp.toString(), "--storage", url, "--trials", "20");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(trials(db)).hasSize(20);
    intact(trials(db));
  }
}
