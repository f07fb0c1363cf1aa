package org.attnpaths.numerics.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Loads dev.ludovic.netlib's JNI BLAS and LAPACK once, quietly, and says why when it cannot.
 *
 * <p>Two things would otherwise reach stderr and clutter CLI output:
 * <ul>
 *   <li>netlib's {@code InstanceBuilder}s log "Using dev.ludovic.netlib.blas.JNIBLAS" at INFO
 *       through java.util.logging, whose default console handler writes to stderr. During loading
 *       we route the {@code dev.ludovic.netlib} loggers to a capturing handler instead; the FINE
 *       records it collects carry the exception that explains a failed load.</li>
 *   <li>When the system library is missing, the JNI stub's {@code JNI_OnLoad} writes
 *       "netlib-blas: JNI_OnLoad: dlopen(libblas.so.3) failed" straight to file descriptor 2,
 *       out of Java's reach. On Linux we therefore look for the library first, roughly as the
 *       dynamic linker would, and do not touch netlib when it is certainly absent.</li>
 * </ul>
 *
 * <p>netlib falls back to pure-Java BLAS ({@code VectorBLAS}, {@code Java11BLAS}) and LAPACK
 * ({@code F2jLAPACK}) when the JNI stubs fail. Those are slower than EJML (java-stack.md §3b:
 * VectorBLAS dgemm at n=2000 2.5 GFLOP/s, F2jLAPACK dpotrf at n=2000 1.0 s), so a fallback
 * counts as a failure here and callers use {@link EjmlBackend} instead.
 */
final class NetlibLoader {
  private NetlibLoader() {}

  /** Either a loaded backend or the reason there is none. */
  record Outcome(Optional<NativeBackend> backend, String failure) {}

  private static final String BLAS_PREFIX = "dev.ludovic.netlib.blas.";
  private static final String LAPACK_PREFIX = "dev.ludovic.netlib.lapack.";

  static Outcome load() {
    List<String> missing = new ArrayList<>();
    missingSystemLibrary(BLAS_PREFIX, "libblas.so.3").ifPresent(missing::add);
    missingSystemLibrary(LAPACK_PREFIX, "liblapack.so.3").ifPresent(missing::add);
    if (!missing.isEmpty()) {
      return new Outcome(Optional.empty(), String.join("; ", missing));
    }

    List<LogRecord> records = new ArrayList<>();
    BLAS blas;
    LAPACK lapack;
    try {
      blas = quietly(records, BLAS::getInstance);
      lapack = quietly(records, LAPACK::getInstance);
    } catch (RuntimeException | LinkageError e) {
      return new Outcome(Optional.empty(), "dev.ludovic.netlib failed to initialise: " + e);
    }

    List<String> problems = new ArrayList<>();
    if (!(blas instanceof NativeBLAS)) {
      problems.add("BLAS is the pure-Java fallback " + blas.getClass().getName());
    }
    if (!(lapack instanceof NativeLAPACK)) {
      problems.add("LAPACK is the pure-Java fallback " + lapack.getClass().getName());
    }
    if (!problems.isEmpty()) {
      Set<String> causes = new LinkedHashSet<>();
      for (LogRecord r : records) {
        // Keep why the JNI stub failed (or was skipped), not why VectorBLAS failed as well.
        String message = String.valueOf(r.getMessage());
        if (r.getThrown() != null && message.contains(".JNI")) {
          causes.add(String.valueOf(rootCause(r.getThrown())));
        } else if (message.startsWith("Skip")) {
          causes.add(message);
        }
      }
      return new Outcome(Optional.empty(), String.join("; ", problems)
          + ", slower than EJML" + (causes.isEmpty() ? "" : " (" + String.join("; ", causes) + ")"));
    }
    return new Outcome(Optional.of(new NativeBackend(blas, lapack, describe(blas, lapack))), "");
  }

  private interface Init<T> {
    T get();
  }

  /** Runs {@code init} with the netlib loggers sent to {@code sink} instead of the console. */
  private static <T> T quietly(List<LogRecord> sink, Init<T> init) {
    Logger netlib = Logger.getLogger("dev.ludovic.netlib");  // strong reference while in use
    Level oldLevel = netlib.getLevel();
    boolean oldUseParent = netlib.getUseParentHandlers();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        synchronized (sink) {
          sink.add(record);
        }
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    capture.setLevel(Level.ALL);
    netlib.setLevel(Level.FINE);
    netlib.setUseParentHandlers(false);
    netlib.addHandler(capture);
    try {
      return init.get();
    } finally {
      netlib.removeHandler(capture);
      netlib.setUseParentHandlers(oldUseParent);
      netlib.setLevel(oldLevel);
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    return c;
  }

  /**
   * On Linux, whether the library netlib's JNI stub will dlopen is certainly absent. Honours
   * netlib's own properties {@code <prefix>nativeLibPath} (a file) and {@code <prefix>nativeLib}
   * (a name), as the stub does. A name is looked for in LD_LIBRARY_PATH, /etc/ld.so.cache and the
   * default directories; when in doubt the answer is "present" and netlib decides.
   *
   * @return the reason when certainly absent
   */
  static Optional<String> missingSystemLibrary(String prefix, String defaultName) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    String path = System.getProperty(prefix + "nativeLibPath");
    if (path != null && !path.isEmpty()) {
      return Files.exists(Path.of(path)) ? Optional.empty()
          : Optional.of(prefix + "nativeLibPath=" + path + ": no such file");
    }
    String name = System.getProperty(prefix + "nativeLib", defaultName);
    if (name.contains("/")) {
      return Files.exists(Path.of(name)) ? Optional.empty()
          : Optional.of(name + ": no such file");
    }
    List<String> dirs = new ArrayList<>();
    String ldPath = System.getenv("LD_LIBRARY_PATH");
    if (ldPath != null) {
      for (String d : ldPath.split(":")) if (!d.isEmpty()) dirs.add(d);
    }
    dirs.addAll(List.of("/lib64", "/usr/lib64", "/lib", "/usr/lib"));
    for (String d : dirs) {
      if (Files.exists(Path.of(d, name))) return Optional.empty();
    }
    Path cache = Path.of("/etc/ld.so.cache");
    try {
      if (!Files.isReadable(cache)) return Optional.empty();  // cannot tell: let netlib try
      // The cache stores each soname as a NUL-terminated string; a byte search is enough.
      byte[] bytes = Files.readAllBytes(cache);
      byte[] needle = (name + "\0").getBytes(StandardCharsets.ISO_8859_1);
      if (indexOf(bytes, needle) >= 0) return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(name + " not found in LD_LIBRARY_PATH, /etc/ld.so.cache or " + dirs);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static String describe(BLAS blas, LAPACK lapack) {
    StringBuilder s = new StringBuilder("dev.ludovic.netlib ").append(netlibVersion())
        .append(" (").append(blas.getClass().getName())
        .append(", ").append(lapack.getClass().getName()).append(")");
    List<String> libs = loadedSystemLibraries();
    if (!libs.isEmpty()) s.append(" on ").append(String.join(", ", libs));
    s.append("; threads ").append(NativeBackend.threadsHint());
    return s.toString();
  }

  private static String netlibVersion() {
    try (InputStream in = BLAS.class.getResourceAsStream(
        "/META-INF/maven/dev.ludovic.netlib/blas/pom.properties")) {
      if (in == null) return "(version unknown)";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "(version unknown)");
    } catch (IOException e) {
      return "(version unknown)";
    }
  }

  /**
   * The BLAS/LAPACK shared objects mapped into this process (Linux only), e.g.
   * {@code /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3}: which library the
   * Debian alternatives actually resolved to, for provenance. The JNI stubs are left out.
   */
  static List<String> loadedSystemLibraries() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) return List.of();
    Set<String> libs = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(maps, StandardCharsets.UTF_8)) {
        int slash = line.indexOf('/');
        if (slash < 0) continue;
        String file = line.substring(slash);
        String base = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if ((base.contains("blas") || base.contains("lapack") || base.contains("mkl"))
            && !base.contains("netlib")) {
          libs.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return List.copyOf(libs);
  }
}
