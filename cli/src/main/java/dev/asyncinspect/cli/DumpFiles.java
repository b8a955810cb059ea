package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpFormatException;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** Reading a dump named on the command line, as every command that takes one does. */
final class DumpFiles {
  private DumpFiles() {}

  /**
   * Reads a dump and prints its warnings (truncated, dangling ids) on {@code err}, one line each;
   * read errors name the file, for {@link CommandErrors} to report in one line.
   */
  static Dump read(Path file, PrintWriter err) throws IOException {
    Dump dump;
    try {
      dump = DumpReader.read(file);
    } catch (DumpFormatException | FileSystemException e) {
      throw e;
    } catch (IOException e) {
      // Some read errors ("Is a directory") do not name the file; the user needs to know which.
      FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
      named.initCause(e);
      throw named;
    }
    for (String warning : dump.warnings()) {
      err.println("async-inspect: warning: " + Fit.visible(warning));
    }
    err.flush();
    return dump;
  }
}
