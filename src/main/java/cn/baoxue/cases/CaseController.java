package cn.baoxue.cases;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The case list and case file pages, limited to the user's jurisdiction. */
@Controller
public class CaseController {

  private final CaseQueries queries;
  private final ContactLogService contacts;
  private final IdNumberRecording idNumbers;
  private final ApplicationEventPublisher events;

  CaseController(CaseQueries queries, ContactLogService contacts, IdNumberRecording idNumbers,
      ApplicationEventPublisher events) {
    this.queries = queries;
    this.idNumbers = idNumbers;
    this.contacts = contacts;
    this.events = events;
  }

  @GetMapping("/cases")
  String list(Staff staff, Model model) {
    model.addAttribute("cases", queries.visibleTo(staff.jurisdiction()));
    return "cases/list";
  }

  @GetMapping("/cases/{caseNumber}")
  String show(@PathVariable String caseNumber, Staff staff, Model model) {
    CaseQueries.CaseFile file = queries
        .caseFile(caseNumber, staff.jurisdiction())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    DropoutCase viewed = file.dropoutCase();
    events.publishEvent(new PersonalDataViewed(viewed.getStudent().getId(), viewed.getId(), staff.userId(), "CASE_PAGE"));
    model.addAttribute("file", file);
    model.addAttribute("personalData", PersonalDataPolicy.disclosureFor(staff.groupIds()));
    model.addAttribute("contactTypes", ContactType.values());
    model.addAttribute("mayRecordContacts", viewed.isOpen() && contacts.mayRecord(viewed, staff));
    model.addAttribute("mayRecordIdNumber", idNumbers.mayRecord(viewed, staff));
    return "cases/show";
  }

  /** 登记身份证号 of a child registered without papers; refusals come back to the page in Chinese. */
  @PostMapping("/cases/{caseNumber}/id-number")
  String recordIdNumber(@PathVariable String caseNumber, @RequestParam(required = false) String idNumber, Staff staff,
      RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("idNumberNotice", idNumbers.record(caseNumber, idNumber, staff).message());
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("idNumberError", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("idNumberError", e.getReason());
    }
    return "redirect:/cases/" + caseNumber + "#id-number";
  }

  /** The 结对帮扶记录 form of the case page; refusals come back to the page in Chinese. */
  @PostMapping("/cases/{caseNumber}/contacts")
  String recordContact(@PathVariable String caseNumber, @RequestParam String type, @RequestParam String date,
      @RequestParam(required = false) String notes, @RequestParam(required = false) String amountYuan,
      Staff staff, RedirectAttributes redirect) {
    try {
      contacts.record(caseNumber, new ContactLogService.ContactInput(type, date, notes, amountYuan), staff);
      redirect.addFlashAttribute("notice", "帮扶记录已登记");
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    }
    return "redirect:/cases/" + caseNumber + "#contacts";
  }

}
