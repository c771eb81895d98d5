package org.gyrus.core.plugin;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;

/** Class loaders over plug-in jars ({@code --plugin JAR}, {@code GYRUS_CLASSPATH}). */
public final class Plugins {
  private Plugins() {}

  /** The jars of a {@code GYRUS_CLASSPATH}-style list (path-separated; empty entries ignored). */
  public static List<Path> fromPathList(String list) {
    List<Path> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (String p : list.split(File.pathSeparator)) {
      if (!p.isBlank()) {
        out.add(Path.of(p.trim()));
      }
    }
    return out;
  }

  /**
   * A class loader that sees {@code parent} and the given jars (or class directories); every path
   * must exist, checked before anything is loaded.
   */
  public static ClassLoader loader(List<Path> jars, ClassLoader parent) {
    if (jars.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < jars.size(); i++) {
      Path p = jars.get(i);
      if (!Files.isReadable(p)) {
        throw new SpecError("--plugin " + p, "a readable jar or class directory", "no such file");
      }
      try {
        urls[i] = p.toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new SpecError("--plugin " + p, "a jar path", e.getMessage());
      }
    }
    return new URLClassLoader("gyrus-plugins", urls, parent);
  }
}
