package cn.baoxue.workflow;

import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.escalation.Escalation;
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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The variables a case is routed by — which groups work it — are set once by the intake from the
 * org tree. Completing a task sends variables to the whole process instance, so without this guard
 * whoever may complete one task could send {@code townshipGroup} of another township and hand it
 * the next step. Each completion checks them against the case of the process instance (found
 * through the link the intake wrote, {@link CaseOfProcess}; for a 督办, through its escalation) and
 * refuses the whole completion if one was changed.
 *
 * <p>{@code caseId} and {@code escalationId} are no longer read by any step: each finds its case
 * or escalation through its own process instance. A completion that sends either with another
 * value is still refused, as a client's attempt on another case; a value changed earlier (by an
 * administrator, say) does not block the case, since nothing trusts it.
 */
@Component
public class RoutingVariablesGuard implements TaskListener {

  static final List<String> ROUTING_VARIABLES =
      List.of("caseNumber", "schoolGroup", "villageGroup", "townshipGroup", "countyGroup", "townshipCode", "countyCode");

  private final CaseOfProcess caseOfProcess;
  private final DropoutCaseRepository cases;
  private final EscalationRepository escalations;

  public RoutingVariablesGuard(CaseOfProcess caseOfProcess, DropoutCaseRepository cases, EscalationRepository escalations) {
    this.caseOfProcess = caseOfProcess;
    this.cases = cases;
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    Optional<DropoutCase> ownCase = caseOfProcess.find(processInstanceId);
    Optional<Escalation> supervised = ownCase.isPresent() ? Optional.empty() : escalations.findBySupervisionProcessId(processInstanceId);
    DropoutCase dropoutCase = ownCase.or(() -> supervised.flatMap(escalation -> cases.findById(escalation.getCaseId()))).orElse(null);

    List<String> changed = new ArrayList<>();
    if (dropoutCase != null) {
      changed.addAll(changedRouting(task, dropoutCase));
    }
    // With no case behind the process, its step services refuse the completion themselves.
    if (writtenNow(task, "caseId") && (dropoutCase == null || !sameValue(dropoutCase.getId(), task.getVariable("caseId")))) {
      changed.add("caseId");
    }
    if (writtenNow(task, "escalationId")
        && (supervised.isEmpty() || !sameValue(supervised.get().getId(), task.getVariable("escalationId")))) {
      changed.add("escalationId");
    }
    if (!changed.isEmpty()) {
      throw new InvalidCaseInputException("办理任务时不能修改案件的编号和承办单位：" + String.join("、", changed));
    }
  }

  private static List<String> changedRouting(DelegateTask task, DropoutCase dropoutCase) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("caseNumber", dropoutCase.getCaseNumber());
    expected.put("schoolGroup", dropoutCase.schoolGroup());
    expected.put("villageGroup", GroupIds.village(dropoutCase.getVillageCode()));
    expected.put("townshipGroup", GroupIds.township(dropoutCase.getTownshipCode()));
    expected.put("countyGroup", GroupIds.county(dropoutCase.getCountyCode()));
    expected.put("townshipCode", dropoutCase.getTownshipCode());
    expected.put("countyCode", dropoutCase.getCountyCode());
    // A process that does not carry a variable (督办 has no codes) has nothing there to protect.
    return expected.entrySet().stream()
        .filter(variable -> task.getVariable(variable.getKey()) != null)
        .filter(variable -> !sameValue(variable.getValue(), task.getVariable(variable.getKey())))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Whether this command — the completion — wrote the variable the task sees, rather than finding
   * it as stored: new in the engine's entity cache, or changed since it was loaded.
   */
  static boolean writtenNow(DelegateTask task, String name) {
    if (!(task instanceof AbstractVariableScope scope)) {
      return task.hasVariable(name);
    }
    CoreVariableInstance instance = scope.getVariableInstance(name);
    if (instance == null) {
      return false;
    }
    if (!(instance instanceof VariableInstanceEntity variable)) {
      return true; // a transient variable lives only in the command that sent it
    }
    CachedDbEntity cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache().getCachedEntity(variable);
    return cached == null || cached.getEntityState() == DbEntityState.TRANSIENT || cached.isDirty();
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Long id && actual instanceof Number number) {
      return id == number.longValue();
    }
    return Objects.equals(expected, actual);
  }
}
