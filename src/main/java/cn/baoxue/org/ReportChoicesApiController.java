package cn.baoxue.org;

import cn.baoxue.kernel.identity.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/report-choices}: the schools and villages the logged-in user's report form
 * offers by name (ReportChoices); Tasklist's start form reads it (tasklist/scripts/baoxue-forms.js).
 */
@RestController
class ReportChoicesApiController {

  private final ReportChoices choices;

  ReportChoicesApiController(ReportChoices choices) {
    this.choices = choices;
  }

  @GetMapping("/api/me/report-choices")
  ReportChoices.Choices reportChoices(Staff staff) {
    return choices.of(staff.jurisdiction());
  }
}
