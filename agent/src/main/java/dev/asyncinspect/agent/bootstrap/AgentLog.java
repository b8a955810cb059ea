package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's only output channel: single lines on stderr that start with {@code [async-inspect]}.
 * Internal errors are reported once (the first one, with a hint), never as a flood.
 */
public final class AgentLog {
  private static final AtomicBoolean INTERNAL_ERROR_REPORTED = new AtomicBoolean();

  public static void warn(String message) {
    System.err.println("[async-inspect] " + message);
  }

  static void internalError(Throwable error) {
    if (INTERNAL_ERROR_REPORTED.compareAndSet(false, true)) {
      warn("internal error, recording goes on (further ones are only counted in dumps): " + error);
    }
  }

  private AgentLog() {}
}
