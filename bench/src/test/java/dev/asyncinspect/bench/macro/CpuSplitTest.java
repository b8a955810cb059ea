package dev.asyncinspect.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSplitTest {
  @Test
  void readsTheKernelsCpuLists() {
    assertThat(CpuSplit.parseList("0-1")).containsExactly(0, 1);
    assertThat(CpuSplit.parseList("3")).containsExactly(3);
    assertThat(CpuSplit.parseList("0-2,8,10-11\n")).containsExactly(0, 1, 2, 8, 10, 11);
  }

  @Test
  void theLoadGeneratorTakesTheFirstCpuAndTheServiceTheRest() {
    assertThat(CpuSplit.of(List.of(0, 1))).isEqualTo(new CpuSplit("0", "1"));
    CpuSplit split = CpuSplit.of(List.of(2, 3, 5, 7));
    assertThat(split).isEqualTo(new CpuSplit("2", "3,5,7"));
    assertThat(split.serviceCommandPrefix()).containsExactly("taskset", "-c", "3,5,7");
  }

  @Test
  void oneCpuCannotBeSplit() {
    assertThatThrownBy(() -> CpuSplit.of(List.of(4)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 2 CPUs")
        .hasMessageContaining("[4]");
  }

  @Test
  void theOptionIsParsed() {
    assertThat(MacroBench.Settings.parse("--agent", "a.jar").splitCpus).isFalse();
    assertThat(MacroBench.Settings.parse("--agent", "a.jar", "--split-cpus", "--rounds", "2"))
        .satisfies(s -> assertThat(s.splitCpus).isTrue())
        .satisfies(s -> assertThat(s.rounds).isEqualTo(2));
  }
}
