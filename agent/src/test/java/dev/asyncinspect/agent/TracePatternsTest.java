package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TracePatternsTest {

  @Test
  void packagePatternMatchesThePackageAndItsSubpackagesOnly() {
    TracePatterns p = TracePatterns.parse("com.acme.**");
    assertThat(p.matchesClass("com.acme.Repo")).isTrue();
    assertThat(p.matchesClass("com.acme.deep.down.Repo$Inner")).isTrue();
    assertThat(p.matchesClass("com.acmex.Repo")).isFalse();
    assertThat(p.matchesClass("com.acme")).isFalse();
  }

  @Test
  void starMatchesWithinOneNameSegment() {
    TracePatterns p = TracePatterns.parse("com.acme.*Repo");
    assertThat(p.matchesClass("com.acme.UserRepo")).isTrue();
    assertThat(p.matchesClass("com.acme.sub.UserRepo")).isFalse();
    assertThat(TracePatterns.parse("com.acme.Repo$Cache").matchesClass("com.acme.Repo$Cache"))
        .isTrue();
  }

  @Test
  void classPatternSelectsFutureReturningMethodsAndMethodPatternSelectsByName() {
    TracePatterns p = TracePatterns.parse("com.acme.**;com.acme.Repo#find*");
    assertThat(p.matchesMethod("com.acme.Client", "fetch", true)).isTrue();
    assertThat(p.matchesMethod("com.acme.Client", "describe", false)).isFalse();
    assertThat(p.matchesMethod("com.acme.Repo", "findUser", false)).isTrue();
    assertThat(p.matchesMethod("com.acme.Repo", "save", false)).isFalse();
    assertThat(p.matchesMethod("org.other.Repo", "findUser", true)).isFalse();
  }

  @Test
  void badPatternsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> TracePatterns.parse("com.acme.Repo#find(*)"))
        .hasMessage(
            "bad trace pattern 'com.acme.Repo#find(*)': expected CLASSES or CLASSES#METHODS,"
                + " like com.acme.** or com.acme.Repo#find*");
    assertThatThrownBy(() -> TracePatterns.parse("com..acme")).hasMessageContaining("com..acme");
    assertThatThrownBy(() -> TracePatterns.parse(" ; "))
        .hasMessage("option trace needs at least one pattern");
  }

  @Test
  void optionIsRepeatableAndABadPatternIsReportedNotFatal() {
    AgentOptions options =
        AgentOptions.parse("trace=com.a.**,trace=com.b.Repo#load,trace=com.c.Bad#x(y)");
    assertThat(options.trace.matchesMethod("com.a.X", "f", true)).isTrue();
    assertThat(options.trace.matchesMethod("com.b.Repo", "load", false)).isTrue();
    assertThat(options.problems)
        .singleElement()
        .asString()
        .startsWith("bad trace pattern 'com.c.Bad#x(y)'");
    assertThat(options.given()).containsEntry("trace", "com.a.**;com.b.Repo#load");
  }
}
