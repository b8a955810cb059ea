package dev.asyncinspect.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point. It does little and never throws: it puts the run-time classes on the
 * bootstrap class path, then installs the weaving. Any failure is one {@code [async-inspect]} line
 * on stderr, and the application runs on, untraced.
 *
 * <p>This class must not refer to the run-time package ({@code bootstrap}) directly: those classes
 * have to be loaded from the bootstrap class path, which they are only on after {@link
 * BootstrapInjector} ran.
 */
public final class AgentMain {

  public static void premain(String args, Instrumentation instrumentation) {
    start(args, instrumentation, false);
  }

  /** Loaded into a running JVM ({@code async-inspect dump <pid>}, or any attach). */
  public static void agentmain(String args, Instrumentation instrumentation) {
    start(args, instrumentation, true);
  }

  private static void start(String args, Instrumentation instrumentation, boolean attached) {
    try {
      BootstrapInjector.inject(instrumentation);
      Installer.install(args, instrumentation, attached);
    } catch (Throwable e) {
      System.err.println("[async-inspect] agent not started, the application runs untraced: " + e);
    }
  }

  private AgentMain() {}
}
