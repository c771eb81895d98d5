package org.gyrus.nas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;

/**
 * Latency, energy and area of a network on an {@link Accelerator}, layer by layer (an analytic
 * model in the spirit of NASAIC's MAESTRO-based estimates, small enough to check by hand).
 *
 * <p>Per layer: compute cycles from the dataflow's mapping (WS: ceil(in/rows) x ceil(out/cols) x k²
 * x output pixels; OS: ceil(oh/rows) x ceil(ow/cols) x out x in x k²). Off-chip traffic: weights,
 * inputs and outputs once when they fit the buffer together; otherwise the stationary operand is
 * tiled into halves of the buffer and the other streamed once per tile (WS re-reads inputs per
 * weight tile, OS re-reads weights per output tile). Memory cycles = traffic / bandwidth, and
 * double buffering overlaps them with compute: a layer takes the larger. Buffer traffic: WS reads
 * each weight once, each input window once per column group and reads+writes partial sums per row
 * group; OS broadcasts weights once per spatial tile, reads inputs once per output channel and
 * writes each output once. Energy = MACs, buffer and DRAM bytes times per-access energies in
 * Eyeriss's ratios (MAC 1x, buffer 6x at 128 KB scaling with the square root of its size, DRAM
 * 200x); area = MAC units + buffer + off-chip interface + a fixed controller.
 */
public record AcceleratorModel(double frequencyMhz) implements CostModel {
  public static final double MAC_PJ = 0.2;
  public static final double BUFFER_PJ_AT_128KB = 1.2;
  public static final double DRAM_PJ = 40;
  public static final double PE_MM2 = 0.005;
  public static final double BUFFER_MM2_PER_KB = 0.005;
  public static final double LINK_MM2_PER_BYTE = 0.05;
  public static final double CONTROL_MM2 = 0.5;

  /** {@code accelerator}: the registered factory. */
  @Register
  public static final class Factory implements CostModelFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "accelerator",
          "analytic latency (latency_ms), energy (energy_uj) and area (area_mm2) of a network on a"
              + " template accelerator {_type: accelerator, pe_rows, pe_cols, buffer_kb, bandwidth,"
              + " dataflow: ws|os}",
          ArgSpec.optional("frequency_mhz", Kind.FLOAT, 500.0).min(1).doc("clock"));
    }

    @Override
    public AcceleratorModel create(Args a) {
      return new AcceleratorModel(a.number("frequency_mhz"));
    }
  }

  /** What one layer costs. */
  public record LayerCost(
      long computeCycles, long dramBytes, long bufferBytes, long cycles, double energyPj) {}

  public LayerCost layer(Layer l, Accelerator a) {
    long oh = l.outHeight();
    long ow = l.outWidth();
    long k2 = (long) l.kernel() * l.kernel();
    long w = l.weightBytes();
    long in = l.inputBytes();
    long out = l.outputBytes();
    long half = a.bufferBytes() / 2;
    long compute;
    long dram;
    long buffer;
    if (a.dataflow() == Accelerator.Dataflow.WS) {
      long rowGroups = ceil(l.in(), a.rows());
      long colGroups = ceil(l.out(), a.cols());
      compute = rowGroups * colGroups * k2 * oh * ow;
      dram = w + in + out <= a.bufferBytes() ? w + in + out : w + in * ceil(w, half) + out;
      buffer = w + oh * ow * k2 * l.in() * colGroups + out * (2 * rowGroups - 1);
    } else {
      long tiles = ceil(oh, a.rows()) * ceil(ow, a.cols());
      compute = tiles * l.out() * l.in() * k2;
      dram = w + in + out <= a.bufferBytes() ? w + in + out : w * ceil(out, half) + in + out;
      buffer = w * tiles + in * l.out() + out;
    }
    long memory = ceil(dram, a.bandwidth());
    double energy = l.macs() * MAC_PJ + buffer * bufferPj(a) + dram * DRAM_PJ;
    return new LayerCost(compute, dram, buffer, Math.max(compute, memory), energy);
  }

  static double bufferPj(Accelerator a) {
    return BUFFER_PJ_AT_128KB * Math.sqrt(a.bufferKb() / 128.0);
  }

  public static double areaMm2(Accelerator a) {
    return a.rows() * a.cols() * PE_MM2
        + a.bufferKb() * BUFFER_MM2_PER_KB
        + a.bandwidth() * LINK_MM2_PER_BYTE
        + CONTROL_MM2;
  }

  /** Totals over a network: {@code latency_ms}, {@code energy_uj}, {@code area_mm2}, cycles. */
  @Override
  public Map<String, Double> costs(Network network, Value hardware) {
    Accelerator a = Accelerator.from(hardware, "accelerator");
    long cycles = 0;
    double energy = 0;
    for (Layer l : network.layers()) {
      LayerCost c = layer(l, a);
      cycles += c.cycles();
      energy += c.energyPj();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("latency_ms", cycles / (frequencyMhz * 1e3));
    out.put("energy_uj", energy / 1e6);
    out.put("area_mm2", areaMm2(a));
    out.put("cycles", (double) cycles);
    return out;
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }
}
