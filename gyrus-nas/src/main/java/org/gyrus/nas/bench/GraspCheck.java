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
 * first {@code cells} cells of the scoring sample, same batch and seed as {@link ProxyScoring}. The
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
      String command)
      throws Exception {
    NasBench201 table = NasBench201.load(dataDir);
    Dataset b = ProxyScoring.batch(dataDir, seed, batch);
    Proxy fd = Proxies.of(ProxyScoring.spec("grasp", init), "proxy");
    List<Value> sample = ProxyScoring.sample(cells, seed);
    double[] acc = new double[cells];
    double[] central = new double[cells];
    double[] exact = new double[cells];
    ObjectNode root = SpecCodec.json().createObjectNode();
    root.put("command", command).put("cells", cells).put("init", init);
    ArrayNode rows = root.putArray("cells_scored");
    StringBuilder t =
        new StringBuilder("| cell | accuracy | central difference | double backward |\n");
    t.append("|---|---|---|---|\n");
    double worst = 0;
    for (int i = 0; i < cells; i++) {
      Value cell = sample.get(i);
      var net = Nb201Macro.of(cell, channels, perStage);
      ProxyInput in = new ProxyInput(net.spec(), new Shape(net.input()), 10, b.x(), b.y(), seed);
      acc[i] = table.accuracy(cell);
      central[i] = fd.score(in);
      exact[i] = Grasp.doubleBackward(in, init == null ? "glorot" : init);
      worst = Math.max(worst, Math.abs(central[i] - exact[i]) / Math.abs(exact[i]));
      rows.addObject()
          .put("arch", NasBench201.archString(cell))
          .put("accuracy", acc[i])
          .put("central", central[i])
          .put("exact", exact[i]);
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.6g | %.6g |\n",
              NasBench201.archString(cell),
              acc[i],
              central[i],
              exact[i]));
    }
    double rc = Ranks.spearman(central, acc);
    double re = Ranks.spearman(exact, acc);
    root.put("rho_central", rc).put("rho_exact", re).put("max_rel_diff", worst);
    Files.writeString(
        json, SpecCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.writeString(
        md,
        String.format(
            Locale.ROOT,
            "# GraSP: central-difference H g vs double backward on NB201 networks\n\n"
                + "Command: `%s`\n\nSetting: first %d cells of the seed-%d sample, C=%d, N=%d,"
                + " batch %d, init %s.\n\nLargest relative difference %.3g; Spearman ρ vs accuracy:"
                + " central %.3f, double backward %.3f.\n\n%s",
            command,
            cells,
            seed,
            channels,
            perStage,
            batch,
            init == null ? "glorot" : init,
            worst,
            rc,
            re,
            t));
  }
}
