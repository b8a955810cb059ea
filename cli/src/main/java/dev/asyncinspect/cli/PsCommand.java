package dev.asyncinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code async-inspect ps}: the JVMs of this user that run the agent. */
@Command(
    name = "ps",
    description = "List this user's JVMs that run the async-inspect agent.",
    mixinStandardHelpOptions = true)
final class PsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Made here, not in a static field: picocli creates every command to parse any command line,
    // and a mapper's start-up (hundreds of classes) would then slow every other command down.
    ObjectMapper json = new ObjectMapper();
    out.printf("%-8s %-40s %10s %6s %6s%n", "PID", "MAIN", "UPTIME", "LIVE", "STUCK");
    for (long pid : ControlSockets.pids()) {
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          ByteArrayOutputStream answer = new ByteArrayOutputStream();
          ControlSockets.request(pid, "INFO", answer);
          JsonNode info = json.readTree(answer.toString(StandardCharsets.UTF_8));
          out.printf(
              "%-8d %-40s %10s %6d %6d%n",
              pid,
              abbreviate(info.path("mainClass").asText("?"), 40),
              DurationFormat.format(info.path("uptimeMillis").asLong() * 1_000_000),
              info.path("liveTasks").asLong(),
              info.path("stuckTasks").asLong());
        } catch (IOException e) {
          err.println("async-inspect: warning: " + e.getMessage());
        }
      } else {
        // Left by a JVM that was killed before it could remove it.
        Files.deleteIfExists(ControlSockets.socketOf(pid));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
  }
}
