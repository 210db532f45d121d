package cn.baoxue.recheck;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.recheck.RecheckViews.RoundView;
import cn.baoxue.recheck.RecheckViews.RoundWithItems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 季度复核 for scripts and auditors: {@code GET /api/rechecks} lists the rounds of the counties the
 * caller answers for, {@code GET /api/rechecks/{id}} one round with its sampled cases, their
 * findings and whether the recorded seed draws the same sample again. The work itself is done in
 * Tasklist (county-recheck.bpmn).
 */
@RestController
@RequestMapping("/api/rechecks")
class RecheckApiController {

  private final RecheckViews views;

  RecheckApiController(RecheckViews views) {
    this.views = views;
  }

  @GetMapping
  List<RoundView> list(Staff staff) {
    return views.visibleTo(staff);
  }

  @GetMapping("/{id}")
  RoundWithItems read(@PathVariable long id, Staff staff) {
    return views.read(id, staff);
  }
}
