package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.CaffeineLookups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real library built on {@code CompletableFuture} (Caffeine's asynchronous cache), every one of
 * its future-returning methods traced by a {@code trace=} pattern: the program behaves as without
 * the agent, and each load is a task under the library's tasks, under the lookup that asked.
 */
class CaffeineLookupsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String LIBRARY = "com.github.benmanes.caffeine.";
  private static final String PATTERNS = "trace=com.github.benmanes.caffeine.**";
  private static final Map<String, ProgramRun> RUNS = new HashMap<>();

  private static ProgramRun plain(Jdk jdk) {
    return run(jdk, null);
  }

  private static ProgramRun traced(Jdk jdk) {
    return run(jdk, PATTERNS);
  }

  /** Each run once per JDK, for all the tests. */
  private static synchronized ProgramRun run(Jdk jdk, String patterns) {
    String key = jdk + " " + patterns;
    return RUNS.computeIfAbsent(
        key,
        k -> {
          Path dir =
              Path.of(System.getProperty("user.dir"), "target", "e2e", "CaffeineLookups")
                  .resolve(jdk.toString());
          ForkedProgram program =
              new ForkedProgram(jdk, CaffeineLookups.class).withLibraries(Caffeine.class);
          return patterns == null
              ? program.runWithoutAgent(dir.resolve("plain"))
              : program.runWithAgent(dir.resolve("agent"), "," + patterns);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void behavesExactlyAsWithoutTheAgent(Jdk jdk) {
    ProgramRun plain = plain(jdk);
    ProgramRun traced = traced(jdk);
    assertThat(plain.exitCode()).as(plain.describe()).isZero();
    assertThat(plain.stdout())
        .isEqualTo("ALPHA {beta=BETA, gamma=GAMMA} ALPHA failed: cannot load broken\n");
    assertThat(traced.exitCode()).as(traced.describe()).isEqualTo(plain.exitCode());
    assertThat(traced.stdout()).as(traced.describe()).isEqualTo(plain.stdout());
    assertThat(traced.stderr()).as(traced.describe()).doesNotContain("[async-inspect]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everyLoadRunsUnderTheLibrarysTasksUnderTheLookup(Jdk jdk) throws Exception {
    Dump dump = DumpReader.read(traced(jdk).dump());
    assertThat(dump.complete()).isTrue();
    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.methods().values())
        .filteredOn(m -> m.className().startsWith(LIBRARY))
        .isNotEmpty()
        .allMatch(m -> m.kind() == TaskKind.ASYNC)
        .extracting(MethodInfo::task)
        .contains(
            "LocalAsyncLoadingCache.get", "LocalAsyncLoadingCache.getAll", "CacheLoader.asyncLoad");

    TaskInfo lookup = onlyTask(dump, "CaffeineLookups.lookup");
    List<TaskInfo> loads = dump.tasksNamed("CaffeineLookups.load");
    assertThat(loads).as("alpha once (then a hit), beta, gamma, broken").hasSize(4);
    for (TaskInfo load : loads) {
      List<TaskInfo> chain = ancestors(dump, load);
      assertThat(chain.get(chain.size() - 1)).as("root of %s", chain).isEqualTo(lookup);
      TaskInfo spawned = chain.get(0);
      assertThat(spawned.kind()).isEqualTo(TaskKind.SPAWNED);
      assertThat(dump.spawnPoint(spawned.spawnPoint()).file()).isEqualTo("CacheLoader.java");
      assertThat(chain.get(1).name()).isEqualTo("CacheLoader.asyncLoad");
      assertThat(chain.subList(1, chain.size() - 1))
          .as("between the load and the lookup: the library's own tasks")
          .allMatch(t -> dump.method(t.method()).className().startsWith(LIBRARY));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theFailedLoadFailsEveryTaskUpToTheCache(Jdk jdk) throws Exception {
    Dump dump = DumpReader.read(traced(jdk).dump());
    TaskInfo failed =
        dump.tasksNamed("CaffeineLookups.load").stream()
            .filter(t -> t.state() == TaskState.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.error().className()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(failed.error().message()).isEqualTo("cannot load broken");
    List<TaskInfo> chain = ancestors(dump, failed);
    assertThat(chain.subList(0, chain.size() - 1))
        .as("every task between the load and the lookup")
        .allMatch(t -> t.state() == TaskState.FAILED);
    assertThat(chain.get(chain.size() - 1).state()).isEqualTo(TaskState.COMPLETED);
  }

  /** The task's parent, its parent's parent, ... up to a root. */
  private static List<TaskInfo> ancestors(Dump dump, TaskInfo task) {
    List<TaskInfo> chain = new ArrayList<>();
    for (Long parent = task.parent(); parent != null; ) {
      TaskInfo next = dump.task(parent).orElseThrow();
      chain.add(next);
      parent = next.parent();
    }
    return chain;
  }
}
