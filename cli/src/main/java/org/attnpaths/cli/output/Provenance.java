package org.attnpaths.cli.output;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.attnpaths.cli.BuildInfo;

/**
 * Where and how a result was produced, recorded in every result file (JSON, CSV header).
 *
 * @param version attnpaths version
 * @param gitCommit source commit ({@code git describe --always --dirty}) or {@code unknown}
 * @param started start of the run, UTC, millisecond precision
 * @param javaVersion {@code java.version} and VM name
 * @param osArch operating system, its version and the CPU architecture
 * @param backend name of the linear-algebra backend that did the work
 */
public record Provenance(String version, String gitCommit, Instant started, String javaVersion,
    String osArch, String backend) {

  /** The running JVM's provenance for a run that started at {@code started}. */
  public static Provenance capture(BuildInfo build, Instant started, String backend) {
    return new Provenance(build.version(), build.gitCommit(),
        started.truncatedTo(ChronoUnit.MILLIS),
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        backend);
  }

  /** One line for the {@code # provenance} comment of CSV files. */
  public String commentLine() {
    return "# provenance: attnpaths " + version + ", git " + gitCommit + ", started " + started
        + ", java " + javaVersion + ", os " + osArch + ", backend " + backend;
  }
}
