package org.gyrus.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.nas.Accelerator.Dataflow;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;

/** The analytic accelerator model against cases worked out by hand (numbers in the comments). */
class AcceleratorModelTest {
  private final AcceleratorModel model = new AcceleratorModel(500);
  // 3x3 conv, 16 -> 32 channels on an 8x8 map: 294,912 MACs; weights 4,608 B, input 1,024 B,
  // output 2,048 B: 7,680 B in all, which fits a 32 KB buffer.
  private final Layer small = new Layer("small", 16, 32, 3, 1, 8, 8);

  @Test
  void weightStationaryLayerByHand() {
    Accelerator a = new Accelerator(8, 16, 32, 8, Dataflow.WS);
    AcceleratorModel.LayerCost c = model.layer(small, a);
    // ceil(16/8) row groups x ceil(32/16) column groups x 9 taps x 64 pixels
    assertThat(c.computeCycles()).isEqualTo(2 * 2 * 9 * 64);
    assertThat(c.dramBytes()).isEqualTo(7680); // everything once
    assertThat(c.cycles()).isEqualTo(2304); // compute-bound: 7,680 / 8 = 960 memory cycles
    // weights once + 64 px * 9 taps * 16 ch * 2 column groups + psums 2,048 * (2*2 - 1)
    assertThat(c.bufferBytes()).isEqualTo(4608 + 18432 + 6144);
    // 294,912 * 0.2 + 29,184 * (1.2 * sqrt(32/128) = 0.6) + 7,680 * 40 pJ
    assertThat(c.energyPj()).isCloseTo(58982.4 + 17510.4 + 307200, within(1e-6));
  }

  @Test
  void outputStationaryLayerByHand() {
    Accelerator a = new Accelerator(8, 16, 32, 8, Dataflow.OS);
    AcceleratorModel.LayerCost c = model.layer(small, a);
    // one 8x16 spatial tile covers the 8x8 output: 1 x 32 out x 16 in x 9 taps
    assertThat(c.computeCycles()).isEqualTo(4608);
    // weights broadcast once per tile + input once per output channel + outputs once
    assertThat(c.bufferBytes()).isEqualTo(4608 + 1024 * 32 + 2048);
  }

  @Test
  void tilingWhenTheBufferIsTooSmall() {
    // 3x3, 64 -> 64 on 8x8: weights 36,864 + input 4,096 + output 4,096 = 45,056 B > 32 KB
    Layer big = new Layer("big", 64, 64, 3, 1, 8, 8);
    Accelerator ws = new Accelerator(8, 16, 32, 8, Dataflow.WS);
    // WS: weights in ceil(36,864 / 16,384) = 3 tiles, the input streamed once per tile
    assertThat(model.layer(big, ws).dramBytes()).isEqualTo(36864 + 3 * 4096 + 4096);
    Accelerator os = new Accelerator(8, 16, 32, 8, Dataflow.OS);
    // OS: the 4,096 B of outputs fit one half-buffer tile: each operand once
    assertThat(model.layer(big, os).dramBytes()).isEqualTo(45056);
    // with an 8 KB buffer (4 KB halves): still one output tile, 3 weight tiles for WS -> 9
    Accelerator tiny = new Accelerator(8, 16, 8, 8, Dataflow.WS);
    assertThat(model.layer(big, tiny).dramBytes()).isEqualTo(36864 + 9 * 4096 + 4096);
  }

  @Test
  void memoryBoundLayerTakesTheTransferTime() {
    // 1x1, 8 -> 8 on 32x32 on a 32x32 WS array: 1 x 1 x 1 x 1,024 px = 1,024 compute cycles,
    // but 64 + 8,192 + 8,192 = 16,448 B at 8 B/cycle = 2,056 cycles
    Layer l = new Layer("pw", 8, 8, 1, 1, 32, 32);
    AcceleratorModel.LayerCost c = model.layer(l, new Accelerator(32, 32, 32, 8, Dataflow.WS));
    assertThat(c.computeCycles()).isEqualTo(1024);
    assertThat(c.cycles()).isEqualTo(2056);
  }

  @Test
  void areaAndNetworkTotals() {
    Accelerator a = new Accelerator(8, 16, 32, 8, Dataflow.WS);
    // 128 PEs * 0.005 + 32 KB * 0.005 + 8 B/cycle * 0.05 + 0.5
    assertThat(AcceleratorModel.areaMm2(a)).isCloseTo(0.64 + 0.16 + 0.4 + 0.5, within(1e-12));
    Network two =
        new Network(
            "two", new Value.ListVal(List.of()), new long[] {16, 8, 8}, 10, List.of(small, small));
    Map<String, Double> c = model.costs(two, a.toValue());
    assertThat(c.get("cycles")).isEqualTo(2 * 2304.0);
    assertThat(c.get("latency_ms")).isCloseTo(2 * 2304 / 500e3, within(1e-12)); // 500 MHz
    assertThat(c.get("energy_uj")).isCloseTo(2 * 383692.8 / 1e6, within(1e-9));
  }

  @Test
  void nb201NetworkMatchesTheBenchmarksFlopsAndParameters() {
    Value.Node cell = NasBench201.space();
    Value all3x3 = cellOf("nor_conv_3x3");
    // NAS-Bench-201 lists 220.11 M multiply-adds and 1.53 M parameters for the all-3x3 cell
    Network n = Nb201Macro.of(all3x3);
    assertThat(n.macs() / 1e6).isCloseTo(220.11, within(0.01));
    assertThat(n.weights() / 1e6).isCloseTo(1.53, within(0.01));
    // the all-skip cell leaves only stem, reductions and classifier: 0.44 + 2 x 3.67 M
    assertThat(Nb201Macro.of(cellOf("skip_connect")).macs()).isEqualTo(7_783_040L);
    assertThat(cell.type()).isEqualTo("cell");
  }

  static Value cellOf(String op) {
    List<Value> edges = new java.util.ArrayList<>();
    for (int[] e : NasBench201.EDGES) {
      edges.add(Value.Node.of("edge", "from", e[1], "to", e[0], "op", op));
    }
    return Value.Node.of("cell", "nodes", 4, "edges", edges);
  }
}
