package cn.baoxue.atrisk;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system steps of {@code prevention-plan.bpmn}, each visible in the model as a service task and
 * each a call to {@link PreventionPlans}.
 */
@Configuration
class PreventionPlanSteps {

  /** 排定月度回访: the next review is due a month from now. */
  @Bean
  JavaDelegate preventionReviewScheduler(PreventionPlans plans) {
    return execution -> execution.setVariable(PreventionPlans.REVIEW_DUE, plans.nextReviewDue());
  }

  /** 记录逾期并通知乡镇: the missed review recorded, the township told, the late review's priority raised. */
  @Bean
  JavaDelegate preventionReviewMissed(PreventionPlans plans, TaskService tasks) {
    return execution -> {
      plans.recordMissedReview(planId(execution), (Date) execution.getVariable(PreventionPlans.REVIEW_DUE),
          (String) execution.getVariable(PreventionPlans.SUPERIOR_GROUP));
      for (Task late : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey("reviewPreventionPlan").list()) {
        tasks.setPriority(late.getId(), Math.max(late.getPriority(), 80));
      }
    };
  }

  /** 结束帮扶（风险解除）. */
  @Bean
  JavaDelegate preventionPlanLifted(PreventionPlans plans) {
    return execution -> plans.closeLifted(planId(execution));
  }

  /** 转入辍学案件: the plan's history opens the dropout case. */
  @Bean
  JavaDelegate preventionPlanCaseOpener(PreventionPlans plans) {
    return execution -> execution.setVariable("caseNumber", plans.openCase(planId(execution), currentUser(execution)));
  }

  private static long planId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PreventionPlans.PLAN_ID)).longValue();
  }

  private static String currentUser(DelegateExecution execution) {
    String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    return user == null ? "system" : user;
  }
}
