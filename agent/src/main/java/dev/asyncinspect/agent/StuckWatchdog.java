package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.agent.bootstrap.DumpSchedule;
import dev.asyncinspect.agent.bootstrap.Recorder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The hang watchdog (option {@code stuck=DURATION}): when a task waits longer than that without
 * progress, writes a dump and prints on stderr the stuck report that {@code async-inspect analyze}
 * would print for it, once per episode (a task waiting at one state change). Runs on its own daemon
 * thread and only reads the recorder, so application threads never wait for it.
 */
final class StuckWatchdog {
  private final Recorder recorder;
  private final DumpSchedule dumps;
  private final Path dumpPath;
  private final long thresholdNanos;
  private final Set<String> reported = new HashSet<>();

  private StuckWatchdog(
      Recorder recorder, DumpSchedule dumps, Path dumpPath, long thresholdMillis) {
    this.recorder = recorder;
    this.dumps = dumps;
    this.dumpPath = dumpPath;
    this.thresholdNanos = thresholdMillis * 1_000_000;
  }

  static void start(Recorder recorder, DumpSchedule dumps, Path dumpPath, long thresholdMillis) {
    StuckWatchdog watchdog = new StuckWatchdog(recorder, dumps, dumpPath, thresholdMillis);
    long period = Math.max(50, Math.min(1_000, thresholdMillis / 4));
    Thread thread =
        new Thread(
            () -> {
              try {
                do {
                  Thread.sleep(period);
                } while (watchdog.check());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "async-inspect-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * One look at the live tasks; false when the watchdog failed and stops. It never throws: an
   * exception escaping the thread would reach the application's default uncaught-exception handler.
   */
  private boolean check() {
    try {
      long[] waiting = recorder.waitingLongerThan(thresholdNanos);
      Set<String> now = new HashSet<>();
      boolean fresh = false;
      for (int i = 0; i < waiting.length; i += 2) {
        String episode = waiting[i] + ":" + waiting[i + 1];
        now.add(episode);
        fresh |= !reported.contains(episode);
      }
      reported.retainAll(now); // episodes that ended are forgotten: memory stays bounded
      if (!fresh) {
        return true;
      }
      reported.addAll(now);
      if (dumps.writeNow("stuck")) {
        StuckReport.print(dumpPath, thresholdNanos);
      }
      return true;
    } catch (Throwable e) {
      AgentLog.warn("watchdog failed, it stops reporting: " + e);
      return false;
    }
  }
}
