package dev.asyncinspect.e2e;

import java.nio.file.Path;

/**
 * What one forked run of a test program left: its exit code, its output, and where the agent was
 * asked to write its dump ({@code null} for a run without the agent).
 */
record ProgramRun(String what, int exitCode, String stdout, String stderr, Path dump) {

  /** For assertion messages: the run and everything it printed. */
  String describe() {
    return what
        + " exited with "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + "\n--- stderr ---\n"
        + stderr;
  }
}
