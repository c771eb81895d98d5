package org.gyrus.nas;

import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.core.Values;

/**
 * A template accelerator in the NASAIC style (Yang et al. 2020): a rows x cols array of 8-bit
 * multiply-accumulate units, one on-chip global buffer, an off-chip link of {@code bandwidth} bytes
 * per cycle, and a dataflow: weight stationary (rows take input channels, columns output channels,
 * as NVDLA) or output stationary (rows and columns take output pixels, as ShiDianNao).
 */
public record Accelerator(int rows, int cols, int bufferKb, int bandwidth, Dataflow dataflow) {
  public enum Dataflow {
    WS,
    OS
  }

  public static final List<Integer> ROWS = List.of(8, 16, 32);
  public static final List<Integer> COLS = List.of(8, 16, 32);
  public static final List<Integer> BUFFER_KB = List.of(32, 64, 128, 256);
  public static final List<Integer> BANDWIDTH = List.of(8, 16, 32);
  public static final List<String> DATAFLOWS = List.of("ws", "os");

  public Accelerator {
    if (rows < 1 || cols < 1 || bufferKb < 1 || bandwidth < 1) {
      throw new SpecError("accelerator", "positive sizes", this.toString());
    }
  }

  public long bufferBytes() {
    return bufferKb * 1024L;
  }

  /** The accelerator's own search decisions, as a space node. */
  public static Node space() {
    return Node.of(
        "accelerator",
        "pe_rows",
        Values.oneOf(ROWS.toArray()),
        "pe_cols",
        Values.oneOf(COLS.toArray()),
        "buffer_kb",
        Values.oneOf(BUFFER_KB.toArray()),
        "bandwidth",
        Values.oneOf(BANDWIDTH.toArray()),
        "dataflow",
        Values.oneOf(DATAFLOWS.toArray()));
  }

  /** Every accelerator of {@link #space()}, in its decision order (the last decision fastest). */
  public static List<Accelerator> all() {
    List<Accelerator> out = new java.util.ArrayList<>();
    for (int r : ROWS) {
      for (int c : COLS) {
        for (int b : BUFFER_KB) {
          for (int bw : BANDWIDTH) {
            for (String d : DATAFLOWS) {
              out.add(new Accelerator(r, c, b, bw, parse(d, "dataflow")));
            }
          }
        }
      }
    }
    return out;
  }

  /** A concrete {@code accelerator} node; errors name the path. */
  public static Accelerator from(Value v, String path) {
    if (!(v instanceof Node n) || !n.type().equals("accelerator")) {
      throw new SpecError(path, "an accelerator node {_type: accelerator, ...}", String.valueOf(v));
    }
    try {
      return new Accelerator(
          (int) n.intArg("pe_rows", 16),
          (int) n.intArg("pe_cols", 16),
          (int) n.intArg("buffer_kb", 128),
          (int) n.intArg("bandwidth", 16),
          parse(n.strArg("dataflow", "ws"), "dataflow"));
    } catch (SpecError e) {
      throw e.under(path);
    }
  }

  private static Dataflow parse(String s, String path) {
    return switch (s) {
      case "ws" -> Dataflow.WS;
      case "os" -> Dataflow.OS;
      default -> throw new SpecError(path, "ws or os", "'" + s + "'");
    };
  }

  public Node toValue() {
    return Node.of(
        "accelerator",
        "pe_rows",
        rows,
        "pe_cols",
        cols,
        "buffer_kb",
        bufferKb,
        "bandwidth",
        bandwidth,
        "dataflow",
        dataflow.name().toLowerCase(java.util.Locale.ROOT));
  }
}
