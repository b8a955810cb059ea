package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.MethodSite;
import dev.asyncinspect.agent.bootstrap.Registry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link MethodId} parameters: registers the woven method (its task name from {@code @Trace},
 * and whether it is ASYNC) and writes its id into the advice as a constant, so the hot path looks
 * nothing up.
 */
final class MethodIdBinding implements Advice.OffsetMapping.Factory<MethodId> {
  static final String TRACE = "dev.asyncinspect.annotations.Trace";

  private final Registry registry;

  MethodIdBinding(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Class<MethodId> getAnnotationType() {
    return MethodId.class;
  }

  @Override
  public Advice.OffsetMapping make(
      ParameterDescription.InDefinedShape target,
      AnnotationDescription.Loadable<MethodId> annotation,
      AdviceType adviceType) {
    return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
      MethodSite site =
          registry.method(
              instrumentedType.getName(),
              instrumentedMethod.getInternalName(),
              instrumentedMethod.getDescriptor());
      site.define(taskName(instrumentedMethod), isAsync(instrumentedMethod));
      return new Advice.OffsetMapping.Target.ForStackManipulation(
          IntegerConstant.forValue(site.id()));
    };
  }

  static boolean isAsync(MethodDescription method) {
    TypeDescription returned = method.getReturnType().asErasure();
    return returned.isAssignableTo(CompletionStage.class) || returned.isAssignableTo(Future.class);
  }

  /** The {@code @Trace} value, or null for the default name. */
  private static String taskName(MethodDescription method) {
    for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
      if (annotation.getAnnotationType().getName().equals(TRACE)) {
        Object value = annotation.getValue("value").resolve();
        return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
      }
    }
    return null;
  }
}
