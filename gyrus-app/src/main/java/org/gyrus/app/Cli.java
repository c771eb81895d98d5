package org.gyrus.app;

import org.gyrus.core.SpecError;
import org.gyrus.search.store.StoreException;
import picocli.CommandLine;

/** Shared CLI plumbing: bad input (a {@link SpecError}) exits with 2 and one clear message. */
final class Cli {
  static final int BAD_INPUT = 2;

  private Cli() {}

  static CommandLine commandLine(Object root) {
    CommandLine cl = new CommandLine(root);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          Throwable t = ex;
          while (t != null
              && !(t instanceof SpecError)
              && t.getCause() != null
              && t != t.getCause()) {
            t = t.getCause();
          }
          if (t instanceof SpecError se) {
            cmd.getErr().println("error: " + se.getMessage());
            return BAD_INPUT;
          }
          for (Throwable c = ex; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof StoreException store) {
              // the store refused a write (disk full, read-only, server gone past the retry
              // bound): nothing partial was kept, so the user needs the cause, not a trace
              cmd.getErr()
                  .println(
                      "error: "
                          + store.getMessage()
                          + "; what was stored before is intact: fix this and run the same"
                          + " command to resume");
              return 1;
            }
          }
          cmd.getErr().println("error: " + ex);
          ex.printStackTrace(cmd.getErr());
          return 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return BAD_INPUT;
        });
    return cl;
  }
}
