package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 一人一案 and 跟踪回访: the return plan, then the helper's checks that the child stays. */
@Service
public class FollowUpService {

  private final CaseOfProcess caseOfProcess;
  private final PlacementPlanRepository plans;
  private final FollowUpRepository followUps;

  FollowUpService(CaseOfProcess caseOfProcess, PlacementPlanRepository plans, FollowUpRepository followUps) {
    this.caseOfProcess = caseOfProcess;
    this.plans = plans;
    this.followUps = followUps;
  }

  @Transactional
  public PlacementPlan planPlacement(CaseStep step, String placement, String plan) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    Placement where = in.code("placement", Placement.class, placement, "安置方式");
    String planText = in.notes("placementPlan", plan, "一人一案内容", true);
    in.check();
    dropoutCase.startFollowUp(where);
    return plans.save(new PlacementPlan(dropoutCase, step.actor(), where, planText));
  }

  @Transactional
  public FollowUpResult recordFollowUp(CaseStep step, String result, String notes) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    FollowUpResult outcome = in.code("followUpResult", FollowUpResult.class, result, "回访结果");
    String followUpNotes = in.notes("followUpNotes", notes, "回访情况", false);
    in.check();
    if (outcome == FollowUpResult.DROPPED_AGAIN) {
      dropoutCase.dropAgain();
    }
    followUps.save(new FollowUp(dropoutCase, step.actor(), outcome, followUpNotes));
    return outcome;
  }
}
