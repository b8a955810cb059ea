package dev.asyncinspect.analyzer.dump;

import java.util.Map;

/**
 * The {@code header} record, the first line of a dump.
 *
 * @param format always {@code async-inspect-dump}
 * @param version the format version, {@code MAJOR.MINOR}
 * @param agentVersion the version of the agent that wrote the dump
 * @param jvm {@code name}, {@code vendor} and {@code version} of the JVM; empty when absent
 * @param pid the process id
 * @param mainClass the main class or jar, or null when unknown
 * @param startTime ISO-8601 instant of the agent's origin (time 0 of all dump times)
 * @param dumpTime ISO-8601 instant of the dump
 * @param dumpNanos the dump's moment on the dump clock
 * @param reason {@code exit}, {@code interval} or {@code request}
 * @param options the agent options in force; empty when absent
 */
public record Header(
    String format,
    String version,
    String agentVersion,
    Map<String, String> jvm,
    long pid,
    String mainClass,
    String startTime,
    String dumpTime,
    long dumpNanos,
    String reason,
    Map<String, String> options) {

  public Header {
    jvm = Copies.orderedMap(jvm);
    options = Copies.orderedMap(options);
  }

  /** The JVM as one phrase, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6 (Debian)}. */
  public String jvmDescription() {
    StringBuilder text = new StringBuilder(jvm.getOrDefault("name", "unknown JVM"));
    if (jvm.containsKey("version")) {
      text.append(' ').append(jvm.get("version"));
    }
    if (jvm.containsKey("vendor")) {
      text.append(" (").append(jvm.get("vendor")).append(')');
    }
    return text.toString();
  }
}
