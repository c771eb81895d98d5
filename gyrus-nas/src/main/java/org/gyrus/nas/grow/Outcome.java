package org.gyrus.nas.grow;

/** What a morphism did at a site: the transformed net, or a refusal saying why. */
public sealed interface Outcome {
  /** The function-preserving result. */
  record Applied(Net net, String what) implements Outcome {}

  /** Not applied; {@code reason} names the site and what would break. */
  record Refused(String reason) implements Outcome {}

  default boolean applied() {
    return this instanceof Applied;
  }
}
