package cn.baoxue.web;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Baoxue's Chinese translation of the Camunda webapps (locales/zh.json beside the config.js
 * overrides) against the English files of the Camunda webjar on the classpath: a Camunda upgrade
 * that adds a label fails here until the label is translated.
 */
@QuickTier
class WebappTranslationsTests {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[ds]|</?(a|br|strong|em|b|i|p|span|code)\\b[^>]*>");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  /** Labels that stay as they are in Chinese: names, formats and symbols. */
  private static final List<String> UNTRANSLATED =
      List.of("", "Camunda", "ID", "ID*", "CSV", "JSON", "Optimize", "null", "<", "<=", ">", ">=", "/",
          "YYYY-MM-DDTHH:mm:ss");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasExactlyTheKeysOfTheEnglishFile(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(app, "en"));
    Map<String, JsonNode> chinese = flatten(read(app, "zh"));

    assertThat(chinese.keySet()).as("zh.json keys of %s", app).isEqualTo(english.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyLabelIsChineseAndKeepsItsPlaceholders(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(app, "en").path("labels"));
    Map<String, JsonNode> chinese = flatten(read(app, "zh").path("labels"));
    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      String zh = chinese.containsKey(key) ? chinese.get(key).asText() : "";
      if (!CJK.matcher(zh).find() && !UNTRANSLATED.contains(zh.strip())) {
        problems.add(key + " is not Chinese: " + zh);
      }
      if (!placeholders(en.asText()).equals(placeholders(zh))) {
        problems.add(key + " changes placeholders: " + en.asText() + " -> " + zh);
      }
    });

    assertThat(problems).as("labels of %s", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesUseTheChineseLocale(String app) throws IOException {
    JsonNode dates = read(app, "zh").path("dateLocales");

    assertThat(dates.path("longDateFormat").path("LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
    assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
    assertThat(dates.path("week").path("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
  }

  private JsonNode read(String app, String locale) throws IOException {
    String path = APPS + app + "/locales/" + locale + ".json";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Every leaf by its path, e.g. labels.FILTER_NAME or dateLocales.months.0. */
  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "." + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path.substring(1), node);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }
}
