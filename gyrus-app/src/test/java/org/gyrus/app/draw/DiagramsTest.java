package org.gyrus.app.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Diagrams: every example and NB201 cell renders to well-formed SVG with the expected parts. */
class DiagramsTest {
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document d) {
    var nodes = d.getElementsByTagName("text");
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void everyExampleRendersAsSpaceAndAsSampledPoints() throws Exception {
    int files = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("../examples"), "*.yaml")) {
      for (Path p : ds) {
        files++;
        Value spec = SpecCodec.read(p);
        Document d = parse(Diagrams.svg(spec, ShapeAnnotator.NONE, p.toString()));
        assertThat(texts(d)).as(p.toString()).contains("input", "output");
        Value modelSpace = ((Value.Node) spec).arg("space");
        if (modelSpace != null && org.gyrus.core.Values.firstHyper(modelSpace, "space") != null) {
          assertThat(texts(d)).as(p.toString()).anyMatch(t -> t.contains("oneOf"));
        }
        // the experiment's space: its own, or the one its evaluator brings (synthetic functions)
        Value space = org.gyrus.search.Experiment.read(p).space();
        Space s = new Space(space);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 5; i++) {
          Value point = s.materialise(s.sample(rng));
          parse(Diagrams.svg(point, ShapeAnnotator.NONE, "point"));
          assertThat(Diagrams.image(point, ShapeAnnotator.NONE).getWidth()).isGreaterThan(100);
        }
      }
    }
    assertThat(files).isGreaterThanOrEqualTo(2);
  }

  @Test
  void kanQuadraticAndSpectralBlocksAreMarked() throws Exception {
    for (String name :
        new String[] {"kan.yaml", "quadratic.yaml", "fno-burgers.yaml", "karat-vit.yaml"}) {
      Path p = Path.of("../examples/blocks", name);
      Document d = parse(Diagrams.svg(SpecCodec.read(p), ShapeAnnotator.NONE, name));
      assertThat(texts(d))
          .as(name)
          .anyMatch(
              t ->
                  t.contains("φ(x) on every edge")
                      || t.contains("(x²)")
                      || t.contains("FFT")
                      || t.contains("Fourier-KAN"));
    }
  }

  @Test
  void nasBench201CellsDrawEveryOpEdgeAndDashNoneEdges() throws Exception {
    Space s = new Space(NasBench201.space());
    int checked = 0;
    List<Dna> all = s.enumerate();
    assertThat(all).hasSize(15625);
    for (int k = 0; k < all.size(); k += 97) {
      Dna dna = all.get(k);
      Value.Node cell = (Value.Node) s.materialise(dna);
      long ops = 0;
      long none = 0;
      for (Value e : cell.listArg("edges")) {
        String op = ((Value.Node) e).strArg("op", "");
        if (op.equals("none")) {
          none++;
        } else {
          ops++;
        }
      }
      Document d = parse(Diagrams.svg(cell, ShapeAnnotator.NONE, "cell"));
      List<String> t = texts(d);
      // One box per non-zero edge, one "none" note per zero edge, four node numbers.
      assertThat(
              t.stream()
                  .filter(
                      x ->
                          x.startsWith("nor_")
                              || x.equals("skip_connect")
                              || x.equals("avg_pool_3x3"))
                  .count())
          .isEqualTo(ops);
      assertThat(t.stream().filter(x -> x.equals("none")).count()).isEqualTo(none);
      assertThat(t).contains("0", "1", "2", "3");
      checked++;
    }
    assertThat(checked).isEqualTo(162);
  }

  @Test
  void repeatsFoldResidualsLoopParallelBranchesSitSideBySide() throws Exception {
    Value.Node conv = Value.Node.of("conv2d", "filters", 16, "kernel", 3);
    Value spec =
        Value.Node.of(
            "sequential",
            "layers",
            List.of(
                conv,
                conv,
                conv,
                Value.Node.of("residual", "body", List.of(Value.Node.of("dense", "units", 8))),
                Value.Node.of(
                    "concat",
                    "branches",
                    List.of(Value.Node.of("relu"), Value.Node.of("tanh"), Value.Node.of("gelu"))),
                Value.Node.of("repeat", "count", 4, "body", Value.Node.of("block", "width", 2)),
                Values.repeat(Value.Node.of("dense", "units", 4), Values.oneOf(1, 2))));
    String svg = Diagrams.svg(spec, ShapeAnnotator.NONE, "t");
    List<String> t = texts(parse(svg));
    assertThat(t).contains("×3", "+", "concat", "×4", "relu", "tanh", "gelu");
    assertThat(t.stream().filter(x -> x.equals("conv2d")).count()).isEqualTo(1);
    assertThat(t).contains("×oneOf(1|2)");
    assertThat(svg).contains("stroke=\"#b03030\""); // the residual's skip wire
  }

  @Test
  void annotatorLabelsWiresAndTextIsEscaped() throws Exception {
    Value spec =
        Value.Node.of(
            "sequential",
            "layers",
            List.of(
                Value.Node.of("<script>alert(1)</script>"), Value.Node.of("dense", "units", 8)));
    ShapeAnnotator shapes =
        (path, node) -> Optional.of(path.isEmpty() ? "[B, 8] out" : "[B, 32] @" + path);
    String svg = Diagrams.svg(spec, shapes, "t");
    List<String> t = texts(parse(svg));
    assertThat(t).contains("[B, 32] @layers[0]", "[B, 8] out", "<script>alert(1)</script>");
    assertThat(svg).doesNotContain("<script>");
    assertThat(texts(parse(Diagrams.svg(spec, ShapeAnnotator.NONE, "t"))))
        .noneMatch(x -> x.startsWith("[B"));
  }
}
