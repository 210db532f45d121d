package cn.baoxue.atrisk;

import cn.baoxue.atrisk.AtRiskRegister.Outcome;
import cn.baoxue.atrisk.AtRiskViews.FlagView;
import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The at-risk register for scripts and the pages: {@code POST /api/at-risk/assessments}
 * {"schoolCode"} weighs every pupil of the school; {@code GET /api/at-risk/flags[?schoolCode=]}
 * and {@code /api/at-risk/flags/{id}} read the flags with their points; the principal's
 * {@code POST .../confirm} {} and {@code .../dismiss} {"reason"}; a teacher's
 * {@code POST /api/at-risk/observations} {"idNumber", "observation", "notes"}; the grades import
 * {@code POST /api/at-risk/grades} (a CSV or .xlsx file) and its template.
 */
@RestController
@RequestMapping("/api/at-risk")
class AtRiskApiController {

  private final AtRiskRegister register;
  private final AtRiskViews views;
  private final GradesImport grades;

  AtRiskApiController(AtRiskRegister register, AtRiskViews views, GradesImport grades) {
    this.register = register;
    this.views = views;
    this.grades = grades;
  }

  @PostMapping("/assessments")
  Outcome assess(@RequestBody Map<String, Object> body, Staff staff) {
    return register.assess(body, staff);
  }

  @GetMapping("/flags")
  List<FlagView> flags(@RequestParam(required = false) String schoolCode, Staff staff) {
    return views.of(register.visibleTo(staff, schoolCode), staff);
  }

  @GetMapping("/flags/{id}")
  FlagView flag(@PathVariable long id, Staff staff) {
    return views.of(register.requireVisible(id, staff), staff);
  }

  @PostMapping("/flags/{id}/confirm")
  FlagView confirm(@PathVariable long id, @RequestBody Map<String, Object> body, Staff staff) {
    return views.of(register.confirm(id, body, staff), staff);
  }

  @PostMapping("/flags/{id}/dismiss")
  FlagView dismiss(@PathVariable long id, @RequestBody Map<String, Object> body, Staff staff) {
    return views.of(register.dismiss(id, body, staff), staff);
  }

  @PostMapping("/observations")
  ResponseEntity<Map<String, Object>> observe(@RequestBody Map<String, Object> body, Staff staff) {
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.observe(body, staff)));
  }

  @PostMapping(path = "/grades", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  GradesImport.Outcome importGrades(@RequestParam("file") MultipartFile file, Staff staff) throws IOException {
    return grades.upload(file.getBytes(), staff);
  }

  @GetMapping("/grades/template")
  void template(HttpServletResponse response) throws IOException {
    grades.template().download(response, GradesImport.FILE_NAME);
  }
}
