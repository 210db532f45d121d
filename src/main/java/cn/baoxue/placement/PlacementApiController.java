package cn.baoxue.placement;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.placement.PlacementViews.ChildView;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 残疾儿童安置 for scripts and the pages: {@code POST /api/placement/children} with {"idNumber",
 * "name", "category", "level", "villageCode", "schoolCode"} registers a child (the county bureau or
 * a township) and offers her to the county's expert committee; {@code POST
 * /api/placement/children/{id}/assessment} with {"placement", "assessmentNote", "deferralReason",
 * "deferralAppliedOn", "deliveryTeachers"} is the committee's decision; the GETs read what the
 * caller's jurisdiction covers (a committee: its county's disabled children) and the children she
 * delivers 送教上门 to. {@code POST /api/placement/children/{id}/visits} with {"date", "hours",
 * "content", "evidenceFileName", "evidenceBase64"} logs a 送教 visit (her 送教 teachers only).
 */
@RestController
@RequestMapping("/api/placement/children")
class PlacementApiController {

  private final Placements placements;
  private final PlacementViews views;
  private final HomeDeliveries deliveries;

  PlacementApiController(Placements placements, PlacementViews views, HomeDeliveries deliveries) {
    this.placements = placements;
    this.views = views;
    this.deliveries = deliveries;
  }

  @PostMapping
  ResponseEntity<ChildView> register(@RequestBody Map<String, Object> body, Staff staff) {
    return ResponseEntity.status(HttpStatus.CREATED).body(views.of(placements.register(body, staff), staff));
  }

  @GetMapping
  List<ChildView> list(Staff staff) {
    return views.of(placements.visibleTo(staff), staff);
  }

  @GetMapping("/{id}")
  ChildView read(@PathVariable long id, Staff staff) {
    return views.of(placements.requireVisible(id, staff), staff);
  }

  @PostMapping("/{id}/visits")
  ResponseEntity<HomeDeliveries.Visit> recordVisit(@PathVariable long id, @RequestBody Map<String, Object> body, Staff staff) {
    return ResponseEntity.status(HttpStatus.CREATED).body(deliveries.recordVisit(id, body, null, staff));
  }

  @GetMapping("/{id}/visits")
  List<HomeDeliveries.Visit> visits(@PathVariable long id, Staff staff) {
    return deliveries.visitsOf(placements.requireVisible(id, staff).getId());
  }

  @PostMapping("/{id}/assessment")
  ChildView assess(@PathVariable long id, @RequestBody Map<String, Object> body, Staff staff) {
    return views.of(placements.assess(id, body, staff), staff);
  }
}
