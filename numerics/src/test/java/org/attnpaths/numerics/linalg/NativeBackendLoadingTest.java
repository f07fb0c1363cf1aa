package org.attnpaths.numerics.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading happens once per JVM, so each case runs {@link NativeLoadProbe} in a child JVM with
 * netlib's own system properties. Every case checks that loading wrote nothing to stderr: the
 * CLI's output must stay clean whether or not a native library is present.
 */
class NativeBackendLoadingTest {

  @TempDir Path tmp;

  private record Run(Map<String, String> out, String err) {}

  private Run probe(String... jvmProperties) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.addAll(List.of(jvmProperties));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NativeLoadProbe.class.getName());
    File stdout = tmp.resolve("out.txt").toFile();
    File stderr = tmp.resolve("err.txt").toFile();
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("probe JVM did not finish within 60 s");
    }
    String err = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), () -> "probe JVM failed: " + err);
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(stdout.toPath(), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return new Run(out, err);
  }

  @Test
  void defaultLoadIsQuietAndMatchesThisJvm() throws Exception {
    Run run = probe();
    assertEquals("", run.err(), "stderr");
    boolean present = NativeBackend.load().isPresent();
    assertEquals(String.valueOf(present), run.out().get("present"));
    if (present) {
      assertEquals("", run.out().get("failure"));
      assertEquals("native", run.out().get("selected"));
      String description = run.out().get("description");
      assertTrue(description.contains("dev.ludovic.netlib.blas.JNIBLAS")
          && description.contains("dev.ludovic.netlib.lapack.JNILAPACK"), description);
    } else {
      assertEquals("ejml", run.out().get("selected"));
    }
  }

  @Test
  void pureJavaFallbackIsRejectedQuietly() throws Exception {
    assumeTrue(NativeBackend.load().isPresent(), "needs a loadable native LAPACK");
    // Native LAPACK still loads; netlib's BLAS falls back to pure Java, which must be refused.
    Run run = probe("-Ddev.ludovic.netlib.blas.allowNative=false");
    assertEquals("", run.err(), "stderr");
    assertEquals("false", run.out().get("present"));
    assertEquals("ejml", run.out().get("selected"));
    String failure = run.out().get("failure");
    assertTrue(failure.contains("BLAS is the pure-Java fallback dev.ludovic.netlib.blas.")
        && failure.contains("allowNative is false"), failure);
  }

  @Test
  void missingSystemLibraryIsReportedWithoutStderrNoise() throws Exception {
    assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"));
    // Left to itself, netlib's JNI stub would write "dlopen(...) failed" to file descriptor 2.
    Run run = probe("-Ddev.ludovic.netlib.blas.nativeLib=libattnpaths-missing.so.3");
    assertEquals("", run.err(), "stderr");
    assertEquals("false", run.out().get("present"));
    assertEquals("ejml", run.out().get("selected"));
    String failure = run.out().get("failure");
    assertTrue(failure.contains("libattnpaths-missing.so.3 not found"), failure);
  }
}
