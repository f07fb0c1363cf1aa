package org.attnpaths.numerics.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an {@code .npz} archive as {@code numpy.savez} (STORED entries) and
 * {@code numpy.savez_compressed} (DEFLATED entries) write it: a zip file whose members are
 * {@code name.npy} arrays. Zip64 archives are supported. Every member must be a {@code .npy}
 * array; anything else (a directory, a text file, a duplicate name) is rejected rather than
 * skipped.
 */
public final class NpzReader {

  private NpzReader() {}

  /**
   * Reads every array, in archive order.
   *
   * @return entry name without {@code .npy} → array (float64, C order; its {@code name} is the key)
   * @throws NpyFormatException if the file is not a zip archive, a member is not a {@code .npy}
   *     file, or a member is malformed (message {@code file: entry: problem})
   * @throws IOException if the file cannot be read at all (e.g. it does not exist)
   */
  public static LinkedHashMap<String, NpyArray> read(Path file) throws IOException {
    return read(file, name -> true);
  }

  /**
   * Reads the arrays whose names pass {@code wanted}, in archive order; the others are skipped
   * without decoding (so they may hold dtypes this package cannot convert, such as strings).
   *
   * @param wanted tested with each entry name without {@code .npy}
   * @throws NpyFormatException as {@link #read(Path)}, for the archive and the wanted members
   */
  public static LinkedHashMap<String, NpyArray> read(Path file, Predicate<String> wanted)
      throws IOException {
    String where = file.getFileName().toString();
    LinkedHashMap<String, NpyArray> out = new LinkedHashMap<>();
    try (ZipFile zip = open(file, where)) {
      for (ZipEntry entry : entries(zip, where)) {
        String entryWhere = where + ": " + entry.getName();
        String name = arrayName(entry.getName());
        if (!wanted.test(name)) continue;
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
          out.put(name, NpyReader.read(in, name, entryWhere));
        } catch (NpyFormatException e) {
          throw e;
        } catch (IOException e) {
          // ZipException (bad CRC or deflate data) or EOFException (cut-off deflate stream).
          throw new NpyFormatException(entryWhere + ": corrupt archive member: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * The array names (entry names without {@code .npy}) in archive order, without decoding any
   * data; use it to check the keys of a bundle before reading large arrays.
   *
   * @throws NpyFormatException if the file is not a zip archive or has a member that is not a
   *     {@code .npy} file
   */
  public static List<String> names(Path file) throws IOException {
    String where = file.getFileName().toString();
    List<String> names = new ArrayList<>();
    try (ZipFile zip = open(file, where)) {
      for (ZipEntry e : entries(zip, where)) names.add(arrayName(e.getName()));
    }
    return names;
  }

  private static ZipFile open(Path file, String where) throws IOException {
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new NpyFormatException(where + ": not a readable .npz (zip) archive: " + e.getMessage(),
          e);
    }
  }

  private static List<ZipEntry> entries(ZipFile zip, String where) throws NpyFormatException {
    List<ZipEntry> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
      ZipEntry e = en.nextElement();
      String n = e.getName();
      if (e.isDirectory() || !n.endsWith(".npy") || n.length() == 4) {
        throw new NpyFormatException(where + ": member '" + n + "' is not a .npy array (an .npz "
            + "holds only members named <key>.npy)");
      }
      if (!seen.add(n)) {
        throw new NpyFormatException(where + ": duplicate member '" + n + "'");
      }
      list.add(e);
    }
    return list;
  }

  private static String arrayName(String entryName) {
    return entryName.substring(0, entryName.length() - 4);
  }
}
