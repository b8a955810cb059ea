package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asyncinspect.agent.InProcessAgent.Dump;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A traced method in a class file older than Java 7 (no stack map frames, so the weaving adds no
 * local variable): its wait still ends when the waiting call returns, found through the thread.
 */
class OldClassFileTest {
  private static final String NAME = "oldcode.OldWaits";
  private static final int AWAIT_LINE = 10;

  @TempDir Path dir;

  @Test
  void waitInAJava6ClassEndsWhenTheCallReturns() throws Exception {
    InProcessAgent.install("");
    Method method = oldClass().getMethod("awaitThenPause", latches());
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              try {
                method.invoke(null, go, holding, release);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            },
            "old-class-file");
    thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (thread.getState() != Thread.State.WAITING) {
      assertThat(System.nanoTime()).as("thread waits in time").isLessThan(deadline);
      Thread.sleep(5);
    }
    JsonNode blocked = InProcessAgent.dump(dir).lastTaskNamed("OldWaits.awaitThenPause");
    assertThat(blocked.path("state").asText()).isEqualTo("BLOCKED");

    go.countDown();
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    Dump dump = InProcessAgent.dump(dir);
    JsonNode task = dump.task(blocked.path("id").asLong());
    assertThat(task.path("state").asText()).isEqualTo("RUNNING");
    JsonNode point = dump.awaitPointOf(blocked);
    assertThat(point.path("line").asInt()).isEqualTo(AWAIT_LINE);
    assertThat(dump.statsOf(point).path("count").asLong()).isEqualTo(1);

    release.countDown();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(dump(blocked).path("state").asText()).isEqualTo("COMPLETED");
  }

  private JsonNode dump(JsonNode task) {
    return InProcessAgent.dump(dir).task(task.path("id").asLong());
  }

  private static Class<?>[] latches() {
    return new Class<?>[] {CountDownLatch.class, CountDownLatch.class, CountDownLatch.class};
  }

  /**
   * Defines, in a loader of its own (so that the agent weaves it as it is defined), a Java 6 class:
   *
   * <pre>
   *   &#64;Trace public static void awaitThenPause(CountDownLatch go, CountDownLatch holding,
   *       CountDownLatch release) throws InterruptedException {
   *     go.await();                      // line 10
   *     Waits.pause(holding, release);   // untraced: signals holding, waits for release
   *   }
   * </pre>
   */
  private static Class<?> oldClass() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    String internal = NAME.replace('.', '/');
    writer.visit(
        Opcodes.V1_6,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
        internal,
        null,
        "java/lang/Object",
        null);
    writer.visitSource("OldWaits.java", null);
    String latch = "Ljava/util/concurrent/CountDownLatch;";
    MethodVisitor code =
        writer.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "awaitThenPause",
            "(" + latch + latch + latch + ")V",
            null,
            new String[] {"java/lang/InterruptedException"});
    code.visitAnnotation("Ldev/asyncinspect/annotations/Trace;", true).visitEnd();
    code.visitCode();
    Label start = new Label();
    code.visitLabel(start);
    code.visitLineNumber(AWAIT_LINE, start);
    code.visitVarInsn(Opcodes.ALOAD, 0);
    code.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CountDownLatch", "await", "()V", false);
    Label pause = new Label();
    code.visitLabel(pause);
    code.visitLineNumber(AWAIT_LINE + 1, pause);
    code.visitVarInsn(Opcodes.ALOAD, 1);
    code.visitVarInsn(Opcodes.ALOAD, 2);
    code.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        "dev/asyncinspect/fixtures/Waits",
        "pause",
        "(" + latch + latch + ")V",
        false);
    code.visitInsn(Opcodes.RETURN);
    code.visitMaxs(0, 0);
    code.visitEnd();
    writer.visitEnd();
    byte[] bytes = writer.toByteArray();
    return new ClassLoader(OldClassFileTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(NAME, bytes, 0, bytes.length);
      }
    }.define();
  }
}
