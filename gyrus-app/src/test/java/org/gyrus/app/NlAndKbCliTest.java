package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyrus prove --nl} and {@code gyrus kb}: answers, scores and bad input (exit 2). */
class NlAndKbCliTest {
  @TempDir Path dir;

  @Test
  void proveNlAnswersEveryLineAndReportsUnreadSentences() throws Exception {
    Path f = dir.resolve("p.jsonl");
    Files.writeString(
        f,
        "{\"context\": \"Every zorp is a blick. Alex is a zorp.\", \"question\": \"Alex is a"
            + " blick.\", \"answer\": \"A\"}\n"
            + "{\"context\": [\"Most zorps are blicks.\", \"Alex is a zorp.\"],"
            + " \"question\": \"Alex is a blick.\", \"label\": \"Uncertain\"}\n");
    CliTest.Result r = CliTest.run("prove", "--nl", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("1\tTrue\tgold True").contains("2\tUnknown\tgold Unknown");
    assertThat(r.out()).contains("fully parsed 1 (50.00%)").contains("accuracy 2/2");
    assertThat(r.err()).contains("p.jsonl:2: sentence 1: not read").contains("word 1");
  }

  @Test
  void proveNlBadLineExitsTwoNamingTheLine() throws Exception {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "{\"context\": \"A.\", \"question\": \"B.\"}\n{\"context\": 3}\n");
    CliTest.Result r = CliTest.run("prove", "--nl", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.jsonl:2");
  }

  @Test
  void kbLearnPrintsRulesAndRejectsBadLines() throws Exception {
    StringBuilder kb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      kb.append("p").append(i).append("\tbornIn\tc").append(i).append('\n');
      kb.append("c").append(i).append("\tcityOf\tn").append(i % 2).append('\n');
      if (i < 5) {
        kb.append("p").append(i).append("\tnationality\tn").append(i % 2).append('\n');
      }
    }
    Path f = dir.resolve("kb.tsv");
    Files.writeString(f, kb.toString());
    CliTest.Result r = CliTest.run("kb", "learn", f.toString(), "--target", "nationality");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("nationality(X, Y) :- bornIn(X, A), cityOf(A, Y).")
        .contains("confidence 0.833");
    CliTest.Result unknown = CliTest.run("kb", "learn", f.toString(), "--target", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--target").contains("nope");
    Files.writeString(f, "a\tr\tb\nc d e\n");
    CliTest.Result bad = CliTest.run("kb", "learn", f.toString(), "--target", "r");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("kb.tsv:2");
  }
}
