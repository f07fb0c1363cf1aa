package org.attnpaths.numerics.npy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@code .npz} archive like {@code numpy.savez_compressed}: one DEFLATED member
 * {@code key.npy} per array, each written by {@link NpyWriter} (little-endian float64, C order).
 * The archive goes to a temporary file in the target directory that is then moved into place, so a
 * failed or interrupted write never leaves a half-written target. Member timestamps are fixed
 * (1980-01-01), so equal arrays give byte-identical files and equal checksums.
 */
public final class NpzWriter {

  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private NpzWriter() {}

  /**
   * @param file replaced if it exists
   * @param arrays key → array, written in iteration order; the key (not {@link NpyArray#name()})
   *     names the member; not modified
   * @throws IllegalArgumentException if a key is null, empty or ends with {@code .npy}
   */
  public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
    for (String key : arrays.keySet()) {
      if (key == null || key.isEmpty() || key.endsWith(".npy")) {
        throw new IllegalArgumentException(file.getFileName() + ": array key: expected a non-empty "
            + "name without the .npy suffix, got " + (key == null ? "null" : "'" + key + "'"));
      }
    }
    AtomicFile.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
          ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
          entry.setMethod(ZipEntry.DEFLATED);
          entry.setTimeLocal(FIXED_TIME);
          zip.putNextEntry(entry);
          NpyWriter.write(zip, e.getValue());
          zip.closeEntry();
        }
      }
    });
  }
}
