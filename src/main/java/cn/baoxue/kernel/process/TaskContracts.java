package cn.baoxue.kernel.process;

import cn.baoxue.kernel.validation.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * 任务契约: the variables each user task and each case start accepts, with their types — derived
 * from the Camunda Forms ({@code forms/*.form}), which stay the one source, through the models
 * ({@code processes/*.bpmn}), whose {@code camunda:formRef} ties a task or a start event to its
 * form. A client can send a task nothing its form does not offer: completing a step with
 * {@code teacherHelper} (hand the follow-up to another school's teacher), {@code followUpUntil}
 * (skip the follow-up period) or the name of a bean the model's expressions call
 * ({@code escalationListener}) is refused before the engine writes anything.
 *
 * <p>What a form's component submits, and so what the contract accepts:
 * <ul>
 *   <li>textfield, textarea, select, radio: text;
 *   <li>number: an integer where the form allows no decimals, else any number;
 *   <li>checkbox: true or false;
 *   <li>datetime: a date as text ({@code yyyy-MM-dd}) or an engine {@code Date};
 *   <li>checklist, taglist: a list of texts (Tasklist sends a JSON array; scripts may send the codes
 *       as one comma-separated text);
 *   <li>a disabled field is shown, never submitted (form-js leaves it out of the submission): not
 *       accepted; a read-only one is submitted with the value it shows: accepted only unchanged;
 *   <li>text, html, image, spacer, separator, button, table: nothing.
 * </ul>
 * Any value may be empty (null): whether a field is required is the step's own rule, told in its
 * words. A component this class does not know stops the start-up: a contract is never guessed.
 *
 * <p>The case start accepts the report form's fields plus {@link #API_START_FIELDS}, what REST and
 * API clients send beyond the form (DESIGN.md: {@code source}). Enforced for /engine-rest and the
 * webapps' engine API by {@code security.TaskContractCheck}; documented in docs/security.md
 * ("Task contracts").
 */
public final class TaskContracts {

  /** The process whose start is a case report. */
  public static final String CASE_PROCESS = ProcessKeys.DROPOUT_CASE;

  /** Start fields that REST and API clients send beyond the report form. */
  public static final List<Field> API_START_FIELDS = List.of(new Field(CaseStart.SOURCE, "案件来源", FieldType.TEXT, false, null, null));

  /**
   * Fields that the form of an earlier release submitted and that its still open tasks keep
   * sending: an open task stays on the process version it was created in, and that version's form
   * (deployed with it, {@code camunda:formRefBinding="deployment"}) is what Tasklist shows for it.
   * Each entry names the release that retired it; the step's listener still reads it.
   */
  public static final Map<String, List<Field>> RETIRED_FIELDS = Map.of(
      // Until issue 16, 审批销号 was one checkbox whose absence sent the case back; now the explicit
      // choice closureDecision (ClosureListener reads either).
      CASE_PROCESS + "/approveClosure",
      List.of(new Field("closureApproved", "同意销号", FieldType.BOOLEAN, false, null, null)));

  /** Components that show something and submit nothing. */
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button", "table");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The engine's variable types, as the REST API names them (first letter in either case). */
  private static final Set<String> NUMERIC_TYPES = Set.of("integer", "long", "short", "double");

  private final Map<String, Contract> tasks;
  private final Map<String, Contract> starts;

  private TaskContracts(Map<String, Contract> tasks, Map<String, Contract> starts) {
    this.tasks = Collections.unmodifiableMap(tasks);
    this.starts = Collections.unmodifiableMap(starts);
  }

  /** The contracts of the models and forms on the classpath, read once. */
  public static TaskContracts get() {
    return Loaded.CONTRACTS;
  }

  private static final class Loaded {
    static final TaskContracts CONTRACTS = fromClasspath();
  }

  /** Reads every model under {@code processes/} and every form under {@code forms/}. */
  static TaskContracts fromClasspath() {
    try {
      PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
      Map<String, JsonNode> forms = new LinkedHashMap<>();
      for (Resource form : resources.getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode schema = JSON.readTree(in);
          forms.put(schema.path("id").asText(form.getFilename()), schema);
        }
      }
      List<BpmnModelInstance> models = new ArrayList<>();
      for (Resource model : resources.getResources("classpath*:processes/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          models.add(Bpmn.readModelFromStream(in));
        }
      }
      return of(models, forms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TaskContracts of(Collection<BpmnModelInstance> models, Map<String, JsonNode> forms) {
    Map<String, Contract> tasks = new LinkedHashMap<>();
    Map<String, Contract> starts = new LinkedHashMap<>();
    for (BpmnModelInstance model : models) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        for (UserTask task : process.getChildElementsByType(UserTask.class)) {
          String key = process.getId() + "/" + task.getId();
          tasks.put(key, contract(process, task, formOf(task, forms), RETIRED_FIELDS.getOrDefault(key, List.of())));
        }
        for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
          List<Field> extra = CASE_PROCESS.equals(process.getId()) ? API_START_FIELDS : List.of();
          starts.put(process.getId(), contract(process, start, formOf(start, forms), extra));
        }
      }
    }
    return new TaskContracts(tasks, starts);
  }

  /** The contract of a user task; a task of a model Baoxue does not know accepts nothing. */
  public Contract task(String processKey, String taskKey, String taskName) {
    Contract contract = tasks.get(processKey + "/" + taskKey);
    return contract != null ? contract : new Contract(processKey, taskKey, taskName == null ? taskKey : taskName, Map.of());
  }

  public Optional<Contract> declaredTask(String processKey, String taskKey) {
    return Optional.ofNullable(tasks.get(processKey + "/" + taskKey));
  }

  /** What a case report carries: the report form's fields and {@link #API_START_FIELDS}. */
  public Contract start() {
    return start(CASE_PROCESS);
  }

  /** The contract of a process's start; a process Baoxue does not know starts with nothing. */
  public Contract start(String processKey) {
    Contract contract = starts.get(processKey);
    return contract != null ? contract : new Contract(processKey, null, processKey, Map.of());
  }

  public Collection<Contract> tasks() {
    return tasks.values();
  }

  /** Every variable name a client may send anywhere: none of them may be a bean's name. */
  public Set<String> variableNames() {
    Set<String> names = new TreeSet<>();
    tasks.values().forEach(contract -> names.addAll(contract.fields().keySet()));
    starts.values().forEach(contract -> names.addAll(contract.fields().keySet()));
    return names;
  }

  private static Contract contract(Process process, FlowNode node, JsonNode form, List<Field> extra) {
    Map<String, Field> fields = new LinkedHashMap<>();
    if (form != null) {
      collectFields(form.path("components"), fields, form.path("id").asText());
    }
    extra.forEach(field -> fields.putIfAbsent(field.key(), field));
    String name = node.getName() == null ? node.getId() : node.getName();
    return new Contract(process.getId(), node instanceof UserTask ? node.getId() : null, name, Collections.unmodifiableMap(fields));
  }

  /** The form a task or start event names ({@code camunda:formRef}, or a Camunda Forms formKey). */
  private static JsonNode formOf(FlowNode node, Map<String, JsonNode> forms) {
    String formRef = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    String formKey = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formKey");
    if (formRef == null && formKey == null) {
      return null;
    }
    if (formRef == null) {
      if (!formKey.startsWith("camunda-forms:")) {
        throw new IllegalStateException(node.getId() + ": only Camunda Forms can be read into a task contract, not " + formKey);
      }
      String file = formKey.substring(formKey.lastIndexOf('/') + 1).replaceFirst("^.*:", "");
      formRef = forms.entrySet().stream()
          .filter(form -> file.equals(form.getKey() + ".form"))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(file.replaceFirst("\\.form$", ""));
    }
    JsonNode form = forms.get(formRef);
    if (form == null) {
      throw new IllegalStateException(node.getId() + " names the form " + formRef + ", which is not under forms/");
    }
    return form;
  }

  private static void collectFields(JsonNode components, Map<String, Field> fields, String formId) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (DISPLAY_ONLY.contains(type)) {
        continue;
      }
      if ("group".equals(type) && !component.hasNonNull("path")) {
        collectFields(component.path("components"), fields, formId);
        continue;
      }
      String key = component.path("key").asText(null);
      FieldType fieldType = switch (type) {
        case "textfield", "textarea", "select", "radio" -> FieldType.TEXT;
        case "number" -> component.path("decimalDigits").asInt(-1) == 0 ? FieldType.INTEGER : FieldType.NUMBER;
        case "checkbox" -> FieldType.BOOLEAN;
        case "datetime" -> "time".equals(component.path("subtype").asText()) ? FieldType.TEXT : FieldType.DATE;
        case "checklist", "taglist" -> FieldType.TEXT_LIST;
        default -> throw new IllegalStateException(
            "form " + formId + ": no task contract for a component of type " + type + " (" + key + ")");
      };
      if (key == null || key.isBlank()) {
        throw new IllegalStateException("form " + formId + ": a " + type + " without a key");
      }
      if (isTrue(component.get("disabled"))) {
        continue;
      }
      String label = firstText(component, "label", "dateLabel", "timeLabel");
      JsonNode validate = component.path("validate");
      List<Option> options = new ArrayList<>();
      component.path("values").forEach(value -> options.add(new Option(value.path("value").asText(), value.path("label").asText())));
      fields.put(key, new Field(key, label == null ? key : label, fieldType, isTrue(component.get("readonly")),
          validate.hasNonNull("min") ? validate.get("min").asInt() : null,
          validate.hasNonNull("max") ? validate.get("max").asInt() : null,
          validate.path("required").asBoolean(false), List.copyOf(options)));
    }
  }

  /** True, or a FEEL expression: a field that may be read-only is treated as read-only. */
  private static boolean isTrue(JsonNode flag) {
    return flag != null && (flag.asBoolean(false) || (flag.isTextual() && flag.asText().startsWith("=")));
  }

  private static String firstText(JsonNode component, String... names) {
    for (String name : names) {
      if (component.hasNonNull(name) && !component.get(name).asText().isBlank()) {
        return component.get(name).asText();
      }
    }
    return null;
  }

  /** How a field's value is submitted. */
  public enum FieldType {
    TEXT("文本"),
    INTEGER("整数"),
    NUMBER("数字"),
    BOOLEAN("是或否（true/false）"),
    DATE("日期（yyyy-MM-dd）"),
    TEXT_LIST("文本列表");

    private final String label;

    FieldType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One field of a form: its key (the variable's name), its label, its type; whether the form asks
   * for it, and the choices it offers (select, radio, checklist), so that other clients of the step
   * (the field app) show the form's own words.
   */
  public record Field(String key, String label, FieldType type, boolean readOnly, Integer min, Integer max,
      boolean required, List<Option> options) {

    public Field(String key, String label, FieldType type, boolean readOnly, Integer min, Integer max) {
      this(key, label, type, readOnly, min, max, false, List.of());
    }

    /** What a wrong value is told, in the form's words. */
    String typeProblem() {
      if (type == FieldType.INTEGER && min != null && max != null) {
        return label + "须为" + min + "–" + max + "之间的整数（" + key + "）";
      }
      return label + "须为" + type.label() + "（" + key + "）";
    }
  }

  /** One choice of a select, radio or checklist: the code submitted and its label. */
  public record Option(String value, String label) {}

  /**
   * What one task (or one start, {@code taskKey} null) accepts: its fields by variable name.
   * {@code name} is the task's name in the model, as the refusal tells it.
   */
  public record Contract(String processKey, String taskKey, String name, Map<String, Field> fields) {

    /**
     * The problems of the variables a client sends, in the REST API's shape ({@code {"name":
     * {"value": …, "type": …, "valueInfo": …}}}); none when every variable is declared and typed
     * as its field. {@code current} gives a variable's present value, for read-only fields.
     */
    public List<Problem> check(JsonNode variables, Function<String, Object> current) {
      List<Problem> problems = new ArrayList<>();
      if (variables == null || variables.isNull()) {
        return problems;
      }
      if (!variables.isObject()) {
        problems.add(new Problem("variables", "变量须以名称—值的形式提交"));
        return problems;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> variable = it.next();
        String name = variable.getKey();
        Field field = fields.get(name);
        if (field == null) {
          problems.add(new Problem(name, this.name + "不接受字段“" + name + "”"));
          continue;
        }
        String problem = typeProblem(field, variable.getValue());
        if (problem == null && field.readOnly() && !unchanged(variable.getValue(), current.apply(name))) {
          problem = field.label() + "是只读字段，不能修改（" + name + "）";
        }
        if (problem != null) {
          problems.add(new Problem(name, problem));
        }
      }
      return problems;
    }

    private static String typeProblem(Field field, JsonNode variable) {
      if (variable == null || !variable.isObject()) {
        return field.label() + "的提交格式不正确，应为 {\"value\": …}（" + field.key() + "）";
      }
      String type = restType(variable.get("type"));
      JsonNode value = variable.get("value");
      if ("null".equals(type) || (type == null && (value == null || value.isNull()))) {
        return null;
      }
      if (type != null && (value == null || value.isNull())) {
        return Set.of("string", "integer", "long", "short", "double", "boolean", "date", "json").contains(type)
            ? null : typeRefused(field, variable.get("type").asText());
      }
      boolean fits = switch (field.type()) {
        case TEXT -> (type == null || "string".equals(type)) && value.isTextual();
        case INTEGER -> isInteger(type, value);
        case NUMBER -> (type == null && value.isNumber()) || (NUMERIC_TYPES.contains(type) && isNumeric(value));
        case BOOLEAN -> (type == null && value.isBoolean())
            || ("boolean".equals(type) && (value.isBoolean() || value.asText().matches("true|false")));
        case DATE -> (type == null || "string".equals(type) || "date".equals(type)) && value.isTextual();
        case TEXT_LIST -> ((type == null || "string".equals(type)) && value.isTextual())
            || (type == null && isTextArray(value))
            || ("json".equals(type) && value.isTextual() && isTextArray(parse(value.textValue())));
      };
      if (fits) {
        return null;
      }
      return type != null && !Set.of("string", "integer", "long", "short", "double", "boolean", "date", "json").contains(type)
          ? typeRefused(field, variable.get("type").asText())
          : field.typeProblem();
    }

    private static String typeRefused(Field field, String type) {
      return field.label() + "不接受类型“" + type + "”的值（" + field.key() + "）";
    }

    /** The type's name as the engine reads it: first letter lower case, the rest as sent. */
    private static String restType(JsonNode type) {
      if (type == null || type.isNull()) {
        return null;
      }
      String name = type.asText();
      return name.isEmpty() ? null : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean isInteger(String type, JsonNode value) {
      if (type == null) {
        return value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
      }
      if (!NUMERIC_TYPES.contains(type)) {
        return false;
      }
      if (value.isNumber()) {
        return value.asDouble() == Math.rint(value.asDouble());
      }
      return value.isTextual() && value.textValue().trim().matches("[+-]?\\d{1,9}");
    }

    private static boolean isNumeric(JsonNode value) {
      return value.isNumber() || (value.isTextual() && value.textValue().trim().matches("[+-]?\\d+(\\.\\d+)?"));
    }

    private static boolean isTextArray(JsonNode value) {
      if (value == null || !value.isArray()) {
        return false;
      }
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          return false;
        }
      }
      return true;
    }

    private static JsonNode parse(String json) {
      try {
        return JSON.readTree(json);
      } catch (IOException notJson) {
        return null;
      }
    }

    private static boolean unchanged(JsonNode variable, Object current) {
      JsonNode value = variable.get("value");
      if (value == null || value.isNull()) {
        return current == null;
      }
      return current != null && Objects.equals(value.asText(), String.valueOf(current));
    }
  }
}
