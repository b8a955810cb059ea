package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.fixtures.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The prefilter's constant-pool walk finds exactly the classes whose constant pool holds the
 * {@code @Trace} descriptor, and falls back to the plain byte search on what it cannot walk.
 */
class TracePrefilterTest {

  @Test
  void findsClassesWithTracedMethods() throws IOException {
    for (Class<?> traced :
        List.of(Shapes.class, Shapes.Point.class, Shapes.Color.class, Shapes.Greeter.class)) {
      assertThat(TracePrefilter.mentionsTrace(bytes(traced))).as(traced.getName()).isTrue();
    }
  }

  @Test
  void passesOverClassesWithoutThemAndAgreesWithThePlainSearch() throws IOException {
    // JDK classes with long, double, method handle and dynamic constants among their entries.
    for (Class<?> plain :
        List.of(
            String.class,
            CompletableFuture.class,
            Math.class,
            java.util.HashMap.class,
            java.lang.invoke.MethodHandles.class,
            TracePrefilter.class)) {
      byte[] bytes = bytes(plain);
      assertThat(TracePrefilter.mentionsTrace(bytes)).as(plain.getName()).isFalse();
      assertThat(TracePrefilter.contains(bytes)).as(plain.getName()).isFalse();
    }
  }

  @Test
  void aTruncatedOrForeignFileIsSearchedByteByByte() throws IOException {
    byte[] traced = bytes(Shapes.class);
    byte[] truncated = Arrays.copyOf(traced, 40);
    assertThat(TracePrefilter.mentionsTrace(truncated)).isFalse();
    byte[] foreign = ("not a class, but Ldev/asyncinspect/annotations/Trace; inside").getBytes();
    assertThat(TracePrefilter.mentionsTrace(foreign)).isTrue();
  }

  private static byte[] bytes(Class<?> type) throws IOException {
    String name = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
