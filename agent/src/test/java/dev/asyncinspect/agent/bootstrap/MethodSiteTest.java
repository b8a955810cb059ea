package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodSiteTest {

  @Test
  void taskNamesUseTheSimpleClassName() {
    assertThat(MethodSite.simpleName("com.acme.Repo")).isEqualTo("Repo");
    assertThat(MethodSite.simpleName("com.acme.Outer$Repo")).isEqualTo("Repo");
    assertThat(MethodSite.simpleName("Repo")).isEqualTo("Repo");
  }

  @Test
  void localClassesLoseJavacsNumberAndAnonymousOnesKeepTheirOuterClass() {
    assertThat(MethodSite.simpleName("com.acme.Outer$1Local")).isEqualTo("Local");
    assertThat(MethodSite.simpleName("com.acme.Outer$Op$1")).isEqualTo("Op$1");
    assertThat(MethodSite.simpleName("com.acme.Outer$2")).isEqualTo("Outer$2");
    assertThat(MethodSite.simpleName("com.acme.Outer$2$1")).isEqualTo("Outer$2$1");
  }
}
