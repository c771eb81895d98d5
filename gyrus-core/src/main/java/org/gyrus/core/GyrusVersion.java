package org.gyrus.core;

/** The Gyrus version, recorded in every trial's provenance. */
public final class GyrusVersion {
  private GyrusVersion() {}

  public static String get() {
    String v = GyrusVersion.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
