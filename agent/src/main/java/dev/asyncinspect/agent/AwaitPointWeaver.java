package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.MethodSite;
import dev.asyncinspect.agent.bootstrap.Registry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves one class: traced methods get their entry and exit calls ({@link TraceAdvice}), and the
 * await points and spawn points of traced methods and of the code they define (lambda bodies,
 * anonymous and local classes: {@link EnclosedCode}) are rewritten to report to the run-time facade
 * ({@link CallSiteVisitor}). Such code runs as part of whatever task runs it: the traced method
 * itself, or the SPAWNED task its hand-off made.
 *
 * <p>The call-site rewriter sees the method's original code, and its output goes through the
 * entry/exit weaving, which moves the method's locals to make room for the task. The class file
 * must be read with expanded stack map frames: both read them.
 */
final class AwaitPointWeaver extends ClassVisitor {
  private final Registry registry;
  private final TracedMethods traced;
  private final TypeHierarchy hierarchy;
  private final String className;

  /** For an anonymous or local class of a traced method, that method: all its code is woven. */
  private final EnclosedCode.TracedMethod enclosing;

  private AwaitOperations operations;
  private SpawnOperations spawns;
  private int version;
  private String internalName;
  private String sourceFile;

  AwaitPointWeaver(
      ClassVisitor next,
      Registry registry,
      TracedMethods traced,
      TypeHierarchy hierarchy,
      String className,
      EnclosedCode.TracedMethod enclosing) {
    super(Opcodes.ASM9, next);
    this.registry = registry;
    this.traced = traced;
    this.hierarchy = hierarchy;
    this.className = className;
    this.enclosing = enclosing;
  }

  /**
   * The woven class file of class {@code internalName} (loaded by {@code loader}), or null when it
   * has no traced method and is no anonymous or local class of one.
   */
  static byte[] weave(
      Registry registry,
      TracePatterns patterns,
      ClassLoader loader,
      String internalName,
      byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    TypeHierarchy hierarchy = new TypeHierarchy(loader, internalName, bytes);
    TracedMethods traced = TracedMethods.find(reader, hierarchy, patterns);
    EnclosedCode.TracedMethod enclosing = null;
    if (traced.isEmpty()) {
      enclosing =
          EnclosedCode.ownerOf(
              traced.enclosingOwner, traced.enclosingName, traced.enclosingDescriptor);
      if (enclosing == null) {
        return null;
      }
    }
    // Sharing the reader's constant pool lets the writer copy untouched methods as they are. No
    // frames or maximums are computed: the weaving writes its own (computing frames would load
    // classes to find common super classes, from inside class loading).
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new AwaitPointWeaver(
            writer, registry, traced, hierarchy, internalName.replace('/', '.'), enclosing),
        ClassReader.EXPAND_FRAMES);
    byte[] woven = writer.toByteArray();
    if (enclosing == null) {
      EnclosedCode.tracedClass(internalName, traced.descriptorByName);
    } else {
      EnclosedCode.enclosedClass(internalName, enclosing);
    }
    return woven;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    this.version = version;
    this.internalName = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitSource(String source, String debug) {
    this.sourceFile = source;
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    if (mv == null) {
      return null;
    }
    TracedMethods.Method method = traced.bySignature.get(name + descriptor);
    String tracedName = name;
    String tracedDescriptor = descriptor;
    if (method != null) {
      MethodSite site = registry.method(className, name, descriptor);
      site.define(method.taskName, method.async);
      // Java 7+ class files have complete stack map frames; older ones are verified without.
      mv =
          new TraceAdvice(
              mv,
              internalName,
              access,
              descriptor,
              site.id(),
              method.async,
              (version & 0xFFFF) >= Opcodes.V1_7);
    } else if (enclosing != null) {
      if (name.startsWith("<") || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        return mv;
      }
      tracedName = enclosing.name;
      tracedDescriptor = enclosing.descriptor;
    } else {
      tracedName = lambdaOwner(access, name);
      tracedDescriptor = tracedName == null ? null : traced.descriptorByName.get(tracedName);
      if (tracedDescriptor == null) {
        return mv;
      }
    }
    if (operations == null) {
      operations = new AwaitOperations(hierarchy);
      spawns = new SpawnOperations(hierarchy);
    }
    String tracedClass = enclosing == null ? className : enclosing.owner.replace('/', '.');
    return new CallSiteVisitor(
        mv,
        registry.method(tracedClass, tracedName, tracedDescriptor),
        registry,
        operations,
        spawns,
        sourceFile,
        version,
        access,
        name,
        descriptor);
  }

  /** Why a class could not be woven, in plain words where ASM's exception has them. */
  static String describeFailure(Throwable error) {
    if (error instanceof MethodTooLargeException) {
      MethodTooLargeException tooLarge = (MethodTooLargeException) error;
      return "with tracing, its method "
          + tooLarge.getMethodName()
          + tooLarge.getDescriptor()
          + " would have "
          + tooLarge.getCodeSize()
          + " bytes of code, more than the 65535 the JVM allows";
    }
    return error.toString();
  }

  /**
   * The name of the method that defines a lambda body, from javac's naming ({@code lambda$fetch$0}
   * is defined in {@code fetch}), or null for other methods.
   */
  static String lambdaOwner(int access, String name) {
    return (access & Opcodes.ACC_SYNTHETIC) == 0 ? null : EnclosedCode.lambdaOwner(name);
  }
}
