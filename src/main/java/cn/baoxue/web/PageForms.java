package cn.baoxue.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Baoxue's own pages submit, turned into the body its API takes. */
public final class PageForms {

  private PageForms() {}

  /** The form's fields the door declares, those left empty out: the page sends the same body as a script. */
  public static Map<String, Object> filled(Map<String, String> form, Collection<String> declared) {
    Map<String, Object> body = new LinkedHashMap<>();
    declared.forEach(field -> {
      String value = form.get(field);
      if (value != null && !value.isBlank()) {
        body.put(field, value);
      }
    });
    return body;
  }
}
