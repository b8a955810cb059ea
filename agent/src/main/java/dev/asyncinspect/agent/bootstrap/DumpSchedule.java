package dev.asyncinspect.agent.bootstrap;

import java.nio.file.Path;

/**
 * When dumps are written without being asked for each time: once when the JVM exits (normal end,
 * {@code System.exit}, or a termination signal), and every interval if one is set. Runs on the
 * agent's own daemon thread and shutdown hook, never on an application thread.
 */
public final class DumpSchedule {
  private final DumpWriter writer;
  private final Path path;

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
      writeNow("exit");
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

  /** Writes a dump now; a failure is one line on stderr. Returns whether it was written. */
  public boolean writeNow(String reason) {
    try {
      writer.write(path, reason);
      return true;
    } catch (Throwable e) {
      AgentLog.warn("could not write dump to " + path + ": " + describe(e));
      return false;
    }
  }

  private String describe(Throwable e) {
    // The file the JVM names is the temporary one; the user knows the target and its folder.
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "folder " + path.toAbsolutePath().getParent() + " does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "no permission to write in folder " + path.toAbsolutePath().getParent();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
