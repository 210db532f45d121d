package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * {@code GET /api/tasklist/controls} answers, per role, what the engine allowlist answers to the
 * request each Tasklist control sends: caseworkers claim, complete and report but create no task,
 * set no follow-up or due date, add no group or comment; the auditor does none of the work;
 * administrators everything. The answer agrees with the allowlist's real refusals.
 */
@BaoxueWebTest
class TasklistControlsTests {

  private static final List<String> ADMIN_ONLY =
      List.of("createTask", "editTask", "editGroups", "setAssignee", "addComment", "editFilter", "changeProcesses");
  private static final List<String> CASEWORK = List.of("claim", "unclaim", "complete", "startProcess");

  @Autowired TestRestTemplate anonymous;

  @Test
  void caseworkersAreOfferedTheirWorkAndNothingTheAllowlistRefuses() {
    for (String user : List.of("teacher-changan", "cadre-changan", "official-jianshan", "bureau-zhenxiong", "womenfed-zhenxiong")) {
      Map<String, Object> controls = controls(user);
      ADMIN_ONLY.forEach(control -> assertThat(controls.get(control)).as("%s: %s", user, control).isEqualTo(false));
      CASEWORK.forEach(control -> assertThat(controls.get(control)).as("%s: %s", user, control).isEqualTo(true));
      assertThat(controls.get("cockpit")).as("%s: Cockpit", user).isEqualTo(false);
      // The refusal the hidden control would have met.
      assertThat(EngineRest.as(anonymous, user).post("/engine-rest/task/create", Map.of("name", "x")).getStatusCode())
          .as("%s creates a task", user).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void theAuditorIsOfferedNoWorkAndAdministratorsEverything() {
    Map<String, Object> auditor = controls("auditor");
    ADMIN_ONLY.forEach(control -> assertThat(auditor.get(control)).as("auditor: %s", control).isEqualTo(false));
    CASEWORK.forEach(control -> assertThat(auditor.get(control)).as("auditor: %s", control).isEqualTo(false));
    assertThat(auditor.get("cockpit")).isEqualTo(true);
    assertThat(EngineRest.as(anonymous, "auditor").post("/engine-rest/task/x/claim", Map.of("userId", "auditor"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> admin = controls("admin");
    assertThat(admin.values()).as("administrators").allMatch(Boolean.TRUE::equals);
  }

  @Test
  void nobodyUnknownIsAnswered() {
    assertThat(anonymous.getForEntity("/api/tasklist/controls", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private Map<String, Object> controls(String user) {
    var answer = EngineRest.as(anonymous, user).get("/api/tasklist/controls");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }
}
