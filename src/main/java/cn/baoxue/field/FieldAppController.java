package cn.baoxue.field;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 保学外勤, the field app: one page ({@code static/m/index.html}) with its script, manifest,
 * icons and service worker, all under {@code /m/} so that the worker's scope is the app alone.
 */
@Controller
class FieldAppController {

  @GetMapping("/m")
  String withSlash() {
    return "redirect:/m/";
  }

  @GetMapping("/m/")
  String app() {
    return "forward:/m/index.html";
  }
}
