package cn.baoxue.placement;

import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.placement.HomeDeliveries.PeriodCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system steps of 送教上门, each visible in its model and each a thin call of {@link HomeDeliveries}:
 * “开始送教上门排期” (disabled-placement), “核对本期送教次数”, “记录缺送并通知乡镇”, “逾期上报县教育局”
 * and “记录督促” (home-delivery-schedule).
 */
@Configuration
class HomeDeliverySteps {

  /** The priority of an urging task its township let pass its due date (Camunda's default is 50). */
  static final int LATE_PRIORITY = 80;

  @Bean("homeDeliveryScheduleStarter")
  JavaDelegate scheduleStarter(HomeDeliveries deliveries, DisabledChildRepository children) {
    return execution -> {
      DisabledChild child = children.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
          ProcessKeys.HOME_DELIVERY_SCHEDULE, String.valueOf(child.getId()), deliveries.scheduleStart(child));
    };
  }

  @Bean("homeDeliveryPeriodCheck")
  JavaDelegate periodCheck(HomeDeliveries deliveries) {
    return execution -> {
      String start = (String) execution.getVariable("periodStart");
      PeriodCheck check = deliveries.check(childId(execution), start);
      execution.setVariable("checkedPeriodStart", start);
      execution.setVariable("periodLabel", check.periodLabel());
      execution.setVariable("planned", check.planned());
      execution.setVariable("delivered", check.delivered());
      execution.setVariable("missed", check.missed());
      execution.setVariable("active", check.active());
      execution.setVariable("periodStart", check.nextStart());
      execution.setVariable("periodEnd", check.nextEnd());
    };
  }

  @Bean("homeDeliveryMissRecorder")
  JavaDelegate missRecorder(HomeDeliveries deliveries, HomeDeliveryPlan plan) {
    return execution -> {
      deliveries.recordMiss(execution.getProcessInstanceId(), childId(execution), (String) execution.getVariable("checkedPeriodStart"),
          (Integer) execution.getVariable("planned"), (Integer) execution.getVariable("delivered"));
      execution.setVariable("urgeDueDate", plan.urgeDueDate());
    };
  }

  @Bean("homeDeliveryMissEscalator")
  JavaDelegate missEscalator(HomeDeliveries deliveries) {
    return execution -> {
      deliveries.escalateMiss(execution.getProcessInstanceId(), childId(execution));
      var tasks = execution.getProcessEngineServices().getTaskService();
      for (Task late : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(HomeDeliveries.URGE_BY_TOWNSHIP).list()) {
        tasks.setPriority(late.getId(), LATE_PRIORITY);
      }
    };
  }

  @Bean("homeDeliveryUrgeRecorder")
  JavaDelegate urgeRecorder(HomeDeliveries deliveries) {
    return execution -> {
      Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      deliveries.recordUrge(execution.getProcessInstanceId(), (String) execution.getVariable("urgeNote"),
          who == null ? null : who.getUserId());
      // The next missed period is urged afresh.
      execution.removeVariable("urgeNote");
    };
  }

  private static long childId(DelegateExecution execution) {
    return ((Number) execution.getVariable("childId")).longValue();
  }
}
