package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnTrainsPerceptionCommandTest {
  @TempDir Path dir;

  private void rule(String name, String text) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("michalski-trains/example_rules"));
    Files.writeString(rules.resolve(name + "_rule.pl"), text);
  }

  @Test
  void printsOneResultPerSeedAndSkipsSeedsAlreadyInTheOutFile() throws Exception {
    rule("closed", "eastbound(T):- has_car(T,C), closed(C).\n");
    String out = dir.resolve("runs.jsonl").toString();
    String[] args = {
      "learn-trains-perception",
      "closed",
      "--data",
      dir.toString(),
      "--test",
      "40",
      "--rounds",
      "1",
      "--timeout",
      "3",
      "--labelled",
      "20",
      "--out",
      out
    };
    CliTest.Result r = CliTest.run(args);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"rule\": \"closed\", \"seed\": 1,")
        .contains("\"symbolic_program\": \"eastbound(A):- has_car(A,B), closed(B).\"")
        .contains("\"perception_before\"")
        .contains("\"neural_accuracy\"");
    assertThat(Files.readAllLines(Path.of(out))).hasSize(1);
    CliTest.Result again = CliTest.run(args);
    assertThat(again.out()).doesNotContain("\"rule\"");
    assertThat(again.err()).contains("already in");
  }

  @Test
  void aMissingRuleFileIsNamed() throws Exception {
    rule("closed", "eastbound(T):- has_car(T,C), closed(C).\n");
    CliTest.Result r = CliTest.run("learn-trains-perception", "nope", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope_rule.pl").contains("a rule file");
  }
}
