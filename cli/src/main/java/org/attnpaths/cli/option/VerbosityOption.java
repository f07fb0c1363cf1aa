package org.attnpaths.cli.option;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -v/--verbose}, accepted on every command. Each command holds its own instance (a
 * {@code @Mixin} field named {@value #MIXIN_NAME}); the flag is stored on the top command's
 * instance so the error reporter finds it wherever it was given (picocli's LoggingMixin pattern).
 */
public final class VerbosityOption {

  /** Field name every command must use for this mixin. */
  public static final String MIXIN_NAME = "verbosity";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private boolean verbose;

  @Option(names = {"-v", "--verbose"}, order = 900,
      description = "Print the stack trace of an error, and the wall time of each phase.")
  void setVerbose(boolean verbose) {
    VerbosityOption root = rootOf(mixee);
    (root == null ? this : root).verbose = verbose;
    this.verbose = verbose;
  }

  /** Whether {@code --verbose} was given anywhere on the command line of {@code cmd}. */
  public static boolean isVerbose(CommandLine cmd) {
    VerbosityOption root = rootOf(cmd.getCommandSpec());
    if (root != null && root.verbose) return true;
    CommandSpec own = cmd.getCommandSpec().mixins().get(MIXIN_NAME);
    return own != null && own.userObject() instanceof VerbosityOption v && v.verbose;
  }

  private static VerbosityOption rootOf(CommandSpec spec) {
    if (spec == null) return null;
    CommandSpec mixin = spec.root().mixins().get(MIXIN_NAME);
    return mixin != null && mixin.userObject() instanceof VerbosityOption v ? v : null;
  }
}
