package cn.baoxue.children;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The page 疑似重复的儿童记录: the county's pairs, and for the county bureau a merge on each. */
@Controller
class DuplicateChildrenController {

  private final DuplicateChildren duplicates;
  private final ChildMerges merges;

  DuplicateChildrenController(DuplicateChildren duplicates, ChildMerges merges) {
    this.duplicates = duplicates;
    this.merges = merges;
  }

  @GetMapping("/children/duplicates")
  String page(Staff staff, Model model) {
    model.addAttribute("listing", duplicates.of(staff));
    model.addAttribute("maxPairs", DuplicateChildren.MAX_PAIRS);
    return "children/duplicates";
  }

  /**
   * The page's form: the pair's two records and the one chosen to keep; the other is merged. Then
   * the same command as the API, field for field.
   */
  @PostMapping("/children/merges")
  String merge(@RequestParam(required = false) String keptChildId, @RequestParam(required = false) List<String> pair,
      @RequestParam(required = false) String reason, Staff staff, RedirectAttributes redirect) {
    String mergedChildId = pair == null || pair.size() != 2 || !pair.contains(keptChildId) ? null
        : pair.get(0).equals(keptChildId) ? pair.get(1) : pair.get(0);
    Map<String, Object> command = new LinkedHashMap<>();
    command.put(MergeChildren.KEPT, keptChildId);
    command.put(MergeChildren.MERGED, mergedChildId);
    command.put(MergeChildren.REASON, reason);
    try {
      redirect.addFlashAttribute("notice", merges.merge(MergeChildren.from(command), staff).message());
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    }
    return "redirect:/children/duplicates";
  }
}
