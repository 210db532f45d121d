package cn.baoxue.security;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.security.EngineApiPath.Door;
import cn.baoxue.security.EngineOperations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glassfish.jersey.uri.UriComponent;
import org.junit.jupiter.api.Test;

/** The allowlist's path reading and its documentation, without a server. */
@QuickTier
class EngineOperationsTests {

  @Test
  void canonicalPathsAreReadAsTheirSegments() {
    assertThat(EngineApiPath.parse("/engine-rest/task/abc-123/claim")).get()
        .isEqualTo(new EngineApiPath(Door.ENGINE, List.of("task", "abc-123", "claim"), false));
    assertThat(EngineApiPath.parse("/camunda/api/engine/engine/default/process-definition/dropout-case:1:7/xml")).get()
        .isEqualTo(new EngineApiPath(Door.ENGINE, List.of("process-definition", "dropout-case:1:7", "xml"), false));
    assertThat(EngineApiPath.parse("/camunda/api/engine/engine/default/process-definition/dropout-case%3A1%3A7/xml")).get()
        .isEqualTo(new EngineApiPath(Door.ENGINE, List.of("process-definition", "dropout-case:1:7", "xml"), false));
    assertThat(EngineApiPath.parse("/engine-rest/process-instance/1/variables/%E5%AD%A6%E7%94%9F")).get()
        .extracting(EngineApiPath::segments).asList().endsWith("学生");
    assertThat(EngineApiPath.parse("/camunda/api/engine/engine/")).get()
        .isEqualTo(new EngineApiPath(Door.WEBAPP, List.of("camunda", "api", "engine", "engine"), true));
  }

  @Test
  void oddSpellingsAreNotCanonical() {
    for (String odd : List.of(
        "/engine-rest/task//claim", "//engine-rest/task/1/claim", "/engine-rest/task/1/claim//",
        "/engine-rest/task/1/%63laim", "/engine-rest/task/1%2Fclaim", "/engine-rest/task/1/claim;jsessionid=x",
        "/engine-rest/task;x=y/1/claim", "/engine-rest/task/1/../1/claim", "/engine-rest/task/./1/claim",
        "/engine-rest/task/1/%2e%2e/claim", "/engine-rest/task/1/%2E%2E/claim", "/engine-rest/task/1%5Cclaim",
        "/engine-rest/task/1%3bx/claim", "/engine-rest/task/1%00/claim", "/engine-rest/task/1%25/claim",
        "/engine-rest/task/%E5%AD/claim", "/engine-rest/task/1\\claim", "/engine-rest/task/1 /claim")) {
      assertThat(EngineApiPath.parse(odd)).as(odd).isEmpty();
    }
  }

  @Test
  void aTemplateMatchesItsOwnSpellingOnly() {
    Operation claim = operation("POST", "/task/{id}/claim");
    Operation incidents = operation("POST", "/camunda/api/cockpit/plugin/base/{engine}/incident/");
    assertThat(EngineApiPath.parse("/engine-rest/task/1/claim").orElseThrow().matches(claim)).isTrue();
    assertThat(EngineApiPath.parse("/camunda/api/engine/engine/default/task/1/claim").orElseThrow().matches(claim)).isTrue();
    assertThat(EngineApiPath.parse("/engine-rest/task/1/claim/").orElseThrow().matches(claim)).isFalse();
    assertThat(EngineApiPath.parse("/engine-rest/Task/1/claim").orElseThrow().matches(claim)).isFalse();
    assertThat(EngineApiPath.parse("/engine-rest/engine/default/task/1/claim").orElseThrow().matches(claim)).isFalse();
    assertThat(EngineApiPath.parse("/camunda/api/cockpit/plugin/base/default/incident/").orElseThrow().matches(incidents)).isTrue();
    assertThat(EngineApiPath.parse("/camunda/api/cockpit/plugin/base/default/incident").orElseThrow().matches(incidents)).isFalse();
    assertThat(EngineApiPath.parse("/engine-rest/camunda/api/cockpit/plugin/base/default/incident/").orElseThrow().matches(incidents))
        .isFalse();
  }

  /** The second line behind the allowlist reads the path as Jersey does, whatever its spelling. */
  @Test
  void everySpellingOfAStartIsAStartForTheSecondLine() {
    for (String start : List.of(
        "process-definition/key/dropout-case/start", "process-definition/key/dropout-case/start/",
        "process-definition/key/dropout-case//start", "process-definition/key/dropout-case/%73tart",
        "process-definition/key/dropout-case/start;jsessionid=x", "process-definition/key/dropout-case;x=y/start",
        "process-definition/key/dropout-case/START", "process-definition/key/dropout-case/x/../start",
        "process-definition/dropout-case:1:7/start", "process-definition/dropout-case:1:7/submit-form",
        "process-definition/key/dropout-case/tenant-id/t/start", "process-definition/key/dropout-case/tenant-id/t/submit-form/",
        "engine/default/process-definition/key/dropout-case/start")) {
      assertThat(StartAtTheBeginningOnly.isStart(UriComponent.decodePath(start, true))).as(start).isTrue();
    }
    for (String other : List.of("process-definition/key/dropout-case/startForm", "process-definition/key/dropout-case/restart",
        "task/1/complete", "process-definition/key/dropout-case/start/..")) {
      assertThat(StartAtTheBeginningOnly.isStart(UriComponent.decodePath(other, true))).as(other).isFalse();
    }
  }

  @Test
  void everyAllowedOperationIsListedInTheSecurityDocument() throws IOException {
    String doc = Files.readString(Path.of("docs", "security.md"), StandardCharsets.UTF_8);
    for (Operation operation : EngineOperations.ALLOWED) {
      assertThat(doc).as("docs/security.md lists %s %s", operation.method(), operation.template())
          .contains(EngineOperationsDoc.line(operation));
    }
    assertThat(EngineOperations.ALLOWED).doesNotHaveDuplicates();
  }

  private static Operation operation(String method, String template) {
    return EngineOperations.ALLOWED.stream()
        .filter(operation -> operation.method().equals(method) && operation.template().equals(template))
        .findFirst().orElseThrow();
  }

  /** The row of docs/security.md's "Engine REST allowlist" table for one operation. */
  static final class EngineOperationsDoc {
    static String line(Operation operation) {
      return "| `" + operation.method() + "` | `" + operation.template() + "` | " + operation.audience().label() + " | "
          + operation.neededBy() + " |";
    }
  }
}
