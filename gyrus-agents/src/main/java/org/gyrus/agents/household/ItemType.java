package org.gyrus.agents.household;

/** Small objects the agent can carry; some get dirty and are cleaned at a sink. */
public enum ItemType {
  MUG(true),
  PLATE(true),
  TOWEL(true),
  APPLE(false),
  BOOK(false),
  KEYS(false);

  public final boolean cleanable;

  ItemType(boolean cleanable) {
    this.cleanable = cleanable;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
