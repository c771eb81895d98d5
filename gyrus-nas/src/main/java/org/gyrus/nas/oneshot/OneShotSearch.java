package org.gyrus.nas.oneshot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gyrus.nn.data.Dataset;
import org.gyrus.search.bench.NasBench201;

/**
 * One one-shot search over the NAS-Bench-201 cell with shared supernet weights: DARTS's α, the ENAS
 * controller or the per-task distributions of a multi-task search live inside it. {@link
 * OneShotRun} runs it and stores its cells as a study; {@link OneShotMethods} makes one by name.
 */
public interface OneShotSearch extends AutoCloseable {
  /** A cell the study records and why: "derived", "sampled", "buffer", "controller", ... */
  record Candidate(Genotype cell, String role) {}

  /** Trains the supernet and the architecture parameters on the search data. */
  void run(SearchData data, Consumer<String> log);

  /** The derived cell (for a multi-task search: the first task's). */
  Genotype genotype();

  /** The cells to record, derived first, then up to {@code samples} drawn by the method. */
  List<Candidate> candidates(int samples, long seed);

  /** The supernet's accuracy estimate for one cell on {@code batches} batches of {@code d}. */
  double estimate(Genotype g, Dataset d, int batches);

  /** The supernet's weights and the architecture parameters, for the trials to point at. */
  void saveSupernet(DataOutputStream out) throws IOException;

  /** The architecture distribution after each epoch as per-edge op probabilities. */
  List<double[][]> trajectory();

  /** The seed the search was made with (sampling of candidates follows it). */
  long seed();

  /** The method's settings, one line. */
  String config();

  /**
   * The candidates: {@code roles} (a cell-ordered map) plus up to {@code samples} new cells from
   * {@code draw}, "sampled", at most 50 draws per wanted cell.
   */
  static List<Candidate> withSamples(
      Map<Genotype, String> roles, int samples, Supplier<Genotype> draw) {
    int added = 0;
    for (int tries = 0; added < samples && tries < 50 * (samples + 1); tries++) {
      if (roles.putIfAbsent(draw.get(), "sampled") == null) {
        added++;
      }
    }
    List<Candidate> out = new ArrayList<>();
    roles.forEach((g, role) -> out.add(new Candidate(g, role)));
    return out;
  }

  /** What else the method measured (buffer contents, other tasks' cells), JSON-ready. */
  default Map<String, Object> details(NasBench201 table) {
    return Map.of();
  }

  /** Weight steps skipped because a gradient was not finite (0 for a healthy run). */
  default long nonFiniteSteps() {
    return 0;
  }

  @Override
  void close();
}
