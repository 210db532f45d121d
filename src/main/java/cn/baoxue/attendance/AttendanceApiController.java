package cn.baoxue.attendance;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/attendance}: a school's daily absences, one record per student and day. */
@RestController
class AttendanceApiController {

  private final AttendanceService attendance;

  AttendanceApiController(AttendanceService attendance) {
    this.attendance = attendance;
  }

  /** Body: {"records": [{"studentIdNumber": "…", "date": "2026-11-20", "excused": false}, …]} */
  record Post(List<AttendanceService.Absence> records) {}

  @PostMapping("/api/attendance")
  AttendanceService.Outcome post(@RequestBody Post post, Staff staff) {
    return attendance.record(post.records(), staff.userId(), staff.jurisdiction());
  }
}
