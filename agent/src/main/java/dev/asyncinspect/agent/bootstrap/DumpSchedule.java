package dev.asyncinspect.agent.bootstrap;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When dumps are written without being asked for each time: once when the JVM exits (normal end,
 * {@code System.exit}, or a termination signal), and every interval if one is set. Runs on the
 * agent's own daemon thread and shutdown hook, never on an application thread.
 */
public final class DumpSchedule {
  private static final String EXIT = "exit";

  private final DumpWriter writer;
  private final Path path;

  /** The reason the last dump failed, or null when it was written; read and written under sync. */
  private String lastFailure;

  /**
   * Whether the exit dump was written (or tried): it is the last one. Periodic dumps go on during
   * shutdown (their thread is a daemon), and one written after it would replace it. Under sync.
   */
  private boolean exitDumpDone;

  public DumpSchedule(DumpWriter writer, Path path) {
    this.writer = writer;
    this.path = path;
  }

  /** Writes a dump when the JVM shuts down. */
  public void onExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(new ExitDump(), "async-inspect-exit-dump"));
  }

  /** The shutdown hook (a class rather than a lambda: no lambda machinery at agent start). */
  private final class ExitDump implements Runnable {
    @Override
    public void run() {
      PinnedWatch.drain(5_000);
      writeNow(EXIT);
    }
  }

  /** Writes a dump every {@code intervalMillis} on a daemon thread. */
  public void every(long intervalMillis) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(intervalMillis);
                  writeNow("interval");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "async-inspect-interval-dump");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Writes a dump now; a failure is one line on stderr, and a failure for the same reason as the
   * one before is not reported again (periodic dumps to a full disk would flood stderr). Returns
   * whether it was written. After the exit dump, writes nothing more.
   */
  public synchronized boolean writeNow(String reason) {
    if (exitDumpDone) {
      return false;
    }
    exitDumpDone = EXIT.equals(reason);
    try {
      writer.write(path, reason);
      lastFailure = null;
      return true;
    } catch (Throwable e) {
      String failure = describe(e);
      if (!failure.equals(lastFailure)) {
        lastFailure = failure;
        AgentLog.warn("could not write dump to " + path + ": " + failure);
      }
      return false;
    }
  }

  private String describe(Throwable e) {
    // The file the JVM names is the temporary one; the user knows the target and its folder.
    Path folder = path.toAbsolutePath().getParent();
    if (e instanceof FileSystemException) {
      if (folder != null && !Files.exists(folder)) {
        return "folder " + folder + " does not exist";
      }
      if (folder != null && !Files.isDirectory(folder)) {
        return folder + " is not a folder";
      }
      if (e instanceof AccessDeniedException) {
        return "no permission to write in folder " + folder;
      }
      String why = ((FileSystemException) e).getReason();
      return (why != null ? why : e.getClass().getSimpleName()) + " (in folder " + folder + ")";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
