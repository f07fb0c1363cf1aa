package org.attnpaths.numerics.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link NpyWriter}: byte-identical to numpy 1.24 and readable by {@link NpyReader}. */
class NpyWriterTest {

  static Stream<Arguments> numpyGolden() {
    return Stream.of(
        Arguments.of("f8-2x3.npy", new int[] {2, 3}, new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}),
        Arguments.of("f8-5.npy", new int[] {5}, new double[] {0, 1, 2, 3, 4}),
        Arguments.of("f8-scalar.npy", new int[0], new double[] {2.5}),
        Arguments.of("f8-0x3.npy", new int[] {0, 3}, new double[0]));
  }

  /** The golden files come from {@code numpy.save} (see make_golden.py). */
  @ParameterizedTest
  @MethodSource("numpyGolden")
  void writesTheSameBytesAsNumpy(String resource, int[] shape, double[] data) throws IOException {
    byte[] golden;
    try (InputStream in = NpyWriterTest.class.getResourceAsStream(resource)) {
      golden = in.readAllBytes();
    }
    assertArrayEquals(golden, NpyFixture.written(NpyArray.of("a", shape, data)));
    NpyArray back = NpyReader.read(new ByteArrayInputStream(golden), "a", resource);
    assertArrayEquals(shape, back.shape());
    assertArrayEquals(data, back.data());
  }

  @Test
  void headersAre64ByteAlignedForManyShapes() {
    SplittableRandom rng = new SplittableRandom(345);
    for (int trial = 0; trial < 200; trial++) {
      int[] shape = new int[rng.nextInt(7)];
      for (int k = 0; k < shape.length; k++) shape[k] = rng.nextInt(1 << rng.nextInt(1, 31));
      byte[] h = NpyWriter.header(shape);
      assertEquals(0, h.length % NpyWriter.ALIGN, () -> "header length " + h.length);
      assertEquals('\n', h[h.length - 1]);
      assertEquals(1, h[6]);
    }
  }

  @Test
  void roundTripThroughAFile(@TempDir Path dir) throws IOException {
    SplittableRandom rng = new SplittableRandom(345);
    double[] data = new double[3 * 5 * 7];
    for (int i = 0; i < data.length; i++) data[i] = rng.nextGaussian();
    data[4] = Double.NaN;
    data[5] = Double.NEGATIVE_INFINITY;
    data[6] = -0.0;
    NpyArray a = NpyArray.of("x", new int[] {3, 5, 7}, data);
    Path file = dir.resolve("x.npy");
    NpyWriter.write(file, a);
    assertEquals(a, NpyReader.read(file));
  }

  @Test
  void hugeHeadersFallBackToVersion2() throws IOException {
    int[] shape = new int[30000]; // "1, " × 30000 does not fit a 2-byte header length
    java.util.Arrays.fill(shape, 1);
    NpyArray a = NpyArray.of("x", shape, new double[] {7.0});
    byte[] bytes = NpyFixture.written(a);
    assertEquals(2, bytes[6]);
    assertEquals(0, (bytes.length - 8) % NpyWriter.ALIGN);
    assertEquals(a, NpyReader.read(new ByteArrayInputStream(bytes), "x", "x.npy"));
  }
}
