package cn.baoxue.workflow;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.kernel.identity.GroupIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The variables a case is routed and recorded by — which case it is, which groups work it — are
 * set once by the intake from the org tree. Completing a task sends variables to the whole process
 * instance, so without this guard whoever may complete one task could send {@code caseId} of
 * another school's case (and record a verification on it) or {@code townshipGroup} of another
 * township (and hand it the next step); a superior could likewise send the {@code escalationId} of
 * another township's 督办. Each completion checks them against the case the process was opened
 * for (its business key) and the escalation that started it, and refuses the whole completion if
 * one was changed.
 */
@Component
public class RoutingVariablesGuard implements TaskListener {

  static final List<String> ROUTING_VARIABLES =
      List.of("caseId", "caseNumber", "schoolGroup", "villageGroup", "townshipGroup", "countyGroup", "townshipCode", "countyCode");

  private final DropoutCaseRepository cases;
  private final EscalationRepository escalations;

  public RoutingVariablesGuard(DropoutCaseRepository cases, EscalationRepository escalations) {
    this.cases = cases;
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    DropoutCase dropoutCase = caseNumber == null ? null : caseOpenedAs(caseNumber, task.getVariable("caseId"));
    if (dropoutCase == null) {
      return;
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("caseId", dropoutCase.getId());
    expected.put("caseNumber", dropoutCase.getCaseNumber());
    expected.put("schoolGroup", GroupIds.school(dropoutCase.getSchoolCode()));
    expected.put("villageGroup", GroupIds.village(dropoutCase.getVillageCode()));
    expected.put("townshipGroup", GroupIds.township(dropoutCase.getTownshipCode()));
    expected.put("countyGroup", GroupIds.county(dropoutCase.getCountyCode()));
    expected.put("townshipCode", dropoutCase.getTownshipCode());
    expected.put("countyCode", dropoutCase.getCountyCode());
    // A process that does not carry a variable (督办 has no codes) has nothing there to protect.
    List<String> changed = new ArrayList<>(expected.entrySet().stream()
        .filter(variable -> task.getVariable(variable.getKey()) != null)
        .filter(variable -> !sameValue(variable.getValue(), task.getVariable(variable.getKey())))
        .map(Map.Entry::getKey)
        .toList());
    if (task.getVariable("escalationId") instanceof Number escalationId && !supervisedHere(escalationId.longValue(), task)) {
      changed.add("escalationId");
    }
    if (!changed.isEmpty()) {
      throw new InvalidCaseInputException("办理任务时不能修改案件的编号和承办单位：" + String.join("、", changed));
    }
  }

  /**
   * The case the process was opened for. Usually the case its {@code caseId} names, whose number
   * must then be the business key — a lookup by id, which the listeners after this one find
   * already loaded; if the id names another case (or none), the case is looked up by its number,
   * and the id is then reported as changed.
   */
  private DropoutCase caseOpenedAs(String caseNumber, Object caseId) {
    if (caseId instanceof Number id) {
      Optional<DropoutCase> named = cases.findById(id.longValue()).filter(found -> caseNumber.equals(found.getCaseNumber()));
      if (named.isPresent()) {
        return named.get();
      }
    }
    return cases.findByCaseNumber(caseNumber).orElse(null);
  }

  /** The 督办 process acts on the escalation that started it, not on another one. */
  private boolean supervisedHere(long escalationId, DelegateTask task) {
    return escalations.findById(escalationId)
        .map(escalation -> task.getProcessInstanceId().equals(escalation.getSupervisionProcessId()))
        .orElse(false);
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Long id && actual instanceof Number number) {
      return id == number.longValue();
    }
    return Objects.equals(expected, actual);
  }
}
