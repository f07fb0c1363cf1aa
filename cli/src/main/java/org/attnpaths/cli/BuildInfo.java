package org.attnpaths.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of attnpaths is running.
 *
 * <p>The version comes from the jar manifest ({@code Implementation-Version}, written by the
 * shade and jar plugins); when running from {@code target/classes} (tests, IDE) there is no
 * manifest, so it falls back to {@code build.properties}, filtered by Maven. The git commit is
 * passed by {@code bin/attnpaths} as {@code -Dattnpaths.git=...}; it is {@code unknown} otherwise.
 *
 * @param version project version, or {@code unknown}
 * @param gitCommit {@code git describe --always --dirty} of the source tree, or {@code unknown}
 */
public record BuildInfo(String version, String gitCommit) {

  /** System property through which the launcher passes the git commit. */
  public static final String GIT_PROPERTY = "attnpaths.git";

  public static final String UNKNOWN = "unknown";

  /** The running build. */
  public static BuildInfo current() {
    String version = BuildInfo.class.getPackage().getImplementationVersion();
    if (version == null || version.isBlank()) version = fromProperties();
    String git = System.getProperty(GIT_PROPERTY, "").trim();
    return new BuildInfo(version, git.isEmpty() ? UNKNOWN : git);
  }

  private static String fromProperties() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) return UNKNOWN;
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      // An unfiltered resource still holds the Maven placeholder.
      return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
