package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which code belongs to a traced method: lambda bodies, anonymous and local classes, theirs. */
class EnclosedCodeTest {

  @Test
  void classesNamedAfterATracedClassMayBeItsInnerClasses() {
    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shop$1")).isFalse();
    EnclosedCode.tracedClass("test/enclosed/Shop", Map.of("order", "()V"));

    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shop$1")).isTrue();
    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shop$1Local")).isTrue();
    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shop$1$2")).isTrue();
    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shop")).isFalse();
    assertThat(EnclosedCode.mayBeEnclosed("test/enclosed/Shopping$1")).isFalse();
    assertThat(EnclosedCode.mayBeEnclosed(null)).isFalse();
  }

  @Test
  void methodsBelongToTheTracedMethodThatDefinesThem() {
    EnclosedCode.tracedClass("test/enclosed/Cart", Map.of("checkout", "(I)V"));

    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart", "checkout", "(I)V"))
        .satisfies(m -> assertThat(m.name + m.descriptor).isEqualTo("checkout(I)V"));
    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart", "lambda$checkout$3", "()V"))
        .satisfies(m -> assertThat(m.name + m.descriptor).isEqualTo("checkout(I)V"));
    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart", "checkout", "()V")).isNull();
    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart", "total", "()V")).isNull();
    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart", null, null)).isNull();
    assertThat(EnclosedCode.ownerOf(null, null, null)).isNull();
    assertThat(EnclosedCode.ownerOf("test/enclosed/Unknown", "checkout", "(I)V")).isNull();

    // An anonymous class of checkout: every method of it, and of classes declared in it, is part
    // of checkout.
    EnclosedCode.enclosedClass(
        "test/enclosed/Cart$1", EnclosedCode.ownerOf("test/enclosed/Cart", "checkout", "(I)V"));
    assertThat(EnclosedCode.ownerOf("test/enclosed/Cart$1", "run", "()V"))
        .satisfies(
            m -> assertThat(m.owner + "." + m.name).isEqualTo("test/enclosed/Cart.checkout"));
  }
}
