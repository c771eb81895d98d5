package org.gyrus.core.plugin;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/KIND} for every {@link Register}ed class: KIND is each interface
 * in the class's supertypes that directly extends {@link Component}. The file is written whole, so
 * a module registers a kind either through this processor or by hand, not both.
 */
@SupportedAnnotationTypes("org.gyrus.core.plugin.Register")
public final class RegisterProcessor extends AbstractProcessor {
  private final Map<String, Set<String>> services = new TreeMap<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element e : round.getElementsAnnotatedWith(Register.class)) {
      if (e.getKind() != ElementKind.CLASS || e.getModifiers().contains(Modifier.ABSTRACT)) {
        error(e, "@Register goes on a concrete class");
        continue;
      }
      TypeElement type = (TypeElement) e;
      Set<String> kinds = new TreeSet<>();
      collectKinds(type.asType(), kinds);
      if (kinds.isEmpty()) {
        error(e, "@Register class implements no component kind (an interface extending Component)");
      }
      String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
      for (String k : kinds) {
        services.computeIfAbsent(k, x -> new TreeSet<>()).add(binary);
      }
    }
    if (round.processingOver()) {
      services.forEach(this::write);
    }
    return true;
  }

  private void collectKinds(TypeMirror t, Set<String> kinds) {
    for (TypeMirror s : processingEnv.getTypeUtils().directSupertypes(t)) {
      TypeElement el = (TypeElement) ((DeclaredType) s).asElement();
      if (el.getKind() == ElementKind.INTERFACE && extendsComponentDirectly(el)) {
        kinds.add(processingEnv.getElementUtils().getBinaryName(el).toString());
      }
      collectKinds(s, kinds);
    }
  }

  private static boolean extendsComponentDirectly(TypeElement iface) {
    for (TypeMirror s : iface.getInterfaces()) {
      Element el = ((DeclaredType) s).asElement();
      if (((TypeElement) el).getQualifiedName().contentEquals(Component.class.getName())) {
        return true;
      }
    }
    return false;
  }

  private void write(String kind, Set<String> classes) {
    String file = "META-INF/services/" + kind;
    try {
      FileObject f =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", file);
      try (Writer w = f.openWriter()) {
        for (String c : classes) {
          w.write(c + "\n");
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot write " + file + ": " + e);
    }
  }

  private void error(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
  }
}
