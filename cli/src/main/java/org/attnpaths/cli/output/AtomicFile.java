package org.attnpaths.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial
 * one: write a temporary file in the target's directory, then rename it over the target.
 */
public final class AtomicFile {

  /** What gets written into the temporary file (must not close the stream). */
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
    Path tmp = createTemp(abs);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.writeTo(out);
        out.flush();
        ch.force(true); // on disk before the rename makes it visible
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

  private static Path createTemp(Path abs) throws IOException {
    String base = "." + abs.getFileName() + ".";
    while (true) {
      Path tmp = abs.resolveSibling(
          base + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        // Not Files.createTempFile: that would give the result mode 0600 instead of the umask's.
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        // drew a name in use: draw again
      }
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
