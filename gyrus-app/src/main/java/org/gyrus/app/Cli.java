package org.gyrus.app;

import org.gyrus.core.SpecError;
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
