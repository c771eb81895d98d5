package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyrus draw} and {@code gyrus study report} from the command line. */
class DrawReportCliTest {
  @TempDir Path dir;

  @Test
  void drawWritesSvgAndPngAndRejectsBadInput() throws Exception {
    Path svg = dir.resolve("m.svg");
    CliTest.Result r = CliTest.run("draw", "../examples/nb201-tpe.yaml", "-o", svg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(svg)).startsWith("<svg").contains("oneOf");
    Path png = dir.resolve("m.png");
    r = CliTest.run("draw", "../examples/nb201-tpe.yaml", "--sample", "4", "-o", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ImageIO.read(png.toFile()).getHeight()).isGreaterThan(200);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "_type: [unclosed\n");
    r = CliTest.run("draw", bad.toString(), "-o", dir.resolve("x.svg").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("bad.yaml");
  }

  @Test
  void reportWritesSelfContainedHtmlAndPlots() throws Exception {
    String db = "sqlite:" + dir.resolve("s.db");
    CliTest.Result r =
        CliTest.run("search", "../examples/nb201-tpe.yaml", "--storage", db, "--trials", "12");
    assertThat(r.code()).as(r.err()).isZero();
    Path out = dir.resolve("report");
    r =
        CliTest.run(
            "study", "report", "--storage", db, "--study", "nb201-tpe", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String f :
        new String[] {"history.png", "parallel.png", "importance.png", "best-architecture.png"}) {
      assertThat(ImageIO.read(out.resolve(f).toFile())).as(f).isNotNull();
    }
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).contains("data:image/png;base64,").contains("Best trial");
    assertThat(html).doesNotContain("src=\"http").doesNotContain("<script");
    // the best five architectures drawn, and decisions by label in the table
    assertThat(html).contains("Top 5 architectures");
    String top = html.substring(html.indexOf("<div id=\"top-diagrams\""));
    assertThat(top.split("<svg", -1)).hasSize(6);
    r = CliTest.run("study", "report", "--storage", db, "--study", "absent", "-o", out.toString());
    assertThat(r.code()).isEqualTo(2);
    r =
        CliTest.run(
            "study",
            "report",
            "--storage",
            "sqlite:" + dir.resolve("no.db"),
            "--study",
            "x",
            "-o",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void reportOnAStudyWithoutCompleteTrialsStillWrites() throws Exception {
    Path db = dir.resolve("f.db");
    try (var store = org.gyrus.search.store.TrialStores.open("sqlite:" + db);
        var s =
            org.gyrus.search.Study.open(
                store,
                "failing",
                org.gyrus.core.Value.Node.of("m", "k", org.gyrus.core.Values.oneOf(1, 2)),
                org.gyrus.search.Direction.MINIMIZE,
                "random",
                1)) {
      s.fail(s.ask(), "boom");
    }
    Path out = dir.resolve("r2");
    CliTest.Result r =
        CliTest.run(
            "study",
            "report",
            "--storage",
            "sqlite:" + db,
            "--study",
            "failing",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("index.html"))).contains("0 complete");
    assertThat(Files.exists(out.resolve("best-architecture.png"))).isFalse();
  }

  @Test
  void dashboardRejectsBadFlags() {
    assertThat(CliTest.run("dashboard", "--port", "70000").code()).isEqualTo(2);
    assertThat(CliTest.run("dashboard", "--host", "bad host!").code()).isEqualTo(2);
    assertThat(DashboardCommand.newToken()).hasSize(48).isNotEqualTo(DashboardCommand.newToken());
  }
}
