package cn.baoxue.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as a user works it in the Chinese browser: filters, the task list, claiming,
 * the form's fields by their Chinese labels, completing. Waits where Tasklist redraws.
 */
public final class TasklistPage {

  public static final String PATH = "/camunda/app/tasklist/default/";
  public static final By COMPLETE = By.xpath("//button[normalize-space()='办理完成']");
  public static final By CLAIM = By.xpath("//button[normalize-space()='认领']");

  private final ChineseBrowser browser;

  public TasklistPage(ChineseBrowser browser) {
    this.browser = browser;
  }

  public TasklistPage open() {
    browser.go(PATH);
    browser.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(normalize-space(.),'我的待办')]"));
    return this;
  }

  /** Opens the filter and waits for its list: the filter is marked active and the list has loaded. */
  public TasklistPage filter(String name) {
    String filterName = "//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),'" + name + "')]";
    browser.click(By.xpath("//*[contains(@class,'task-filter')]" + filterName));
    browser.waitFor(By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]" + filterName));
    settle();
    browser.waitUntilGone(By.cssSelector("[cam-tasks] > .loader"));
    return this;
  }

  /**
   * Narrows the open filter to one case by its number (the search bar's 流程实例业务标识 = case
   * number), as an official with a long list does: the list is sorted by due date, so in a county
   * with many open cases a new task is not on the first page.
   */
  public TasklistPage searchCase(String caseNumber) {
    String criterion = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
        + caseNumber + "\",\"name\":\"\"}]";
    browser.driver().executeScript("var hash = location.hash.replace(/([?&])searchQuery=[^&]*&?/, '$1');"
        + "location.hash = hash + (hash.indexOf('?') < 0 ? '?' : (/[?&]$/.test(hash) ? '' : '&'))"
        + " + 'searchQuery=' + encodeURIComponent(arguments[0]);", criterion);
    browser.waitFor(By.xpath("//*[contains(@class,'search-container') or contains(@class,'cam-widget-search')]"
        + "//*[contains(normalize-space(.),'" + caseNumber + "')]"));
    settle();
    browser.waitUntilGone(By.cssSelector("[cam-tasks] > .loader"));
    return this;
  }

  /** 启动流程 from the header (folded behind the menu button on a phone), then the process by name. */
  public TasklistPage startProcess(String processName) {
    List<WebElement> menu = browser.driver().findElements(By.cssSelector("[cam-widget-header] .navbar-toggle"));
    if (!menu.isEmpty() && menu.get(0).isDisplayed()) {
      browser.click(menu.get(0));
      settle();
    }
    browser.click(By.xpath("//a[normalize-space()='启动流程']"));
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'" + processName + "')]"));
    return this;
  }

  public static By taskInList(String studentName, String taskName) {
    return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName
        + "') and .//*[normalize-space()='" + taskName + "']]");
  }

  /** Opens the child's task from the current list and waits for its form's heading. */
  public TasklistPage openTask(String studentName, String taskName) {
    browser.click(taskInList(studentName, taskName));
    browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='" + taskName + "']"));
    return this;
  }

  public TasklistPage claim() {
    browser.click(CLAIM);
    browser.waitUntilGone(CLAIM);
    settle();
    return this;
  }

  public TasklistPage type(String label, CharSequence text) {
    WebElement field = browser.field(label);
    browser.click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    settle();
    return this;
  }

  /** A date field: typed year first as a Chinese user writes it, then left. */
  public TasklistPage date(String label, String isoDate) {
    return type(label, isoDate + Keys.TAB);
  }

  /** A radio button by its label; clicked by script where Tasklist's fixed footer covers the form's last row. */
  public TasklistPage choose(String radioLabel) {
    WebElement radio = browser.waitFor(By.xpath("//label[normalize-space(.)='" + radioLabel + "']/input"
        + " | //label[normalize-space(.)='" + radioLabel + "']/preceding-sibling::input[1]"));
    try {
      browser.click(radio);
    } catch (WebDriverException covered) {
      browser.driver().executeScript("arguments[0].click();", radio);
    }
    settle();
    assertThat(radio.isSelected()).as(radioLabel).isTrue();
    return this;
  }

  /** A form-js select: opens it by its label and picks the option shown with this text. */
  public TasklistPage select(String label, String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']"
        + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"));
    settle();
    return this;
  }

  /** Completes the open task and waits until its form has gone. */
  public TasklistPage complete() {
    browser.click(COMPLETE);
    browser.waitUntilGone(COMPLETE);
    settle();
    return this;
  }

  /** form-js debounces typed input: let it reach the form's state before the next field. */
  public static void settle() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
