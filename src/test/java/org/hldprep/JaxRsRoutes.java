package org.hldprep;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The routes of JAX-RS resources, read from their annotations: the root resource's {@code @Path}, each
 * resource method's HTTP method and path, and, through sub-resource locators (a {@code @Path} without an
 * HTTP method), the routes of the resources they return, recursively. Path parameters become a sample
 * value. JAX-RS annotations may sit on an interface or superclass method: they are looked up there too.
 */
final class JaxRsRoutes {

  /** One route: an HTTP method and a concrete path. */
  record Route(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final int MAX_DEPTH = 8;

  private JaxRsRoutes() {
  }

  static Set<Route> of(Class<?> root, String prefix) {
    Set<Route> routes = new LinkedHashSet<>();
    Path rootPath = root.getAnnotation(Path.class);
    walk(root, join(prefix, rootPath == null ? "" : rootPath.value()), routes, new ArrayDeque<>());
    return routes;
  }

  private static void walk(Class<?> resource, String path, Set<Route> routes, Deque<Class<?>> seen) {
    if (seen.size() > MAX_DEPTH || seen.contains(resource)) {
      return;
    }
    seen.push(resource);
    for (Method method : resource.getMethods()) {
      if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Path sub = annotation(method, Path.class);
      String httpMethod = httpMethod(method);
      String routePath = sub == null ? path : join(path, sub.value());
      if (httpMethod != null) {
        routes.add(new Route(httpMethod, routePath));
      } else if (sub != null) {
        walk(method.getReturnType(), routePath, routes, seen);
      }
    }
    seen.pop();
  }

  private static String httpMethod(Method method) {
    for (Method candidate : hierarchy(method)) {
      for (Annotation annotation : candidate.getAnnotations()) {
        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          return http.value();
        }
      }
    }
    return null;
  }

  private static <A extends Annotation> A annotation(Method method, Class<A> type) {
    for (Method candidate : hierarchy(method)) {
      A annotation = candidate.getAnnotation(type);
      if (annotation != null) {
        return annotation;
      }
    }
    return null;
  }

  /** The method and the methods it overrides or implements, in the superclasses and interfaces. */
  private static Set<Method> hierarchy(Method method) {
    Set<Method> methods = new LinkedHashSet<>();
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(method.getDeclaringClass());
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        methods.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException e) {
        // not declared here
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(java.util.List.of(type.getInterfaces()));
    }
    return methods;
  }

  /** Joins path segments; a template {name} or {name:regex} becomes the sample value 1. */
  private static String join(String base, String segment) {
    String concrete = segment.replaceAll("\\{[^}/]+(:[^}]*)?}", "1").replaceAll("\\{[^}]+}", "1");
    String joined = (base + "/" + concrete).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
