package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.CaseIntakeService;
import cn.baoxue.cases.CaseIntakeService.OpenedCase;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.Student;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.kernel.identity.Jurisdiction;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code dropout-case}: opens the case before the first task exists, whatever the entry
 * path, and routes it. A refused report rolls the whole start back. The start's personal data is
 * read in full into the case record and then left on the process only masked
 * ({@link PersonalVariables}): the case is referred to by its id and number.
 */
@Component("caseIntakeListener")
public class CaseIntakeListener implements ExecutionListener {

  private final CaseIntakeService intake;

  public CaseIntakeListener(CaseIntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Actor actor = Actor.of(execution);
    CaseStart report = CaseStart.fromVariables(name -> of(execution, name));
    OpenedCase opened = intake.open(report, actor.userId(), Jurisdiction.ofGroups(actor.groupIds()));
    DropoutCase dropoutCase = opened.dropoutCase();
    intake.linkProcessInstance(dropoutCase.getId(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(dropoutCase.getCaseNumber());
    execution.setVariables(routingVariables(dropoutCase, opened.jurisdiction()));
    maskPersonalVariables(execution, dropoutCase.getStudent());
  }

  /**
   * The values as recorded (normalised), masked; written before the first flush, so the full
   * values never reach the runtime tables (and the history masks them on its own).
   */
  private static void maskPersonalVariables(DelegateExecution execution, Student student) {
    Map<String, String> recorded = new HashMap<>();
    recorded.put("studentIdNumber", student.getIdNumber());
    recorded.put("guardianPhone", student.getGuardianPhone());
    recorded.put("birthDate", student.getBirthDate() == null ? null : student.getBirthDate().toString());
    for (String name : PersonalVariables.NAMES) {
      if (execution.hasVariable(name)) {
        String value = recorded.get(name) != null ? recorded.get(name) : of(execution, name);
        execution.setVariable(name, PersonalVariables.masked(name, value));
      }
    }
  }

  /**
   * The case number and jurisdiction codes the model routes by, and the normalised start variables
   * but the personal ones. No case id: every step finds its case through the link above (CaseOfProcess).
   */
  private static Map<String, Object> routingVariables(DropoutCase dropoutCase, CaseJurisdiction jurisdiction) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", dropoutCase.getCaseNumber());
    variables.put("schoolGroup", jurisdiction.schoolGroup());
    variables.put("villageGroup", jurisdiction.villageGroup());
    variables.put("townshipGroup", jurisdiction.townshipGroup());
    variables.put("countyGroup", jurisdiction.countyGroup());
    variables.put("townshipCode", dropoutCase.getTownshipCode());
    variables.put("countyCode", dropoutCase.getCountyCode());
    variables.put("schoolName", jurisdiction.schoolName());
    variables.put("villageName", jurisdiction.village().getName());
    variables.put("grade", dropoutCase.getGrade());
    variables.put("reason", dropoutCase.getReason().name());
    variables.put("source", dropoutCase.getSource().name());
    variables.put("specialGroups", dropoutCase.getSpecialGroups() == null ? "" : dropoutCase.getSpecialGroups());
    return variables;
  }
}
