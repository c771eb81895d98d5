package org.gyrus.nn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One bench row of {@code bench/results/blocks_dynamics/ROW.json}: {row, command, metrics, anchor,
 * met, notes}. Metric values may be numbers, strings, lists or nested maps.
 */
public final class RowJson {
  private final String row;
  private final Map<String, Object> metrics = new LinkedHashMap<>();

  public RowJson(String row) {
    this.row = row;
  }

  public RowJson put(String key, Object value) {
    metrics.put(key, value);
    return this;
  }

  /** The command is read from the environment variable ROW_COMMAND (set by the row script). */
  public void write(Path file, String anchor, boolean met, String notes) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("row", row);
    all.put("command", System.getenv().getOrDefault("ROW_COMMAND", "(not set)"));
    all.put("metrics", metrics);
    all.put("anchor", anchor);
    all.put("met", met);
    all.put("notes", notes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json(all, "") + "\n");
  }

  static String json(Object v, String indent) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      String inner = indent + "  ";
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "\n" : ",\n").append(inner).append(quote(e.getKey().toString()));
        sb.append(": ").append(json(e.getValue(), inner));
        first = false;
      }
      return sb.append(first ? "}" : "\n" + indent + "}").toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(json(l.get(i), indent));
      }
      return sb.append("]").toString();
    }
    if (v instanceof double[] a) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < a.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(json(a[i], indent));
      }
      return sb.append("]").toString();
    }
    return quote(v.toString());
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
