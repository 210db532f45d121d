package cn.baoxue.security;

import static cn.baoxue.security.EngineOperations.Audience.CASEWORKERS;
import static cn.baoxue.security.EngineOperations.Audience.COCKPIT_USERS;
import static cn.baoxue.security.EngineOperations.Audience.STAFF;

import java.util.Arrays;
import java.util.List;

/**
 * 引擎接口白名单: the engine REST operations that anyone outside {@code camunda-admin} may call,
 * on /engine-rest and on the webapps' engine API alike, and the webapps' own API calls. Everything
 * else answers 403 ({@link EngineRestAllowlist}). The list was taken from what Tasklist and Cockpit
 * really send (every call logged while the browser tests and a walk through their screens ran)
 * and from the documented clients (README's REST walk {@code CaseWalkThroughRestTests}, the
 * scripts in README, {@code testing/EngineRest}). The engine's authorizations still decide on
 * each allowed call: the list only takes away doors nobody outside administration needs.
 *
 * <p>Templates name the path after {@code /engine-rest} (or after {@code
 * /camunda/api/engine/engine/{name}}); a template starting with {@code /camunda/api/} is a webapp
 * path. {@code {x}} is one path segment, {@code **} the rest of the path; a trailing slash is
 * part of the spelling (Cockpit sends two such paths). docs/security.md lists this table.
 */
public final class EngineOperations {

  /** Who may call an operation, besides administrators who may call anything. */
  public enum Audience {
    STAFF("全体工作人员（含督导审计）"),
    CASEWORKERS("办案人员（学校、村、乡镇、县、妇联，不含只读的督导审计和只答复转介的联控联保部门）"),
    COCKPIT_USERS("有流程监控（Cockpit）使用权者（StaffGroups 授予，目前为督导审计）");

    final String label;

    Audience(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One allowed operation: method, path template, audience, and the screen or client needing it. */
  public record Operation(String method, String template, Audience audience, String neededBy) {

    List<String> segments() {
      return Arrays.asList(template.substring(1).split("/"));
    }

    boolean trailingSlash() {
      return template.endsWith("/");
    }

    boolean isWebapp() {
      return template.startsWith(EngineApiPath.WEBAPP_API + "/");
    }
  }

  public static final List<Operation> ALLOWED = List.of(
      // --- the webapps' own API
      op("GET", "/camunda/api/admin/auth/user/{engine}", STAFF, "四个网页应用：当前用户与可用应用"),
      op("POST", "/camunda/api/admin/auth/user/{engine}/logout", STAFF, "四个网页应用：退出登录（结束统一登录）"),
      op("GET", "/camunda/api/engine/engine/", STAFF, "四个网页应用：引擎列表（网页应用就这样拼写，带末尾斜杠）"),
      op("GET", "/camunda/api/{app}/plugin/{plugin}/static/**", STAFF, "四个网页应用：插件的脚本和样式"),
      op("GET", "/camunda/api/cockpit/plugin/base/{engine}/process-definition/statistics", COCKPIT_USERS, "Cockpit 流程列表"),
      op("GET", "/camunda/api/cockpit/plugin/base/{engine}/process-definition/statistics-count", COCKPIT_USERS, "Cockpit 流程列表"),
      op("GET", "/camunda/api/cockpit/plugin/base/{engine}/process-definition/{id}/called-process-definitions", COCKPIT_USERS, "Cockpit 流程定义：被调用流程"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/process-definition/{id}/called-process-definitions", COCKPIT_USERS, "Cockpit 流程定义：被调用流程"),
      op("GET", "/camunda/api/cockpit/plugin/base/{engine}/process-instance", COCKPIT_USERS, "Cockpit 流程定义：实例列表"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/process-instance", COCKPIT_USERS, "Cockpit 流程定义：实例列表"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/process-instance/count", COCKPIT_USERS, "Cockpit 流程定义：实例数"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/process-instance/{id}/called-process-instances", COCKPIT_USERS, "Cockpit 流程实例：被调用实例"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/incident/", COCKPIT_USERS, "Cockpit 流程实例：事件（Cockpit 带末尾斜杠）"),
      op("POST", "/camunda/api/cockpit/plugin/base/{engine}/incident/count", COCKPIT_USERS, "Cockpit 流程实例：事件数"),

      // --- Tasklist: header, profile, filters and the task list
      op("GET", "/user/{id}/profile", STAFF, "Tasklist 页头的姓名；Admin 的“我的资料”"),
      op("PUT", "/user/{id}/credentials", STAFF, "Admin 的“我的资料”：改自己的密码（引擎只准本人、且须旧密码）"),
      op("GET", "/identity/password-policy", STAFF, "Admin 的“我的资料”：密码规则"),
      op("GET", "/group/count", STAFF, "Tasklist、Admin：本人所在的组"),
      op("POST", "/group", STAFF, "Tasklist、Admin：本人所在的组"),
      op("GET", "/filter", STAFF, "Tasklist 左侧过滤器"),
      op("OPTIONS", "/filter", STAFF, "Tasklist：可否新建过滤器（引擎答：不可）"),
      op("GET", "/filter/count", STAFF, "Tasklist 左侧过滤器"),
      op("GET", "/filter/{id}/list", STAFF, "Tasklist 任务列表；脚本（EngineRest.filterListAsTasklist）"),
      op("POST", "/filter/{id}/list", STAFF, "Tasklist 任务列表"),
      op("GET", "/filter/{id}/count", STAFF, "Tasklist 过滤器的任务数"),
      op("POST", "/filter/{id}/count", STAFF, "Tasklist 过滤器的任务数"),
      op("GET", "/task", STAFF, "脚本与 README 的 REST 流程：本人可见的任务；Cockpit"),
      op("POST", "/task", STAFF, "Cockpit 流程实例：用户任务"),
      op("GET", "/task/count", STAFF, "脚本；Cockpit 人工任务概览"),
      op("POST", "/task/count", STAFF, "Cockpit 流程实例：用户任务数"),

      // --- Tasklist: one task
      op("GET", "/task/{id}", STAFF, "Tasklist 任务详情；脚本"),
      op("GET", "/task/{id}/form", STAFF, "Tasklist 任务表单"),
      op("GET", "/task/{id}/deployed-form", STAFF, "Tasklist 任务表单（Camunda Forms）"),
      op("GET", "/task/{id}/form-variables", STAFF, "Tasklist 任务表单的变量"),
      op("GET", "/task/{id}/comment", STAFF, "Tasklist 任务的“历史”页签：评论"),
      op("GET", "/history/user-operation", STAFF, "Tasklist 任务的“历史”页签"),
      op("GET", "/history/user-operation/count", STAFF, "Tasklist 任务的“历史”页签"),
      op("POST", "/task/{id}/claim", CASEWORKERS, "Tasklist“认领”；脚本"),
      op("POST", "/task/{id}/unclaim", CASEWORKERS, "Tasklist“退回认领”"),
      op("POST", "/task/{id}/submit-form", CASEWORKERS, "Tasklist“办理完成”"),
      op("POST", "/task/{id}/complete", CASEWORKERS, "脚本与 README 的 REST 流程：办理任务"),

      // --- starting a case (StartAtTheBeginningOnly checks the body of each)
      op("GET", "/process-definition", STAFF, "Tasklist“启动流程”对话框；Cockpit"),
      op("GET", "/process-definition/count", STAFF, "Tasklist“启动流程”对话框；Cockpit"),
      op("GET", "/process-definition/{id}", STAFF, "Cockpit 流程定义"),
      op("GET", "/process-definition/key/{key}", STAFF, "脚本：按键取流程定义"),
      op("GET", "/process-definition/{id}/xml", STAFF, "Tasklist 任务的“流程图”页签；Cockpit 流程图"),
      op("GET", "/process-definition/{id}/startForm", CASEWORKERS, "Tasklist 上报表单"),
      op("GET", "/process-definition/{id}/deployed-start-form", CASEWORKERS, "Tasklist 上报表单（Camunda Forms）"),
      op("POST", "/process-definition/{id}/submit-form", CASEWORKERS, "Tasklist 上报表单“启动”"),
      op("POST", "/process-definition/key/{key}/submit-form", CASEWORKERS, "客户端以表单方式上报"),
      op("POST", "/process-definition/key/{key}/start", CASEWORKERS, "README 的 curl 上报；REST 流程"),

      // --- Cockpit (read only)
      op("GET", "/process-definition/statistics", COCKPIT_USERS, "Cockpit 仪表盘、流程列表"),
      op("GET", "/process-definition/{id}/statistics", COCKPIT_USERS, "Cockpit 流程图上的实例数"),
      op("GET", "/job-definition", COCKPIT_USERS, "Cockpit 流程定义：作业定义"),
      op("POST", "/process-instance", COCKPIT_USERS, "Cockpit 仪表盘、流程实例"),
      op("POST", "/process-instance/count", COCKPIT_USERS, "Cockpit 仪表盘"),
      op("GET", "/process-instance/{id}", COCKPIT_USERS, "Cockpit 流程实例"),
      op("GET", "/process-instance/{id}/activity-instances", COCKPIT_USERS, "Cockpit 流程实例：活动树"),
      op("GET", "/process-instance/{id}/variables", COCKPIT_USERS, "督导审计的 REST 读取（AuditorReadOnlyTests）"),
      op("POST", "/variable-instance", COCKPIT_USERS, "Cockpit 流程实例：变量页签"),
      op("POST", "/variable-instance/count", COCKPIT_USERS, "Cockpit 流程实例：变量页签"),
      op("GET", "/task/report/candidate-group-count", COCKPIT_USERS, "Cockpit 人工任务概览"),
      op("POST", "/history/task/count", COCKPIT_USERS, "Cockpit 仪表盘"),
      op("GET", "/history/process-instance", COCKPIT_USERS, "督导审计的 REST 读取：办理经过"),
      op("GET", "/history/process-instance/{id}", COCKPIT_USERS, "督导审计的 REST 读取：办理经过"),
      op("GET", "/history/activity-instance", COCKPIT_USERS, "督导审计的 REST 读取：办理经过（AuditorReadOnlyTests）"),
      op("GET", "/history/task", COCKPIT_USERS, "督导审计的 REST 读取：办理经过"),
      op("GET", "/decision-definition", COCKPIT_USERS, "Cockpit 决策列表"),
      op("GET", "/decision-definition/count", COCKPIT_USERS, "Cockpit 仪表盘、决策列表"),
      op("GET", "/decision-requirements-definition", COCKPIT_USERS, "Cockpit 决策列表"),
      op("GET", "/decision-requirements-definition/count", COCKPIT_USERS, "Cockpit 决策列表"),
      op("GET", "/case-definition/count", COCKPIT_USERS, "Cockpit 仪表盘"),
      op("GET", "/deployment", COCKPIT_USERS, "Cockpit 部署列表"),
      op("GET", "/deployment/count", COCKPIT_USERS, "Cockpit 仪表盘、部署列表"),
      op("GET", "/deployment/{id}/resources", COCKPIT_USERS, "Cockpit 部署：资源列表"),
      op("GET", "/deployment/{id}/resources/{resourceId}", COCKPIT_USERS, "Cockpit 部署：资源"),
      op("GET", "/deployment/{id}/resources/{resourceId}/data", COCKPIT_USERS, "Cockpit 部署：查看模型"),
      op("GET", "/user", COCKPIT_USERS, "Cockpit 人工任务概览"));

  private EngineOperations() {}

  private static Operation op(String method, String template, Audience audience, String neededBy) {
    return new Operation(method, template, audience, neededBy);
  }
}
