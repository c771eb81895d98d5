package org.gyrus.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI in a separate JVM, as a user's shell would. */
final class GyrusProcess {
  private GyrusProcess() {}

  static Process start(Path workDir, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.gyrus.app.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  /** examples/nb201-evolution.yaml with an evaluator that takes {@code delayMs} per trial. */
  static Path nb201Experiment(Path dir, int delayMs) throws java.io.IOException {
    String yaml =
        java.nio.file.Files.readString(Path.of("../examples/nb201-evolution.yaml"))
            .replace(
                "evaluator: {_type: nb201}",
                "evaluator: {_type: nb201, delay_ms: " + delayMs + "}");
    Path p = dir.resolve("exp-" + delayMs + ".yaml");
    java.nio.file.Files.writeString(p, yaml);
    return p;
  }

  static String classPath() {
    return System.getProperty("java.class.path").replace(File.pathSeparatorChar, '\n');
  }
}
