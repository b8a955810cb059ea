package dev.asyncinspect.bench;

/** Class, method and file names of the synthetic program's traced methods. */
final class Names {
  private Names() {}

  static String simpleClass(int method) {
    return "Service" + (method - 1) / 5;
  }

  static String className(int method) {
    return "com.acme.shop.svc" + (method - 1) / 25 + "." + simpleClass(method);
  }

  static String methodName(int method) {
    return (Workload.isHandler(method) ? "handle" : "op") + method;
  }

  static String task(int method) {
    return simpleClass(method) + "." + methodName(method);
  }

  static String file(int method) {
    return simpleClass(method) + ".java";
  }
}
