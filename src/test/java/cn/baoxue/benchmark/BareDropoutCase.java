package cn.baoxue.benchmark;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ExclusiveGatewayBuilder;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The bare-engine twin of dropout-case.bpmn: the same user tasks, gateways and timers in the same
 * order, routed to the same groups and users, but no execution or task listeners, no escalation
 * timers, no forms and no project tables. Built with Camunda's model API, so nothing of Baoxue's
 * model leaks in.
 */
final class BareDropoutCase {

  static final String KEY = "bare-dropout-case";
  /** The twin with an escalation timer on every user task, as each of Baoxue's tasks has. */
  static final String KEY_WITH_TIMERS = "bare-dropout-case-timers";
  static final String SCHOOL = "school_5306270001";
  static final String VILLAGE = "village_530627205201";
  static final String TOWNSHIP = "township_530627205";
  static final String COUNTY = "county_530627";

  private BareDropoutCase() {}

  static BpmnModelInstance model() {
    return model(KEY);
  }

  /**
   * The twin whose every user task carries a timeout listener with a timer cycle, as Baoxue's
   * escalation does, but whose listener does nothing: the engine's own cost of a timer per task
   * (the task becomes a scope, its timer job is created and deleted, the job log), which the
   * lifecycle benchmark reports beside the plain twin.
   */
  static BpmnModelInstance modelWithEscalationTimers() {
    BpmnModelInstance model = model(KEY_WITH_TIMERS);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      task.builder().camundaTaskListenerExpressionTimeoutWithCycle(task.getId() + "Overdue", "${true}", "R2/P5D");
    }
    return model;
  }

  private static BpmnModelInstance model(String key) {
    ExclusiveGatewayBuilder verified = Bpmn.createExecutableProcess(key)
        .name("Bare dropout case")
        .camundaHistoryTimeToLive(3650)
        .startEvent("caseReported")
        .userTask("verify").camundaCandidateGroups(SCHOOL)
        .exclusiveGateway("verifyResultGateway");
    verified.condition("notDropout", "${verifyResult == 'NOT_DROPOUT'}").endEvent("closedNotDropout");

    ExclusiveGatewayBuilder school = verified.moveToNode("verifyResultGateway")
        .condition("confirmed", "${verifyResult == 'CONFIRMED'}")
        .userTask("assignHelpers").camundaCandidateGroups(TOWNSHIP)
        .userTask("homeVisit").camundaAssignee("${teacherHelper}").camundaCandidateUsers("${cadreHelper}")
        .exclusiveGateway("persuasionEntryMerge")
        .userTask("persuadeSchool").camundaCandidateGroups(SCHOOL)
        .exclusiveGateway("schoolPersuasionGateway");
    school.condition("schoolReturned", "${persuasionResult == 'RETURNED'}")
        .exclusiveGateway("returnedMerge")
        .userTask("planPlacement").camundaCandidateGroups(SCHOOL)
        .exclusiveGateway("followUpWaitMerge")
        .intermediateCatchEvent("followUpDue").timerWithDuration("P30D")
        .exclusiveGateway("followUpMerge")
        .userTask("followUp").camundaAssignee("${teacherHelper}")
        .exclusiveGateway("followUpResultGateway")
        .condition("droppedAgain", "${followUpResult == 'DROPPED_AGAIN'}").connectTo("persuasionEntryMerge")
        .moveToNode("followUpResultGateway")
        .condition("stable", "${followUpResult == 'STABLE'}")
        .exclusiveGateway("followUpPeriodGateway")
        .condition("periodNotOver", "${now() lt followUpUntil}").connectTo("followUpWaitMerge")
        .moveToNode("followUpPeriodGateway")
        .condition("periodOver", "${now() ge followUpUntil}")
        .userTask("approveClosure").camundaCandidateGroups(TOWNSHIP)
        .exclusiveGateway("closureGateway")
        .condition("closureApproved", "${closureApproved}").endEvent("caseClosed")
        .moveToNode("closureGateway")
        .condition("closureRejected", "${!closureApproved}").connectTo("followUpMerge");

    ExclusiveGatewayBuilder joint = school.moveToNode("schoolPersuasionGateway")
        .condition("schoolNotReturned", "${persuasionResult == 'NOT_RETURNED'}")
        .userTask("persuadeJoint").camundaCandidateGroups(VILLAGE + "," + TOWNSHIP)
        .exclusiveGateway("jointPersuasionGateway");
    joint.condition("jointReturned", "${persuasionResult == 'RETURNED'}").connectTo("returnedMerge");

    ExclusiveGatewayBuilder order = joint.moveToNode("jointPersuasionGateway")
        .condition("jointNotReturned", "${persuasionResult == 'NOT_RETURNED'}")
        .userTask("issueReturnOrder").camundaCandidateGroups(TOWNSHIP)
        .exclusiveGateway("returnOrderGateway");
    order.condition("orderReturned", "${persuasionResult == 'RETURNED'}").connectTo("returnedMerge");

    ExclusiveGatewayBuilder compliance = order.moveToNode("returnOrderGateway")
        .condition("orderNotReturned", "${persuasionResult == 'NOT_RETURNED'}")
        .intermediateCatchEvent("orderDeadlinePassed").timerWithDate("${orderDeadline}")
        .userTask("checkOrderCompliance").camundaCandidateGroups(TOWNSHIP)
        .exclusiveGateway("complianceGateway");
    compliance.condition("complianceReturned", "${persuasionResult == 'RETURNED'}").connectTo("returnedMerge");

    return compliance.moveToNode("complianceGateway")
        .condition("complianceNotReturned", "${persuasionResult == 'NOT_RETURNED'}")
        .exclusiveGateway("legalReferralMerge")
        .userTask("legalReferral").camundaCandidateGroups(COUNTY)
        .exclusiveGateway("legalReferralGateway")
        .condition("legalReturned", "${persuasionResult == 'RETURNED'}").connectTo("returnedMerge")
        .moveToNode("legalReferralGateway")
        .condition("legalNotReturned", "${persuasionResult == 'NOT_RETURNED'}").connectTo("legalReferralMerge")
        .done();
  }
}
