package dev.asyncinspect.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryReportTest {
  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SummaryReportTest.class.getResource("/dumps/" + name).toURI());
  }

  @Test
  void exampleDump() throws Exception {
    Path file = resource("example.jsonl");
    assertThat(SummaryReport.lines(DumpReader.read(file)))
        .containsExactly(
            "dump "
                + file
                + ": pid 4242, OpenJDK 64-Bit Server VM 17.0.15+6 (Debian), reason exit,"
                + " at 2026-11-21T10:00:01.500Z, complete",
            "live tasks: 2",
            "  #1 UserService.loadProfile  BLOCKED 1.5s at UserService.java:28 join()"
                + " on CompletableFuture@5e9f23b4 = future of"
                + " #2 UserService.fetchUser [SUSPENDED]  thread \"loader\"",
            "  #2 UserService.fetchUser  SUSPENDED 1.5s  returned CompletableFuture@5e9f23b4,"
                + " awaited by #1",
            "finished tasks in the dump: none (2 tasks started since the agent started)");
  }

  @Test
  void richDump() throws Exception {
    List<String> lines = SummaryReport.lines(DumpReader.read(resource("rich.jsonl")));
    assertThat(lines.get(0)).contains(": pid 777 (demo.ShopApp), ").endsWith(", complete");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "live tasks: 6",
            "  #10 reserve-stock  BLOCKED 2.5s at Inventory.java:15 lock() on"
                + " ReentrantLock@1a2b held by #11 Billing.charge [BLOCKED]  holds Object@3f2a1b"
                + "  thread \"pool-1-thread-1\"",
            "  #11 Billing.charge  BLOCKED 2.4s at synchronized in Billing$Gateway.charge on"
                + " Object@3f2a1b held by #10 reserve-stock [BLOCKED]  holds ReentrantLock@1a2b"
                + "  thread \"pool-1-thread-2\"",
            "  #12 OrderService.placeOrder  SUSPENDED 2.0s  returned CompletableFuture@5e9f23b4",
            "  #13 Mailer.send  BLOCKED 1.0ms at Mailer.java:10 sleep() with timeout"
                + "  virtual thread #33",
            "  #14 Billing.charge  RUNNING 1.0us  thread \"worker-3\"",
            "  #15 OrderService.placeOrder  BLOCKED 1.0s at OrderService.java:41 join() on"
                + " Thread@9c = thread \"worker-3\" running #14 Billing.charge [RUNNING]"
                + "  thread \"main\"",
            "JVM-reported deadlock between thread \"pool-1-thread-1\", thread \"pool-1-thread-2\"",
            "finished tasks in the dump: 1 COMPLETED, 1 FAILED, 1 CANCELLED (15 tasks started"
                + " since the agent started, 2 finished tasks not retained)",
            "failed tasks:",
            "  #6 Billing.charge  FAILED after 500us: java.lang.IllegalStateException: card declined",
            "      caused by java.io.IOException: timeout after 2s");
  }

  @Test
  void truncatedDumpSaysSoInItsFirstLine() throws Exception {
    List<String> lines = SummaryReport.lines(DumpReader.read(resource("truncated.jsonl")));
    assertThat(lines.get(0)).endsWith(", TRUNCATED");
    assertThat(lines).last().isEqualTo("finished tasks in the dump: none");
  }

  @Test
  void danglingReferencesAreShownNotFollowed() throws Exception {
    List<String> lines =
        new ArrayList<>(Files.readAllLines(resource("example.jsonl"), StandardCharsets.UTF_8));
    lines.set(
        5,
        lines
            .get(5)
            .replace("\"point\":1", "\"point\":7")
            .replace("\"thread\":21", "\"thread\":99"));
    lines.set(6, lines.get(6).replace("\"future\":1", "\"future\":8"));
    lines.set(7, lines.get(7).replace("\"producer\":2", "\"producer\":55"));
    Dump dump = DumpReader.read(Files.write(dir.resolve("dangling.jsonl"), lines));

    assertThat(SummaryReport.lines(dump).subList(2, 4))
        .containsExactly(
            "  #1 UserService.loadProfile  BLOCKED 1.5s at await point 7 (not in the dump) on"
                + " CompletableFuture@5e9f23b4 = future of #55 (not in the dump)  thread #99",
            "  #2 UserService.fetchUser  SUSPENDED 1.5s  returned object 8 (not in the dump)");
  }

  @Test
  void printWritesTheSameLines() throws Exception {
    Dump dump = DumpReader.read(resource("example.jsonl"));
    StringWriter text = new StringWriter();
    SummaryReport.print(dump, new PrintWriter(text));
    assertThat(text.toString().lines()).isEqualTo(SummaryReport.lines(dump));
  }
}
