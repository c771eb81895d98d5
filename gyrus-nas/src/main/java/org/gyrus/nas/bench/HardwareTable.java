package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nas.Accelerator;
import org.gyrus.nas.AcceleratorModel;
import org.gyrus.nas.Nb201Macro;
import org.gyrus.nas.Network;
import org.gyrus.search.bench.NasBench201;

/**
 * Every co-search design's objectives in closed form, written once for both sides of the bench: per
 * cell its table accuracy and its counts of 1x1 and 3x3 convolutions; per accelerator its area and
 * the cycles and energy of the bare network (all edges none) plus those one 1x1 or one 3x3 edge
 * adds. The model is additive over layers, so a design's latency is (base + n1 c1 + n3 c3) cycles /
 * clock and its energy likewise, computed in the same order on both sides.
 */
public final class HardwareTable {
  /** One cell: NB201 architecture string, accuracy, convolution counts, MACs and weights (M). */
  public record Cell(String arch, double accuracy, int n1, int n3, double macsM, double weightsM) {}

  /** One accelerator and its per-network terms. */
  public record Hw(
      Accelerator accelerator,
      double area,
      long baseCycles,
      long c1Cycles,
      long c3Cycles,
      double baseUj,
      double c1Uj,
      double c3Uj) {}

  private final List<Cell> cells;
  private final List<Hw> hardware;
  private final double frequencyMhz;
  private final Map<String, Integer> cellIndex = new HashMap<>();
  private final Map<Accelerator, Integer> hwIndex = new HashMap<>();

  public HardwareTable(List<Cell> cells, List<Hw> hardware, double frequencyMhz) {
    this.cells = List.copyOf(cells);
    this.hardware = List.copyOf(hardware);
    this.frequencyMhz = frequencyMhz;
    for (int i = 0; i < this.cells.size(); i++) {
      cellIndex.put(this.cells.get(i).arch(), i);
    }
    for (int i = 0; i < this.hardware.size(); i++) {
      hwIndex.put(this.hardware.get(i).accelerator(), i);
    }
  }

  public List<Cell> cells() {
    return cells;
  }

  public List<Hw> hardware() {
    return hardware;
  }

  /** Computes the table of every NB201 cell from the NB201 table and the accelerator model. */
  public static HardwareTable build(NasBench201 nb, AcceleratorModel model) {
    List<Value> all = new ArrayList<>();
    Space space = new Space(NasBench201.space());
    space.enumerate(dna -> all.add(space.materialise(dna)));
    return build(nb, model, all);
  }

  /** The table of some cells (concrete cell nodes). */
  public static HardwareTable build(NasBench201 nb, AcceleratorModel model, List<Value> of) {
    List<Cell> cells = new ArrayList<>();
    for (Value cell : of) {
      List<String> ops = Nb201Macro.ops(cell);
      Network n = Nb201Macro.of(cell);
      cells.add(
          new Cell(
              NasBench201.archString(cell),
              nb.accuracy(cell),
              (int) ops.stream().filter("nor_conv_1x1"::equals).count(),
              (int) ops.stream().filter("nor_conv_3x3"::equals).count(),
              n.macs() / 1e6,
              n.weights() / 1e6));
    }
    Network bare = Nb201Macro.of(oneEdge("none"));
    Network one1 = Nb201Macro.of(oneEdge("nor_conv_1x1"));
    Network one3 = Nb201Macro.of(oneEdge("nor_conv_3x3"));
    List<Hw> hw = new ArrayList<>();
    for (Accelerator a : Accelerator.all()) {
      Map<String, Double> b = model.costs(bare, a.toValue());
      Map<String, Double> x1 = model.costs(one1, a.toValue());
      Map<String, Double> x3 = model.costs(one3, a.toValue());
      hw.add(
          new Hw(
              a,
              b.get("area_mm2"),
              b.get("cycles").longValue(),
              x1.get("cycles").longValue() - b.get("cycles").longValue(),
              x3.get("cycles").longValue() - b.get("cycles").longValue(),
              b.get("energy_uj"),
              x1.get("energy_uj") - b.get("energy_uj"),
              x3.get("energy_uj") - b.get("energy_uj")));
    }
    return new HardwareTable(cells, hw, model.frequencyMhz());
  }

  private static Value oneEdge(String op) {
    List<Value> edges = new ArrayList<>();
    for (int i = 0; i < NasBench201.EDGES.length; i++) {
      int[] e = NasBench201.EDGES[i];
      edges.add(Value.Node.of("edge", "from", e[1], "to", e[0], "op", i == 0 ? op : "none"));
    }
    return Value.Node.of("cell", "nodes", 4, "edges", edges);
  }

  /** Accuracy, latency (ms), energy (uJ) and area (mm²) of a design, by the closed form. */
  public double[] objectives(int cell, int hw) {
    Cell c = cells.get(cell);
    Hw h = hardware.get(hw);
    long cycles = h.baseCycles() + c.n1() * h.c1Cycles() + c.n3() * h.c3Cycles();
    double energy = h.baseUj() + c.n1() * h.c1Uj() + c.n3() * h.c3Uj();
    return new double[] {c.accuracy(), cycles / (frequencyMhz * 1e3), energy, h.area()};
  }

  /** The same for a concrete {@code codesign} node. */
  public double[] objectives(Value design) {
    Value.Node n = (Value.Node) design;
    Integer c = cellIndex.get(NasBench201.archString(n.arg("cell")));
    Integer h = hwIndex.get(Accelerator.from(n.arg("accelerator"), "accelerator"));
    if (c == null || h == null) {
      throw new SpecError("", "a design of the table", String.valueOf(design));
    }
    return objectives(c, h);
  }

  public void write(Path file, Map<String, Double> specs, Map<String, Double> meta)
      throws IOException {
    ObjectNode root = SpecCodec.json().createObjectNode();
    root.put("frequency_mhz", frequencyMhz);
    ObjectNode s = root.putObject("specs");
    specs.forEach(s::put);
    ObjectNode m = root.putObject("meta");
    meta.forEach(m::put);
    root.putPOJO("ops", NasBench201.OPS);
    ArrayNode cs = root.putArray("cells");
    for (Cell c : cells) {
      cs.addArray()
          .add(c.arch())
          .add(c.accuracy())
          .add(c.n1())
          .add(c.n3())
          .add(c.macsM())
          .add(c.weightsM());
    }
    ArrayNode hs = root.putArray("accelerators");
    for (Hw h : hardware) {
      Accelerator a = h.accelerator();
      hs.addArray()
          .add(a.rows())
          .add(a.cols())
          .add(a.bufferKb())
          .add(a.bandwidth())
          .add(a.dataflow().name().toLowerCase(java.util.Locale.ROOT))
          .add(h.area())
          .add(h.baseCycles())
          .add(h.c1Cycles())
          .add(h.c3Cycles())
          .add(h.baseUj())
          .add(h.c1Uj())
          .add(h.c3Uj());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, root.toString());
  }

  /** Reads a table {@link #write} wrote (what the bench's Gyrus side searches). */
  public static HardwareTable read(Path file) throws IOException {
    JsonNode root = SpecCodec.json().readTree(file.toFile());
    List<Cell> cells = new ArrayList<>();
    for (JsonNode c : root.get("cells")) {
      cells.add(
          new Cell(
              c.get(0).asText(),
              c.get(1).asDouble(),
              c.get(2).asInt(),
              c.get(3).asInt(),
              c.get(4).asDouble(),
              c.get(5).asDouble()));
    }
    List<Hw> hw = new ArrayList<>();
    for (JsonNode h : root.get("accelerators")) {
      Accelerator a =
          Accelerator.from(
              Value.Node.of(
                  "accelerator",
                  "pe_rows",
                  h.get(0).asInt(),
                  "pe_cols",
                  h.get(1).asInt(),
                  "buffer_kb",
                  h.get(2).asInt(),
                  "bandwidth",
                  h.get(3).asInt(),
                  "dataflow",
                  h.get(4).asText()),
              file.toString());
      hw.add(
          new Hw(
              a,
              h.get(5).asDouble(),
              h.get(6).asLong(),
              h.get(7).asLong(),
              h.get(8).asLong(),
              h.get(9).asDouble(),
              h.get(10).asDouble(),
              h.get(11).asDouble()));
    }
    return new HardwareTable(cells, hw, root.get("frequency_mhz").asDouble());
  }
}
