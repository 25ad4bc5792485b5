package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Nobody is exposed", on a shared device: leaving a workshop leaves nothing of it in the browser for the next
 * person.
 */
@EnabledIf(value = "org.commonground.browser.Browser#available",
    disabledReason = "chromium and chromium-driver are not installed (.ci/run installs them)")
@ExtendWith(VertxExtension.class)
class SharedDeviceInBrowsersTest {
  /** Held: Selenium has no CDP bindings for this chromium's version and warns per browser; we use none. */
  private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
  @RegisterExtension
  static final LiveNode node = LiveNode.create();
  private static String base;

  @BeforeAll
  static void start() {
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    base = "http://127.0.0.1:" + node.port();
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
      p.go(base + joinPath);
      p.type("join-name", "Sam");
      p.click("join-submit");
      p.waitText(".phase-name", "Part 1 of 3");
      // What someone leaves behind: a post of theirs, a poll answer, an edit half done, and, with the
      // connection gone, a post not sent yet and a thought half written.
      p.type("compose-text", "Respite care is hard to find");
      p.click("compose-submit");
      p.waitText(".board .card .text", "Respite care is hard to find");
      p.click(By.xpath("//form[contains(@class,'poll-form')]//label[text()='Co-designing']"));
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
          .contains("cg.session", "cg.outbox.", "cg.mine.", "cg.answers.", "cg.draft.compose.", "cg.draft.edit.");

      p.confirmYes();
      p.click("leave");
      node.start();
      p.go(base + "/");
      p.waitText("h1", "Common Ground workshops");
      assertThat(keysOfWorkshop(p)).as("localStorage and sessionStorage after leaving").isEmpty();
      assertThat((String) p.js("return JSON.stringify({...localStorage, ...sessionStorage})"))
          .doesNotContain("Respite", "Nobody tells", "found out by chance", "Sam");
      violations.addAll(p.seriousViolations());

      // The next person on the tablet joins: nothing of Sam's is there as theirs.
      p.go(base + joinPath);
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

  /** Every storage key but the language (the device's choice, not the workshop's), one string. */
  private static String keysOfWorkshop(Browser b) {
    return (String) b.js("return [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
        + ".filter(k => k !== 'cg.lang').sort().join(' ')");
  }
}
