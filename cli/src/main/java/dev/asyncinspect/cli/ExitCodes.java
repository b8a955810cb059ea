package dev.asyncinspect.cli;

/** The exit codes of every command, documented in docs/cli.md; scripts and CI depend on them. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * {@code analyze} found problems in the sections it was asked for: stuck tasks, deadlocks (its
   * own and the JVM's) or failed tasks; so that it can gate a CI build.
   */
  public static final int FINDINGS = 1;

  /**
   * The command could not do it because of its input: bad usage, a file that cannot be read, is not
   * a dump, or has a format version this async-inspect does not read. Also picocli's usage code.
   */
  public static final int BAD_INPUT = 2;

  /** A bug in async-inspect: an exception that is not about the input. */
  public static final int INTERNAL_ERROR = 4;

  private ExitCodes() {}
}
