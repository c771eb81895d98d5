package org.gyrus.agents.household;

/** Furniture: fixed, blocks movement, holds items on it (surfaces) or in it (containers). */
public enum FurnitureType {
  FRIDGE(true),
  CABINET(true),
  DRAWER(true),
  COUNTER(false),
  SINK(false),
  SHELF(false),
  TABLE(false),
  SOFA(false),
  DESK(false);

  /** Containers start closed and hide their contents until opened. */
  public final boolean openable;

  FurnitureType(boolean openable) {
    this.openable = openable;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
