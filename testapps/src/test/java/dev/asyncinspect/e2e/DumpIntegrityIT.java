package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.testapps.FailingChain;
import dev.asyncinspect.testapps.FanOutPipeline;
import dev.asyncinspect.testapps.StuckFuture;
import dev.asyncinspect.testapps.VirtualThreadDeadlock;
import dev.asyncinspect.testapps.VirtualThreadFanOut;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program's dump is a whole, clean dump of that program's JVM, written at its exit. */
class DumpIntegrityIT {

  static Stream<Arguments> programsAndJdks() {
    Stream<Arguments> on17 =
        Stream.of(FanOutPipeline.class, StuckFuture.class, FailingChain.class)
            .flatMap(program -> InstalledJdks.forRelease17().map(jdk -> arguments(program, jdk)));
    Stream<Arguments> on21 =
        Stream.of(VirtualThreadDeadlock.class, VirtualThreadFanOut.class)
            .flatMap(program -> InstalledJdks.forRelease21().map(jdk -> arguments(program, jdk)));
    return Stream.concat(on17, on21);
  }

  private static Arguments arguments(Class<?> program, Jdk jdk) {
    return Arguments.argumentSet(program.getSimpleName() + " " + jdk, program, jdk);
  }

  @ParameterizedTest
  @MethodSource("programsAndJdks")
  void theDumpIsCompleteAndReadsWithoutWarnings(Class<?> program, Jdk jdk) {
    Dump dump = AgentRuns.of(program, jdk).dump();
    assertThat(dump.complete()).as("the dump has its end record").isTrue();
    assertThat(dump.warnings()).as("reader warnings").isEmpty();
    assertThat(dump.header().reason()).isEqualTo("exit");
    assertThat(dump.header().mainClass()).isEqualTo(program.getName());
    assertThat(dump.header().jvm().get("version"))
        .as("the dump comes from the JVM it was run on")
        .startsWith(jdk.version().toString());
  }
}
