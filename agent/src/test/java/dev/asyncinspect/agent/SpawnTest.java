package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asyncinspect.agent.InProcessAgent.Dump;
import dev.asyncinspect.fixtures.Spawns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work handed to other threads from traced code becomes SPAWNED child tasks. */
class SpawnTest {
  @TempDir Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(1);

  @BeforeAll
  static void installAgent() {
    InProcessAgent.install("");
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }

  @Test
  void submittedWorkIsASpawnedChildQueuedThenRunningOnThePool() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Spawns.submitTwo(pool, gate);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    // One pool thread: the first job runs (waiting at the gate), the second is queued.
    Dump dump = dumpWhen(d -> spawned(d).size() == 2 && hasState(spawned(d), "RUNNING"));
    JsonNode parent = dump.lastTaskNamed("Spawns.submitTwo");
    List<JsonNode> jobs = spawned(dump);
    JsonNode first = jobs.get(0);
    JsonNode second = jobs.get(1);
    assertThat(first.path("parent").asLong()).isEqualTo(parent.path("id").asLong());
    assertThat(second.path("parent").asLong()).isEqualTo(parent.path("id").asLong());
    assertThat(first.path("state").asText()).isEqualTo("RUNNING");
    assertThat(second.path("state").asText()).isEqualTo("QUEUED");
    JsonNode point = dump.byId("spawnPoint", first.path("spawnPoint").asLong());
    assertThat(point.path("line").asInt()).isEqualTo(InProcessAgent.line("Spawns", "submit-first"));
    assertThat(point.path("operation").asText()).isEqualTo("ExecutorService.submit");
    assertThat(first.path("name").asText())
        .isEqualTo("ExecutorService.submit at Spawns.java:" + point.path("line").asInt());

    JsonNode executor = dump.byId("object", first.path("executor").asLong());
    assertThat(executor.path("kind").asText()).isEqualTo("EXECUTOR");
    assertThat(executor.path("executorKind").asText()).isEqualTo("THREAD_POOL");
    assertThat(executor.path("maximumPoolSize").asInt()).isEqualTo(1);
    assertThat(executor.path("queued").get(0).asLong()).isEqualTo(second.path("id").asLong());
    assertThat(executor.path("running").get(0).asLong()).isEqualTo(first.path("id").asLong());

    // The parent waits on the first job's future: its producer is the spawned task.
    assertThat(parent.path("state").asText()).isEqualTo("BLOCKED");
    JsonNode awaited = dump.byId("object", parent.path("await").path("object").asLong());
    assertThat(awaited.path("producer").asLong()).isEqualTo(first.path("id").asLong());
    assertThat(dump.awaitPointOf(parent).path("line").asInt())
        .isEqualTo(InProcessAgent.line("Spawns", "get-first"));

    gate.countDown();
    assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    Dump after = InProcessAgent.dump(dir);
    for (JsonNode job : jobs) {
      assertThat(after.task(job.path("id").asLong()).path("state").asText()).isEqualTo("COMPLETED");
    }
  }

  @Test
  void awaitInALambdaOfATracedMethodIsRecordedAgainstTheSpawnedTask() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Integer> result =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Spawns.submitTwo(two, gate);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      int line = InProcessAgent.line("Spawns", "lambda-await");
      Dump dump =
          dumpWhen(
              d ->
                  spawned(d).stream()
                      .anyMatch(
                          t ->
                              t.path("state").asText().equals("BLOCKED")
                                  && d.awaitPointOf(t).path("line").asInt() == line));
      JsonNode job =
          spawned(dump).stream()
              .filter(t -> t.path("state").asText().equals("BLOCKED"))
              .filter(t -> dump.awaitPointOf(t).path("line").asInt() == line)
              .findFirst()
              .orElseThrow();
      assertThat(job.path("kind").asText()).isEqualTo("SPAWNED");
      JsonNode latch = dump.byId("object", job.path("await").path("object").asLong());
      assertThat(latch.path("kind").asText()).isEqualTo("LATCH");
      gate.countDown();
      assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void supplyAsyncFutureIsProducedByItsSpawnedTaskOnTheCommonPool() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    CompletableFuture<String> future = Spawns.supply(gate);
    Dump dump = dumpWhen(d -> !d.tasksNamed(supplyName()).isEmpty());
    JsonNode supplier = dump.lastTaskNamed(supplyName());
    JsonNode supply = dump.lastTaskNamed("Spawns.supply");
    assertThat(supplier.path("parent").asLong()).isEqualTo(supply.path("id").asLong());
    JsonNode produced = dump.byId("object", supplier.path("future").asLong());
    assertThat(produced.path("identity").asText())
        .isEqualTo(Integer.toHexString(System.identityHashCode(future)));
    if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 1) {
      JsonNode executor = dump.byId("object", supplier.path("executor").asLong());
      assertThat(executor.path("executorKind").asText()).isEqualTo("COMMON_POOL");
    }
    gate.countDown();
    assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo("supplied");
  }

  @Test
  void threadConstructedInTracedCodeRunsItsWorkAsASpawnedTask() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Thread thread = Spawns.newThread(ran::countDown);
    Dump queued = InProcessAgent.dump(dir);
    JsonNode task = queued.lastTaskNamed(newThreadName());
    assertThat(task.path("state").asText()).isEqualTo("QUEUED");
    assertThat(task.has("executor")).isFalse();
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(ran.getCount()).isZero();
    assertThat(InProcessAgent.dump(dir).task(task.path("id").asLong()).path("state").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  void invokeAllSpawnsOneTaskPerCallableAndResultsPassThrough() throws Exception {
    List<Future<String>> results = Spawns.invokeBoth(pool);
    assertThat(results.get(0).get()).isEqualTo("a");
    assertThat(results.get(1).get()).isEqualTo("b");
    Dump dump = InProcessAgent.dump(dir);
    JsonNode parent = dump.lastTaskNamed("Spawns.invokeBoth");
    List<JsonNode> children =
        dump.ofType("task").stream()
            .filter(t -> t.path("parent").asLong() == parent.path("id").asLong())
            .collect(Collectors.toList());
    assertThat(children).hasSize(2).allMatch(t -> t.path("state").asText().equals("COMPLETED"));
  }

  @Test
  void rejectedHandOffEndsItsTaskCancelledInsteadOfQueuedForever() throws Exception {
    ExecutorService shutDown = Executors.newSingleThreadExecutor();
    shutDown.shutdown();
    assertThat(Spawns.submitRejected(shutDown)).isEqualTo("rejected");
    Dump dump = InProcessAgent.dump(dir);
    JsonNode parent = dump.lastTaskNamed("Spawns.submitRejected");
    List<JsonNode> children =
        dump.ofType("task").stream()
            .filter(t -> t.path("parent").asLong() == parent.path("id").asLong())
            .collect(Collectors.toList());
    assertThat(children)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.path("kind").asText()).isEqualTo("SPAWNED");
              assertThat(t.path("state").asText()).isEqualTo("CANCELLED");
            });
  }

  @Test
  void submittingOutsideATracedTaskSpawnsNothing() throws Exception {
    long before = spawned(InProcessAgent.dump(dir)).size();
    assertThat(Spawns.untracedSubmit(pool).get(30, TimeUnit.SECONDS)).isEqualTo("plain");
    assertThat(spawned(InProcessAgent.dump(dir))).hasSize((int) before);
  }

  private static String supplyName() {
    return "CompletableFuture.supplyAsync at Spawns.java:"
        + InProcessAgent.line("Spawns", "supply");
  }

  private static String newThreadName() {
    return "Thread.new at Spawns.java:" + InProcessAgent.line("Spawns", "new-thread");
  }

  private static List<JsonNode> spawned(Dump dump) {
    return dump.ofType("task").stream()
        .filter(t -> t.path("kind").asText().equals("SPAWNED"))
        .filter(t -> t.path("name").asText().startsWith("ExecutorService.submit"))
        .collect(Collectors.toList());
  }

  private static boolean hasState(List<JsonNode> tasks, String state) {
    return tasks.stream().anyMatch(t -> t.path("state").asText().equals(state));
  }

  private Dump dumpWhen(Predicate<Dump> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Dump dump = InProcessAgent.dump(dir);
      if (condition.test(dump)) {
        return dump;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached: " + dump.records());
      }
      Thread.sleep(10);
    }
  }
}
