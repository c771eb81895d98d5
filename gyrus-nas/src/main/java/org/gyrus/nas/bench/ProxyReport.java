package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.Ranks;
import org.gyrus.core.SpecCodec;
import org.gyrus.nas.proxy.ProxyPool;

/**
 * Writes bench/results/nas_proxies.{json,md}: per proxy, Spearman rho against the table's CIFAR-10
 * accuracy over the scored pool with the published NB201 CIFAR-10 figure beside it, and the median
 * milliseconds per cell; then, from the search runs, mean best accuracy at each query budget.
 */
final class ProxyReport {
  private ProxyReport() {}

  /**
   * Published |rho| on NB201 CIFAR-10, all 15,625 cells (Abdelfattah et al. 2021, Table 1, as
   * printed by notebooks/nasbench201_correlations.ipynb of SamsungLabs/zero-cost-nas).
   */
  static final Map<String, Double> PUBLISHED =
      Map.of(
          "grad_norm", 0.594,
          "snip", 0.596,
          "grasp", 0.514,
          "fisher", 0.36,
          "synflow", 0.737,
          "jacob_cov", 0.731);

  static String published(String proxy) {
    Double v = PUBLISHED.get(proxy);
    return v == null ? "—" : String.format(Locale.ROOT, "%.3f", v);
  }

  static void write(
      Path poolFile,
      Path runs,
      int[] budgets,
      Path json,
      Path md,
      String setting,
      String command,
      Path deep)
      throws Exception {
    ProxyPool pool = ProxyPool.read(poolFile);
    double[] acc = new double[pool.size()];
    Map<String, double[]> ms = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    int i = 0;
    for (String line : Files.readAllLines(poolFile)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = SpecCodec.json().readTree(line);
      acc[i] = n.get("accuracy").asDouble();
      for (String p : pool.proxies()) {
        ms.computeIfAbsent(p, k -> new double[pool.size()])[i] = n.get("ms").get(p).asDouble();
        if (n.has("cpu_ms")) {
          cpu.computeIfAbsent(p, k -> new ArrayList<>()).add(n.get("cpu_ms").get(p).asDouble());
        }
      }
      i++;
    }
    ObjectNode root = SpecCodec.json().createObjectNode();
    root.put("cells", pool.size()).put("setting", setting).put("command", command);
    root.put("pool_best_accuracy", Arrays.stream(acc).max().orElse(Double.NaN));
    ArrayNode proxies = root.putArray("proxies");
    StringBuilder t = new StringBuilder();
    t.append(
        "| proxy | Spearman ρ (ours) | published \\|ρ\\| (Abdelfattah et al. 2021) | wall ms per cell (median) | CPU ms per cell (median, cells) |\n");
    t.append("|---|---|---|---|---|\n");
    for (String p : pool.proxies()) {
      double rho = Ranks.spearman(pool.column(p), acc);
      double med = median(ms.get(p));
      double[] c =
          cpu.getOrDefault(p, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
      double cpuMed = median(c);
      proxies
          .addObject()
          .put("proxy", p)
          .put("spearman", rho)
          .put("published_abs_rho", published(p))
          .put("ms_median", med)
          .put("cpu_ms_median", cpuMed)
          .put("cpu_ms_cells", c.length);
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %s | %.1f | %.1f (%d) |\n",
              p,
              rho,
              published(p),
              med,
              cpuMed,
              c.length));
    }
    for (List<String> group :
        List.of(
            pool.proxies(),
            List.of("synflow", "jacob_cov", "snip"),
            List.of("synflow", "naswot"))) {
      if (!pool.proxies().containsAll(group)) {
        continue;
      }
      String name = "rank-sum ensemble of " + (group.equals(pool.proxies()) ? "all" : group);
      double rho = Ranks.spearman(pool.rankSum(group), acc);
      proxies.addObject().put("proxy", name).put("spearman", rho);
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %s | — | — |\n",
              name,
              rho,
              group.size() == 3 ? "0.817 (vote, pairwise agreement, not ρ)" : "—"));
    }
    t.append(
        String.format(
            Locale.ROOT,
            "\nPool: %d cells, best table accuracy in the pool %.2f (table best %.2f).\n",
            pool.size(),
            root.get("pool_best_accuracy").asDouble(),
            org.gyrus.search.bench.NasBench201.load(null).best()));
    StringBuilder search = new StringBuilder();
    if (runs != null && Files.exists(runs)) {
      search.append(RobotReport.table(Files.readAllLines(runs), budgets, root.putArray("search")));
    }
    if (deep != null && Files.exists(deep)) {
      search.append(depthCheck(poolFile, deep, root.putArray("depth_check")));
    }
    Files.writeString(
        json, SpecCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    String doc =
        "# Training-free proxies and RoBoT on NAS-Bench-201 (issue 14, S10/S11)\n\n"
            + "Command: `"
            + command
            + "`\n\nSetting: "
            + setting
            + "\n\n"
            + t
            + "\n"
            + search;
    Files.writeString(md, doc);
  }

  /**
   * The same cells scored in a deeper macro network (another pool, e.g. N=5): rho of each proxy
   * both pools share, over the cells both hold, so the depth's effect is read on paired cells.
   */
  static String depthCheck(Path shallowFile, Path deepFile, ArrayNode out) throws Exception {
    ProxyPool shallow = ProxyPool.read(shallowFile);
    ProxyPool deep = ProxyPool.read(deepFile);
    Map<String, Double> acc = new LinkedHashMap<>();
    for (String line : Files.readAllLines(deepFile)) {
      if (!line.isBlank()) {
        JsonNode n = SpecCodec.json().readTree(line);
        acc.put(n.get("arch").asText(), n.get("accuracy").asDouble());
      }
    }
    List<Integer> rowsShallow = new ArrayList<>();
    List<Integer> rowsDeep = new ArrayList<>();
    for (int k = 0; k < deep.size(); k++) {
      int j = shallow.archs().indexOf(deep.archs().get(k));
      if (j >= 0) {
        rowsShallow.add(j);
        rowsDeep.add(k);
      }
    }
    int n = rowsDeep.size();
    double[] a = new double[n];
    for (int k = 0; k < n; k++) {
      a[k] = acc.get(deep.archs().get(rowsDeep.get(k)));
    }
    StringBuilder t =
        new StringBuilder(
            "\nDepth check on the same "
                + n
                + " cells ("
                + deepFile.getFileName()
                + " against the pool):\n\n| proxy | ρ, pool setting | ρ, deeper network |\n|---|---|---|\n");
    for (String p : deep.proxies()) {
      if (!shallow.proxies().contains(p)) {
        continue;
      }
      double[] cs = shallow.column(p);
      double[] cd = deep.column(p);
      double[] xs = new double[n];
      double[] xd = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = cs[rowsShallow.get(k)];
        xd[k] = cd[rowsDeep.get(k)];
      }
      double rs = Ranks.spearman(xs, a);
      double rd = Ranks.spearman(xd, a);
      out.addObject().put("proxy", p).put("cells", n).put("rho_pool", rs).put("rho_deep", rd);
      t.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |\n", p, rs, rd));
    }
    return t.toString();
  }

  /** The proxy whose scores rank the pool's cells closest to their table accuracy. */
  static String bestProxy(Path poolFile) throws Exception {
    ProxyPool pool = ProxyPool.read(poolFile);
    double[] acc = new double[pool.size()];
    int i = 0;
    for (String line : Files.readAllLines(poolFile)) {
      if (!line.isBlank()) {
        acc[i++] = SpecCodec.json().readTree(line).get("accuracy").asDouble();
      }
    }
    String best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (String p : pool.proxies()) {
      double rho = Ranks.spearman(pool.column(p), acc);
      if (rho > top) {
        top = rho;
        best = p;
      }
    }
    return best;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length == 0 ? Double.NaN : s[s.length / 2];
  }
}
