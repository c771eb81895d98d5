package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards against two engine traps (NOTES.md, gyrus-nn traps) by reading the compiled classes of
 * every Gyrus module on this test's class path with {@code javap}:
 *
 * <ul>
 *   <li>the freed constant: DJL's {@code NDArray.mul/div/pow/maximum/minimum(Number)} wraps the
 *       constant around a Java buffer that the GC may free before the backward pass reads it; every
 *       such call must be a reviewed site, none differentiated through that constant, and new code
 *       uses {@code org.gyrus.nn.Scalars};
 *   <li>the wrong input gradient: oneDNN's convolution backward is wrong off its SIMD block, so
 *       every convolution is built through {@code org.gyrus.nn.Convs}, never by DJL's builders or
 *       static convolution calls directly.
 * </ul>
 */
class EngineCallSiteTest {

  /** A risky call: a class-file pre-filter, the javap pattern, the reviewed sites and why. */
  private record Trap(String preFilter, Pattern call, Map<String, Integer> reviewed, String fix) {}

  private static final Trap SCALAR =
      new Trap(
          "(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;",
          Pattern.compile("NDArray\\.(mul|div|pow|maximum|minimum):\\(Ljava/lang/Number;\\)"),
          Map.ofEntries(
              // optimizer updates run outside the gradient collector
              Map.entry("org.gyrus.nas.oneshot.SharedSupernet#sgdUpdate", 3),
              Map.entry("org.gyrus.nn.spiking.SequenceModels#adamStep", 5),
              Map.entry("org.gyrus.nn.train.Optimizer$Sgd#stepWithEngine", 3),
              // plasticity update without autograd
              Map.entry("org.gyrus.nn.spiking.Hlop#update", 5),
              // a bench's input generation
              Map.entry("org.gyrus.nn.bench.SkanBench#main", 1),
              // constants on masks and one-hot tables that carry no gradient
              Map.entry("org.gyrus.nesy.CarryCircuit#logProbability", 1),
              Map.entry("org.gyrus.nn.blocks.AttentionType$AttentionBlock#forwardInternal", 1),
              Map.entry("org.gyrus.nn.memory.RecallAttention#forwardInternal", 1),
              Map.entry("org.gyrus.nn.moe.MoeLayer#balance", 1),
              // the reset term is a detached spike
              Map.entry("org.gyrus.nn.spiking.LifLayer#forwardInternal", 1)),
          "NDArray.mul/div/pow/maximum/minimum(Number) outside the reviewed sites: use"
              + " org.gyrus.nn.Scalars on differentiated paths, or review the site and add it");

  private static final Trap CONVOLUTION =
      new Trap(
          "ai/djl/nn/convolutional/Conv",
          Pattern.compile(
              "convolutional/Conv[123]d\\$Builder\\.build:|convolutional/Conv[123]d\\.conv[123]d:"
                  + "|NDArrayEx\\.convolution:"),
          Map.ofEntries(
              // the guard itself: builder validation, and the two engine calls it routes
              Map.entry("org.gyrus.nn.Convs#conv2d", 1),
              Map.entry("org.gyrus.nn.Convs#conv1d", 1),
              Map.entry("org.gyrus.nn.Convs#conv", 2),
              // the bench's raw-DJL baseline, deliberately DJL's own blocks (32 and 64 filters)
              Map.entry("org.gyrus.nn.bench.RawDjlLoop#net", 2)),
          "a convolution built outside org.gyrus.nn.Convs (its input gradient can be wrong):"
              + " build it with Convs.conv2d / conv1d, or review the site and add it");

  @Test
  void everyNumberScalarCallIsAReviewedSite() throws IOException {
    assertOnlyReviewedSites(SCALAR);
  }

  @Test
  void everyConvolutionGoesThroughTheGuard() throws IOException {
    assertOnlyReviewedSites(CONVOLUTION);
  }

  private static void assertOnlyReviewedSites(Trap trap) throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    int scanned = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path root = Path.of(entry);
      if (!root.toString().contains("gyrus-")
          || root.endsWith("test-classes")
          || !Files.exists(root)) {
        continue;
      }
      for (ClassRef ref : riskyClasses(root, trap)) {
        scanned++;
        countCalls(ref, trap, found);
      }
    }
    assertThat(scanned).as("classes mentioning " + trap.preFilter()).isGreaterThan(2);
    assertThat(found).as(trap.fix()).isEqualTo(trap.reviewed());
  }

  @Test
  void theScanFindsACallItWasNotTold() throws IOException {
    Path classes =
        Path.of(
            EngineCallSiteTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Map<String, Integer> found = new TreeMap<>();
    for (Trap trap : List.of(SCALAR, CONVOLUTION)) {
      for (ClassRef ref : riskyClasses(classes, trap)) {
        countCalls(ref, trap, found);
      }
    }
    assertThat(found)
        .containsEntry(Unsafe.class.getName() + "#scale", 1)
        .containsEntry(Unsafe.class.getName() + "#conv", 1);
  }

  /** A test-only class with one call of each risky kind, so the scanner is seen to work. */
  static final class Unsafe {
    static ai.djl.ndarray.NDArray scale(ai.djl.ndarray.NDArray x) {
      return x.mul(2.0);
    }

    static ai.djl.nn.Block conv() {
      return ai.djl.nn.convolutional.Conv2d.builder()
          .setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
          .setFilters(4)
          .build();
    }
  }

  private record ClassRef(String classPath, String className) {}

  private static List<ClassRef> riskyClasses(Path root, Trap trap) throws IOException {
    List<ClassRef> refs = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          if (mentions(Files.readAllBytes(f), trap)) {
            refs.add(new ClassRef(root.toString(), className(root.relativize(f).toString())));
          }
        }
      }
    } else if (root.toString().endsWith(".jar")) {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (var e : java.util.Collections.list(jar.entries())) {
          if (e.getName().endsWith(".class")
              && mentions(jar.getInputStream(e).readAllBytes(), trap)) {
            refs.add(new ClassRef(root.toString(), className(e.getName())));
          }
        }
      }
    }
    return refs;
  }

  private static boolean mentions(byte[] classFile, Trap trap) {
    return new String(classFile, StandardCharsets.ISO_8859_1).contains(trap.preFilter());
  }

  private static String className(String relative) {
    return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
  }

  /** Runs {@code javap -c -p} and counts the trap's calls per enclosing method. */
  private static void countCalls(ClassRef ref, Trap trap, Map<String, Integer> found) {
    StringWriter out = new StringWriter();
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    int rc =
        javap.run(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "-c",
            "-p",
            "-cp",
            ref.classPath(),
            ref.className());
    assertThat(rc).as("javap " + ref).isZero();
    String method = "?";
    Pattern header = Pattern.compile("^  \\S.*?([\\w$]+)\\(.*\\);$");
    for (String line : out.toString().split("\n")) {
      Matcher h = header.matcher(line);
      if (h.matches()) {
        method = h.group(1);
      } else if (trap.call().matcher(line).find()) {
        found.merge(ref.className() + "#" + method, 1, Integer::sum);
      }
    }
  }
}
