package cn.baoxue.security;

import cn.baoxue.kernel.identity.Staff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasklist/controls}: which of Tasklist's controls the logged-in user may use, each
 * decided by asking the engine allowlist ({@link EngineRestAllowlist}) about the request the control
 * sends. Tasklist shows every control to everyone and only learns from the refusal (in English)
 * that it was not hers; {@code tasklist/scripts/baoxue-controls.js} hides the controls answered
 * {@code false} here, in Tasklist and in Cockpit (whose auditors were offered to suspend or delete
 * a case and to edit its variables). What the allowlist refuses, Tasklist does not offer; when the allowlist
 * changes, the controls follow.
 */
@RestController
class TasklistControls {

  /** A control of Tasklist and the request it sends (any id stands for the task's or filter's). */
  record Control(String name, String method, String path) {}

  static final List<Control> CONTROLS = List.of(
      new Control("createTask", "POST", "/engine-rest/task/create"),
      new Control("editTask", "PUT", "/engine-rest/task/x"),
      new Control("editGroups", "POST", "/engine-rest/task/x/identity-links"),
      new Control("setAssignee", "POST", "/engine-rest/task/x/assignee"),
      new Control("addComment", "POST", "/engine-rest/task/x/comment/create"),
      new Control("claim", "POST", "/engine-rest/task/x/claim"),
      new Control("unclaim", "POST", "/engine-rest/task/x/unclaim"),
      new Control("complete", "POST", "/engine-rest/task/x/submit-form"),
      new Control("startProcess", "POST", "/engine-rest/process-definition/x/submit-form"),
      new Control("editFilter", "PUT", "/engine-rest/filter/x"),
      new Control("cockpit", "GET", "/engine-rest/process-instance/x/activity-instances"),
      // Cockpit: suspending, deleting, retrying, adding or editing variables of a running case.
      new Control("changeProcesses", "PUT", "/engine-rest/process-instance/x/suspended"));

  private final EngineRestAllowlist allowlist;

  TasklistControls(AuthorizationService authorizations) {
    this.allowlist = new EngineRestAllowlist(authorizations);
  }

  @GetMapping("/api/tasklist/controls")
  Map<String, Boolean> controls(Staff staff) {
    Map<String, Boolean> controls = new LinkedHashMap<>();
    for (Control control : CONTROLS) {
      controls.put(control.name(), allowlist.permits(control.method(), control.path(), staff));
    }
    return controls;
  }
}
