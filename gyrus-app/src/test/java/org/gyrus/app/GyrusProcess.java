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

  /** A new, empty database on the PostgreSQL server of {@code admin}; its store URL. */
  static String freshDatabase(String admin, String prefix) throws Exception {
    String name = prefix + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    java.net.URI u = new java.net.URI(admin);
    java.util.Properties props = new java.util.Properties();
    if (u.getUserInfo() != null) {
      props.setProperty("user", u.getUserInfo().split(":")[0]);
    }
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath(), props);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }
}
