package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * A participant on a phone (390x844), as they would notice it: "a person is the same person until they
 * leave" (the join link opened again in a new tab, after the first is closed, after a restart), what they
 * were writing kept with its kind and anonymous tick, and the board usable on a small screen.
 */
@InBrowsers
class ParticipantInBrowsersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  static final Path SHOTS = Path.of(System.getProperty("cg.shots", "target/screenshots"));

  @Test
  @DisplayName("the join link opened again is the same person: no name asked, own posts editable, one entry")
  void samePersonUntilTheyLeave(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Carers' voices");
    String joinPath = node.url() + "/j/" + w.joinCode().replace("-", "");
    List<String> violations = new ArrayList<>();
    try (Browser p = new Browser("participant", 390, 844)) {
      p.join(joinPath, "Sam");
      p.select("compose-kind", "A question");
      p.type("compose-text", "Who do I call at night?");
      p.click("compose-submit");
      p.waitText(".board .card.mine .text", "Who do I call at night?");
      assertThat(p.id("compose-kind").getDomProperty("value")).as("the next post starts as an idea").isEqualTo("idea");

      // Half a story, anonymous: a reload keeps the words, the kind and the tick.
      p.select("compose-kind", "A story from my life");
      p.click("compose-anon");
      p.type("compose-text", "When my dad came home");
      p.driver.navigate().refresh();
      p.waitText(".phase-name", "Part 1 of 3");
      assertCompose(p, "When my dad came home", "story", true);
      violations.addAll(p.seriousViolations());

      // The join link opened in a new tab (a rescanned QR code): the same person, nothing asked.
      String first = p.driver.getWindowHandle();
      p.driver.switchTo().newWindow(WindowType.TAB);
      p.go(joinPath);
      p.waitText(".phase-name", "Part 1 of 3");
      assertThat(p.id("start").isDisplayed()).as("no join form, no name asked").isFalse();
      assertCompose(p, "When my dad came home", "story", true);
      p.waitText(".board .card.mine .text", "Who do I call at night?");
      String second = p.driver.getWindowHandle();

      // The first tab closed; then the browser restarted (this tab's own storage gone), the link opened again.
      p.driver.switchTo().window(first);
      p.driver.close();
      p.driver.switchTo().window(second);
      p.js("sessionStorage.clear()");
      p.go(joinPath);
      p.waitText(".phase-name", "Part 1 of 3");
      assertThat(p.id("start").isDisplayed()).isFalse();
      String mine = (String) p.js("return document.querySelector('.card.mine')?.dataset.id");
      p.click(By.xpath("//li[@data-id='" + mine + "']//button[text()='Edit']"));
      p.type("edit-" + mine, "Who do I call at night, or at the weekend?");
      p.clickCss("li[data-id='" + mine + "'] form.edit button[type=submit]");
      p.waitText(".board .card.mine .text", "Who do I call at night, or at the weekend?");
      violations.addAll(p.seriousViolations());
      p.screenshot(SHOTS.resolve("participant-back-as-themselves-390.png"));

      JsonArray people = node.welcome(vertx, w.facilitatorToken()).getJsonObject("state").getJsonArray("participants");
      assertThat(people.stream().map(JsonObject.class::cast).filter(x -> "participant".equals(x.getString("role")))
          .map(x -> x.getString("name")).toList()).as("the facilitator sees one Sam").containsExactly("Sam");

      // Leaving forgets them on this device, in every tab: the link asks for a name again, and a new
      // person is new.
      String other = p.driver.getWindowHandle();
      p.driver.switchTo().newWindow(WindowType.TAB);
      p.go(joinPath);
      p.waitText(".board .card.mine .text", "Who do I call at night, or at the weekend?");
      p.click("leave");
      p.answerYes("leave");
      p.waitText("h1", "Common Ground workshops");
      p.driver.close();
      p.driver.switchTo().window(other);
      p.waitText("h1", "Common Ground workshops");
      assertThat((String) p.js("return Object.keys(localStorage).concat(Object.keys(sessionStorage))"
          + ".filter(k => k !== 'cg.lang').join(' ')")).as("nothing of the workshop left on the device").isEmpty();
      p.go(joinPath);
      p.visible(By.id("join-name"));
      assertThat((String) p.js("return Object.keys(localStorage).filter(k => k.startsWith('cg.person.')).join()")).isEmpty();
      p.type("join-name", "Robin");
      p.click("join-submit");
      p.waitText(".phase-name", "Part 1 of 3");
      p.waitText(".board .card .text", "Who do I call at night, or at the weekend?");
      assertThat(p.all(".card.mine")).isEmpty();
      assertThat(p.id("compose-text").getDomProperty("value")).isEmpty();
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  @DisplayName("a place that has ended (the token no longer opens anything) falls back to the join form, saying so")
  void aDeadPlaceFallsBackToTheForm(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Ward round");
    String code = w.joinCode().replace("-", "");
    List<String> violations = new ArrayList<>();
    try (Browser p = new Browser("participant", 390, 844)) {
      p.go(node.url() + "/");
      p.js("localStorage.setItem('cg.person.' + arguments[0], JSON.stringify({token: arguments[0] + '.expired',"
          + " workshopId: arguments[0], joinCode: arguments[1], title: 'Ward round'}))", w.id(), code);
      p.go(node.url() + "/j/" + code);
      p.waitText("#join-error", "We could not take you back into this workshop");
      assertThat(p.id("join-code").getDomProperty("value")).isEqualTo(w.joinCode());
      assertThat(p.focusedId()).isEqualTo("join-name");
      assertThat((String) p.js("return Object.keys(localStorage).filter(k => k.startsWith('cg.person.')).join()")).isEmpty();
      violations.addAll(p.seriousViolations());
      p.type("join-name", "Sam");
      p.click("join-submit");
      p.waitText(".phase-name", "Part 1 of 3");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  @DisplayName("on a phone: the newest post is one tap away, a waiting post stays in view, nothing runs off at 360 px")
  void onAPhone(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Community transport");
    String joinPath = node.url() + "/j/" + w.joinCode().replace("-", "");
    List<String> violations = new ArrayList<>();
    try (Browser p = new Browser("participant", 390, 844)) {
      p.join(joinPath, "Sam");
      try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
        fac.call("theme.create", new JsonObject().put("label",
            "Getting to hospital appointments on time when you live in a village without a bus"));
        for (int i = 1; i <= 20; i++) {
          fac.call("contribution.add", new JsonObject().put("text", "Point number " + i + " about transport"));
        }
      }
      p.waitText(".board", "Point number 20 about transport");
      noOverflow(p, 390);
      // The newest is one action away: the jump takes the person (and the focus) to it.
      p.click("board-newest");
      p.waitJs("document.activeElement.closest('.card')?.textContent.includes('Point number 20')");
      inView(p, "document.activeElement.closest('.card')");
      violations.addAll(p.seriousViolations());
      p.screenshot(SHOTS.resolve("participant-board-390.png"));

      p.resize(360, 740);
      noOverflow(p, 360);

      // Offline: the post waits, marked as waiting, in view where it was written.
      node.stop();
      p.waitText("#conn-status", "Reconnecting");
      p.type("compose-text", "Taxis will not take wheelchairs");
      p.click("compose-submit");
      p.waitText("#compose-waiting", "Taxis will not take wheelchairs");
      inView(p, "document.querySelector('#compose-waiting .waiting-post')");
      violations.addAll(p.seriousViolations());
      p.screenshotViewport(SHOTS.resolve("participant-waiting-360.png"));
      node.start();
      // The phone's network comes back (the browser says so): it reconnects at once, not after its backoff.
      p.js("window.dispatchEvent(new Event('online'))");
      p.waitText(".board .card.mine .text", "Taxis will not take wheelchairs");

      // Withdrawing it asks first, in the page's own dialog, with "Keep it" (the safe choice) focused.
      p.resize(390, 844);
      String taxis = (String) p.js("return document.querySelector('.card.mine').dataset.id");
      By withdraw = By.xpath("//li[@data-id='" + taxis + "']//button[text()='Withdraw']");
      p.click(withdraw);
      p.waitJs("document.getElementById('withdraw-dialog').open");
      assertThat(p.id("withdraw-dialog-title").getText()).isEqualTo("Withdraw your post?");
      assertThat(p.id("withdraw-dialog").getText()).contains("Taxis will not take wheelchairs", "removed for everyone");
      assertThat(p.focusedId()).as("the safe choice has the focus").isEqualTo("withdraw-cancel");
      assertThat(p.id("withdraw-cancel").getText()).isEqualTo("Keep it");
      assertThat(p.id("withdraw-confirm").getText()).isEqualTo("Withdraw it");
      noOverflow(p, 390);
      violations.addAll(p.seriousViolations());
      p.screenshotViewport(SHOTS.resolve("participant-withdraw-dialog-390.png"));
      p.click("withdraw-cancel");
      p.waitJs("!document.getElementById('withdraw-dialog').open");
      assertThat(p.js("return document.activeElement.closest('li.card')?.dataset.id")).as("focus back on the card").isEqualTo(taxis);
      p.waitText(".board .card.mine .text", "Taxis will not take wheelchairs");
      p.click(withdraw);
      p.answerYes("withdraw");
      p.waitJs("!document.querySelector(\"li[data-id='" + taxis + "']\")");
      p.waitJs("document.getElementById('announce').textContent.includes('Your contribution was withdrawn.')");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  @DisplayName("on a phone: a poll sent with no answer, or an empty post, says so right there, in view beside its button")
  void pollErrorBesideItsButton(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Day centre review");
    String joinPath = node.url() + "/j/" + w.joinCode().replace("-", "");
    List<String> violations = new ArrayList<>();
    try (Browser p = new Browser("participant", 390, 844)) {
      p.join(joinPath, "Sam");
      try (WsClient fac = node.join(vertx, w.facilitatorToken())) {
        fac.call("poll.open", new JsonObject().put("question", "Should the centre open on Saturdays?")
            .put("options", new JsonArray().add("Yes").add("No").add("Not sure")));
        fac.call("poll.open", new JsonObject().put("template", "ladder"));
      }
      p.waitText(".poll-form legend", "How much are people like you involved in decisions here?");
      String ladder = "//form[contains(@class,'poll-form')][.//legend[starts-with(text(),'How much')]]";
      String saturdays = "//form[contains(@class,'poll-form')][.//legend[starts-with(text(),'Should the centre')]]";
      // Sent with nothing chosen (the button pressed where it is, scrolled to as a thumb would).
      p.click(By.xpath(ladder + "//button[@type='submit']"));
      Number scrolled = (Number) p.js("return scrollY");
      p.waitText(".poll-form .inline-error", "Please choose an answer first.");
      assertThat(p.visible(By.xpath(ladder + "//p[contains(@class,'inline-error')]")).getText())
          .as("inside the poll that was sent").isEqualTo("Please choose an answer first.");
      assertThat(p.driver.findElement(By.xpath(saturdays + "//p[contains(@class,'inline-error')]")).getText())
          .as("the other poll says nothing").isEmpty();
      assertThat(p.id("alert").getText()).as("nothing at the top of the page").isEmpty();
      String errorId = p.driver.findElement(By.xpath(ladder + "//p[contains(@class,'inline-error')]")).getDomAttribute("id");
      assertThat(p.driver.findElement(By.xpath(ladder + "//fieldset")).getDomAttribute("aria-describedby"))
          .as("the question is described by its error").isEqualTo(errorId);
      assertThat(((Number) p.js("return scrollY")).intValue()).as("nothing scrolled").isEqualTo(scrolled.intValue());
      assertThat((Boolean) p.js("const f = document.evaluate(arguments[0], document, null, 9, null).singleNodeValue;"
          + " const inView = (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; };"
          + " return inView(f.querySelector('.inline-error')) && inView(f.querySelector('button[type=submit]'));", ladder))
          .as("the message and the button on one screen").isTrue();
      violations.addAll(p.seriousViolations());
      p.screenshotViewport(SHOTS.resolve("participant-poll-error-390.png"));

      // Choosing an answer puts it right; the answer is taken.
      p.click(By.xpath(ladder + "//label[starts-with(text(),'Co-designing:')]"));
      p.waitJs("document.getElementById('" + errorId + "').textContent === ''");
      p.click(By.xpath(ladder + "//button[@type='submit']"));
      p.waitText(".poll-row.yours", "Co-designing");
      assertThat(p.id(errorId).getText()).isEmpty();

      // Post pressed with nothing written: said under the post box, the focus kept in it, both in view.
      p.click("compose-submit");
      p.waitText("#compose-error", "Please write something first.");
      assertThat(p.focusedId()).isEqualTo("compose-text");
      assertThat(p.id("compose-text").getDomAttribute("aria-describedby")).contains("compose-error");
      inView(p, "document.getElementById('compose-error')");
      assertThat(p.id("alert").getText()).isEmpty();
      violations.addAll(p.seriousViolations());
      p.screenshotViewport(SHOTS.resolve("participant-compose-error-390.png"));
      p.type("compose-text", "A Saturday club");
      p.waitJs("document.getElementById('compose-error').textContent === ''");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  private static void assertCompose(Browser p, String text, String kind, boolean anonymous) {
    p.waitJs("document.getElementById('compose-text').value === " + JsonObject.of("v", text).encode() + ".v");
    assertThat(p.id("compose-kind").getDomProperty("value")).as("the kind").isEqualTo(kind);
    assertThat(p.id("compose-anon").isSelected()).as("the anonymous tick").isEqualTo(anonymous);
  }

  private static void noOverflow(Browser p, int width) {
    assertThat(((Number) p.js("return document.documentElement.scrollWidth")).intValue())
        .as("the page is no wider than the phone").isLessThanOrEqualTo(width);
    @SuppressWarnings("unchecked")
    List<String> over = (List<String>) p.js("return [...document.querySelectorAll('body *')].filter(e => {"
        + " const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; })"
        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
    assertThat(over).as("elements running off the right edge at " + width + " px").isEmpty();
  }

  private static void inView(Browser p, String element) {
    p.waitJs("(() => { const e = " + element + "; if (!e) return false; const r = e.getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= innerHeight; })()");
  }
}
