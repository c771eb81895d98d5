package org.gyrus.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The engine versions and thread count a study records, read without loading native code. */
final class EngineInfo {
  private EngineInfo() {}

  static Map<String, String> versions() {
    Map<String, String> out = new LinkedHashMap<>();
    String djl = ai.djl.engine.Engine.class.getPackage().getSpecificationVersion();
    out.put("djl", djl == null ? "unknown" : djl);
    out.put("pytorch", pytorchVersion());
    out.put("engine_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
    return out;
  }

  private static String pytorchVersion() {
    try (InputStream in = EngineInfo.class.getResourceAsStream("/jnilib/pytorch.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("jni_version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
