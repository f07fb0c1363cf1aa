package org.attnpaths.numerics.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NpzReader} and {@link NpzWriter}: round trips, numpy golden archives, rejections. */
class NpzTest {

  @TempDir
  Path dir;

  private static NpyArray random(String name, SplittableRandom rng, int... shape) {
    double[] d = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
    return NpyArray.of(name, shape, d);
  }

  @Test
  void roundTrip() throws IOException {
    SplittableRandom rng = new SplittableRandom(345);
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("x_train", random("x_train", rng, 4, 3, 5));
    arrays.put("y_train", random("y_train", rng, 4));
    arrays.put("scalar", random("scalar", rng));
    arrays.put("empty", random("empty", rng, 0, 2));
    Path file = dir.resolve("bundle.npz");
    NpzWriter.write(file, arrays);
    LinkedHashMap<String, NpyArray> back = NpzReader.read(file);
    assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
    assertEquals(arrays, back);
    assertEquals(List.copyOf(arrays.keySet()), NpzReader.names(file));
  }

  @Test
  void writingIsDeterministicAndReplacesTheTarget() throws IOException {
    Map<String, NpyArray> arrays = Map.of("a", NpyArray.of("a", new int[] {2}, new double[] {1, 2}));
    Path file = dir.resolve("a.npz");
    Files.writeString(file, "old content");
    NpzWriter.write(file, arrays);
    byte[] first = Files.readAllBytes(file);
    NpzWriter.write(file, arrays);
    assertArrayEquals(first, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aFailedWriteLeavesTheTargetUntouched() throws IOException {
    Path file = dir.resolve("a.npz");
    Files.writeString(file, "old content");
    IOException boom = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
      out.write(new byte[1000]);
      throw new IOException("disk full");
    }));
    assertEquals("disk full", boom.getMessage());
    assertEquals("old content", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  /** Archives written by numpy.savez (STORED) and savez_compressed (DEFLATED), see make_golden.py. */
  @ParameterizedTest
  @ValueSource(strings = {"golden-savez.npz", "golden-savez-compressed.npz"})
  void readsNumpyArchives(String resource) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = NpzTest.class.getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    Map<String, NpyArray> m = NpzReader.read(file);
    assertEquals(List.of("a", "f4_fortran", "be", "labels", "small", "bytes", "flags", "scalar",
        "empty"), List.copyOf(m.keySet()));
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, m.get("a").data());
    NpyArray f = m.get("f4_fortran");
    assertEquals("<f4", f.dtype());
    assertArrayEquals(new int[] {2, 3, 4}, f.shape());
    for (int i = 0; i < 24; i++) assertEquals(i / 8.0, f.data()[i]);
    assertEquals(">f8", m.get("be").dtype());
    assertArrayEquals(new double[] {-1.5, -0.5, 0.5, 1.5}, m.get("be").data());
    assertArrayEquals(new double[] {1, -1, 1}, m.get("labels").data());
    assertArrayEquals(new double[] {-3, 7}, m.get("small").data());
    assertArrayEquals(new double[] {0, 255}, m.get("bytes").data());
    assertArrayEquals(new double[] {1, 0}, m.get("flags").data());
    assertEquals(0, m.get("scalar").rank());
    assertArrayEquals(new double[] {2.5}, m.get("scalar").data());
    assertArrayEquals(new int[] {0, 3}, m.get("empty").shape());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsHandBuiltStoredAndDeflatedMembers(boolean deflate) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("w.npy", NpyFixture.npy(">f4", true, new int[] {2, 2}, new double[] {1, 2, 3, 4}));
    members.put("y.npy", NpyFixture.npy("<i8", false, new int[] {2}, new double[] {-1, 1}));
    Path file = dir.resolve("hand.npz");
    NpyFixture.zip(file, members, deflate);
    Map<String, NpyArray> m = NpzReader.read(file);
    assertArrayEquals(new double[] {1, 2, 3, 4}, m.get("w").data());
    assertArrayEquals(new double[] {-1, 1}, m.get("y").data());
    assertEquals("w", m.get("w").name());
  }

  @Test
  void rejectsAFileThatIsNotAZip() throws IOException {
    Path file = dir.resolve("tasks.npz");
    Files.write(file, NpyFixture.npy("<f8", false, new int[] {1}, new double[] {1}));
    String msg = assertThrows(NpyFormatException.class, () -> NpzReader.read(file)).getMessage();
    assertTrue(msg.startsWith("tasks.npz: not a readable .npz (zip) archive"), msg);
  }

  @Test
  void rejectsMembersThatAreNotNpy() throws IOException {
    Path file = dir.resolve("tasks.npz");
    NpyFixture.zip(file, Map.of("readme.txt", new byte[] {1}), true);
    assertEquals("tasks.npz: member 'readme.txt' is not a .npy array (an .npz holds only members "
        + "named <key>.npy)",
        assertThrows(NpyFormatException.class, () -> NpzReader.names(file)).getMessage());
  }

  @Test
  void namesTheFileAndMemberOfAMalformedArray() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("y_train.npy", NpyFixture.npy("<f8", false, new int[] {1}, new double[] {1}));
    members.put("x_train.npy", NpyFixture.npy(1, NpyFixture.dict("<c16", false, 1), new byte[16]));
    Path file = dir.resolve("tasks.npz");
    NpyFixture.zip(file, members, true);
    assertEquals(List.of("y_train", "x_train"), NpzReader.names(file));
    assertEquals("tasks.npz: x_train.npy: " + NpyDtype.EXPECTED + ", got '<c16'",
        assertThrows(NpyFormatException.class, () -> NpzReader.read(file)).getMessage());
  }

  @Test
  void skipsUnwantedMembersWithoutDecodingThem() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("names.npy", NpyFixture.npy(1, NpyFixture.dict("<U5", false, 2), new byte[40]));
    members.put("y.npy", NpyFixture.npy("<f8", false, new int[] {1}, new double[] {3}));
    Path file = dir.resolve("tasks.npz");
    NpyFixture.zip(file, members, false);
    Map<String, NpyArray> m = NpzReader.read(file, name -> !name.equals("names"));
    assertEquals(List.of("y"), List.copyOf(m.keySet()));
    String msg = assertThrows(NpyFormatException.class, () -> NpzReader.read(file)).getMessage();
    assertTrue(msg.startsWith("tasks.npz: names.npy: expected dtype"), msg);
  }

  @Test
  void rejectsATruncatedArchive() throws IOException {
    Path file = dir.resolve("tasks.npz");
    NpzWriter.write(file, Map.of("a", random("a", new SplittableRandom(345), 50)));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThrows(NpyFormatException.class, () -> NpzReader.read(file));
  }

  @Test
  void rejectsBadKeys() {
    Path file = dir.resolve("a.npz");
    Map<String, NpyArray> arrays = Map.of("a.npy", NpyArray.of("a", new int[0], new double[] {1}));
    assertEquals("a.npz: array key: expected a non-empty name without the .npy suffix, got 'a.npy'",
        assertThrows(IllegalArgumentException.class, () -> NpzWriter.write(file, arrays))
            .getMessage());
    assertFalse(Files.exists(file));
  }
}
