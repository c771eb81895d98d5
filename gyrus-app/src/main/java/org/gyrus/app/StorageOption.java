package org.gyrus.app;

import picocli.CommandLine.Option;

/** The {@code --storage} option shared by commands that read or write studies. */
final class StorageOption {
  @Option(
      names = "--storage",
      paramLabel = "URL",
      description =
          "Where studies live: sqlite:PATH, postgresql://[user@]host[:port]/database or memory"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "sqlite:runs/studies.db")
  String url;
}
