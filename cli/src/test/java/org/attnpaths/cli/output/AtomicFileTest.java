package org.attnpaths.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir
  Path tmp;

  @Test
  void writesAndReplaces() throws IOException {
    Path target = tmp.resolve("a/b/result.json");
    AtomicFile.write(target, o -> o.write("one".getBytes(StandardCharsets.UTF_8)));
    AtomicFile.write(target, o -> o.write("two".getBytes(StandardCharsets.UTF_8)));
    assertEquals("two", Files.readString(target));
    assertEquals(List.of(target), listFiles());
  }

  @Test
  void failedWriteLeavesOldFileAndNoTemporary() throws IOException {
    Path target = tmp.resolve("result.json");
    Files.writeString(target, "old");
    assertThrows(IOException.class, () -> AtomicFile.write(target, o -> {
      o.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), listFiles());
  }

  @Test
  void directoryChecks() throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    AtomicFile.checkDirectoryUsable(tmp.resolve("new/dir"));
    assertThrows(IllegalArgumentException.class, () -> AtomicFile.checkDirectoryUsable(file));
    assertThrows(IllegalArgumentException.class,
        () -> AtomicFile.checkDirectoryUsable(file.resolve("below")));
    assertThrows(IllegalArgumentException.class, () -> AtomicFile.checkFileUsable(tmp));
  }

  private List<Path> listFiles() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
