package org.gyrus.agents.library;

/** The library's answer to a submitted module. */
public sealed interface Decision permits Decision.Admitted, Decision.Refused {
  Module module();

  /**
   * Admitted as the active version of its name.
   *
   * @param retired the version it replaced, or null
   * @param passed tests of its name it passes (all of the submitted ones)
   * @param total tests its name has, old and new
   */
  record Admitted(Module module, Module retired, int passed, int total) implements Decision {}

  /**
   * Refused and never used.
   *
   * @param failing the first failing few-shot case, or null when the reason is not a test (a type
   *     error, or not better than the active version)
   */
  record Refused(Module module, String reason, TestOutcome failing) implements Decision {}
}
