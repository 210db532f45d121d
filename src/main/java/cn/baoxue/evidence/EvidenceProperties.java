package cn.baoxue.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code baoxue.evidence}: the largest item accepted, and how many items each step must carry
 * before the township may approve closing (销号), by task definition key.
 */
@ConfigurationProperties("baoxue.evidence")
public record EvidenceProperties(DataSize maxSize, Map<String, Integer> requiredForClosure) {

  public EvidenceProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    requiredForClosure = requiredForClosure == null
        ? defaults()
        : Collections.unmodifiableMap(new LinkedHashMap<>(requiredForClosure));
  }

  private static Map<String, Integer> defaults() {
    Map<String, Integer> required = new LinkedHashMap<>();
    required.put("homeVisit", 1);
    required.put("followUp", 1);
    return Collections.unmodifiableMap(required);
  }
}
