package org.gyrus.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gyrus search --workers N}: N worker processes on one study, each with its own engine, one
 * combined view of their lines ({@code [w2] trial ...}), and a clean stop: on Ctrl-C or SIGTERM the
 * workers are stopped (their running trials failed at once, not left RUNNING), and a worker whose
 * parent was killed outright stops by itself.
 */
final class WorkerPool {
  private WorkerPool() {}

  /** Runs {@code n} workers with these search arguments; the highest exit code. */
  static int run(List<String> searchArgs, int n, PrintStream err) throws InterruptedException {
    List<Process> workers = new ArrayList<>();
    List<Thread> copiers = new ArrayList<>();
    Thread stopper = new Thread(() -> stop(workers), "gyrus-stop-workers");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      for (int i = 1; i <= n; i++) {
        Process p = start(searchArgs);
        workers.add(p);
        copiers.add(copy(p, "[w" + i + "] ", err));
      }
      int rc = 0;
      for (Process p : workers) {
        rc = Math.max(rc, p.waitFor());
      }
      for (Thread t : copiers) {
        t.join(5000);
      }
      return rc;
    } catch (java.io.IOException e) {
      stop(workers);
      throw new IllegalStateException("cannot start a worker process: " + e.getMessage(), e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it stops the workers
      }
    }
  }

  private static Process start(List<String> searchArgs) throws java.io.IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("search");
    cmd.addAll(searchArgs);
    cmd.add("--worker-of");
    cmd.add(Long.toString(ProcessHandle.current().pid()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    String plugins = pluginPath();
    if (!plugins.isEmpty()) {
      pb.environment().put("GYRUS_CLASSPATH", plugins);
    }
    return pb.start();
  }

  /** The jars this process took with --plugin or GYRUS_CLASSPATH, for the workers. */
  private static String pluginPath() {
    List<String> out = new ArrayList<>();
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader u) {
      for (URL url : u.getURLs()) {
        try {
          out.add(Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          // not a file: nothing a worker could load
        }
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static Thread copy(Process p, String prefix, PrintStream err) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (err) {
                    err.println(prefix + line);
                  }
                }
              } catch (java.io.IOException e) {
                // the worker is gone
              }
            },
            "gyrus-worker-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** SIGTERM to every worker, then SIGKILL to those still alive 15 s later. */
  static void stop(List<Process> workers) {
    for (Process p : workers) {
      p.destroy();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (Process p : workers) {
      try {
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * In a worker: stop (running the shutdown hooks, which fail this worker's trials) when the parent
   * process is gone, e.g. killed with SIGKILL.
   */
  static void exitWithParent(long parentPid) {
    Thread t =
        new Thread(
            () -> {
              while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.exit(143);
            },
            "gyrus-watch-parent");
    t.setDaemon(true);
    t.start();
  }
}
