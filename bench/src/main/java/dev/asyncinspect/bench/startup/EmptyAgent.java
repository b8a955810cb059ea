package dev.asyncinspect.bench.startup;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing: what any {@code -javaagent} costs the JVM's start (the instrument
 * library, and on JDK 17 no archived module graph), the floor under the agent's own cost.
 */
public final class EmptyAgent {
  public static void premain(String args, Instrumentation instrumentation) {}

  private EmptyAgent() {}
}
