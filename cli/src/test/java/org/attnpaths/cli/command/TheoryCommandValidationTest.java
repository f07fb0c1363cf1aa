package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code attnpaths theory}: exit code 2, one {@code attnpaths: error:} line naming
 * the option or file, and no output written. Uses a tiny built-in task where a task is needed.
 */
class TheoryCommandValidationTest {

  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  /** Runs {@code theory} on a tiny task with {@code --out tmp/out} and the extra arguments. */
  private CliRun theory(String... extra) {
    List<String> args = new ArrayList<>(List.of("theory", "--out", out().toString(),
        "--train-size", "20", "--test-size", "40", "--widths", "10,100", "--backend", "ejml"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** A theory run on a task file (no Markov options allowed). */
  private CliRun theoryOnFile(Path task, String... extra) {
    List<String> args = new ArrayList<>(List.of("theory", "--out", out().toString(), "--task",
        task.toString(), "--backend", "ejml"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertBadInput(CliRun r, String mustMention) throws IOException {
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("attnpaths: error: "), r::toString);
    assertTrue(r.err().contains(mustMention), () -> "expected '" + mustMention + "' in\n" + r);
    assertEquals(1, r.err().lines().count(), () -> "expected one error line:\n" + r);
    assertFalse(r.err().contains("\tat "), () -> "stack trace without --verbose:\n" + r);
    assertNothingWritten();
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      List<Path> written = files.filter(p -> !p.equals(tmp) && !p.getFileName().toString()
          .equals("garbage.npz")).toList();
      assertEquals(List.of(), written, "no output expected after a failure");
    }
  }

  @Test
  void unknownOption() throws IOException {
    assertBadInput(theory("--no-such-option"), "--no-such-option");
  }

  @Test
  void zeroTemperature() throws IOException {
    assertBadInput(theory("--temperature", "0"), "--temperature");
  }

  @Test
  void negativeTemperature() throws IOException {
    assertBadInput(theory("--temperature", "-1"), "--temperature");
  }

  @Test
  void nonNumericTemperature() throws IOException {
    assertBadInput(theory("--temperature", "warm"), "--temperature");
  }

  @Test
  void zeroWidth() throws IOException {
    assertBadInput(theory("--widths", "0"), "--widths");
  }

  @Test
  void negativeWidthInList() throws IOException {
    assertBadInput(theory("--widths", "10,-5"), "--widths");
  }

  @Test
  void nonPositiveVariance() throws IOException {
    assertBadInput(theory("--variances", "0"), "--variances");
  }

  @Test
  void varianceCountMustBeOneOrLPlusTwo() throws IOException {
    // The built-in task has L = 2 layers: 1 or 4 variances.
    assertBadInput(theory("--variances", "1,1,1"), "--variances");
  }

  @Test
  void gpSubsetWithAHeadOutOfRange() throws IOException {
    assertBadInput(theory("--gp-subset", "x=3/1"), "--gp-subset x: layer 1 has heads 1..2, got 3");
  }

  @Test
  void gpSubsetWithTheWrongNumberOfLayers() throws IOException {
    assertBadInput(theory("--gp-subset", "x=1"), "--gp-subset x: expected 2 layers");
  }

  @Test
  void gpSubsetWithoutAName() throws IOException {
    assertBadInput(theory("--gp-subset", "1/1"), "--gp-subset: expected NAME=HEADS");
  }

  @Test
  void unknownKernelRepresentation() throws IOException {
    assertBadInput(theory("--kernels", "sparse"), "--kernels");
  }

  @Test
  void unknownReadout() throws IOException {
    assertBadInput(theory("--readout", "middle"), "--readout");
  }

  @Test
  void unknownSolver() throws IOException {
    assertBadInput(theory("--solver", "lbfgs"), "--solver");
  }

  @Test
  void zeroTolerance() throws IOException {
    assertBadInput(theory("--tolerance", "0"), "--tolerance");
  }

  @Test
  void zeroMaxIterations() throws IOException {
    assertBadInput(theory("--max-iterations", "0"), "--max-iterations");
  }

  @Test
  void unknownBackend() throws IOException {
    assertBadInput(theory("--backend", "cuda"), "--backend");
  }

  @Test
  void oddTrainSize() throws IOException {
    assertBadInput(theory("--train-size", "21"), "--train-size");
  }

  @Test
  void unknownMarkovVariant() throws IOException {
    assertBadInput(theory("--markov", "three-path"), "--markov");
  }

  @Test
  void unknownHeadKind() throws IOException {
    assertBadInput(theory("--layer1-heads", "same_token,random"), "--layer1-heads");
  }

  @Test
  void stayNeedsTwoProbabilities() throws IOException {
    assertBadInput(theory("--stay", "0.7"), "--stay");
  }

  @Test
  void subsetsNeedTheFig2cLayout() throws IOException {
    assertBadInput(theory("--layer1-heads", "uniform,blank", "--subsets"), "--subsets");
  }

  @Test
  void exportTaskIntoADirectory() throws IOException {
    assertBadInput(theory("--export-task", tmp.toString()), "--export-task");
  }

  @Test
  void exportOnlyNeedsExportTask() throws IOException {
    assertBadInput(theory("--export-only"), "--export-only");
  }

  @Test
  void outIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("garbage.npz"), "not a directory");
    CliRun r = CliRun.of("theory", "--out", file.toString(), "--train-size", "20",
        "--test-size", "40", "--widths", "10");
    assertBadInput(r, "--out");
  }

  @Test
  void missingTaskFileIsNamed() throws IOException {
    Path missing = tmp.resolve("missing.npz");
    assertBadInput(theoryOnFile(missing), "missing.npz");
  }

  @Test
  void malformedTaskFile() throws IOException {
    Path garbage = tmp.resolve("garbage.npz");
    Files.write(garbage, new byte[] {0x13, 0x37, 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p', 0});
    assertBadInput(theoryOnFile(garbage), "garbage.npz");
  }

  @Test
  void taskFileWithUnknownArray() throws IOException {
    // A well-formed zip whose only member is not a task array: content error, still exit 2.
    Path garbage = tmp.resolve("garbage.npz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(garbage))) {
      zip.putNextEntry(new ZipEntry("weights.npy"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    assertBadInput(theoryOnFile(garbage), "garbage.npz");
  }

  @Test
  void markovOptionsRejectedWithTaskFile() throws IOException {
    Path garbage = tmp.resolve("garbage.npz");
    Files.write(garbage, new byte[] {1, 2, 3});
    assertBadInput(theoryOnFile(garbage, "--train-size", "20"), "--train-size");
  }

  @Test
  void subsetsRejectedWithTaskFile() throws IOException {
    Path garbage = tmp.resolve("garbage.npz");
    Files.write(garbage, new byte[] {1, 2, 3});
    assertBadInput(theoryOnFile(garbage, "--subsets"), "--subsets");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun r = theoryOnFile(tmp.resolve("missing.npz"), "--verbose");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("attnpaths: error: "), r::toString);
    assertTrue(r.err().contains("\tat "), r::toString);
  }
}
