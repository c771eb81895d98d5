package org.gyrus.nn.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One bench row's result file ({@code bench/results/blocks_dynamics/ROW.json}): {@code row}, {@code
 * command}, {@code scale}, {@code plots}, {@code results} (metric, ours, anchor, met) and free-form
 * {@code data} (curves). {@code bench/blocks_dynamics/run.sh} merges the row files.
 */
public final class RowReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode results;
  private final ArrayNode plots;

  public RowReport(String row, String command, String scale) {
    root.put("row", row);
    root.put("command", command);
    root.put("scale", scale);
    plots = root.putArray("plots");
    results = root.putArray("results");
    root.putObject("data");
  }

  /** A result line; {@code met} null when the line has no anchor to meet. */
  public RowReport result(String metric, String ours, String anchor, Boolean met) {
    ObjectNode r = results.addObject();
    r.put("metric", metric);
    r.put("ours", ours);
    r.put("anchor", anchor);
    if (met == null) {
      r.putNull("met");
    } else {
      r.put("met", met);
    }
    return this;
  }

  public RowReport plot(Path png) {
    plots.add(png.toString());
    return this;
  }

  /** Free-form data (curves, per-seed values) under {@code data.key}. */
  public ObjectNode data() {
    return (ObjectNode) root.get("data");
  }

  public void write(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write row report", e);
    }
  }
}
