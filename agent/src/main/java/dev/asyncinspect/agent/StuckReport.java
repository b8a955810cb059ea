package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.DeadlocksText;
import dev.asyncinspect.analyzer.analysis.StuckCriteria;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.StuckTasksText;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The watchdog's report: the dump just written, read and analyzed by the analyzer the agent jar
 * carries (relocated), printed on stderr as {@code analyze --show-stuck --show-deadlocks} would.
 */
final class StuckReport {

  static void print(Path dump, long thresholdNanos) {
    try {
      Dump read = DumpReader.read(dump);
      WaitForGraph graph = WaitForGraph.of(read);
      StuckTasks stuck = StuckTasks.of(graph, StuckCriteria.olderThan(thresholdNanos));
      List<Deadlock> deadlocks = Deadlocks.of(graph);
      List<String> lines = new ArrayList<>();
      lines.add(
          "[async-inspect] stuck: tasks waited "
              + thresholdNanos / 1_000_000
              + " ms or more without progress; dump written to "
              + dump);
      lines.addAll(DeadlocksText.render(graph, deadlocks, false));
      lines.addAll(StuckTasksText.render(graph, stuck, false));
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append(line).append('\n');
      }
      System.err.print(text);
      System.err.flush();
    } catch (Throwable e) {
      AgentLog.warn("stuck tasks found, dump written to " + dump + ", but no report: " + e);
    }
  }

  private StuckReport() {}
}
