package org.attnpaths.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.attnpaths.cli.BuildInfo;
import org.attnpaths.cli.output.Provenance;
import org.attnpaths.notebooks.TheoryResult;

/** Reading result files for the export commands, and the provenance of an export. */
final class ResultFiles {

  private ResultFiles() {}

  /**
   * Reads a theory result.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not a file, or not a
   *     theory result (the message says which schema was found)
   */
  static TheoryResult readTheory(Path file) throws IOException {
    if (!Files.exists(file)) throw new IllegalArgumentException(file + ": no such file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": expected a result file, found a directory");
    }
    try {
      return TheoryResult.read(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    }
  }

  /** The exporter's provenance (no linear algebra: backend {@code none}) and command line. */
  static ObjectNode exporter(Instant started, List<String> commandLine) {
    Provenance p = Provenance.capture(BuildInfo.current(), started, "none");
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("version", p.version());
    o.put("gitCommit", p.gitCommit());
    o.put("started", p.started().toString());
    o.put("javaVersion", p.javaVersion());
    o.put("osArch", p.osArch());
    commandLine.forEach(o.putArray("commandLine")::add);
    return o;
  }
}
