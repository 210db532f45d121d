package cn.baoxue.atrisk;

import cn.baoxue.org.OrgTree;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating a task of a prevention plan: its form's read-only summary (the pupil, her school, the
 * points that flagged her, the plan's actions), task-local so the process keeps ids only.
 */
@Component("preventionSummaryListener")
class PreventionSummaryListener implements TaskListener {

  private final PreventionPlans plans;
  private final AtRiskRegister register;
  private final OrgTree orgTree;

  PreventionSummaryListener(PreventionPlans plans, AtRiskRegister register, OrgTree orgTree) {
    this.plans = plans;
    this.register = register;
    this.orgTree = orgTree;
  }

  @Override
  public void notify(DelegateTask task) {
    PreventionPlans.Plan plan = plans.plan(((Number) task.getVariable(PreventionPlans.PLAN_ID)).longValue());
    register.find(plan.flagId()).ifPresent(flag -> {
      task.setVariableLocal("studentName", flag.studentName() + (flag.grade() == null ? "" : "（" + flag.grade() + "年级）"));
      task.setVariableLocal("schoolName", orgTree.schoolName(flag.schoolCode()));
      task.setVariableLocal("riskPoints", flag.points().stream()
          .map(p -> AtRiskViews.label(p.reason()) + " +" + p.points() + "分").collect(Collectors.joining("；"))
          + "，合计" + flag.totalPoints() + "分");
    });
    task.setVariableLocal("planActions", plan.actions() == null ? "（尚未制定）" : plan.actions());
  }
}
