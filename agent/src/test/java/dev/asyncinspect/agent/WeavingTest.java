package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asyncinspect.agent.InProcessAgent.Dump;
import dev.asyncinspect.fixtures.Shapes;
import dev.asyncinspect.fixtures.Waits;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weaving in this JVM: traced methods become tasks, await points record what they wait on, and the
 * application sees exactly what it would see without the agent.
 */
class WeavingTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @BeforeAll
  static void installAgent() {
    InProcessAgent.install("");
  }

  @Test
  void syncMethodIsATaskThatCompletes() {
    assertThat(Waits.sync("x")).isEqualTo("x");
    JsonNode task = dump().lastTaskNamed("Waits.sync");
    assertThat(task.path("kind").asText()).isEqualTo("SYNC");
    assertThat(task.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(Waits.named()).isEqualTo("named");
    assertThat(dump().lastTaskNamed("custom name").path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void asyncMethodReturnsTheSameFutureAndIsSuspendedUntilItCompletes() {
    CompletableFuture<String> future = new CompletableFuture<>();
    CompletableFuture<String> returned = Waits.produce(future);
    assertThat(returned).isSameAs(future);

    Dump before = dump();
    JsonNode task = before.lastTaskNamed("Waits.produce");
    assertThat(task.path("kind").asText()).isEqualTo("ASYNC");
    assertThat(task.path("state").asText()).isEqualTo("SUSPENDED");
    JsonNode object = before.byId("object", task.path("future").asLong());
    assertThat(object.path("producer").asLong()).isEqualTo(task.path("id").asLong());
    assertThat(object.path("done").asBoolean()).isFalse();

    future.complete("done");
    JsonNode after = dump().task(task.path("id").asLong());
    assertThat(after.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(after.path("transitions").asInt()).isEqualTo(3);
  }

  /**
   * The callback on a pending future is the agent's own completion node, one object on the future's
   * stack (not {@code whenComplete}'s node and dependent future), gone once it ran.
   */
  @Test
  void aPendingFutureGetsTheAgentsCompletionNode() throws ReflectiveOperationException {
    CompletableFuture<String> future = Waits.produce(new CompletableFuture<>());
    Field stack = CompletableFuture.class.getDeclaredField("stack");
    stack.setAccessible(
        true); // opened by the agent to its run-time classes, here on the class path
    assertThat(future.getNumberOfDependents()).isEqualTo(1);
    assertThat(stack.get(future).getClass().getName())
        .isEqualTo("java.util.concurrent.AsyncInspectCompletion");

    future.complete("done");
    assertThat(future.getNumberOfDependents()).isZero();
    assertThat(dump().lastTaskNamed("Waits.produce").path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void asyncTaskFailsAndIsCancelledWithItsFuture() {
    CompletableFuture<String> failing = Waits.failAsync(new CompletableFuture<>());
    failing.completeExceptionally(new IllegalArgumentException("bad input"));
    JsonNode failed = dump().lastTaskNamed("Waits.failAsync");
    assertThat(failed.path("state").asText()).isEqualTo("FAILED");
    assertThat(failed.path("error").path("class").asText())
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(failed.path("error").path("message").asText()).isEqualTo("bad input");

    Waits.failAsync(new CompletableFuture<>()).cancel(false);
    assertThat(dump().lastTaskNamed("Waits.failAsync").path("state").asText())
        .isEqualTo("CANCELLED");
  }

  @Test
  void blockedTaskNamesItsAwaitPointTheFutureAndItsProducer() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();
    CompletableFuture<String> result =
        CompletableFuture.supplyAsync(() -> Waits.joinProduced(future));

    Dump dump = dumpWhen(d -> hasState(d, "Waits.joinProduced", "BLOCKED"));
    JsonNode waiter = dump.lastTaskNamed("Waits.joinProduced");
    JsonNode producer = dump.lastTaskNamed("Waits.produce");
    JsonNode point = dump.awaitPointOf(waiter);
    assertThat(point.path("file").asText()).isEqualTo("Waits.java");
    assertThat(point.path("line").asInt()).isEqualTo(InProcessAgent.line("Waits", "join-produced"));
    assertThat(point.path("operation").asText()).isEqualTo("CompletableFuture.join");
    assertThat(point.path("kind").asText()).isEqualTo("FUTURE");
    JsonNode awaited = dump.byId("object", waiter.path("await").path("object").asLong());
    assertThat(awaited.path("producer").asLong()).isEqualTo(producer.path("id").asLong());
    assertThat(producer.path("parent").asLong()).isEqualTo(waiter.path("id").asLong());
    assertThat(producer.path("state").asText()).isEqualTo("SUSPENDED");
    JsonNode thread = dump.byId("thread", waiter.path("thread").asLong());
    assertThat(thread.path("stack").toString()).contains("joinProduced");

    future.complete("value");
    assertThat(result.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("value");
    JsonNode done = dump().task(waiter.path("id").asLong());
    assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void waitOnADerivedFutureLeadsBackToTheProducersOfItsSources() throws Exception {
    CompletableFuture<String> a = new CompletableFuture<>();
    CompletableFuture<String> b = new CompletableFuture<>();
    CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> Waits.joinDerived(a, b));

    Dump dump = dumpWhen(d -> hasState(d, "Waits.joinDerived", "BLOCKED"));
    JsonNode waiter = dump.lastTaskNamed("Waits.joinDerived");
    JsonNode applied = dump.byId("object", waiter.path("await").path("object").asLong());
    assertThat(applied.has("producer")).isFalse();
    assertThat(applied.path("sources")).hasSize(1);
    JsonNode combined = dump.byId("object", applied.path("sources").get(0).asLong());
    assertThat(combined.path("sources")).hasSize(2);
    List<Long> producers = new java.util.ArrayList<>();
    combined
        .path("sources")
        .forEach(id -> producers.add(dump.byId("object", id.asLong()).path("producer").asLong()));
    List<Long> produceTasks = new java.util.ArrayList<>();
    dump.tasksNamed("Waits.produce").stream()
        .filter(t -> t.path("parent").asLong() == waiter.path("id").asLong())
        .forEach(t -> produceTasks.add(t.path("id").asLong()));
    assertThat(producers).containsExactlyInAnyOrderElementsOf(produceTasks).hasSize(2);

    a.complete("x");
    b.complete("y");
    assertThat(result.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("XY");
  }

  @Test
  void allOfLeadsBackToEveryProducer() throws Exception {
    CompletableFuture<String> a = new CompletableFuture<>();
    CompletableFuture<String> b = new CompletableFuture<>();
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> Waits.joinAll(a, b));
    Dump dump = dumpWhen(d -> hasState(d, "Waits.joinAll", "BLOCKED"));
    JsonNode waiter = dump.lastTaskNamed("Waits.joinAll");
    JsonNode all = dump.byId("object", waiter.path("await").path("object").asLong());
    assertThat(all.path("sources")).hasSize(2);
    all.path("sources")
        .forEach(
            id ->
                assertThat(dump.byId("object", id.asLong()).path("producer").asLong())
                    .isPositive());
    a.complete("x");
    b.complete("y");
    done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void timedWaitPassesItsArgumentsThrough() throws Exception {
    CompletableFuture<String> future = CompletableFuture.completedFuture("fast");
    assertThat(Waits.timedGet(future)).isEqualTo("fast");
    Dump dump = dump();
    JsonNode point = dump.awaitPointAt("Waits", "timed-get");
    assertThat(point.path("timed").asBoolean()).isTrue();
    assertThat(dump.statsOf(point).path("count").asLong()).isPositive();
  }

  @Test
  void waitThatThrowsEndsInTheHandler() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> result =
        CompletableFuture.supplyAsync(() -> Waits.timeoutThenPause(inHandler, release));
    assertThat(inHandler.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Dump dump = dump();
    JsonNode task = dump.lastTaskNamed("Waits.timeoutThenPause");
    assertThat(task.path("state").asText()).isEqualTo("RUNNING");
    JsonNode stats = dump.statsOf(dump.awaitPointAt("Waits", "timeout"));
    assertThat(stats.path("failed").asLong()).isEqualTo(1);

    release.countDown();
    assertThat(result.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("timed out");
  }

  @Test
  void lockTakenAtAnAwaitPointIsHeldUntilUnlocked() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(() -> Waits.holdLock(lock, holding, release));
    assertThat(holding.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Dump dump = dump();
    JsonNode task = dump.lastTaskNamed("Waits.holdLock");
    assertThat(task.path("state").asText()).isEqualTo("RUNNING");
    assertThat(task.path("holds")).hasSize(1);
    JsonNode held = dump.byId("object", task.path("holds").get(0).asLong());
    assertThat(held.path("kind").asText()).isEqualTo("LOCK");
    assertThat(held.path("class").asText()).isEqualTo(ReentrantLock.class.getName());
    assertThat(held.path("locked").asBoolean()).isTrue();
    assertThat(held.path("holders").get(0).asLong()).isEqualTo(task.path("id").asLong());

    release.countDown();
    done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    JsonNode after = dump().task(task.path("id").asLong());
    assertThat(after.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(after.has("holds")).isFalse();
  }

  @Test
  void lockTakenByTryLockIsHeldAndOneNotTakenIsNot() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(() -> tryHoldLock(lock, holding, release));
    assertThat(holding.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(tryHoldLock(lock, new CountDownLatch(1), new CountDownLatch(0))).isFalse();

    Dump dump = dump();
    List<JsonNode> tasks = dump.tasksNamed("Waits.tryHoldLock");
    JsonNode holder = tasks.stream().filter(t -> t.has("holds")).findFirst().orElseThrow();
    assertThat(holder.path("state").asText()).isEqualTo("RUNNING");
    assertThat(holder.path("holds")).hasSize(1);
    JsonNode held = dump.byId("object", holder.path("holds").get(0).asLong());
    assertThat(held.path("class").asText()).isEqualTo(ReentrantLock.class.getName());
    JsonNode refused = dump.lastTaskNamed("Waits.tryHoldLock");
    assertThat(refused.path("id").asLong()).isNotEqualTo(holder.path("id").asLong());
    assertThat(refused.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(refused.has("holds")).isFalse();
    JsonNode stats = dump.statsOf(dump.awaitPointAt("Waits", "try-lock"));
    assertThat(stats.path("count").asLong()).isEqualTo(2);

    release.countDown();
    assertThat(first.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(dump().task(holder.path("id").asLong()).has("holds")).isFalse();
  }

  private static boolean tryHoldLock(
      ReentrantLock lock, CountDownLatch holding, CountDownLatch release) {
    try {
      return Waits.tryHoldLock(lock, holding, release);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void monitorEnteredInTracedCodeIsHeld() throws Exception {
    Object monitor = new Object();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(() -> Waits.holdMonitor(monitor, holding, release));
    assertThat(holding.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Dump dump = dump();
    JsonNode task = dump.lastTaskNamed("Waits.holdMonitor");
    JsonNode held = dump.byId("object", task.path("holds").get(0).asLong());
    assertThat(held.path("kind").asText()).isEqualTo("MONITOR");
    assertThat(held.path("identity").asText())
        .isEqualTo(Integer.toHexString(System.identityHashCode(monitor)));
    JsonNode point =
        dump.one("awaitPoint", p -> p.path("operation").asText().equals("synchronized"));
    assertThat(point.path("line").asInt()).isEqualTo(InProcessAgent.line("Waits", "monitor"));

    release.countDown();
    done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(dump().task(task.path("id").asLong()).has("holds")).isFalse();
  }

  @Test
  void latchWaitIsRecordedWithTheLatch() throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> {
              try {
                Waits.awaitLatch(latch);
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            });
    Dump dump = dumpWhen(d -> hasState(d, "Waits.awaitLatch", "BLOCKED"));
    JsonNode task = dump.lastTaskNamed("Waits.awaitLatch");
    JsonNode awaited = dump.byId("object", task.path("await").path("object").asLong());
    assertThat(awaited.path("kind").asText()).isEqualTo("LATCH");
    assertThat(awaited.path("waiters").get(0).asLong()).isEqualTo(task.path("id").asLong());
    latch.countDown();
    done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void exceptionsPassThroughUnchangedAndFailTheTask() {
    assertThatThrownBy(() -> Waits.fail("broken"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("broken")
        .satisfies(e -> assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("fail"));
    JsonNode task = dump().lastTaskNamed("Waits.fail");
    assertThat(task.path("state").asText()).isEqualTo("FAILED");
    assertThat(task.path("error").path("class").asText())
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(task.path("error").path("message").asText()).isEqualTo("broken");
    assertThat(task.path("error").path("stack").get(0).path("method").asText()).isEqualTo("fail");
  }

  @Test
  void callOnTheSameThreadIsAChild() {
    assertThat(Waits.parent()).isEqualTo("child");
    Dump dump = dump();
    JsonNode parent = dump.lastTaskNamed("Waits.parent");
    JsonNode child = dump.lastTaskNamed("Waits.sync");
    assertThat(child.path("parent").asLong()).isEqualTo(parent.path("id").asLong());
    assertThat(parent.has("parent")).isFalse();
  }

  @Test
  void methodsInRecordsEnumsInterfacesAndGenericsAreWoven() throws Exception {
    assertThat(new Shapes.Point(2, 3).sum()).isEqualTo(5);
    assertThat(Shapes.Color.RED.lower()).isEqualTo("red");
    Shapes.Greeter greeter = () -> "ada";
    assertThat(greeter.greet().toCompletableFuture().get()).isEqualTo("hello ada");
    assertThat(Shapes.max(List.of(3, 9, 4), 1L, 2.0)).isEqualTo(9);
    assertThat(new Shapes.Counter().increment()).isEqualTo(1);

    Dump dump = dump();
    for (String name :
        List.of("Point.sum", "Color.lower", "Greeter.greet", "Shapes.max", "Counter.increment")) {
      assertThat(dump.lastTaskNamed(name).path("state").asText()).as(name).isEqualTo("COMPLETED");
    }
    assertThat(dump.lastTaskNamed("Greeter.greet").path("kind").asText()).isEqualTo("ASYNC");
  }

  private static boolean hasState(Dump dump, String task, String state) {
    return dump.tasksNamed(task).stream().anyMatch(t -> t.path("state").asText().equals(state));
  }

  private Dump dump() {
    return InProcessAgent.dump(dir);
  }

  /** Dumps until {@code condition} holds, for at most {@link #LIMIT}. */
  private Dump dumpWhen(Predicate<Dump> condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      Dump dump = dump();
      if (condition.test(dump)) {
        return dump;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + LIMIT + ": " + dump.records());
      }
      Thread.sleep(10);
    }
  }
}
