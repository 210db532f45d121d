package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.HomeVisitService;
import cn.baoxue.cases.HomeVisitService.VisitReport;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code homeVisit}: records the visit. */
@Component("homeVisitListener")
public class HomeVisitListener implements TaskListener {

  private final HomeVisitService visits;

  public HomeVisitListener(HomeVisitService visits) {
    this.visits = visits;
  }

  @Override
  public void notify(DelegateTask task) {
    VisitReport report =
        new VisitReport(
            of(task, "visitDate"), of(task, "metWith"), of(task, "childWhereabouts"), of(task, "reason"),
            of(task, "familyAttitude"), of(task, "visitNotes"));
    visits.record(Actor.stepOn(task), report);
  }
}
