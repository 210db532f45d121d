package cn.baoxue.care;

import cn.baoxue.web.PageForms;
import cn.baoxue.cases.ContactRules;
import cn.baoxue.cases.ContactType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.org.Roles;
import cn.baoxue.org.UnitsInReach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 结对关爱 pages: {@code /care} lists the helper's own pairings and those of the reader's
 * jurisdiction, with the create form for the county bureau and the townships; {@code /care/{id}}
 * shows one pairing, its contacts and, for its helper and creating unit, the contact form. Refusals
 * come back to the page in Chinese, each under its field.
 */
@Controller
class CarePagesController {

  private final CarePairings pairings;
  private final CareViews views;
  private final UnitsInReach units;
  private final Roles roles;

  CarePagesController(CarePairings pairings, CareViews views, UnitsInReach units, Roles roles) {
    this.pairings = pairings;
    this.views = views;
    this.units = units;
    this.roles = roles;
  }

  @GetMapping("/care")
  String list(Staff staff, Model model) {
    return listPage(staff, model, Map.of(), List.of());
  }

  @PostMapping("/care")
  String create(@RequestParam Map<String, String> form, Staff staff, Model model, RedirectAttributes redirect) {
    try {
      CarePairing created = pairings.create(PageForms.filled(form, CarePairings.FIELDS), staff);
      redirect.addFlashAttribute("notice", "已建立结对关爱：" + created.getPersonName() + "（" + created.getKind().label() + "），结对帮扶人"
          + roles.name(created.getHelper()));
      return "redirect:/care/" + created.getId();
    } catch (InvalidCaseInputException refused) {
      return listPage(staff, model, form, refused.fieldProblems());
    }
  }

  @GetMapping("/care/{id}")
  String show(@PathVariable long id, Staff staff, Model model) {
    return showPage(pairings.requireVisible(id, staff), staff, model, Map.of(), List.of());
  }

  @PostMapping("/care/{id}/contacts")
  String recordContact(@PathVariable long id, @RequestParam Map<String, String> form, Staff staff, Model model,
      RedirectAttributes redirect) {
    CarePairing pairing = pairings.requireVisible(id, staff);
    try {
      CareContact contact = pairings.recordContact(id, PageForms.filled(form, ContactRules.FIELDS), staff);
      redirect.addFlashAttribute("notice", "已登记关爱记录：" + contact.getDate() + " " + contact.getType().label());
      return "redirect:/care/" + id;
    } catch (InvalidCaseInputException refused) {
      return showPage(pairing, staff, model, form, refused.fieldProblems());
    } catch (ResponseStatusException refused) {
      return showPage(pairing, staff, model, form, List.of(new Problem("", refused.getReason())));
    }
  }

  private String listPage(Staff staff, Model model, Map<String, String> form, List<Problem> problems) {
    model.addAttribute("mine", views.of(pairings.helpedBy(staff), staff));
    model.addAttribute("all", views.of(pairings.visibleTo(staff), staff));
    boolean mayCreate = pairings.mayCreate(staff);
    model.addAttribute("mayCreate", mayCreate);
    if (mayCreate) {
      model.addAttribute("kinds", CareKind.values());
      model.addAttribute("villages", units.villages(staff.jurisdiction()));
      model.addAttribute("schools", units.schools(staff.jurisdiction()));
      model.addAttribute("helpers", pairings.helperChoices(staff).stream()
          .map(user -> Map.of("id", user, "label", roles.person(user))).toList());
    }
    model.addAttribute("form", form);
    model.addAttribute("problems", byField(problems));
    return "care/pairings";
  }

  private String showPage(CarePairing pairing, Staff staff, Model model, Map<String, String> form, List<Problem> problems) {
    model.addAttribute("p", views.of(pairing, staff));
    model.addAttribute("contacts", pairings.contactsOf(pairing).stream().map(views::of).toList());
    model.addAttribute("contactTypes", ContactType.values());
    model.addAttribute("today", BeijingTime.today().toString());
    model.addAttribute("form", form);
    model.addAttribute("problems", byField(problems));
    return "care/pairing";
  }


  /** Each field's messages joined, "" for a refusal of the whole form. */
  private static Map<String, String> byField(List<Problem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    problems.forEach(p -> byField.merge(p.field() == null ? "" : p.field(), p.message(), (a, b) -> a + "；" + b));
    return byField;
  }
}
