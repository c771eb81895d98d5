package org.gyrus.search;

import java.util.List;
import java.util.TreeSet;

/**
 * A bounded view of a study too large to read whole: the best trials by the first objective (read
 * from the store's index), the newest ones, and an even spread over the older ones (one per block
 * of numbers; {@code shift} moves the pick inside each block). At most {@code best + recent +
 * spread} trials are read, however many the study holds.
 */
public record TrialSample(int best, int recent, int spread) {
  public TrialSample {
    if (best < 0 || recent < 0 || spread < 0) {
      throw new IllegalArgumentException("negative sample size");
    }
  }

  /** Numbers of the sampled trials of a study of {@code count} trials, ascending. */
  public TreeSet<Integer> numbers(TrialStore store, StudyInfo info, int count, long shift) {
    TreeSet<Integer> out = new TreeSet<>();
    if (best > 0) {
      out.addAll(store.bestNumbers(info.id(), info.directions().get(0), best));
    }
    int older = Math.max(0, count - recent);
    for (int n = older; n < count; n++) {
      out.add(n);
    }
    int blocks = Math.min(spread, older);
    for (int b = 0; b < blocks; b++) {
      int from = (int) ((long) older * b / blocks);
      int to = (int) ((long) older * (b + 1) / blocks);
      out.add(from + (int) Math.floorMod(shift, (long) (to - from)));
    }
    return out;
  }

  /** The sampled trials themselves, by number. */
  public List<Trial> read(TrialStore store, StudyInfo info, int count, long shift) {
    return store.trialsByNumber(info.id(), numbers(store, info, count, shift));
  }
}
