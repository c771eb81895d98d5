package org.gyrus.app;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.search.store.StoreException;
import picocli.CommandLine;

/** Shared CLI plumbing: bad input (a {@link SpecError}) exits with 2 and one clear message. */
final class Cli {
  static final int BAD_INPUT = 2;

  private Cli() {}

  static CommandLine commandLine(Object root) {
    CommandLine cl = new CommandLine(root);
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> failure(ex, cmd.getErr()));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return BAD_INPUT;
        });
    return cl;
  }

  /**
   * Runs a command built without picocli (see {@code Main}): the same exit codes and one-line
   * errors as the handler above.
   */
  static int callFast(Callable<Integer> command) {
    try {
      return command.call();
    } catch (Exception ex) {
      return failure(ex, new PrintWriter(System.err, true));
    }
  }

  /** One clear line for bad input (exit 2) or a refused store write (1); else the trace (1). */
  private static int failure(Exception ex, PrintWriter err) {
    SpecError se = causeOf(ex, SpecError.class);
    if (se != null) {
      err.println("error: " + se.getMessage());
      return BAD_INPUT;
    }
    StoreException store = causeOf(ex, StoreException.class);
    if (store != null) {
      // the store refused a write (disk full, read-only, server gone past the retry
      // bound): nothing partial was kept, so the user needs the cause, not a trace
      err.println(
          "error: "
              + store.getMessage()
              + "; what was stored before is intact: fix this and run the same command to resume");
      return 1;
    }
    err.println("error: " + ex);
    ex.printStackTrace(err);
    err.flush();
    return 1;
  }

  /**
   * Options {@code --name value} or {@code --name=value}, each at most once and each one of {@code
   * names}, from {@code args[from]} on; null for anything else (a flag, a positional argument, a
   * missing value, help), which the caller leaves to picocli and its messages.
   */
  static Map<String, String> plainOptions(String[] args, int from, Set<String> names) {
    Map<String, String> out = new HashMap<>();
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (!names.contains(name) || out.containsKey(name)) {
        return null;
      }
      if (eq >= 0) {
        out.put(name, a.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        out.put(name, args[++i]);
      } else {
        return null;
      }
    }
    return out;
  }

  /** The first exception of type {@code type} in the cause chain of {@code ex}, or null. */
  private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
    for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
