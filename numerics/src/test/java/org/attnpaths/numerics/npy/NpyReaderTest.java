package org.attnpaths.numerics.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NpyReader} on hand-built byte fixtures: every supported layout and every rejection. */
class NpyReaderTest {

  private static final double[] SIX = {0.0, 0.25, -0.5, 0.75, 1.0, -1.25};

  private static NpyArray read(byte[] bytes) throws IOException {
    return NpyReader.read(new ByteArrayInputStream(bytes), "x", "t.npy");
  }

  private static String failure(byte[] bytes) {
    return assertThrows(NpyFormatException.class, () -> read(bytes)).getMessage();
  }

  @Test
  void float64InCOrder() throws IOException {
    NpyArray a = read(NpyFixture.npy("<f8", false, new int[] {2, 3}, SIX));
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(SIX, a.data());
    assertEquals("<f8", a.dtype());
    assertEquals("x", a.name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<f4", ">f4", ">f8"})
  void otherFloatTypesConvertExactly(String descr) throws IOException {
    NpyArray a = read(NpyFixture.npy(descr, false, new int[] {3, 2}, SIX));
    assertArrayEquals(new int[] {3, 2}, a.shape());
    assertArrayEquals(SIX, a.data());
    assertEquals(descr, a.dtype());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<i8", ">i8", "<i4", "<i2", "|i1"})
  void signedIntegersConvert(String descr) throws IOException {
    double[] v = {-3, 0, 1, 7, -1, 100};
    assertArrayEquals(v, read(NpyFixture.npy(descr, false, new int[] {6}, v)).data());
  }

  @Test
  void unsignedAndBoolConvert() throws IOException {
    byte[] u1 = NpyFixture.npy(1, NpyFixture.dict("|u1", false, 3), new byte[] {0, 7, (byte) 255});
    assertArrayEquals(new double[] {0, 7, 255}, read(u1).data());
    byte[] b1 = NpyFixture.npy(1, NpyFixture.dict("|b1", false, 3), new byte[] {1, 0, 1});
    assertArrayEquals(new double[] {1, 0, 1}, read(b1).data());
  }

  @Test
  void fortranOrderIsTransposedToCOrder() throws IOException {
    int[] shape = {2, 3, 4};
    double[] c = new double[24];
    for (int i = 0; i < c.length; i++) c[i] = i / 8.0;
    NpyArray a = read(NpyFixture.npy("<f4", true, shape, c));
    assertArrayEquals(shape, a.shape());
    assertArrayEquals(c, a.data());
    // One value by hand: stored Fortran position of (1, 2, 3) is 1 + 2·2 + 3·6 = 23.
    double[] f = NpyFixture.cToFortran(c, shape);
    assertEquals(c[1 * 12 + 2 * 4 + 3], f[23]);
  }

  @Test
  void fortranOrderMatrix() throws IOException {
    // [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6.
    byte[] bytes = NpyFixture.npy(1, NpyFixture.dict("<f8", true, 2, 3),
        NpyFixture.encode("<f8", new double[] {1, 4, 2, 5, 3, 6}));
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, read(bytes).data());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void headerVersions(int major) throws IOException {
    byte[] bytes = NpyFixture.npy(major, NpyFixture.dict("<f8", false, 2, 3),
        NpyFixture.encode("<f8", SIX));
    assertArrayEquals(SIX, read(bytes).data());
  }

  static Stream<Arguments> headerSpellings() {
    return Stream.of(
        Arguments.of("{'descr':'<f8','fortran_order':False,'shape':(2,3)}", new int[] {2, 3}),
        Arguments.of("{ \"shape\" : ( 2 , 3 , ) , \"descr\" : \"<f8\" , \"fortran_order\" : False }",
            new int[] {2, 3}),
        Arguments.of("{'descr': '<f8',\n 'fortran_order': False,\n 'shape': (6,),\n}", new int[] {6}),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
            new int[] {2, 3}),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (6, 1, 1), }",
            new int[] {6, 1, 1}));
  }

  @ParameterizedTest
  @MethodSource("headerSpellings")
  void headerSpellingsParse(String header, int[] shape) throws IOException {
    NpyArray a = read(NpyFixture.npy(1, header, NpyFixture.encode("<f8", SIX)));
    assertArrayEquals(shape, a.shape());
    assertArrayEquals(SIX, a.data());
  }

  @Test
  void scalarAndEmptyShapes() throws IOException {
    NpyArray s = read(NpyFixture.npy(1, NpyFixture.dict("<f8", false),
        NpyFixture.encode("<f8", new double[] {2.5})));
    assertEquals(0, s.rank());
    assertArrayEquals(new double[] {2.5}, s.data());
    NpyArray e = read(NpyFixture.npy(1, NpyFixture.dict("<f8", true, 0, 3), new byte[0]));
    assertArrayEquals(new int[] {0, 3}, e.shape());
    assertEquals(0, e.size());
  }

  @Test
  void readsAFileAndNamesItAfterTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("weights.npy");
    Files.write(file, NpyFixture.npy("<f8", false, new int[] {6}, SIX));
    NpyArray a = NpyReader.read(file);
    assertEquals("weights", a.name());
    assertArrayEquals(SIX, a.data());
    Files.write(file, new byte[] {1, 2, 3});
    String msg = assertThrows(NpyFormatException.class, () -> NpyReader.read(file)).getMessage();
    assertTrue(msg.startsWith("weights.npy: not a .npy array"), msg);
  }

  // ---- rejections: each message names the file and says what was expected and found

  @Test
  void rejectsBadMagic() {
    byte[] bytes = NpyFixture.npy("<f8", false, new int[] {6}, SIX);
    bytes[1] = 'X';
    assertEquals("t.npy: not a .npy array: expected magic \\x93NUMPY, got '\\x93XUMPY'",
        failure(bytes));
    assertEquals("t.npy: not a .npy array: expected magic \\x93NUMPY, got an empty file",
        failure(new byte[0]));
  }

  @Test
  void rejectsUnsupportedVersion() {
    byte[] bytes = NpyFixture.npy("<f8", false, new int[] {6}, SIX);
    bytes[6] = 4;
    assertEquals("t.npy: unsupported .npy format version 4.0 (expected 1.0, 2.0 or 3.0)",
        failure(bytes));
  }

  @Test
  void rejectsTruncatedHeader() {
    byte[] bytes = NpyFixture.npy("<f8", false, new int[] {6}, SIX);
    assertEquals("t.npy: truncated header: expected 118 bytes, got 40",
        failure(Arrays.copyOf(bytes, 50)));
    assertEquals("t.npy: truncated header: the data ends after 7 bytes",
        failure(Arrays.copyOf(bytes, 7)));
  }

  @Test
  void rejectsTruncatedData() {
    byte[] bytes = NpyFixture.npy("<f8", false, new int[] {2, 3}, SIX);
    assertEquals("t.npy: truncated data: shape [2, 3] of <f8 needs 48 bytes, got 45",
        failure(Arrays.copyOf(bytes, bytes.length - 3)));
  }

  @Test
  void rejectsDataLongerThanTheShape() {
    byte[] bytes = NpyFixture.npy(1, NpyFixture.dict("<f8", false, 5),
        NpyFixture.encode("<f8", SIX));
    assertEquals("t.npy: shape/data size mismatch: shape [5] of <f8 needs 40 bytes, but more data "
        + "follows", failure(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<c16", "|O", "<U5", "<f2", "<M8[ns]", "|f8", "<i3", "S10"})
  void rejectsUnsupportedDtypes(String descr) {
    byte[] bytes = NpyFixture.npy(1, NpyFixture.dict(descr, false, 2), new byte[32]);
    assertEquals("t.npy: " + NpyDtype.EXPECTED + ", got '" + descr + "'", failure(bytes));
  }

  @Test
  void rejectsStructuredDtype() {
    String header = "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }";
    assertEquals("t.npy: " + NpyDtype.EXPECTED + ", got [('a', '<f8'), ('b', '<i4')]",
        failure(NpyFixture.npy(1, header, new byte[12])));
  }

  static Stream<Arguments> badHeaders() {
    return Stream.of(
        Arguments.of("[1, 2]", "t.npy: header is not a Python dict: '[1, 2]'"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2, }",
            "t.npy: malformed header, unexpected character '}' at position 54"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False}",
            "t.npy: header is missing key 'shape'"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
            "t.npy: header has unexpected key 'extra'"),
        Arguments.of("{'descr': '<f8', 'fortran_order': 'no', 'shape': (2,)}",
            "t.npy: header 'fortran_order': expected True or False, got 'no'"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
            "t.npy: header 'shape': expected a tuple of integers in [0, 2^31-1], got (-1,)"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': [2]}",
            "t.npy: header 'shape': expected a tuple of integers in [0, 2^31-1], got [2]"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,)}",
            "t.npy: malformed header, only integers are supported"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296,)}",
            "t.npy: header 'shape': expected a tuple of integers in [0, 2^31-1], got (4294967296,)"),
        Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} junk",
            "t.npy: malformed header, unexpected text after the literal"));
  }

  @ParameterizedTest
  @MethodSource("badHeaders")
  void rejectsBadHeaders(String header, String messageStart) {
    String msg = failure(NpyFixture.npy(1, header, new byte[16]));
    assertTrue(msg.startsWith(messageStart), msg);
  }

  @Test
  void rejectsShapesTooLargeForAJavaArray() {
    String msg = failure(NpyFixture.npy(1, NpyFixture.dict("<f8", false, 65536, 65536),
        new byte[8]));
    assertEquals("t.npy: shape [65536, 65536] holds more than 2^31 values, too many for one Java "
        + "array", msg);
  }

  @Test
  void version3HeaderIsUtf8AndVersion1IsLatin1() {
    // 'é' is two bytes in UTF-8: version 3 decodes it as one character, version 1 as two.
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), '\u00e9': 1}";
    assertTrue(failure(NpyFixture.npy(3, header, new byte[8])).contains("unexpected key '\u00e9'"));
    byte[] utf8 = header.getBytes(StandardCharsets.UTF_8);
    String asLatin1 = new String(utf8, StandardCharsets.ISO_8859_1);
    assertTrue(failure(NpyFixture.npy(1, asLatin1, new byte[8]))
        .contains("unexpected key '\u00c3\u00a9'"));
  }
}
