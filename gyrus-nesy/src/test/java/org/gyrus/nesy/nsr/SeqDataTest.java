package org.gyrus.nesy.nsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeqDataTest {
  @TempDir Path dir;

  @Test
  void readsInOutLinesAndAlignedFiles() throws Exception {
    Path f = Files.writeString(dir.resolve("t.txt"), "IN: jump twice OUT: J J\n\nIN: a OUT:\n");
    List<SeqPair> p = SeqData.readInOut(f);
    assertThat(p).hasSize(2);
    assertThat(p.get(0).input()).containsExactly("jump", "twice");
    assertThat(p.get(0).output()).containsExactly("J", "J");
    assertThat(p.get(1).output()).isEmpty();
    Path s = Files.writeString(dir.resolve("a.src"), "one plus two\nthree\n");
    Path t = Files.writeString(dir.resolve("a.tgt"), "1 2 +\n3\n");
    assertThat(SeqData.readAligned(s, t))
        .extracting(SeqPair::output)
        .containsExactly(List.of("1", "2", "+"), List.of("3"));
  }

  @Test
  void badInputNamesTheFileAndLine() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.txt"), "IN: jump OUT: J\nIN jump OUT: J\n");
    assertThatThrownBy(() -> SeqData.readInOut(f))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(f + ":2")
        .hasMessageContaining("expected 'IN:");
    Path e = Files.writeString(dir.resolve("empty.txt"), "IN: OUT: J\n");
    assertThatThrownBy(() -> SeqData.readInOut(e)).hasMessageContaining(e + ":1: empty input");
    Path s = Files.writeString(dir.resolve("b.src"), "a\nb\n");
    Path t = Files.writeString(dir.resolve("b.tgt"), "A\n");
    assertThatThrownBy(() -> SeqData.readAligned(s, t))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("has 2 lines but")
        .hasMessageContaining("line-aligned");
    assertThatThrownBy(() -> SeqData.readInOut(dir.resolve("missing.txt")))
        .hasMessageContaining("missing.txt: no such file");
  }

  @Test
  void contradictoryExamplesAreRefusedWithTheirSource() throws Exception {
    Path f = Files.writeString(dir.resolve("c.txt"), "IN: a OUT: A\nIN: a OUT: B\n");
    List<SeqPair> p = SeqData.readInOut(f);
    assertThatThrownBy(() -> new NsrLearner(NsrLearner.Config.defaults()).train(p, 0))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(f + ":")
        .hasMessageContaining("different output");
  }
}
