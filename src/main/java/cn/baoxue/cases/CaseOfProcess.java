package cn.baoxue.cases;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The one rule by which a step finds its case: the case whose intake linked it to this process
 * instance ({@link CaseIntakeService#linkProcessInstance}), and only if the one recording the step
 * answers for that case. A process variable such as {@code caseId} can be sent, changed or
 * smuggled in with a process started half-way (skipping the intake); the link is written by the
 * intake alone, next to the case, and the process instance id is the engine's own. So a process
 * instance without an intake record runs no step, and no step lands on another case.
 */
@Component
public class CaseOfProcess {
  // No transaction of its own: the step's service writes to the case it returns, in the
  // engine's transaction.

  private final DropoutCaseRepository cases;
  private final CaseProcessLinkRepository links;

  CaseOfProcess(DropoutCaseRepository cases, CaseProcessLinkRepository links) {
    this.cases = cases;
    this.links = links;
  }

  /**
   * The case this process instance was opened for, if its intake ran, or the case a service
   * started it for ({@link #link}).
   */
  public Optional<DropoutCase> find(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return cases.findByProcessInstanceId(processInstanceId)
        .or(() -> links.findById(processInstanceId).flatMap(link -> cases.findById(link.getCaseId())));
  }

  /**
   * Ties a process a service started for a case (跨县移交) to that case, in the transaction that
   * starts it, so its steps find the case as the case's own steps do. Written once.
   */
  public void link(DropoutCase dropoutCase, String processInstanceId) {
    if (links.existsById(processInstanceId) || cases.findByProcessInstanceId(processInstanceId).isPresent()) {
      throw new IllegalStateException("Process instance " + processInstanceId + " is linked to a case already");
    }
    links.save(new CaseProcessLink(processInstanceId, dropoutCase.getId()));
  }

  /** The case of this process instance, which must exist: a process without an intake record runs no step. */
  public DropoutCase require(String processInstanceId) {
    return find(processInstanceId)
        .orElseThrow(() -> new InvalidCaseInputException("该流程没有经上报登记的案件，不能办理（流程 " + processInstanceId + "）"));
  }

  /**
   * The open case a step is recorded on, after checking that the recorder answers for it. A user
   * outside the case's jurisdiction is refused even if the engine let her work the task (an
   * administrator made her its assignee, say); the system passes.
   */
  public DropoutCase requireOpen(CaseStep step) {
    DropoutCase dropoutCase = require(step.processInstanceId());
    requireWithinJurisdiction(dropoutCase, step);
    if (!dropoutCase.isOpen()) {
      throw new InvalidCaseInputException("案件 " + dropoutCase.getCaseNumber() + " 已结案，不能再办理");
    }
    return dropoutCase;
  }

  /** Refuses a user whose groups cover neither the case's school, village, township nor county. */
  public void requireWithinJurisdiction(DropoutCase dropoutCase, CaseStep step) {
    if (step.isSystem()) {
      return;
    }
    if (!step.jurisdiction().covers(dropoutCase.getSchoolCode(), dropoutCase.getVillageCode(),
        dropoutCase.getTownshipCode(), dropoutCase.getCountyCode())) {
      throw new AuthorizationException("您无权办理案件 " + dropoutCase.getCaseNumber() + "：该案件不在您的管辖范围内");
    }
  }
}
