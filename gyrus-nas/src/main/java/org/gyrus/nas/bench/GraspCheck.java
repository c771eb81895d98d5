package org.gyrus.nas.bench;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Ranks;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nas.Nb201Macro;
import org.gyrus.nas.proxy.Grasp;
import org.gyrus.nas.proxy.Proxies;
import org.gyrus.nas.proxy.Proxy;
import org.gyrus.nas.proxy.ProxyInput;
import org.gyrus.nn.data.Dataset;
import org.gyrus.search.bench.NasBench201;

/**
 * GraSP's central-difference H g against the exact double backward on real NB201 networks: the
 * first {@code cells} cells of the scoring sample, same batch and seed as {@link ProxyScoring},
 * each {@code grasp} spec of {@code variants} (steps, precision) beside the double backward. The
 * double backward leaks each network (see {@link Grasp}), so keep {@code cells} small.
 */
final class GraspCheck {
  private GraspCheck() {}

  static void run(
      Path dataDir,
      int cells,
      long seed,
      int channels,
      int perStage,
      int batch,
      String init,
      Path json,
      Path md,
      String command,
      List<String> variants)
      throws Exception {
    NasBench201 table = NasBench201.load(dataDir);
    Dataset b = ProxyScoring.batch(dataDir, seed, batch);
    List<Proxy> fds = new java.util.ArrayList<>();
    for (String v : variants) {
      fds.add(Proxies.of(SpecCodec.fromYaml(v), "proxy"));
    }
    List<Value> sample = ProxyScoring.sample(cells, seed);
    double[] acc = new double[cells];
    double[][] central = new double[variants.size()][cells];
    double[] exact = new double[cells];
    ObjectNode root = SpecCodec.json().createObjectNode();
    root.put("command", command).put("cells", cells).put("init", init);
    ArrayNode rows = root.putArray("cells_scored");
    StringBuilder t = new StringBuilder("| cell | accuracy | double backward |");
    for (String v : variants) {
      t.append(" `").append(v).append("` |");
    }
    t.append("\n|---|---|---|").append("---|".repeat(variants.size())).append("\n");
    double[] worst = new double[variants.size()];
    for (int i = 0; i < cells; i++) {
      Value cell = sample.get(i);
      var net = Nb201Macro.of(cell, channels, perStage);
      ProxyInput in = new ProxyInput(net.spec(), new Shape(net.input()), 10, b.x(), b.y(), seed);
      acc[i] = table.accuracy(cell);
      exact[i] = Grasp.doubleBackward(in, init == null ? "glorot" : init);
      ObjectNode row =
          rows.addObject()
              .put("arch", NasBench201.archString(cell))
              .put("accuracy", acc[i])
              .put("exact", exact[i]);
      t.append(
          String.format(
              Locale.ROOT, "| %s | %.2f | %.6g |", NasBench201.archString(cell), acc[i], exact[i]));
      for (int v = 0; v < fds.size(); v++) {
        central[v][i] = fds.get(v).score(in);
        worst[v] = Math.max(worst[v], Math.abs(central[v][i] - exact[i]) / Math.abs(exact[i]));
        row.put(variants.get(v), central[v][i]);
        t.append(String.format(Locale.ROOT, " %.6g |", central[v][i]));
      }
      t.append("\n");
    }
    StringBuilder summary =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Spearman ρ vs accuracy: double backward %.3f",
                Ranks.spearman(exact, acc)));
    root.put("rho_exact", Ranks.spearman(exact, acc));
    ArrayNode vs = root.putArray("central_differences");
    for (int v = 0; v < fds.size(); v++) {
      double rho = Ranks.spearman(central[v], acc);
      vs.addObject().put("spec", variants.get(v)).put("rho", rho).put("max_rel_diff", worst[v]);
      summary.append(
          String.format(
              Locale.ROOT,
              "; `%s` %.3f (largest relative difference from the double backward %.3g)",
              variants.get(v),
              rho,
              worst[v]));
    }
    Files.writeString(
        json, SpecCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.writeString(
        md,
        String.format(
            Locale.ROOT,
            "# GraSP: central-difference H g vs double backward on NB201 networks\n\n"
                + "Command: `%s`\n\nSetting: first %d cells of the seed-%d sample, C=%d, N=%d,"
                + " batch %d, init %s.\n\n%s.\n\n%s",
            command,
            cells,
            seed,
            channels,
            perStage,
            batch,
            init == null ? "glorot" : init,
            summary,
            t));
  }
}
