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
 * Guards against the freed-constant autograd bug (NOTES.md, gyrus-nn traps): DJL's {@code
 * NDArray.mul/div/pow/maximum/minimum(Number)} wraps the constant around a Java buffer that the GC
 * may free before the backward pass reads it. Every such call in Gyrus's own classes must be one of
 * the reviewed sites below, none of which is differentiated through that constant; new code uses
 * {@code org.gyrus.nn.Scalars}. The scan reads the compiled classes of every Gyrus module on this
 * test's class path with {@code javap}.
 */
class ScalarCallSiteTest {

  /** Descriptor of the risky overloads; the class-file pre-filter looks for it. */
  private static final String NUMBER_DESCRIPTOR = "(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;";

  private static final Pattern CALL =
      Pattern.compile("NDArray\\.(mul|div|pow|maximum|minimum):\\(Ljava/lang/Number;\\)");

  /** Reviewed sites (class#method -> calls) and why each is safe. */
  private static final Map<String, Integer> REVIEWED =
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
          Map.entry("org.gyrus.nn.spiking.LifLayer#forwardInternal", 1));

  @Test
  void everyNumberScalarCallIsAReviewedSite() throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    int scanned = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path root = Path.of(entry);
      if (!root.toString().contains("gyrus-")
          || root.endsWith("test-classes")
          || !Files.exists(root)) {
        continue;
      }
      for (ClassRef ref : riskyClasses(root)) {
        scanned++;
        countCalls(ref, found);
      }
    }
    assertThat(scanned).as("classes calling a Number overload").isGreaterThan(5);
    assertThat(found)
        .as(
            "NDArray.mul/div/pow/maximum/minimum(Number) outside the reviewed sites: use"
                + " org.gyrus.nn.Scalars on differentiated paths (NOTES.md, gyrus-nn traps), or"
                + " review the site and add it to REVIEWED")
        .isEqualTo(REVIEWED);
  }

  @Test
  void theScanFindsACallItWasNotTold() throws IOException {
    Path classes =
        Path.of(
            ScalarCallSiteTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Map<String, Integer> found = new TreeMap<>();
    for (ClassRef ref : riskyClasses(classes)) {
      countCalls(ref, found);
    }
    assertThat(found).containsEntry(Unsafe.class.getName() + "#scale", 1);
  }

  /** A test-only class with one risky call, so the scanner is seen to work. */
  static final class Unsafe {
    static ai.djl.ndarray.NDArray scale(ai.djl.ndarray.NDArray x) {
      return x.mul(2.0);
    }
  }

  private record ClassRef(String classPath, String className) {}

  private static List<ClassRef> riskyClasses(Path root) throws IOException {
    List<ClassRef> refs = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          if (mentionsNumberOverload(Files.readAllBytes(f))) {
            refs.add(new ClassRef(root.toString(), className(root.relativize(f).toString())));
          }
        }
      }
    } else if (root.toString().endsWith(".jar")) {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (var e : java.util.Collections.list(jar.entries())) {
          if (e.getName().endsWith(".class")
              && mentionsNumberOverload(jar.getInputStream(e).readAllBytes())) {
            refs.add(new ClassRef(root.toString(), className(e.getName())));
          }
        }
      }
    }
    return refs;
  }

  private static boolean mentionsNumberOverload(byte[] classFile) {
    return new String(classFile, StandardCharsets.ISO_8859_1).contains(NUMBER_DESCRIPTOR);
  }

  private static String className(String relative) {
    return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
  }

  /** Runs {@code javap -c -p} and counts risky calls per enclosing method. */
  private static void countCalls(ClassRef ref, Map<String, Integer> found) {
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
      } else if (CALL.matcher(line).find()) {
        found.merge(ref.className() + "#" + method, 1, Integer::sum);
      }
    }
  }
}
