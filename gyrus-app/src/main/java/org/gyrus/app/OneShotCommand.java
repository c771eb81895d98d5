package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecError;
import org.gyrus.nas.oneshot.OneShotMethods;
import org.gyrus.nas.oneshot.OneShotRun;
import org.gyrus.nas.oneshot.OneShotSearch;
import org.gyrus.nas.oneshot.Scale;
import org.gyrus.nas.oneshot.SearchData;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One differentiable search over the NAS-Bench-201 cell on CIFAR-10, judged by the table. */
@Command(
    name = "oneshot",
    mixinStandardHelpOptions = true,
    description =
        "A one-shot search over a NAS-Bench-201 supernet on CIFAR-10 (the 10k JPEG subset):"
            + " DARTS / sharpDARTS (mixed ops), ENAS / RSPS (single paths, weight sharing);"
            + " prints the derived cell and its table accuracy. With --storage the search is a"
            + " study: sampled cells, supernet estimate as value, table accuracy as attribute.")
public final class OneShotCommand implements Callable<Integer> {
  @Option(
      names = "--method",
      defaultValue = "sharpdarts-guard",
      description =
          "a one-shot method (darts, darts-guard, sharpdarts, sharpdarts-guard, enas, rsps, ...;"
              + " `gyrus types` lists them) or a spec such as '{_type: enas, buffer: 20}'")
  String method;

  @Option(names = "--data", description = "data directory (default $GYRUS_DATA)")
  Path data;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(names = "--channels", defaultValue = "8", description = "supernet channels C, 1..64")
  int channels;

  @Option(names = "--cells", defaultValue = "1", description = "cells per stage N, 1..5")
  int cells;

  @Option(names = "--size", defaultValue = "16", description = "image side: 8, 16 or 32")
  int size;

  @Option(names = "--images", defaultValue = "5000", description = "images per half, 64..5000")
  int images;

  @Option(names = "--epochs", defaultValue = "10", description = "search epochs, 1..1000")
  int epochs;

  @Option(names = "--samples", defaultValue = "30", description = "cells sampled into the study")
  int samples;

  @Option(
      names = "--uniform",
      defaultValue = "0",
      description = "also score this many uniformly drawn cells (Spearman rho vs the table)")
  int uniform;

  @Option(names = "--storage", description = "study store URL, e.g. sqlite:oneshot.db")
  String storage;

  @Option(names = "--study", description = "study name (default oneshot-METHOD-sSEED)")
  String study;

  @Override
  public Integer call() throws Exception {
    Flags.inRange("--channels", channels, 1, 64);
    Flags.inRange("--cells", cells, 1, 5);
    Flags.inRange("--images", images, 64, 5000);
    Flags.inRange("--epochs", epochs, 1, 1000);
    Flags.inRange("--samples", samples, 0, 15624);
    Flags.inRange("--uniform", uniform, 0, 15625);
    if (size != 8 && size != 16 && size != 32) {
      throw new SpecError("--size", "8, 16 or 32", "" + size);
    }
    try {
      OneShotMethods.registry().resolve(OneShotMethods.spec(method), "--method");
    } catch (RuntimeException e) {
      throw new SpecError(
          "--method",
          "one of " + OneShotMethods.names() + " or a spec (" + e.getMessage() + ")",
          "'" + method + "'");
    }
    Path dir = DataDir.resolve(data);
    Scale scale = new Scale(channels, cells, size, images, epochs, seed);
    NasBench201 table = NasBench201.load(dir);
    SearchData d = SearchData.load(dir, size, images, seed);
    String name = study != null ? study : "oneshot-" + method + "-s" + seed;
    OneShotRun.Outcome o;
    try (TrialStore store = storage == null ? null : TrialStores.open(storage);
        OneShotSearch search = OneShotMethods.create(method, scale)) {
      o =
          OneShotRun.run(
              method, search, d, table, samples, uniform, store, name, null, System.err::println);
    }
    System.out.printf(
        Locale.ROOT,
        "%s seed %d: %s table accuracy %.2f (search %.0f s wall, %.0f s CPU)%s%n",
        method,
        seed,
        o.genotype().arch(),
        o.tableAccuracy(),
        o.wallSeconds(),
        o.cpuSeconds(),
        Double.isNaN(o.uniformRho())
            ? ""
            : String.format(
                Locale.ROOT, "; rho %.2f over %d uniform cells", o.uniformRho(), o.uniformCells()));
    return 0;
  }
}
