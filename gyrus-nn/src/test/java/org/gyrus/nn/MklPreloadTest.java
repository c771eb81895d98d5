package org.gyrus.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code src/main/native/mkl-preload}, which ./gyrus and the training bench ask for the library to
 * preload: a built shared object exactly where it applies (Linux x86-64, an AMD CPU, a C compiler),
 * nothing elsewhere or when turned off.
 */
class MklPreloadTest {
  private static final Path SCRIPT = Path.of("src/main/native/mkl-preload");

  private static String run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
    pb.environment().remove("GYRUS_NO_MKL_SHIM");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void buildsTheShimExactlyWhereItApplies() throws Exception {
    String cpu =
        Files.exists(Path.of("/proc/cpuinfo")) ? Files.readString(Path.of("/proc/cpuinfo")) : "";
    boolean applies =
        System.getProperty("os.name").equals("Linux")
            && System.getProperty("os.arch").equals("amd64")
            && cpu.contains("AuthenticAMD")
            && (onPath("cc") || onPath("gcc"));
    String out = run(Map.of());
    if (!applies) {
      assertThat(out).isEmpty();
      return;
    }
    Path lib = Path.of(out);
    assertThat(lib).isAbsolute().isRegularFile();
    assertThat(lib.getFileName().toString()).isEqualTo("libgyrus-mkl-vendor.so");
    byte[] head = new byte[4];
    System.arraycopy(Files.readAllBytes(lib), 0, head, 0, 4);
    assertThat(head).containsExactly(0x7f, 'E', 'L', 'F');
    assertThat(run(Map.of())).as("a second call reuses the built library").isEqualTo(out);
  }

  @Test
  void turnedOffItPrintsNothing() throws Exception {
    assertThat(run(Map.of("GYRUS_NO_MKL_SHIM", "1"))).isEmpty();
  }
}
