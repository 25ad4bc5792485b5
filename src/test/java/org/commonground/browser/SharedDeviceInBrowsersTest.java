package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Nobody is exposed", on a shared screen or a shared computer: a console's or a display's token never stays in
 * the address bar, a history entry or a link on the page (anyone who sees it could take the workshop over), and
 * leaving a workshop leaves nothing of it in the browser for the next person.
 */
@InBrowsers
class SharedDeviceInBrowsersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("console and display tokens leave the address bar and the history entry at once; a reload still works")
  void tokensLeaveTheAddressBar(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Shared laptop check");
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 1280, 900); Browser d = new Browser("display", 1280, 800)) {
      // A facilitator link pasted into the address bar.
      f.go(node.url() + "/f/#" + w.facilitatorToken());
      f.waitText(".phase-name", "Part 1 of 3");
      noTokenIn(f, w.facilitatorToken(), "/f/");
      f.driver.navigate().refresh();
      f.waitText(".phase-name", "Part 1 of 3");
      noTokenIn(f, w.facilitatorToken(), "/f/");
      // The history entry holds no token either: away and back, it is /f/, and still the console.
      f.go(node.url() + "/");
      f.waitText("h1", "Common Ground workshops");
      f.driver.navigate().back();
      f.waitText(".phase-name", "Part 1 of 3");
      noTokenIn(f, w.facilitatorToken(), "/f/");
      // Another link pasted into the same tab changes only the fragment: it is taken out all the same.
      f.js("location.hash = arguments[0]", w.facilitatorToken());
      f.waitJs("location.hash === ''");
      f.waitText(".phase-name", "Part 1 of 3");
      noTokenIn(f, w.facilitatorToken(), "/f/");
      // Its own link can be copied without being shown (the console may be on a projected screen).
      f.click("tab-invite"); // the console's tools are one click away, in tabs
      f.click("own-link-copy");
      f.waitText("#own-link-status", "Link copied.");
      violations.addAll(f.seriousViolations());

      // The display, opened from the console: a new tab handed its token without any URL holding it.
      String consoleTab = f.driver.getWindowHandle();
      f.click("display-make");
      f.waitJs("document.activeElement.id === 'display-link'");
      f.click("display-open");
      String displayTab = f.waitFor(drv -> drv.getWindowHandles().stream().filter(x -> !x.equals(consoleTab)).findFirst()
          .orElse(null));
      f.driver.switchTo().window(displayTab);
      f.waitText("#d-title", "Shared laptop check");
      assertThat(f.driver.getCurrentUrl()).isEqualTo(node.url() + "/d/");
      assertThat(f.js("return Object.keys(sessionStorage).join()")).as("the display tab holds its own token only")
          .isEqualTo("cg.display");
      assertThat(f.js("return window.opener")).isNull();
      f.driver.close();
      f.driver.switchTo().window(consoleTab);
      assertThat(f.js("return Object.keys(sessionStorage).join()")).isEqualTo("cg.console");

      // The display link pasted on the room's computer.
      d.go(node.url() + "/d/#" + w.displayToken());
      d.waitText("#d-code", w.joinCode());
      noTokenIn(d, w.displayToken(), "/d/");
      d.driver.navigate().refresh();
      d.waitText("#d-code", w.joinCode());
      noTokenIn(d, w.displayToken(), "/d/");
      violations.addAll(d.seriousViolations());

      // A workshop made on the start page: its facilitator and display links are there to copy, never to follow.
      f.go(node.url() + "/");
      f.type("create-title", "Made on a shared computer");
      f.click("create-submit");
      f.waitJs("document.getElementById('link-facilitator').value.includes('/f/#')");
      String made = f.id("link-facilitator").getDomProperty("value");
      String madeToken = made.substring(made.indexOf('#') + 1);
      String madeDisplay = f.id("link-display").getDomProperty("value");
      assertThat(attributesHolding(f, madeToken)).as("links or attributes holding the facilitator token").isEmpty();
      assertThat(attributesHolding(f, madeDisplay.substring(madeDisplay.indexOf('#') + 1))).isEmpty();
      violations.addAll(f.seriousViolations());
      f.click("open-console");
      f.waitText(".ws-title", "Made on a shared computer");
      noTokenIn(f, madeToken, "/f/");
      // Back on a shared computer does not bring the links up again.
      f.driver.navigate().back();
      f.waitText("h1", "Common Ground workshops");
      f.waitJs("document.getElementById('created').hidden");
      assertThat(f.id("link-facilitator").getDomProperty("value")).isEmpty();
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  @DisplayName("leaving a workshop wipes it from the device: token, drafts, unsent posts, own posts, answers")
  void leavingLeavesNothing(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Drop-in carers' group");
    try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
      fac.call("poll.open", new JsonObject().put("template", "ladder"));
    }
    String joinPath = "/j/" + w.joinCode().replace("-", "");
    List<String> violations = new ArrayList<>();
    try (Browser p = new Browser("participant on a shared tablet", 390, 844)) {
      p.join(node.url() + joinPath, "Sam");
      // What someone leaves behind: a post of theirs, a poll answer, an edit half done, and, with the
      // connection gone, a post not sent yet and a thought half written.
      p.type("compose-text", "Respite care is hard to find");
      p.click("compose-submit");
      p.waitText(".board .card .text", "Respite care is hard to find");
      p.click(By.xpath("//form[contains(@class,'poll-form')]//label[starts-with(text(),'Co-designing:')]"));
      p.clickCss(".poll-form button[type=submit]");
      p.waitText(".poll-row.yours", "Co-designing");
      String mine = (String) p.js("return document.querySelector('.card.mine')?.dataset.id");
      p.click(By.xpath("//li[@data-id='" + mine + "']//button[text()='Edit']"));
      p.type("edit-" + mine, "Respite care is hard to find near home");
      node.stop();
      p.waitText("#conn-status", "Reconnecting");
      p.type("compose-text", "Nobody tells carers what is there");
      p.click("compose-submit");
      p.waitText("#compose-pending", "1 post is waiting to be sent");
      p.type("compose-text", "I only found out by chance");
      assertThat(keysOfWorkshop(p)).as("what the workshop keeps while in it")
          .contains("cg.session", "cg.person.", "cg.outbox.", "cg.mine.", "cg.draft.compose.", "cg.draft.edit.");

      p.click("leave");
      p.answerYes("leave");
      node.start();
      p.go(node.url() + "/");
      p.waitText("h1", "Common Ground workshops");
      assertThat(keysOfWorkshop(p)).as("localStorage and sessionStorage after leaving").isEmpty();
      assertThat((String) p.js("return JSON.stringify({...localStorage, ...sessionStorage})"))
          .doesNotContain("Respite", "Nobody tells", "found out by chance", "Sam");
      violations.addAll(p.seriousViolations());

      // The next person on the tablet joins: nothing of Sam's is there as theirs.
      p.go(node.url() + joinPath);
      p.type("join-name", "Robin");
      p.click("join-submit");
      p.waitText(".board .card .text", "Respite care is hard to find");
      assertThat(p.id("compose-text").getDomProperty("value")).isEmpty();
      assertThat(p.id("compose-pending").isDisplayed()).isFalse();
      assertThat(p.all(".card.mine")).isEmpty();
      assertThat(p.all(".poll-row.yours")).isEmpty();
      assertThat(p.texts(".board")).doesNotContain("Nobody tells carers");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  /** The address bar, the page's own idea of its URL, its title and every attribute: none holds the token. */
  private static void noTokenIn(Browser b, String token, String path) {
    assertThat(b.driver.getCurrentUrl()).as(b.name + ": the address bar").isEqualTo(node.url() + path);
    assertThat((String) b.js("return location.href")).as(b.name + ": the history entry").isEqualTo(node.url() + path);
    assertThat(b.driver.getTitle()).doesNotContain(token);
    assertThat(attributesHolding(b, token)).as(b.name + ": links or attributes holding the token").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<String> attributesHolding(Browser b, String token) {
    return (List<String>) b.js("return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        + ".filter(a => a.value.includes(arguments[0])).map(a => e.tagName + ' ' + a.name))", token);
  }

  /** Every storage key but the language (the device's choice, not the workshop's), one string. */
  private static String keysOfWorkshop(Browser b) {
    return (String) b.js("return [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
        + ".filter(k => k !== 'cg.lang').sort().join(' ')");
  }
}
