package dev.asyncinspect.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.agent.SpinInAgentPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuShareTest {
  @TempDir Path dir;

  @Test
  void aSampleIsTheAgentsWhenItsInnermostCodeOutsideTheJdkIs() {
    // The agent's facade calling the clock: the agent's.
    assertThat(
            CpuShare.isAgents(
                List.of(
                    "jdk.internal.misc.VM",
                    "java.lang.System",
                    "dev.asyncinspect.agent.bootstrap.Recorder",
                    "dev.asyncinspect.bench.macro.ShopService"),
                CpuShare.ASYNC_INSPECT))
        .isTrue();
    // The application's work that a spawned wrapper runs: the application's.
    assertThat(
            CpuShare.isAgents(
                List.of(
                    "dev.asyncinspect.bench.macro.Backend",
                    "dev.asyncinspect.agent.bootstrap.SpawnedWork$OfSupplier",
                    "java.util.concurrent.CompletableFuture$AsyncSupply"),
                CpuShare.ASYNC_INSPECT))
        .isFalse();
    // The agent's completion node, defined into java.util.concurrent.
    assertThat(
            CpuShare.isAgents(
                List.of(
                    "java.util.concurrent.AsyncInspectCompletion",
                    "java.util.concurrent.CompletableFuture"),
                CpuShare.ASYNC_INSPECT))
        .isTrue();
    // The JDK alone (the HTTP server, the scheduler): nobody's agent.
    assertThat(
            CpuShare.isAgents(
                List.of("sun.nio.ch.SocketDispatcher", "com.sun.net.httpserver.HttpServer"),
                CpuShare.ASYNC_INSPECT))
        .isFalse();
    assertThat(
            CpuShare.isAgents(
                List.of(
                    "java.lang.ThreadLocal",
                    "io.opentelemetry.javaagent.bootstrap.Java8BytecodeBridge",
                    "dev.asyncinspect.bench.macro.ShopService"),
                CpuShare.OPENTELEMETRY))
        .isTrue();
  }

  @Test
  void countsTheSamplesOfTheAgentsCodeInTheWindowOnly() throws Exception {
    Path file = dir.resolve("samples.jfr");
    Path settings = dir.resolve("samples.jfc");
    Files.writeString(settings, CpuShare.settings());
    Instant agentFrom;
    Instant agentTo;
    Instant appTo;
    try (Recording recording = new Recording(Configuration.create(settings))) {
      recording.start();
      agentFrom = Instant.now();
      SpinInAgentPackage.spin(400_000_000L);
      agentTo = Instant.now();
      spinInApplicationCode(400_000_000L);
      appTo = Instant.now();
      recording.stop();
      recording.dump(file);
    }

    CpuShare agent = CpuShare.read(file, agentFrom, agentTo, CpuShare.ASYNC_INSPECT);
    CpuShare application = CpuShare.read(file, agentTo, appTo, CpuShare.ASYNC_INSPECT);

    assertThat(agent.samples()).isPositive();
    assertThat(agent.share()).isGreaterThan(0.8);
    assertThat(application.samples()).isPositive();
    assertThat(application.share()).isLessThan(0.2);
  }

  private static long spinInApplicationCode(long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      n++;
    }
    return n;
  }
}
