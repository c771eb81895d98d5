package org.gyrus.nesy.nsr;

import java.lang.management.ManagementFactory;

/** CPU time of this thread, so timings mean something on a loaded machine. */
final class Cpu {
  private Cpu() {}

  static long now() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
