package cn.baoxue.placement;

import cn.baoxue.web.PageForms;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.org.Roles;
import cn.baoxue.org.UnitsInReach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 残疾儿童安置 pages, made for a phone: {@code /placement} lists the children of the reader's reach
 * (the committee: its county's, those not yet assessed first) and those she delivers 送教上门 to,
 * with the registration form for the county bureau and the townships; {@code /placement/{id}}
 * shows one child, the committee's assessment form while she waits for it, and the 送教 visits.
 */
@Controller
class PlacementPagesController {

  private final Placements placements;
  private final PlacementViews views;
  private final UnitsInReach units;
  private final Roles roles;
  private final HomeDeliveries deliveries;
  private final HomeDeliveryPlan plan;

  PlacementPagesController(Placements placements, PlacementViews views, UnitsInReach units, Roles roles, HomeDeliveries deliveries,
      HomeDeliveryPlan plan) {
    this.deliveries = deliveries;
    this.plan = plan;
    this.placements = placements;
    this.views = views;
    this.units = units;
    this.roles = roles;
  }

  @GetMapping("/placement")
  String list(Staff staff, Model model) {
    return listPage(staff, model, Map.of(), List.of());
  }

  @PostMapping("/placement")
  String register(@RequestParam Map<String, String> form, Staff staff, Model model, RedirectAttributes redirect) {
    try {
      DisabledChild child = placements.register(PageForms.filled(form, Placements.FIELDS), staff);
      redirect.addFlashAttribute("notice", "已登记：" + child.getName() + "，待县残疾人教育专家委员会评估安置");
      return "redirect:/placement/" + child.getId();
    } catch (InvalidCaseInputException refused) {
      return listPage(staff, model, form, refused.fieldProblems());
    }
  }

  @GetMapping("/placement/{id}")
  String show(@PathVariable long id, Staff staff, Model model) {
    return showPage(placements.requireVisible(id, staff), staff, model, Map.of(), List.of());
  }

  @PostMapping("/placement/{id}/assessment")
  String assess(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Staff staff, Model model,
      RedirectAttributes redirect) {
    DisabledChild child = placements.requireVisible(id, staff);
    Map<String, Object> body = new LinkedHashMap<>(PageForms.filled(form.toSingleValueMap(), Placements.DECISION_FIELDS));
    List<String> teachers = form.getOrDefault("deliveryTeachers", List.of()).stream().filter(t -> !t.isBlank()).toList();
    body.remove("deliveryTeachers");
    if (!teachers.isEmpty()) {
      body.put("deliveryTeachers", teachers);
    }
    try {
      DisabledChild placed = placements.assess(id, body, staff);
      redirect.addFlashAttribute("notice", "已评估安置：" + placed.getName() + "，" + placed.getPlacement().label());
      return "redirect:/placement/" + id;
    } catch (InvalidCaseInputException refused) {
      return showPage(child, staff, model, form.toSingleValueMap(), refused.fieldProblems());
    } catch (ResponseStatusException refused) {
      return showPage(child, staff, model, form.toSingleValueMap(), List.of(new Problem("", refused.getReason())));
    }
  }

  @PostMapping("/placement/{id}/visits")
  String recordVisit(@PathVariable long id, @RequestParam Map<String, String> form,
      @RequestParam(name = "evidence", required = false) MultipartFile evidence, Staff staff, Model model, RedirectAttributes redirect)
      throws java.io.IOException {
    DisabledChild child = placements.requireVisible(id, staff);
    HomeDeliveries.Evidence upload = evidence == null || evidence.isEmpty() ? null
        : new HomeDeliveries.Evidence(evidence.getOriginalFilename() == null ? "佐证" : evidence.getOriginalFilename(), evidence.getBytes());
    try {
      HomeDeliveries.Visit visit = deliveries.recordVisit(id, PageForms.filled(form, Set.of("date", "hours", "content")), upload, staff);
      redirect.addFlashAttribute("notice", "已登记送教：" + visit.date() + "，" + visit.hours().stripTrailingZeros().toPlainString() + "小时");
      return "redirect:/placement/" + id;
    } catch (InvalidCaseInputException refused) {
      return showPage(child, staff, model, form, refused.fieldProblems());
    } catch (ResponseStatusException refused) {
      return showPage(child, staff, model, form, List.of(new Problem("", refused.getReason())));
    }
  }

  String listPage(Staff staff, Model model, Map<String, String> form, List<Problem> problems) {
    List<PlacementViews.ChildView> all = views.of(placements.visibleTo(staff), staff);
    model.addAttribute("waiting", all.stream().filter(c -> c.placement() == null).toList());
    model.addAttribute("placed", all.stream().filter(c -> c.placement() != null).toList());
    boolean mayRegister = placements.mayRegister(staff);
    model.addAttribute("mayRegister", mayRegister);
    if (mayRegister) {
      model.addAttribute("categories", DisabilityCategory.values());
      model.addAttribute("levels", DisabilityLevel.values());
      model.addAttribute("villages", units.villages(staff.jurisdiction()));
      model.addAttribute("schools", units.schools(staff.jurisdiction()));
    }
    model.addAttribute("form", form);
    model.addAttribute("problems", byField(problems));
    return "placement/children";
  }

  String showPage(DisabledChild child, Staff staff, Model model, Map<String, String> form, List<Problem> problems) {
    PlacementViews.ChildView view = views.of(child, staff);
    model.addAttribute("c", view);
    if (view.mayAssess()) {
      model.addAttribute("placements", Placement.values());
      model.addAttribute("teacherChoices", placements.teacherChoices(child).stream()
          .map(user -> Map.of("id", user, "label", roles.person(user))).toList());
    }
    model.addAttribute("today", BeijingTime.today().toString());
    model.addAttribute("mayLog", deliveries.mayLog(child, staff));
    model.addAttribute("visits", deliveries.visitsOf(child.getId()).stream()
        .map(v -> Map.of("date", v.date().toString(), "hours", v.hours().stripTrailingZeros().toPlainString(), "content", v.content(),
            "evidence", v.evidenceType() == null ? "无" : v.evidenceType().startsWith("image/") ? "照片" : "扫描件",
            "by", roles.person(v.recordedBy())))
        .toList());
    model.addAttribute("misses", deliveries.missesOf(child.getId()).stream()
        .map(m -> Map.of("period", m.periodStart().getYear() + "年" + m.periodStart().getMonthValue() + "月",
            "counts", "应送" + m.planned() + "次，实送" + m.delivered() + "次",
            "urge", m.urgedBy() == null ? (m.escalatedAt() == null ? "待乡镇督促" : "乡镇逾期，已上报县教育局")
                : roles.person(m.urgedBy()) + "已督促：" + m.urgeNote()))
        .toList());
    model.addAttribute("visitsPerMonth", plan.visitsPerMonth());
    model.addAttribute("form", form);
    model.addAttribute("problems", byField(problems));
    return "placement/child";
  }


  /** Each field's messages joined, "" for a refusal of the whole form. */
  static Map<String, String> byField(List<Problem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    problems.forEach(p -> byField.merge(p.field() == null ? "" : p.field(), p.message(), (a, b) -> a + "；" + b));
    return byField;
  }
}
