package cn.baoxue.cases;

import cn.baoxue.org.Jurisdiction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The case list and case file pages, limited to the user's jurisdiction. */
@Controller
public class CaseController {

  private final CaseQueries queries;
  private final ApplicationEventPublisher events;

  CaseController(CaseQueries queries, ApplicationEventPublisher events) {
    this.queries = queries;
    this.events = events;
  }

  @GetMapping("/cases")
  String list(Authentication user, Model model) {
    model.addAttribute("cases", queries.visibleTo(jurisdictionOf(user)));
    return "cases/list";
  }

  @GetMapping("/cases/{caseNumber}")
  String show(@PathVariable String caseNumber, Authentication user, Model model) {
    CaseQueries.CaseFile file = queries
        .caseFile(caseNumber, jurisdictionOf(user))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    DropoutCase viewed = file.dropoutCase();
    events.publishEvent(new PersonalDataViewed(viewed.getStudent().getId(), viewed.getId(), user.getName(), "CASE_PAGE"));
    model.addAttribute("file", file);
    return "cases/show";
  }

  public static Jurisdiction jurisdictionOf(Authentication user) {
    return Jurisdiction.ofGroups(
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("GROUP_"))
            .map(authority -> authority.substring("GROUP_".length()))
            .toList());
  }
}
