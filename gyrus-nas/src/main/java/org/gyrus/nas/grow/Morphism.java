package org.gyrus.nas.grow;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A network transformation that keeps the function (S5, Net2Net/EAS): a spec → spec function that
 * also maps the trained weights, so the new network computes what the old one did, up to float
 * rounding. Where that cannot hold it refuses with a reason.
 */
public interface Morphism {
  String name();

  /** Places it might apply (layer paths, or {@code list[i]} = after item i), in spec order. */
  List<String> sites(Net net);

  /** The transformed net, or a refusal. {@code rng} draws any new random weights. */
  Outcome apply(Net net, String site, SplittableRandom rng);
}
