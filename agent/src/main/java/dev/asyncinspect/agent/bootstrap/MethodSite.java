package dev.asyncinspect.agent.bootstrap;

/**
 * A traced method, registered when its class is woven. Its id is a constant in the woven code. The
 * descriptive fields are filled in at weave time, before the woven class can run.
 */
public final class MethodSite {
  final int id;
  final String className;
  final String name;
  final String descriptor;
  volatile String taskName;
  volatile boolean async;
  volatile String file;
  volatile int line;
  final Stats stats = new Stats();

  MethodSite(int id, String className, String name, String descriptor) {
    this.id = id;
    this.className = className;
    this.name = name;
    this.descriptor = descriptor;
    this.taskName = simpleName(className) + "." + name;
  }

  /** Sets what the {@code @Trace} annotation and the return type say. */
  public void define(String taskName, boolean async) {
    if (taskName != null && !taskName.isEmpty()) {
      this.taskName = taskName;
    }
    this.async = async;
  }

  /** Sets the source location, from the class file's debug attributes. */
  public void source(String file, int line) {
    if (file != null) {
      this.file = file;
    }
    if (line > 0 && (this.line == 0 || line < this.line)) {
      this.line = line;
    }
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  static String simpleName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.substring(simple.lastIndexOf('$') + 1);
  }
}
