package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asyncinspect.agent.InProcessAgent.Dump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor deadlock between two platform threads in untraced code: the JVM's own detector finds
 * it, and the dump carries its report. (The two threads stay deadlocked; this class has its own
 * JVM.)
 */
class JvmDeadlockTest {
  @TempDir Path dir;

  @Test
  void jvmReportedDeadlockIsInTheDump() throws Exception {
    InProcessAgent.install("");
    Object a = new Object();
    Object b = new Object();
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    Thread first = deadlocking("first", a, b, bothHoldOne);
    Thread second = deadlocking("second", b, a, bothHoldOne);
    assertThat(bothHoldOne.await(30, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (first.getState() != Thread.State.BLOCKED || second.getState() != Thread.State.BLOCKED) {
      assertThat(System.nanoTime()).as("threads blocked in time").isLessThan(deadline);
      Thread.sleep(5);
    }

    Dump dump = InProcessAgent.dump(dir);
    JsonNode deadlock = dump.one("jvmDeadlock", d -> true);
    List<Long> ids = new ArrayList<>();
    deadlock.path("threads").forEach(id -> ids.add(id.asLong()));
    assertThat(ids).containsExactlyInAnyOrder(first.getId(), second.getId());
    JsonNode firstRecord = dump.byId("thread", first.getId());
    assertThat(firstRecord.path("name").asText()).isEqualTo("first");
    assertThat(firstRecord.path("state").asText()).isEqualTo("BLOCKED");
    assertThat(firstRecord.path("lockOwner").asLong()).isEqualTo(second.getId());
    assertThat(firstRecord.path("lock").asText()).startsWith("java.lang.Object@");
    assertThat(firstRecord.path("stack").toString()).contains("deadlocking");
  }

  private static Thread deadlocking(String name, Object mine, Object theirs, CountDownLatch both) {
    Thread thread =
        new Thread(
            () -> {
              synchronized (mine) {
                both.countDown();
                try {
                  both.await();
                } catch (InterruptedException e) {
                  return;
                }
                synchronized (theirs) {
                  both.countDown();
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
