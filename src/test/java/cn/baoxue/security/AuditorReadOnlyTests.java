package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The auditor reads every case of 镇雄县 and changes nothing: each kind of write through each entry
 * point is refused with 403 and leaves the case as it was.
 */
@BaoxueWebTest
class AuditorReadOnlyTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  EngineRest auditor;
  String processInstanceId;
  String caseNumber;
  Task verify;

  @BeforeEach
  void reportACase() {
    auditor = EngineRest.as(anonymous, "auditor");
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    processInstanceId = (String) started.getBody().get("id");
    caseNumber = (String) started.getBody().get("businessKey");
    verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  @Test
  void theAuditorReadsCasesTasksHistoryAndVariables() {
    assertThat(auditor.get("/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(auditor.tasks(processInstanceId)).hasSize(1);
    assertThat(auditor.getList("/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId).getBody())
        .isNotEmpty();
    assertThat(auditor.get("/engine-rest/process-instance/" + processInstanceId + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyWriteThroughTheEngineRestApiIsRefused() {
    assertThat(auditor.claim(verify.getId(), "auditor").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.complete(verify.getId(), Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "FALSE_REPORT"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/studentName",
        Map.of("value", "改过的名字", "type", "String"))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.DELETE, "/engine-rest/process-instance/" + processInstanceId, null))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.startCase(TestStudents.changanGirl()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy()).isEqualTo(HttpStatus.FORBIDDEN);

    Task unchanged = taskService.createTaskQuery().taskId(verify.getId()).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(runtimeService.getVariable(processInstanceId, "studentName")).isEqualTo("王小梅");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("auditor-upload").count()).isZero();
  }

  @Test
  void writesToBaoxuesOwnApiAndPagesAreRefusedBeforeTheyArrive() {
    assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseNumber + "/contacts",
        Map.of("type", "PHONE", "date", "2026-11-20", "notes", "审计人员不应能写入"))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.POST, "/api/imports/roster", Map.of())).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.DELETE, "/api/cases/" + caseNumber, null)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.POST, "/cases/" + caseNumber, Map.of())).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void closedCasesAreKeptForTheConfiguredRetention() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("dropout-case").latestVersion()
        .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
  }

  private HttpStatus exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return HttpStatus.valueOf(anonymous.withBasicAuth("auditor", "demo")
        .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value());
  }

  private HttpStatus deploy() {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "auditor-upload");
    form.add("data", new ByteArrayResource(List.of("<definitions/>").get(0).getBytes()) {
      @Override
      public String getFilename() {
        return "evil.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return HttpStatus.valueOf(anonymous.withBasicAuth("auditor", "demo")
        .exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
        .getStatusCode().value());
  }
}
