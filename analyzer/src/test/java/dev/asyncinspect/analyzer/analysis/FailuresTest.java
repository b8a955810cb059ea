package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.analysis.AsyncFrame.Source;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static StackFrame frame(String method, int line) {
    return new StackFrame("demo.Demo", method, "Demo.java", line, false);
  }

  private static ErrorInfo error(String message, StackFrame... stack) {
    return new ErrorInfo("java.lang.IllegalStateException", message, List.of(stack), 0, null);
  }

  /**
   * Like the FailingChain test program: m1 (SYNC) calls m2 (ASYNC), which calls m3 (SYNC) on the
   * same thread; m3 throws, m2 returns a failed future, m1 joins it afterwards and fails too.
   */
  private static Dump failingChain() {
    ErrorInfo thrown = error("out of stock", frame("m3", 43), frame("m2", 34), frame("m1", 28));
    return new WaitDumpBuilder()
        .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
        .task(1, TaskState.FAILED, 0)
        .ran(100, 900)
        .failed(
            new ErrorInfo(
                "java.util.concurrent.CompletionException",
                null,
                List.of(frame("m1", 28)),
                0,
                thrown))
        .done()
        .task(2, TaskState.FAILED, 0)
        .async()
        .parent(1)
        .ran(200, 600)
        .failed(thrown)
        .done()
        .task(3, TaskState.FAILED, 0)
        .parent(2)
        .ran(300, 400)
        .failed(thrown)
        .done()
        .event(100, 1, TaskState.RUNNING, null)
        .event(200, 2, TaskState.RUNNING, null)
        .event(300, 3, TaskState.RUNNING, null)
        .event(400, 3, TaskState.FAILED, null)
        .event(600, 2, TaskState.FAILED, null)
        .event(700, 1, TaskState.BLOCKED, 1)
        .event(800, 1, TaskState.RUNNING, null)
        .event(900, 1, TaskState.FAILED, null)
        .build();
  }

  @Test
  void asyncStackOfTheTaskWhereTheFailureBegan() {
    List<Failure> failures = Failures.of(failingChain());
    assertThat(failures).extracting(f -> f.task().id()).containsExactly(1L, 2L, 3L);

    Failure origin = failures.get(2);
    assertThat(origin.origin()).isTrue();
    assertThat(origin.asyncStack())
        .extracting(AsyncFrame::task, AsyncFrame::location, AsyncFrame::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "Demo.java:43", Source.THROWN),
            // m2 called m3 on its own thread: its frame comes from the exception's stack.
            org.assertj.core.groups.Tuple.tuple(2L, "Demo.java:34", Source.CALL_SITE),
            // m1 joined m2's failed future after m2 ended: the history has that wait.
            org.assertj.core.groups.Tuple.tuple(1L, "Demo.java:101", Source.EVENT_HISTORY));
    assertThat(origin.asyncStack().get(2).await().operation()).isEqualTo("CompletableFuture.join");
  }

  @Test
  void failuresThatFollowedAChildsNameTheChild() {
    List<Failure> failures = Failures.of(failingChain());
    assertThat(failures.get(0).failedChild()).isEqualTo(2L);
    assertThat(failures.get(1).failedChild()).isEqualTo(3L);
    assertThat(failures.get(0).asyncStack())
        .singleElement()
        .extracting(AsyncFrame::location)
        .isEqualTo("Demo.java:28");
  }

  @Test
  void aParentBlockedNowOrWhenTheChildFailed() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .point(2, "Future.get", AwaitKind.FUTURE)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(2, null)
            .done()
            .task(2, TaskState.RUNNING, 5)
            .parent(1)
            .done()
            .task(3, TaskState.FAILED, 0)
            .parent(2)
            .ran(300, 500)
            .failed(error("boom", frame("elsewhere", 1)))
            .done()
            .event(100, 2, TaskState.RUNNING, null)
            .event(200, 2, TaskState.BLOCKED, 1)
            .event(600, 2, TaskState.RUNNING, null)
            .build();
    Failure failure = Failures.of(dump).get(0);
    assertThat(failure.asyncStack())
        .extracting(AsyncFrame::task, AsyncFrame::location, AsyncFrame::source)
        .containsExactly(
            // The exception's stack does not show m3: its method's first line.
            org.assertj.core.groups.Tuple.tuple(3L, "Demo.java:1", Source.METHOD),
            org.assertj.core.groups.Tuple.tuple(2L, "Demo.java:101", Source.EVENT_HISTORY),
            org.assertj.core.groups.Tuple.tuple(1L, "Demo.java:102", Source.BLOCKED));
  }

  @Test
  void aParentNotInTheDumpEndsTheStack() {
    Dump dump =
        new WaitDumpBuilder()
            .task(3, TaskState.FAILED, 0)
            .parent(99)
            .failed(error("boom"))
            .done()
            .build();
    assertThat(Failures.of(dump).get(0).asyncStack())
        .extracting(AsyncFrame::task, AsyncFrame::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, Source.METHOD),
            org.assertj.core.groups.Tuple.tuple(99L, Source.UNKNOWN));
  }

  @Test
  void deepChainsAreCutAndCounted() {
    int depth = 100_000;
    WaitDumpBuilder dump = new WaitDumpBuilder();
    for (int i = 1; i <= depth; i++) {
      WaitDumpBuilder.Task task =
          dump.task(i, i == depth ? TaskState.FAILED : TaskState.RUNNING, 5);
      if (i > 1) {
        task.parent(i - 1);
      }
    }
    Failure failure = Failures.of(dump.build()).get(0);
    assertThat(failure.asyncStack()).hasSize(Failures.MAX_FRAMES);
    assertThat(failure.framesOmitted()).isEqualTo(depth - Failures.MAX_FRAMES);
  }

  @Test
  void aLoopOfParentLinksEndsTheStack() {
    WaitDumpBuilder dump = new WaitDumpBuilder();
    dump.task(1, TaskState.RUNNING, 5).parent(2);
    dump.task(2, TaskState.FAILED, 5).parent(1);
    Failure failure = Failures.of(dump.build()).get(0);
    assertThat(failure.asyncStack()).extracting(AsyncFrame::task).containsExactly(2L, 1L);
    assertThat(failure.framesOmitted()).isZero();
  }
}
