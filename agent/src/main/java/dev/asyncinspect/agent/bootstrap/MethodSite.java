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

  /**
   * Whether the weaving of its class failed: the class then runs untouched, but it may have
   * registered methods and points before it failed; dumps leave them out.
   */
  volatile boolean unwoven;

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

  /**
   * The class name as a task name shows it: {@code Repo} for {@code com.acme.Outer$Repo}; a local
   * class without javac's number ({@code Local} for {@code Outer$1Local}); an anonymous class with
   * the class it is in ({@code Repo$1} for {@code com.acme.Outer$Repo$1}).
   */
  static String simpleName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int dollar = simple.lastIndexOf('$');
    String last = simple.substring(dollar + 1);
    int digits = 0;
    while (digits < last.length() && Character.isDigit(last.charAt(digits))) {
      digits++;
    }
    if (dollar <= 0 || digits == 0) {
      return last;
    }
    return digits < last.length()
        ? last.substring(digits)
        : simpleName(simple.substring(0, dollar)) + "$" + last;
  }
}
