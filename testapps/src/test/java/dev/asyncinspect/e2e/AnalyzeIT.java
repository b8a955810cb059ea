package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.cli.Main;
import dev.asyncinspect.testapps.AsyncCacheCycle;
import dev.asyncinspect.testapps.CleanPools;
import dev.asyncinspect.testapps.CrossPoolStarvation;
import dev.asyncinspect.testapps.FailingChain;
import dev.asyncinspect.testapps.FanOutPipeline;
import dev.asyncinspect.testapps.PoolStarvation;
import dev.asyncinspect.testapps.StuckFuture;
import dev.asyncinspect.testapps.VirtualThreadDeadlock;
import dev.asyncinspect.testapps.VirtualThreadFanOut;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code async-inspect analyze}, run in-process exactly as {@code bin/async-inspect} runs it, on
 * the dump of each test program: it finds exactly the planted problem, with the right tasks,
 * objects and source lines, and exits 1; on the healthy programs it finds nothing and exits 0.
 */
class AnalyzeIT {
  private static final String JDK17 = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String JDK21 = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";

  /** One run of the command: exit code and output. */
  private record Analyze(int exitCode, String out, String err) {
    static Analyze of(AgentRuns runs, String... options) {
      List<String> args = new ArrayList<>(List.of("analyze"));
      args.addAll(List.of(options));
      args.add(runs.withAgent().dump().toString());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine command = Main.commandLine();
      command.setOut(new PrintWriter(out, true));
      command.setErr(new PrintWriter(err, true));
      int exitCode = command.execute(args.toArray(String[]::new));
      return new Analyze(exitCode, out.toString(), err.toString());
    }

    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }

    /** The lines of the blocks whose heading starts with {@code kind} (STUCK, DEADLOCK...). */
    List<List<String>> blocks(String kind) {
      List<List<String>> blocks = new ArrayList<>();
      List<String> block = null;
      for (String line : out.lines().toList()) {
        if (line.startsWith(kind + "  ")) {
          block = new ArrayList<>();
          blocks.add(block);
        } else if (line.isEmpty()) {
          block = null;
        }
        if (block != null) {
          block.add(line);
        }
      }
      return blocks;
    }

    String describe() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK21)
  void virtualThreadDeadlockIsOneLockCycleWithBothTasksLocksAndLines(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(VirtualThreadDeadlock.class, jdk);
    Dump dump = runs.dump();
    TaskInfo transfer = onlyTask(dump, "VirtualThreadDeadlock.transfer");
    TaskInfo audit = onlyTask(dump, "VirtualThreadDeadlock.audit");
    ObjectInfo ledger = dump.object(transfer.await().object());
    ObjectInfo accounts = dump.object(audit.await().object());

    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
    assertThat(analyze.err()).isEmpty();
    assertThat(analyze.out()).contains("findings: no stuck task, 1 deadlock, no failed task");
    assertThat(analyze.blocks("STUCK")).isEmpty();
    assertThat(analyze.blocks("FAILED")).isEmpty();
    List<List<String>> deadlocks = analyze.blocks("DEADLOCK");
    assertThat(deadlocks).as(analyze.describe()).hasSize(1);
    // Lines are wrapped to 80 columns: look at each task's line with its continuation.
    String cycle = String.join("\n", deadlocks.get(0)).replace("\n      ", " ");
    assertThat(cycle)
        .contains("2 tasks, lock cycle on virtual threads")
        .contains(
            "#" + transfer.id() + " VirtualThreadDeadlock.transfer  BLOCKED",
            " at "
                + location(VirtualThreadDeadlock.class, "await:transfer-locks-ledger")
                + " lock() on "
                + ledger.label()
                + " held by #"
                + audit.id(),
            "#" + audit.id() + " VirtualThreadDeadlock.audit  BLOCKED",
            " at "
                + location(VirtualThreadDeadlock.class, "await:audit-locks-accounts")
                + " lock() on "
                + accounts.label()
                + " held by #"
                + transfer.id());

    JsonNode deadlock = Analyze.of(runs, "--format=json").json().get("deadlocks").get(0);
    assertThat(deadlock.get("kind").asText()).isEqualTo("LOCK");
    assertThat(deadlock.get("virtualThreads").asBoolean()).isTrue();
    assertThat(deadlock.get("jvmReported").asBoolean()).isFalse();
    assertThat(deadlock.get("links")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void stuckFutureIsOneChainEndingInNoKnownProducer(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(StuckFuture.class, jdk);
    // By default (a dump written at exit: every task still waiting then is stuck), and with an
    // explicit threshold low enough for the program's few milliseconds.
    for (String[] options : new String[][] {{}, {"--show-stuck=0ms"}}) {
      Analyze analyze = Analyze.of(runs, options);
      assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
      assertThat(analyze.err()).isEmpty();
      assertThat(analyze.out()).contains("findings: 2 stuck tasks");
      assertThat(analyze.blocks("DEADLOCK")).isEmpty();
      assertThat(analyze.blocks("FAILED")).isEmpty();
      List<List<String>> chains = analyze.blocks("STUCK");
      assertThat(chains).as(analyze.describe()).hasSize(1);
      List<String> chain = chains.get(0);
      String text = String.join("\n", chain).replace("\n      ", " ");
      assertThat(text)
          .startsWith("STUCK  2 tasks\n")
          .contains(
              "#1 StuckFuture.loadProfile  BLOCKED",
              " at " + location(StuckFuture.class, "await:join-user") + " join() on",
              "= future of #2",
              "#2 StuckFuture.fetchUser  SUSPENDED")
          .endsWith("no known producer");
      assertThat(chain.get(chain.size() - 1)).endsWith("no known producer");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void failingChainShowsEachFailureWithItsAsyncStack(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(FailingChain.class, jdk);
    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
    assertThat(analyze.err()).isEmpty();
    assertThat(analyze.out()).contains("findings: no stuck task, no deadlock, 3 failed tasks");
    List<List<String>> failures = analyze.blocks("FAILED");
    assertThat(failures).as(analyze.describe()).hasSize(3);

    String throwsAt = location(FailingChain.class, "throw:out-of-stock");
    String joinsAt = location(FailingChain.class, "await:join-charge");
    List<String> origin =
        failures.stream()
            .filter(block -> block.get(0).contains("FailingChain.reserveStock"))
            .findFirst()
            .orElseThrow();
    assertThat(origin.get(0)).doesNotContain("failed first");
    assertThat(origin.get(1))
        .isEqualTo("  java.lang.IllegalStateException: out of stock: blue-widget");
    assertThat(origin.subList(2, origin.size()))
        .hasSize(3)
        .satisfiesExactly(
            frame ->
                assertThat(frame).startsWith("    at FailingChain.reserveStock(" + throwsAt + ")"),
            frame ->
                assertThat(frame).startsWith("    at FailingChain.chargeCard(FailingChain.java:"),
            frame ->
                assertThat(frame)
                    .startsWith("    at FailingChain.placeOrder(" + joinsAt + ")")
                    .endsWith("FAILED, join()"));
    assertThat(failures)
        .filteredOn(block -> block.get(0).contains("FailingChain.placeOrder"))
        .singleElement()
        .satisfies(block -> assertThat(block.get(0)).contains("its child #"));

    JsonNode json = Analyze.of(runs, "--format=json").json();
    assertThat(json.get("findings").get("failedTasks").asInt()).isEqualTo(3);
    assertThat(json.get("failures"))
        .filteredOn(failure -> failure.get("origin").asBoolean())
        .singleElement()
        .satisfies(failure -> assertThat(failure.get("asyncStack")).hasSize(3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void asyncCacheCycleIsOneFutureCycleThroughBothLoads(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(AsyncCacheCycle.class, jdk);
    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
    assertThat(analyze.err()).isEmpty();
    assertThat(analyze.blocks("FAILED")).isEmpty();
    List<List<String>> deadlocks = analyze.blocks("DEADLOCK");
    assertThat(deadlocks).as(analyze.describe()).hasSize(1);
    String cycle = String.join("\n", deadlocks.get(0)).replace("\n      ", " ");
    String join = location(AsyncCacheCycle.class, "await:load-join");
    assertThat(cycle).startsWith("DEADLOCK  4 tasks, future cycle\n");
    // Each spawned load runs the traced load, which joins the future of the other spawned load.
    assertThat(cycle.lines().skip(1))
        .hasSize(4)
        .filteredOn(line -> line.contains("AsyncCacheCycle.load  BLOCKED"))
        .hasSize(2)
        .allSatisfy(
            line -> assertThat(line).contains(" at " + join + " join() on CompletableFuture@"));
    assertThat(cycle.lines().skip(1))
        .filteredOn(line -> line.contains("CompletableFuture.supplyAsync at"))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("RUNNING").contains("in nested call #"));
    // The tasks that wait for the cycle from outside (the get calls) are stuck because of it.
    assertThat(analyze.blocks("STUCK"))
        .isNotEmpty()
        .allSatisfy(
            block -> assertThat(String.join(" ", block)).contains("root cause: a deadlock: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void poolStarvationIsOneStarvationDeadlockNamingThePoolAndBothWaits(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(PoolStarvation.class, jdk);
    Dump dump = runs.dump();
    ObjectInfo pool =
        dump.objects().values().stream()
            .filter(o -> o.executor() != null)
            .findFirst()
            .orElseThrow();

    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
    assertThat(analyze.err()).isEmpty();
    assertThat(analyze.blocks("FAILED")).isEmpty();
    List<List<String>> deadlocks = analyze.blocks("DEADLOCK");
    assertThat(deadlocks).as(analyze.describe()).hasSize(1);
    String block = String.join("\n", deadlocks.get(0)).replaceAll("\n {4,}", " ");
    String get = location(PoolStarvation.class, "await:price-get");
    assertThat(block)
        .startsWith(
            "DEADLOCK  4 tasks, starvation of "
                + pool.label()
                + " (THREAD_POOL, 2 of 2 workers blocked on work queued on it)\n")
        .contains("queued on the pool: #");
    assertThat(block.lines())
        .filteredOn(line -> line.contains("PoolStarvation.handle  BLOCKED"))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains(" at " + get + " get() on FutureTask@"));

    JsonNode deadlock = Analyze.of(runs, "--format=json").json().get("deadlocks").get(0);
    assertThat(deadlock.get("kind").asText()).isEqualTo("STARVATION");
    assertThat(deadlock.get("executors").get(0).get("label").asText()).isEqualTo(pool.label());
    assertThat(deadlock.get("executors").get(0).get("size").asInt()).isEqualTo(2);
    assertThat(deadlock.get("executors").get(0).get("queued")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void twoPoolsStarvingEachOtherAreOneDeadlockNamingBothPoolsAndBothWaits(Jdk jdk)
      throws Exception {
    AgentRuns runs = AgentRuns.of(CrossPoolStarvation.class, jdk);
    runs.assertAgentChangesNothing();
    List<ObjectInfo> pools =
        runs.dump().objects().values().stream().filter(o -> o.executor() != null).toList();
    assertThat(pools).hasSize(2);

    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isEqualTo(1);
    assertThat(analyze.err()).isEmpty();
    List<List<String>> deadlocks = analyze.blocks("DEADLOCK");
    assertThat(deadlocks).as(analyze.describe()).hasSize(1);
    String block = String.join("\n", deadlocks.get(0)).replaceAll("\n {4,}", " ");
    String workers = " (THREAD_POOL, 1 of 1 workers blocked on work queued on it)";
    assertThat(block)
        .startsWith(
            "DEADLOCK  4 tasks, starvation of "
                + pools.get(0).label()
                + workers
                + " and "
                + pools.get(1).label()
                + workers
                + "\n")
        .contains(
            "CrossPoolStarvation.placeOrder  BLOCKED",
            " at " + location(CrossPoolStarvation.class, "await:invoice-join") + " join() on ",
            "CrossPoolStarvation.closeMonth  BLOCKED",
            " at " + location(CrossPoolStarvation.class, "await:stock-get") + " get() on ",
            "queued on " + pools.get(0).label() + ": #",
            "queued on " + pools.get(1).label() + ": #");

    JsonNode deadlock = Analyze.of(runs, "--format=json").json().get("deadlocks").get(0);
    assertThat(deadlock.get("kind").asText()).isEqualTo("STARVATION");
    assertThat(deadlock.get("executors").findValuesAsText("label"))
        .containsExactly(pools.get(0).label(), pools.get(1).label());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void cleanPoolsHaveNoFinding(Jdk jdk) throws Exception {
    assertNoFinding(AgentRuns.of(CleanPools.class, jdk));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void fanOutPipelineHasNoFinding(Jdk jdk) throws Exception {
    assertNoFinding(AgentRuns.of(FanOutPipeline.class, jdk));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void statisticsShowTheWorkHandedOffAtEachSpawnPoint(Jdk jdk) throws Exception {
    AgentRuns fanOut = AgentRuns.of(FanOutPipeline.class, jdk);
    long fetched =
        fanOut.dump().tasks().stream()
            .filter(t -> t.name().startsWith("CompletableFuture."))
            .count();
    assertThat(fetched).isPositive();
    List<String> lines = Analyze.of(fanOut, "--show-stats").out().lines().toList();
    int table = lines.indexOf("spawn points: 1, by total time of their finished tasks");
    assertThat(table).as(String.join("\n", lines)).isPositive();
    assertThat(lines.get(table + 2)).isEqualTo("CompletableFuture.supplyAsync");
    assertThat(lines.get(table + 3))
        .startsWith(" ".repeat(29) + String.format("%6d    0", fetched));
    assertThat(lines.get(table + 4))
        .isEqualTo(
            "     at "
                + location(FanOutPipeline.class, "spawn:fetch")
                + " in FanOutPipeline.fetch");

    AgentRuns starved = AgentRuns.of(PoolStarvation.class, jdk);
    // A phrase that does not fit goes on a continuation line of its own.
    String stats = Analyze.of(starved, "--show-stats").out().replace("\n       ", ", ");
    assertThat(stats)
        .contains(
            "     at "
                + location(PoolStarvation.class, "spawn:price")
                + " in PoolStarvation.handle, 2 live tasks (2 queued now)",
            "     at "
                + location(PoolStarvation.class, "spawn:handle")
                + " in PoolStarvation.start, 2 live tasks");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK21)
  void tenThousandVirtualThreadTasksHaveNoFinding(Jdk jdk) throws Exception {
    assertNoFinding(AgentRuns.of(VirtualThreadFanOut.class, jdk));
  }

  private static void assertNoFinding(AgentRuns runs) throws Exception {
    Analyze analyze = Analyze.of(runs);
    assertThat(analyze.exitCode()).as(analyze.describe()).isZero();
    assertThat(analyze.err()).isEmpty();
    assertThat(analyze.out()).contains("\nfindings: no stuck task, no deadlock, no failed task\n");
    assertThat(analyze.blocks("STUCK")).isEmpty();
    assertThat(analyze.blocks("DEADLOCK")).isEmpty();
    assertThat(analyze.blocks("FAILED")).isEmpty();
    JsonNode findings = Analyze.of(runs, "--format", "json").json().get("findings");
    assertThat(findings.get("total").asInt()).isZero();
  }
}
