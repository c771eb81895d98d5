package org.gyrus.nas.oneshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.TrialStores;

/**
 * {@code bench/nas_oneshot}'s runner: one search per call, {@code key=value} arguments (method: a
 * name or spec of {@link OneShotMethods}; label, seed, channels, n, size, images, epochs, samples,
 * uniform, data, out, store, checkpoints), one JSON line appended to {@code out}. A (label, seed,
 * images) already in {@code out} is skipped, so a killed bench resumes where it stopped.
 */
public final class OneShotMain {
  private OneShotMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        System.err.println("error: expected key=value, got '" + arg + "'");
        System.exit(2);
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String method = a.getOrDefault("method", "sharpdarts-guard");
    String label = a.getOrDefault("label", method);
    long seed = Long.parseLong(a.getOrDefault("seed", "0"));
    int images = Integer.parseInt(a.getOrDefault("images", "2500"));
    Scale scale =
        new Scale(
            Integer.parseInt(a.getOrDefault("channels", "16")),
            Integer.parseInt(a.getOrDefault("n", "1")),
            Integer.parseInt(a.getOrDefault("size", "16")),
            images,
            Integer.parseInt(a.getOrDefault("epochs", "10")),
            seed);
    Path out = Path.of(a.getOrDefault("out", "oneshot.jsonl"));
    String key = "\"method\":\"" + label + "\",\"seed\":" + seed + ",\"images\":" + images + ",";
    if (Files.exists(out) && Files.readString(out).contains(key)) {
      System.err.println("done before: " + key);
      return;
    }
    Path data = Path.of(a.getOrDefault("data", System.getenv().getOrDefault("GYRUS_DATA", ".")));
    NasBench201 table = NasBench201.load(data);
    SearchData d = SearchData.load(data, scale.imageSize(), images, seed);
    String name = "oneshot-" + label + "-s" + seed + "-i" + images;
    String storeUrl = a.get("store");
    Path ckpt = a.containsKey("checkpoints") ? Path.of(a.get("checkpoints")) : null;
    int samples = Integer.parseInt(a.getOrDefault("samples", "30"));
    int uniform = Integer.parseInt(a.getOrDefault("uniform", "0"));
    OneShotRun.Outcome o;
    long nonFinite;
    try (TrialStore store = storeUrl == null ? null : TrialStores.open(storeUrl);
        OneShotSearch search = OneShotMethods.create(method, scale)) {
      o =
          OneShotRun.run(
              label, search, d, table, samples, uniform, store, name, ckpt, System.err::println);
      nonFinite = search.nonFiniteSteps();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("method", label);
    row.put("seed", seed);
    row.put("images", images);
    row.put("method_spec", method);
    row.put("config", o.config());
    row.put("study", storeUrl == null ? null : name);
    row.put("genotype", o.genotype().arch());
    row.put("table_accuracy", o.tableAccuracy());
    row.put("wall_s", Math.round(o.wallSeconds() * 10) / 10.0);
    row.put("cpu_s", Math.round(o.cpuSeconds() * 10) / 10.0);
    row.put("sampled_cells", o.sampled());
    row.put("estimate_rho", o.estimateRho());
    row.put("uniform_cells", o.uniformCells());
    row.put("uniform_rho", Double.isNaN(o.uniformRho()) ? null : o.uniformRho());
    row.put("nonfinite_steps", nonFinite);
    row.put("details", o.details());
    row.put("trajectory", o.trajectory());
    String line = new ObjectMapper().writeValueAsString(row) + "\n";
    Files.writeString(
        out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(line);
  }
}
