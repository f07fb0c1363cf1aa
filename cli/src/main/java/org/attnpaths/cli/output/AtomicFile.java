package org.attnpaths.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial
 * one: write a temporary file in the target's directory, then rename it over the target.
 */
public final class AtomicFile {

  /** What gets written into the temporary file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code target} atomically, creating its directory if needed.
   *
   * @throws IOException on failure; the temporary file is removed and the target is untouched
   */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Checks, without creating anything, that {@code dir} is a writable directory or could be
   * created as one.
   *
   * @throws IllegalArgumentException with a message starting with the path, saying what is wrong
   */
  public static void checkDirectoryUsable(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new IllegalArgumentException(dir + ": expected a directory, found a file");
      }
      if (!Files.isWritable(abs)) {
        throw new IllegalArgumentException(dir + ": directory is not writable");
      }
      return;
    }
    Path ancestor = abs.getParent();
    while (ancestor != null && !Files.exists(ancestor)) ancestor = ancestor.getParent();
    if (ancestor == null || !Files.isDirectory(ancestor)) {
      throw new IllegalArgumentException(dir + ": cannot be created (" + ancestor
          + " is not a directory)");
    }
    if (!Files.isWritable(ancestor)) {
      throw new IllegalArgumentException(dir + ": cannot be created (" + ancestor
          + " is not writable)");
    }
  }

  /**
   * Checks, without creating anything, that the file {@code file} could be written.
   *
   * @throws IllegalArgumentException with a message starting with the path, saying what is wrong
   */
  public static void checkFileUsable(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(file + ": expected a file name, found a directory");
    }
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      throw new IllegalArgumentException(file + ": file is not writable");
    }
    Path parent = abs.getParent();
    if (parent != null) {
      try {
        checkDirectoryUsable(parent);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": its directory " + e.getMessage());
      }
    }
  }
}
