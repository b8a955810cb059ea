package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.LongIndex;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link WaitForGraph} from a dump; see there for what the nodes and edges are. */
final class WaitForGraphBuilder {
  private final Dump dump;
  private final List<WaitNode> nodes = new ArrayList<>();
  private final List<WaitEdge> edges = new ArrayList<>();
  private final Set<Long> edgeKeys = new HashSet<>();
  private final LongIndex taskNodes;
  private final Map<Integer, Integer> objectNodes = new HashMap<>();
  private final Map<Long, Integer> threadNodes = new HashMap<>();
  private final Map<String, Integer> lockNodes = new HashMap<>();
  private final Map<Long, TaskInfo> taskOnThread = new HashMap<>();
  private int jvmLocks;

  WaitForGraphBuilder(Dump dump) {
    this.dump = dump;
    // By task id: a dump may hold a million tasks, and a map would box each id and node.
    this.taskNodes = new LongIndex(dump.tasks().size());
  }

  WaitForGraph build() {
    List<TaskInfo> tasks = addTasks();
    for (ObjectInfo object : dump.objects().values()) {
      int node = addNode(WaitNode.Kind.OBJECT, object.id(), null);
      objectNodes.put(object.id(), node);
      lockNodes.put(object.className() + "@" + object.identity(), node);
    }
    for (TaskInfo task : tasks) {
      addTaskEdges(task);
    }
    for (ObjectInfo object : dump.objects().values()) {
      addObjectEdges(object, objectNodes.get(object.id()));
    }
    new JvmDeadlockEdges(dump, this).addAll();
    return new WaitForGraph(dump, nodes, edges, taskNodes, objectNodes, taskOnThread);
  }

  /** A node per task, and the innermost live task of each thread; returns the tasks added. */
  private List<TaskInfo> addTasks() {
    List<TaskInfo> tasks = new ArrayList<>(dump.tasks().size());
    for (TaskInfo task : dump.tasks()) {
      if (!taskNodes.putIfAbsent(task.id(), nodes.size())) {
        continue; // a duplicate record: the reader warned about it, and the first one counts
      }
      tasks.add(task);
      addNode(WaitNode.Kind.TASK, task.id(), null); // the node put there
      if (!task.state().terminal() && task.thread() != null) {
        // Tasks are in start order: a nested task started later replaces its outer task.
        taskOnThread.put(task.thread(), task);
      }
    }
    return tasks;
  }

  /** A blocked task's wait, and a running task's nested call. */
  private void addTaskEdges(TaskInfo task) {
    int node = taskNodes.get(task.id());
    if (task.state() == TaskState.BLOCKED && task.await() != null) {
      Integer object =
          task.await().object() == null ? null : objectNodes.get(task.await().object());
      if (object != null) {
        AwaitPointInfo point = dump.awaitPoint(task.await().point());
        addEdge(new WaitEdge(node, object, WaitEdge.Relation.WAITS_ON, point, null));
      }
    }
    if (task.state() == TaskState.QUEUED && task.executor() != null) {
      Integer executor = objectNodes.get(task.executor());
      if (executor != null) {
        addEdge(new WaitEdge(node, executor, WaitEdge.Relation.QUEUED_ON, null, null));
      }
    }
    TaskInfo inner = task.thread() == null ? null : taskOnThread.get(task.thread());
    if (task.state() == TaskState.RUNNING && inner != null && inner != task) {
      addEdge(new WaitEdge(node, taskNodes.get(inner.id()), WaitEdge.Relation.CALLS, null, null));
    }
  }

  private void addObjectEdges(ObjectInfo object, int node) {
    if (object.kind() == ObjectKind.FUTURE) {
      int producer = object.producer() == null ? -1 : taskNodes.get(object.producer());
      if (producer >= 0 && !Boolean.TRUE.equals(object.done())) {
        addEdge(new WaitEdge(node, producer, WaitEdge.Relation.COMPLETED_BY, null, null));
      } else if (producer < 0 && !Boolean.TRUE.equals(object.done())) {
        addSourceEdges(object, node);
      }
    } else if (object.kind() == ObjectKind.THREAD && object.thread() != null) {
      TaskInfo running = taskOnThread.get(object.thread());
      if (running != null) {
        addEdge(
            new WaitEdge(node, taskNodes.get(running.id()), WaitEdge.Relation.RUN_BY, null, null));
      }
    }
    for (long holder : object.holders()) {
      int holderNode = taskNodes.get(holder);
      if (holderNode >= 0) {
        addEdge(new WaitEdge(node, holderNode, WaitEdge.Relation.HELD_BY, null, null));
      }
    }
  }

  /** A derived future with no known producer waits on each of its sources. */
  private void addSourceEdges(ObjectInfo future, int node) {
    for (int source : future.sources()) {
      Integer sourceNode = objectNodes.get(source);
      if (sourceNode != null && sourceNode != node) {
        addEdge(new WaitEdge(node, sourceNode, WaitEdge.Relation.DERIVED_FROM, null, null));
      }
    }
  }

  private int addNode(WaitNode.Kind kind, long id, String lockName) {
    nodes.add(new WaitNode(kind, id, lockName));
    return nodes.size() - 1;
  }

  /** Adds an edge unless one between the same two nodes is there already. */
  boolean addEdge(WaitEdge edge) {
    if (!edgeKeys.add(((long) edge.from() << 32) | edge.to())) {
      return false;
    }
    edges.add(edge);
    return true;
  }

  /** The node of a task, or -1. */
  int taskNode(long taskId) {
    return taskNodes.get(taskId);
  }

  TaskInfo taskOnThread(long threadId) {
    return taskOnThread.get(threadId);
  }

  /** The node that stands for a thread: its innermost live task, else a thread node. */
  int threadActor(long threadId) {
    TaskInfo task = taskOnThread.get(threadId);
    if (task != null) {
      return taskNodes.get(task.id());
    }
    return threadNodes.computeIfAbsent(threadId, id -> addNode(WaitNode.Kind.THREAD, id, null));
  }

  /** The node of the lock the JVM names: the agent's object of that name, else a lock node. */
  int jvmLock(String lockName) {
    return lockNodes.computeIfAbsent(
        lockName, name -> addNode(WaitNode.Kind.JVM_LOCK, ++jvmLocks, name));
  }

  /** The object node a task is blocked on, or -1. */
  int awaitedObject(TaskInfo task) {
    if (task.state() != TaskState.BLOCKED
        || task.await() == null
        || task.await().object() == null) {
      return -1;
    }
    return objectNodes.getOrDefault(task.await().object(), -1);
  }
}
