package org.gyrus.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Experiment;
import org.gyrus.search.Metrics;
import org.gyrus.search.Provenance;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialContext;
import org.gyrus.search.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gyrus trial rerun}: one stored trial evaluated again from the study's own record. */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = "Work with one trial of a stored study.",
    subcommands = {TrialCommand.Rerun.class, TrialServe.class})
final class TrialCommand implements Runnable {
  @Override
  public void run() {
    throw new SpecError("trial", "a subcommand: rerun, serve");
  }

  @Command(
      name = "rerun",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluate a stored trial again with the experiment, data and seed the study recorded;",
        "prints the stored and the new values. Nothing is written to the study."
      })
  static final class Rerun implements Callable<Integer> {
    @Mixin StorageOption storage;

    @Option(names = "--study", required = true)
    String study;

    @Option(names = "--trial", required = true, description = "Trial number.")
    int number;

    @Option(names = "--data", description = "Data directory (default: $GYRUS_DATA).")
    Path data;

    @Override
    public Integer call() throws Exception {
      try (TrialStore store = StudyCommand.openExisting(storage.url)) {
        Study s = Study.load(store, study);
        Map<String, String> prov = store.studyAttrs(s.info().id());
        String json = prov.get(Provenance.EXPERIMENT);
        if (json == null) {
          throw new SpecError(
              "--study " + study, "a study that recorded its experiment (made by this version)");
        }
        Trial t =
            s.trials().stream()
                .filter(x -> x.number() == number)
                .findFirst()
                .orElseThrow(() -> new SpecError("--trial", "a trial of " + study, "" + number));
        Experiment exp =
            Experiment.from((Value.Node) SpecCodec.fromJson(json), Path.of("."), study);
        Path dataDir = DataDir.resolve(data);
        Metrics m = exp.check().buildEvaluator(dataDir).evaluate(t.params(), context(t));
        System.out.printf(
            Locale.ROOT,
            "trial %d of %s: stored %s, rerun %s%n",
            number,
            study,
            TrialTable.value(t),
            m.objectives());
        m.extra().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s = %s%n", k, v));
        return 0;
      }
    }

    private static TrialContext context(Trial t) {
      Map<String, String> attrs = new HashMap<>();
      return new TrialContext() {
        @Override
        public int number() {
          return t.number();
        }

        @Override
        public long seed() {
          return t.seed();
        }

        @Override
        public org.gyrus.core.Dna dna() {
          return t.dna();
        }

        @Override
        public boolean report(long step, double value) {
          return false; // a rerun is never pruned
        }

        @Override
        public void setAttr(String key, String value) {
          attrs.put(key, value);
        }
      };
    }
  }
}
