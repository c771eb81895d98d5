package org.gyrus.nn.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.nn.bench.PngLines;
import org.gyrus.nn.bench.RowJson;

/**
 * Builds mqar.json and mqar.png from mqar_runs.jsonl (one line per trained mixer and length, as
 * written by {@link MqarBench}; the row script runs groups of mixers in parallel processes).
 */
final class MqarReport {
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"[^\"]*\"|[-0-9.eE]+)");

  private MqarReport() {}

  static void write(Path out) throws IOException {
    Map<String, TreeMap<Integer, Map<String, String>>> byMixer = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out.resolve("mqar_runs.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> f = new LinkedHashMap<>();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        f.put(m.group(1), m.group(2).replace("\"", ""));
      }
      byMixer
          .computeIfAbsent(f.get("mixer"), k -> new TreeMap<>())
          .put(Integer.parseInt(f.get("length")), f);
    }
    TreeMap<Integer, String> lengths = new TreeMap<>();
    byMixer.values().forEach(r -> r.forEach((l, f) -> lengths.put(l, f.get("pairs"))));
    Map<String, Object> acc = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Object> seconds = new LinkedHashMap<>();
    PngLines plot = new PngLines("MQAR recall vs sequence length", "sequence length", "accuracy");
    String steps = "?";
    for (var e : byMixer.entrySet()) {
      List<Object> a = new ArrayList<>();
      List<Object> s = new ArrayList<>();
      List<double[]> curve = new ArrayList<>();
      for (int l : lengths.keySet()) {
        Map<String, String> f = e.getValue().get(l);
        a.add(f == null ? null : Double.parseDouble(f.get("accuracy")));
        s.add(f == null ? null : Double.parseDouble(f.get("train_seconds")));
        if (f != null) {
          curve.add(new double[] {l, Double.parseDouble(f.get("accuracy"))});
          params.put(e.getKey(), Long.parseLong(f.get("params")));
          steps = f.get("steps");
        }
      }
      acc.put(e.getKey(), a);
      seconds.put(e.getKey(), s);
      plot.add(e.getKey(), curve);
    }
    plot.write(out.resolve("mqar.png"));
    RowJson row = new RowJson("mqar");
    row.put("lengths", new ArrayList<Object>(lengths.keySet()));
    row.put("pairs", new ArrayList<Object>(lengths.values()));
    row.put("accuracy", acc).put("params", params).put("train_seconds", seconds);
    List<String> above = MqarBench.titansAboveLinear(acc);
    row.write(
        out.resolve("mqar.json"),
        "recall accuracy of the test-time memory vs softmax attention and vs linear attention of"
            + " equal size as T grows (Titans/Zoology: memory above linear attention, softmax best)",
        !above.isEmpty(),
        String.format(
            Locale.ROOT,
            "one mixer layer, width 64, 1 head, token shift in every mixer, vocab 256; %s Adam steps"
                + " (lr 3e-3) of 32 fresh sequences per (mixer, length) (Zoology: 2 layers, 64"
                + " epochs of 100k sequences); accuracy on 512 fresh sequences; null = not run at"
                + " that length; met = titans above linear attention at every length (%s);"
                + " memory = linear (Titans' deep MLP memory not built); chunk 16 unless the"
                + " name says @C (@1 = the exact token-by-token recurrence)",
            steps,
            above.isEmpty() ? "none" : "met by " + String.join(", ", above)));
  }
}
