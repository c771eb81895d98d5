package org.gyrus.nn.train;

/** Sees each epoch's report; returns false to stop training now (a pruner's decision). */
@FunctionalInterface
public interface EpochListener {
  boolean onEpoch(EpochReport report);

  /** A listener that only watches and never stops training. */
  static EpochListener watching(java.util.function.Consumer<EpochReport> watcher) {
    return r -> {
      watcher.accept(r);
      return true;
    };
  }

  static EpochListener none() {
    return r -> true;
  }
}
