package org.attnpaths.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The top command: version, help, exit codes of the command tree itself. */
class AttnPathsTest {

  @Test
  void versionPrintsTheBuildVersion() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.exitCode(), r::toString);
    String version = BuildInfo.current().version();
    assertTrue(!version.equals(BuildInfo.UNKNOWN), "build.properties not filtered: " + version);
    assertTrue(r.out().startsWith("attnpaths " + version), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void theoryVersionToo() {
    CliRun r = CliRun.of("theory", "--version");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("attnpaths "), r::toString);
  }

  @Test
  void helpListsSubcommandsAndExitCodes() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("theory"), r::toString);
    assertTrue(r.out().contains("Exit codes:"), r::toString);
  }

  @Test
  void theoryHelpListsOptionsAndExitCodes() {
    CliRun r = CliRun.of("help", "theory");
    assertEquals(0, r.exitCode(), r::toString);
    for (String option : new String[] {"--task", "--widths", "--temperature", "--variances",
        "--readout", "--solver", "--tolerance", "--max-iterations", "--learning-rate",
        "--backend", "--seed", "--out", "--export-task", "--export-only", "--[no-]subsets",
        "--quiet",
        "--markov", "--train-size", "--test-size", "--sigma-perp", "--beta", "--perturbation",
        "--verbose", "Exit codes:"}) {
      assertTrue(r.out().contains(option), () -> option + " missing from help:\n" + r);
    }
  }

  @Test
  void usageListsEveryCommand() {
    CliRun r = CliRun.of("--help");
    for (String command : new String[] {"theory", "simulate", "compare", "prune", "validate",
        "report", "export-notebook", "export-npz", "help"}) {
      assertTrue(r.out().contains("  " + command + " "), () -> command + " missing:\n" + r);
    }
  }

  @Test
  void namedSubcommandIsTheOnlyOneBuilt() {
    assertEquals(Set.of("prune"),
        AttnPaths.newCommandLine("prune", "--widths", "10").getSubcommands().keySet());
    assertEquals(9, AttnPaths.newCommandLine("help", "prune").getSubcommands().size());
    assertEquals(9, AttnPaths.newCommandLine("--verbose", "theory").getSubcommands().size());
  }

  @Test
  void subcommandHelpThroughTheOneCommandLine() {
    CliRun r = CliRun.of("theory", "--help");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Usage: attnpaths theory"), r::toString);
    assertTrue(r.out().contains("--widths"), r::toString);
  }

  @Test
  void misspeltSubcommandIsNamed() {
    CliRun r = CliRun.of("theroy");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().contains("'theroy'"), r::toString);
  }

  @Test
  void noSubcommandPrintsUsage() {
    CliRun r = CliRun.of();
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Usage: attnpaths"), r::toString);
  }

  @Test
  void unknownOptionIsBadInput() {
    CliRun r = CliRun.of("--no-such-option");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("attnpaths: error: "), r::toString);
  }

  @Test
  void unknownSubcommandIsBadInput() {
    CliRun r = CliRun.of("nonsense");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
  }
}
