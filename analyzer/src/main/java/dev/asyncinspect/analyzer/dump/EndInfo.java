package dev.asyncinspect.analyzer.dump;

import java.util.Map;

/**
 * The {@code end} record, the last line of a complete dump.
 *
 * @param counts the number of records written, by record type
 * @param dropped what the agent did not record since it started ({@code tasks}, {@code events},
 *     ...)
 * @param totalTasks tasks started since the agent started
 */
public record EndInfo(Map<String, Long> counts, Map<String, Long> dropped, long totalTasks) {

  public EndInfo {
    counts = Copies.orderedMap(counts);
    dropped = Copies.orderedMap(dropped);
  }
}
