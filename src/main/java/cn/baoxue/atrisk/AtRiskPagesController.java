package cn.baoxue.atrisk;

import cn.baoxue.web.PageForms;
import cn.baoxue.atrisk.AtRiskViews.FlagView;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.org.UnitsInReach;
import cn.baoxue.org.UnitsInReach.Unit;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's page ({@code /at-risk}): a school's flags with every point that made them; for the
 * principal, confirm or dismiss with a reason; for the school's staff, a new assessment, a
 * teacher's observation and the grades import. Refusals come back to the page in Chinese.
 */
@Controller
class AtRiskPagesController {

  private final AtRiskRegister register;
  private final AtRiskViews views;
  private final GradesImport grades;
  private final UnitsInReach units;

  AtRiskPagesController(AtRiskRegister register, AtRiskViews views, GradesImport grades, UnitsInReach units) {
    this.register = register;
    this.views = views;
    this.grades = grades;
    this.units = units;
  }

  @GetMapping("/at-risk")
  String page(@RequestParam(required = false) String schoolCode, Staff staff, Model model) {
    return page(schoolCode, staff, model, Map.of(), List.of());
  }

  @PostMapping("/at-risk/assessments")
  String assess(@RequestParam String schoolCode, Staff staff, Model model, RedirectAttributes redirect) {
    try {
      AtRiskRegister.Outcome done = register.assess(Map.of("schoolCode", schoolCode), staff);
      redirect.addFlashAttribute("notice", "已评估" + done.term() + "：在校学生" + done.pupils() + "人，达到预警分值" + done.flagged()
          + "人（新列入" + done.raised() + "人，更新" + done.updated() + "人" + (done.withdrawn() > 0 ? "，撤下" + done.withdrawn() + "人" : "") + "）");
      return "redirect:/at-risk?schoolCode=" + schoolCode;
    } catch (InvalidCaseInputException refused) {
      return page(schoolCode, staff, model, Map.of(), refused.fieldProblems());
    }
  }

  @PostMapping("/at-risk/flags/{id}/confirm")
  String confirm(@PathVariable long id, Staff staff, Model model, RedirectAttributes redirect) {
    AtRiskRegister.Flag flag = register.requireVisible(id, staff);
    try {
      register.confirm(id, Map.of(), staff);
      redirect.addFlashAttribute("notice", "已确认：" + flag.studentName() + "列入风险台账，将安排一对一帮扶");
      return "redirect:/at-risk?schoolCode=" + flag.schoolCode();
    } catch (ResponseStatusException refused) {
      return page(flag.schoolCode(), staff, model, Map.of(), List.of(new Problem("", refused.getReason())));
    }
  }

  @PostMapping("/at-risk/flags/{id}/dismiss")
  String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Staff staff, Model model,
      RedirectAttributes redirect) {
    AtRiskRegister.Flag flag = register.requireVisible(id, staff);
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      if (reason != null && !reason.isBlank()) {
        body.put("reason", reason);
      }
      register.dismiss(id, body, staff);
      redirect.addFlashAttribute("notice", "已排除：" + flag.studentName() + "的预警记为误报");
      return "redirect:/at-risk?schoolCode=" + flag.schoolCode();
    } catch (InvalidCaseInputException refused) {
      return page(flag.schoolCode(), staff, model, Map.of("dismiss" + id, reason == null ? "" : reason),
          refused.fieldProblems().stream().map(p -> new Problem("reason" + id, p.message())).toList());
    } catch (ResponseStatusException refused) {
      return page(flag.schoolCode(), staff, model, Map.of(), List.of(new Problem("", refused.getReason())));
    }
  }

  @PostMapping("/at-risk/observations")
  String observe(@RequestParam Map<String, String> form, Staff staff, Model model, RedirectAttributes redirect) {
    try {
      register.observe(PageForms.filled(form, AtRiskRegister.OBSERVE_FIELDS), staff);
      redirect.addFlashAttribute("notice", "已登记教师观察，重新评估后计入风险积分");
      return "redirect:/at-risk" + (form.get("schoolCode") == null ? "" : "?schoolCode=" + form.get("schoolCode"));
    } catch (InvalidCaseInputException refused) {
      return page(form.get("schoolCode"), staff, model, form, refused.fieldProblems());
    }
  }

  @PostMapping("/at-risk/grades")
  String importGrades(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String schoolCode, Staff staff,
      Model model, RedirectAttributes redirect) throws IOException {
    try {
      GradesImport.Outcome done = grades.upload(file.getBytes(), staff);
      redirect.addFlashAttribute("notice", "成绩导入成功：" + done.rows() + "条成绩，" + done.pupils() + "名学生（" + done.terms() + "）");
      return "redirect:/at-risk" + (schoolCode == null ? "" : "?schoolCode=" + schoolCode);
    } catch (InvalidCaseInputException refused) {
      model.addAttribute("gradeProblems", refused.fieldProblems().stream().map(Problem::message).toList());
      return page(schoolCode, staff, model, Map.of(), List.of(new Problem("file", "成绩表有问题，整份文件未导入，请逐行修改后重新上传")));
    }
  }

  @GetMapping("/at-risk/grades/template.xlsx")
  void template(jakarta.servlet.http.HttpServletResponse response) throws IOException {
    grades.template().download(response, GradesImport.FILE_NAME);
  }

  private String page(String schoolCode, Staff staff, Model model, Map<String, String> form, List<Problem> problems) {
    List<Unit> schools = units.schools(staff.jurisdiction());
    String chosen = schoolCode != null && schools.stream().anyMatch(s -> s.code().equals(schoolCode)) ? schoolCode
        : schools.size() == 1 ? schools.get(0).code() : null;
    List<FlagView> flags = views.of(register.visibleTo(staff, chosen), staff);
    model.addAttribute("schools", schools);
    model.addAttribute("chosen", chosen);
    model.addAttribute("flags", flags);
    model.addAttribute("pending", flags.stream().filter(f -> f.status().equals(FlagStatus.PENDING.name())).count());
    long confirmed = flags.stream().filter(f -> Set.of("CONFIRMED", "LIFTED", "LEFT_SCHOOL").contains(f.status())).count();
    long dismissed = flags.stream().filter(f -> f.status().equals(FlagStatus.DISMISSED.name())).count();
    model.addAttribute("confirmed", confirmed);
    model.addAttribute("dismissed", dismissed);
    model.addAttribute("falseAlarmRate", confirmed + dismissed == 0 ? "—" : Math.round(100.0 * dismissed / (confirmed + dismissed)) + "%");
    model.addAttribute("seesUndecided", chosen != null && register.seesUndecided(chosen, staff));
    boolean schoolStaff = chosen != null && staff.isMemberOf(cn.baoxue.kernel.identity.GroupIds.school(chosen));
    model.addAttribute("mayAssess", chosen != null && register.mayAssess(chosen, staff));
    model.addAttribute("schoolStaff", schoolStaff);
    model.addAttribute("observations", AtRiskRegister.OBSERVATIONS.stream().map(r -> Map.of("code", r.name(),
        "label", r == DropoutReason.WORK ? "有外出务工意向" : r.label())).toList());
    model.addAttribute("form", form);
    Map<String, String> byField = new LinkedHashMap<>();
    problems.forEach(p -> byField.merge(p.field() == null ? "" : p.field(), p.message(), (a, b) -> a + "；" + b));
    model.addAttribute("problems", byField);
    return "atrisk/register";
  }

}
