package cn.baoxue.security;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.TaskContracts;
import cn.baoxue.kernel.process.TaskContracts.Contract;
import cn.baoxue.kernel.validation.ErrorShape;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.sub.VariableResource;
import org.camunda.bpm.engine.rest.sub.repository.ProcessDefinitionResource;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Holds every variable a client sends into a task or a case start to the task's contract ({@link
 * TaskContracts}, derived from its form) before the engine writes anything: completing, submitting
 * or resolving a task, and starting a process or submitting its start form — by id, by key, with a
 * tenant, on /engine-rest and on the webapps' engine API. An undeclared variable, a value not of
 * its field's type, or an Object, File, Bytes, Json or Xml value a field does not declare answers
 * 400 with a Chinese reason per field — to whoever may see the task; anyone else is told 403, as
 * the engine would tell her, and learns nothing of the task's form. Auditors, who change nothing,
 * are refused all of these operations with 403.
 *
 * <p>The operation is recognised by the resource method Jersey matched, not by the path: whatever
 * spelling reaches a resource (a trailing slash, a double slash, an encoded or matrix-parameter
 * segment) meets the same check.
 *
 * <p>Variables written past a completion — {@code PUT/POST …/variables}, {@code …/localVariables}
 * of tasks, process instances and executions, and any other operation whose body carries a
 * variable map (modifications, message correlation, signals, BPMN errors) — are an administrator's
 * repair tool: anyone else is refused with 403. An administrator still may not name a variable
 * after a bean, which would shadow it in every expression of the models.
 */
@Provider
@Priority(Priorities.USER + 100) // after the start-instruction and text-length checks, whose answers are more precise
public class TaskContractCheck implements ContainerRequestFilter {

  /** The body fields that carry variable maps, by name, in Camunda's REST DTOs (queries use lists). */
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
      "processVariablesLocal", "processVariablesToTriggeredScope", "localVariables");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> TASK_FORM_METHODS = Set.of("complete", "submit", "resolve");
  private static final Set<String> START_METHODS = Set.of("startProcessInstance", "submitForm");
  /** Strict where Camunda's parser might read a body otherwise: a key sent twice is refused. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Context ResourceInfo resource;
  @Context ServletContext servletContext;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Method method = resource.getResourceMethod();
    Class<?> resourceClass = resource.getResourceClass();
    if (method == null || resourceClass == null || READS.contains(request.getMethod())) {
      return;
    }
    boolean taskForm = TaskResource.class.isAssignableFrom(resourceClass) && TASK_FORM_METHODS.contains(method.getName());
    boolean start = ProcessDefinitionResource.class.isAssignableFrom(resourceClass) && START_METHODS.contains(method.getName());
    boolean variableResource = VariableResource.class.isAssignableFrom(resourceClass);
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    boolean admin = isAdmin(user);

    if (user != null && ReadOnlyRoles.isReadOnly(user) && (taskForm || start || variableResource)) {
      forbid(request, "督导审计只能查看，不能办理任务、上报案件或修改流程变量");
      return;
    }
    if (variableResource && !admin) {
      refuseWrite(request);
      return;
    }
    if (variableResource && isMultipart(request)) {
      refuseBeanNames(request, names(null, request.getUriInfo().getPathParameters()));
      return;
    }
    JsonNode body;
    try {
      body = body(request);
    } catch (IOException unreadable) {
      if (taskForm || start || !admin) {
        refuse(request, List.of(new Problem("variables", "请求内容无法读取：须为 JSON，且同一字段只能出现一次")));
      }
      return;
    }
    if (taskForm) {
      checkTaskForm(request, body);
    } else if (start) {
      checkStart(request, body, admin);
    } else if (admin) {
      refuseBeanNames(request, names(body, request.getUriInfo().getPathParameters()));
    } else if (carriesVariables(body)) {
      refuseWrite(request);
    }
  }

  private void checkTaskForm(ContainerRequestContext request, JsonNode body) {
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || variables.isNull() || variables.isObject() && variables.isEmpty()) {
      return;
    }
    String taskId = request.getUriInfo().getPathParameters().getFirst("id");
    ApplicationContext spring = spring();
    TaskService taskService = spring.getBean(TaskService.class);
    WithoutEngineAuthorization withoutAuthorization = spring.getBean(WithoutEngineAuthorization.class);
    Task task = taskId == null ? null
        : withoutAuthorization.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return; // the engine answers as it would for a task that is not there
    }
    String processKey = task.getProcessDefinitionId() == null ? null
        : withoutAuthorization.call(() -> spring.getBean(RepositoryService.class)
            .getProcessDefinition(task.getProcessDefinitionId()).getKey());
    Contract contract = TaskContracts.get().task(processKey, task.getTaskDefinitionKey(), task.getName());
    Function<String, Object> current = name -> withoutAuthorization.call(() -> taskService.getVariable(taskId, name));
    List<Problem> problems = contract.check(variables, current);
    // The caller learns about a task's fields only if she may see the task (this query runs with
    // her engine authorizations); otherwise she is told what the engine would tell her.
    if (!problems.isEmpty() && taskService.createTaskQuery().taskId(taskId).count() == 0) {
      forbid(request, "您无权办理此任务");
      return;
    }
    refuse(request, problems);
  }

  private void checkStart(ContainerRequestContext request, JsonNode body, boolean admin) {
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || variables.isNull() || variables.isObject() && variables.isEmpty()) {
      return;
    }
    boolean midway = body.has("startInstructions") || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false);
    if (admin && midway) {
      // An administrator repairing a case by hand starts past the report, with the routing variables.
      refuseBeanNames(request, names(body, request.getUriInfo().getPathParameters()));
      return;
    }
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    String processKey = path.getFirst("key");
    if (processKey == null && path.getFirst("id") != null) {
      ApplicationContext spring = spring();
      try {
        processKey = spring.getBean(WithoutEngineAuthorization.class)
            .call(() -> spring.getBean(RepositoryService.class).getProcessDefinition(path.getFirst("id")).getKey());
      } catch (ProcessEngineException notThere) {
        return; // the engine answers as it would for a definition that is not there
      }
    }
    if (processKey == null) {
      return;
    }
    refuse(request, TaskContracts.get().start(processKey).check(variables, name -> null));
  }

  private void refuseBeanNames(ContainerRequestContext request, List<String> names) {
    ApplicationContext spring = spring();
    List<Problem> problems = names.stream()
        .filter(spring::containsBean)
        .map(name -> new Problem(name, "流程变量不能与系统组件同名：“" + name + "”"))
        .toList();
    refuse(request, problems);
  }

  private static void refuse(ContainerRequestContext request, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    // Baoxue's one refusal shape (problems as sentences, errors with their field), typed as the engine's answers are.
    Map<String, Object> answer = new LinkedHashMap<>(ErrorShape.asMap(new InvalidCaseInputException(problems).toProblemDetail()));
    answer.put("type", "InvalidVariableValue");
    request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(answer).build());
  }

  private static void refuseWrite(ContainerRequestContext request) {
    forbid(request, "流程变量只能在办理任务或上报时随表单提交：只有系统管理员可以直接修改流程变量");
  }

  private static void forbid(ContainerRequestContext request, String message) {
    request.abortWith(Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "AuthorizationException", "message", message))
        .build());
  }

  /** The variable names a body and a path carry: the maps' keys, and a variable named in the path. */
  private static List<String> names(JsonNode body, MultivaluedMap<String, String> path) {
    List<String> names = new ArrayList<>();
    if (path.get("varId") != null) { // VariableResource's /{varId}
      names.addAll(path.get("varId"));
    }
    collectNames(body, names, 0);
    return names;
  }

  private static void collectNames(JsonNode node, List<String> names, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> collectNames(element, names, depth + 1));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
        field.getValue().fieldNames().forEachRemaining(names::add);
      } else if (field.getValue().isContainerNode()) {
        collectNames(field.getValue(), names, depth + 1);
      }
    }
  }

  /** Whether a body carries a non-empty variable map anywhere (a modification's instructions too). */
  private static boolean carriesVariables(JsonNode body) {
    List<String> names = new ArrayList<>();
    collectNames(body, names, 0);
    return !names.isEmpty();
  }

  /**
   * The body as JSON, read and put back for the resource; null when there is none or it is not an
   * object. Read whatever type it declares: what Jersey hands a resource, this check reads too.
   */
  private static JsonNode body(ContainerRequestContext request) throws IOException {
    if (isMultipart(request) || !request.hasEntity()) {
      return null;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return null;
    }
    JsonNode root = JSON.readTree(body);
    return root != null && root.isObject() ? root : null;
  }

  /** A multipart body: a binary variable's upload. */
  private static boolean isMultipart(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    return type != null && "multipart".equalsIgnoreCase(type.getType());
  }

  private ApplicationContext spring() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
  }

  private static boolean isAdmin(Authentication user) {
    return user != null
        && Staff.of(user).isAdmin();
  }
}
