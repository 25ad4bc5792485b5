package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The facilitator's console beside a participant's phone, for what a facilitator does one thing at a
 * time: suggestions accepted one after another, a post parked from its card, the floor given to a chosen
 * person. Every state reached is checked by axe.
 */
@InBrowsers
class ConsoleInBrowsersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  void aFacilitatorWorksThroughTheRoom() {
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 760, 900);
         Browser a = new Browser("participant Sam", 390, 844);
         Browser b = new Browser("participant Priya", 390, 844)) {
      f.go(node.url() + "/");
      // No title yet: said under the title box, which keeps the focus; typing one puts it right.
      f.click("create-submit");
      f.waitText("#create-title-error", "Please give the workshop a title.");
      assertThat(f.focusedId()).isEqualTo("create-title");
      assertThat(f.id("create-title").getDomAttribute("aria-describedby")).isEqualTo("create-title-error");
      assertThat(f.id("alert").getText()).isEmpty();
      f.type("create-title", "Getting home from hospital");
      f.waitJs("document.getElementById('create-title-error').textContent === ''");
      f.select("create-template", "Co-production workshop in three parts");
      f.click("create-submit");
      f.waitJs("document.getElementById('link-facilitator').value.includes('#')");
      String facilitatorLink = f.id("link-facilitator").getDomProperty("value");
      String code = f.id("created-code").getText();
      f.go(facilitatorLink);
      f.waitText("#agenda-heading", "Agenda");

      a.join(node.url() + "/j/" + code.replace("-", ""), "Sam");
      // Focus lands on the workshop's title, not the page body, so a screen reader says where they are.
      a.waitJs("document.activeElement.id === 'ws-title'");
      b.join(node.url() + "/j/" + code.replace("-", ""), "Priya");
      // Before the start only "Start" is offered: no "Next part" to puzzle over.
      f.waitJs("document.getElementById('phase-next').hidden && document.getElementById('phase-prev').hidden");
      assertThat(f.id("phase-start").isDisplayed()).isTrue();
      violations.addAll(f.seriousViolations());
      f.click("phase-start");
      a.waitText(".phase-status", "In progress");

      // Suggestions, accepted one after another with the button beside each.
      for (String text : new String[] {"transport home is late", "transport costs too much",
          "medicines are missing", "medicines run out", "letters never arrive", "letters are unclear"}) {
        post(a, text);
      }
      f.waitText("#loose-list", "letters are unclear");
      f.click("tab-themes"); // the console's tools are one click away, in tabs
      f.click("suggest-btn");
      f.waitText(".suggestion-label", "transport");
      f.waitText(".suggestion-label", "letters");
      acceptSuggestion(f, "medicines");
      f.waitText(".theme-label", "medicines");
      acceptSuggestion(f, "letters");
      f.waitText(".theme-label", "letters");
      acceptSuggestion(f, "transport");
      f.waitText(".theme-label", "transport");
      assertThat(f.all(".suggestion")).isEmpty();
      assertThat(f.texts(".theme-label")).contains("medicines", "letters", "transport");
      assertThat(f.id("suggest-error").getText()).isEmpty();
      a.waitText(".theme", "medicines run out");
      violations.addAll(f.seriousViolations());

      // Park from the card: it leaves its theme for the parking lot, where its status is set in place.
      String parked = cardId(f, "letters are unclear");
      f.click(By.xpath("//li[@data-id='" + parked + "']//button[text()='Park for later']"));
      f.waitText(".parking .card", "letters are unclear");
      f.waitJs("document.activeElement.id === 'park-" + parked + "'");
      a.waitText(".parking .card", "letters are unclear");
      a.waitJs("![...document.querySelectorAll('.theme .card .text')].some(e => e.textContent === 'letters are unclear')");
      assertThat(f.texts(".theme")).doesNotContain("letters are unclear");
      f.select("park-" + parked, "Handed on");
      f.type("owner-" + parked, "Patient transport lead");
      f.clickCss("li[data-id='" + parked + "'] .parking-form button[type=submit]");
      a.waitText(".parking .card", "Owner: Patient transport lead");
      violations.addAll(f.seriousViolations());

      // Hands: the floor to a chosen person (not only the first), and a hand lowered for someone.
      a.click("hand-btn");
      f.waitText(".hands", "Sam");
      b.click("hand-btn");
      f.waitText(".hands", "Priya");
      violations.addAll(f.seriousViolations());
      f.click(By.cssSelector("button[aria-label='Give the floor to Priya']"));
      b.waitText(".floor", "It is your turn to speak.");
      a.waitText(".floor", "Priya has the floor.");
      f.waitJs("!document.querySelector(\".hands\").textContent.includes('Priya')");
      f.click(By.cssSelector("button[aria-label='Lower Sam’s hand']"));
      a.waitText("#hand-btn", "Raise my hand");
      f.waitText("#hands-heading", "Hands raised (0)");
      f.waitJs("document.activeElement.id === 'hands-heading'");

      // End spotlight, at the top of the console, whatever was spotlit.
      f.click(By.xpath("//li[contains(@class,'theme')][h3[text()='transport']]//button[text()='Spotlight']"));
      a.waitText(".spotlight-box", "transport");
      f.waitJs("!document.getElementById('end-spotlight').closest('[hidden]')");
      violations.addAll(f.seriousViolations());
      f.click("end-spotlight");
      a.waitJs("document.querySelector('.spotlight-box').hidden");
      f.waitJs("document.getElementById('end-spotlight').closest('[hidden]')");

      // Back asks first, saying the part carries on with the time it had left.
      f.click("phase-next");
      a.waitText(".phase-name", "Part 2 of 3");
      f.click("phase-prev");
      f.waitJs("document.getElementById('back-dialog').open");
      assertThat(f.id("back-dialog-title").getText()).isEqualTo(
          "Go back to “" + f.js("return document.querySelector('.agenda-list li .agenda-title').textContent") + "”?");
      assertThat(f.id("back-dialog").getText()).contains("It will carry on with the time it had left");
      assertThat(f.focusedId()).as("the safe choice has the focus").isEqualTo("back-cancel");
      violations.addAll(f.seriousViolations());
      f.press(Keys.ENTER); // a stray Enter keeps things as they are
      f.waitJs("!document.getElementById('back-dialog').open");
      assertThat(f.focusedId()).isEqualTo("phase-prev");
      // Said no: nothing went. Commands from one socket are applied in order, so once the pause sent after
      // it has reached the participant, a Back that had gone would have too.
      f.click("timer-pause");
      a.waitText(".phase-status", "Paused");
      assertThat(a.id("phase-name").getText()).contains("Part 2 of 3");
      f.click("timer-pause");
      a.waitJs("!document.querySelector('.phase-status').textContent.includes('Paused')");
      f.click("phase-prev");
      f.answerYes("back");
      a.waitText(".phase-name", "Part 1 of 3");

      // Theme editing follows the console's setting: participants rename and delete only when everyone may.
      f.click("phase-next");
      a.waitText(".phase-name", "Part 2 of 3");
      String transport = "//li[contains(@class,'theme')][h3[text()='transport']]";
      a.waitText(".theme-label", "transport");
      assertThat(a.driver.findElement(By.xpath(transport + "//button[text()='Rename']")).isDisplayed()).isFalse();
      assertThat(a.driver.findElement(By.xpath(transport + "//button[text()='Delete theme']")).isDisplayed()).isFalse();
      f.click("tab-themes");
      f.click("theme-editing-everyone");
      a.click(By.xpath(transport + "//button[text()='Rename']"));
      a.js("document.activeElement.value = ''");
      a.press("getting home");
      a.press(org.openqa.selenium.Keys.ENTER);
      f.waitText(".theme-label", "getting home");
      violations.addAll(f.seriousViolations());
      // Deleting it asks first, on the phone too: Escape keeps it; "Delete the theme" deletes it for everyone.
      String gettingHome = "//li[contains(@class,'theme')][h3[text()='getting home']]//button[text()='Delete theme']";
      a.click(By.xpath(gettingHome));
      a.waitJs("document.getElementById('theme-delete-dialog').open");
      assertThat(a.id("theme-delete-dialog-title").getText()).isEqualTo("Delete the theme “getting home”?");
      assertThat(a.focusedId()).isEqualTo("theme-delete-cancel");
      violations.addAll(a.seriousViolations());
      a.press(Keys.ESCAPE);
      a.waitJs("!document.getElementById('theme-delete-dialog').open");
      assertThat(a.js("return document.activeElement.textContent")).isEqualTo("Delete theme");
      a.click(By.xpath(gettingHome));
      a.answerYes("theme-delete");
      f.waitJs("![...document.querySelectorAll('.theme-label')].some(h => h.textContent === 'getting home')");
      f.waitText("#loose-list", "transport home is late"); // its posts stay, without a theme
      f.click("theme-editing-facilitators");
      a.waitJs("![...document.querySelectorAll('.theme .actions button')].some(b => b.textContent === 'Rename' && b.offsetParent)");

      // A phone: long theme names wrap, nothing runs off the right edge at 360px.
      a.type("new-theme", "Transport home from hospital for people who live alone in the countryside with no car");
      a.clickCss(".new-theme button[type=submit]");
      a.waitText(".theme-label", "with no car");
      a.type("new-theme", "Carersandfamilieswhoneverhearbackfromthedischargeteamaboutanything");
      a.clickCss(".new-theme button[type=submit]");
      a.waitText(".theme-label", "Carersandfamilies");
      f.waitText(".theme-label", "Carersandfamilies");
      for (Browser who : new Browser[] {a, f}) {
        who.resize(360, 740);
        who.waitJs("document.readyState === 'complete'");
        // Against 360 itself: a phone's browser widens its layout viewport to fit content that is too wide.
        assertThat(who.js("return Math.max(document.documentElement.scrollWidth, window.innerWidth)"))
            .as(who.name + " scrolls sideways at 360px").isEqualTo(360L);
        violations.addAll(who.seriousViolations());
      }
      a.resize(390, 844);
      f.resize(760, 900);

      // The board narrowed: only questions, then one theme, then everything again.
      a.select("compose-kind", "A question");
      post(a, "Who books the transport?");
      a.select("board-filter", "Only questions");
      a.waitJs("[...document.querySelectorAll('.board .card')].filter(c => c.offsetParent).length === 1");
      a.waitText("#board-filter-count", "Showing 1 of");
      a.select("board-filter", "medicines");
      a.waitJs("[...document.querySelectorAll('.board .card')].filter(c => c.offsetParent).length === 2");
      violations.addAll(a.seriousViolations());
      a.select("board-filter", "All posts");
      a.waitJs("[...document.querySelectorAll('.board .card')].filter(c => c.offsetParent).length > 5");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  void wordsANewcomerCanFollow() {
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 1280, 900);
         Browser a = new Browser("participant Sam", 390, 844)) {
      String[] links = create(f, "Carers' evenings");
      f.go(links[0]);
      f.waitText("#agenda-heading", "Agenda");
      a.join(node.url() + "/j/" + links[1].replace("-", ""), "Sam");

      // The part's prompt says what to write, right above the box (and is how the box is described).
      a.waitText("#compose-prompt", "What matters most to you about today's subject?");
      assertThat(a.id("compose-text").getAttribute("aria-describedby")).contains("compose-prompt");
      f.click("phase-start");
      a.waitText(".phase-status", "In progress");

      // A story, anonymous, half written: a reload brings back the words, the kind and the tick.
      a.select("compose-kind", "A story from my life");
      a.click("compose-anon");
      a.type("compose-text", "My mum waited six hours for transport home");
      a.driver.navigate().refresh();
      a.waitText(".phase-name", "Part 1 of 3");
      a.waitJs("document.getElementById('compose-kind').value === 'story'");
      assertThat(a.id("compose-anon").isSelected()).isTrue();
      assertThat(a.id("compose-text").getAttribute("value")).isEqualTo("My mum waited six hours for transport home");
      a.click("compose-submit");
      f.waitText("#loose-list .card", "My mum waited six hours");
      assertThat(f.waitText("#loose-list .card", "My mum waited")).contains("Story").contains("Anonymous");
      // The next post starts as an idea again; the anonymous tick stays as Sam set it.
      a.waitJs("document.getElementById('compose-kind').value === 'idea'");
      assertThat(a.id("compose-anon").isSelected()).isTrue();
      violations.addAll(a.seriousViolations());

      // Reactions are toggle buttons: pressed, shown, and still pressed after a reload.
      String story = cardId(a, "My mum waited six hours for transport home");
      By agree = By.xpath("//li[@data-id='" + story + "']//div[contains(@class,'reactions')]//button[contains(.,'Agree')]");
      assertThat(a.driver.findElement(agree).getAttribute("aria-pressed")).isEqualTo("false");
      a.click(agree);
      a.waitJs("document.evaluate(\"//li[@data-id='" + story + "']//div[contains(@class,'reactions')]//button[contains(.,'Agree')]\","
          + " document, null, 9, null).singleNodeValue.getAttribute('aria-pressed') === 'true'");
      a.waitJs("document.getElementById('announce').textContent.includes('You reacted: Agree.')");
      violations.addAll(a.seriousViolations());
      a.driver.navigate().refresh();
      a.waitText(".phase-name", "Part 1 of 3");
      a.waitJs("document.evaluate(\"//li[@data-id='" + story + "']//div[contains(@class,'reactions')]//button[contains(.,'Agree')]\","
          + " document, null, 9, null).singleNodeValue.getAttribute('aria-pressed') === 'true'");

      // Welsh words are marked as Welsh, so a screen reader reads them in a Welsh voice.
      a.click("compose-anon");
      post(a, "Dydy'r gofalwyr ddim yn cael digon o help gyda'r nos");
      String welsh = cardId(f, "Dydy'r gofalwyr ddim yn cael digon o help gyda'r nos");
      f.waitJs("document.getElementById('ct-" + welsh + "')?.lang === 'cy'");
      a.waitJs("document.getElementById('ct-" + welsh + "')?.lang === 'cy'");
      assertThat(a.js("return document.getElementById('ct-" + story + "').getAttribute('lang')")).isEqualTo("en");

      // The network goes: "Offline" at once, and a post written now stays in view, marked as waiting.
      a.js("window.dispatchEvent(new Event('offline'))");
      a.waitText("#conn-status", "Offline");
      a.type("compose-text", "Posted on the bus with no signal");
      a.click("compose-submit");
      a.waitText("#compose-waiting", "Waiting to be sent");
      a.waitText("#compose-waiting", "Posted on the bus with no signal");
      violations.addAll(a.seriousViolations());
      a.screenshot(WorkshopInBrowsersTest.SHOTS.resolve("participant-waiting-phone.png"));
      assertThat(f.texts(".board")).doesNotContain("Posted on the bus");
      a.js("window.dispatchEvent(new Event('online'))");
      a.waitText("#conn-status", "Online");
      f.waitText(".board", "Posted on the bus with no signal");
      a.waitJs("document.getElementById('compose-waiting').hidden");
      a.waitText(".board", "Posted on the bus with no signal");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  @Test
  void aWelshOrganiserGetsAWelshAgenda() {
    try (Browser f = new Browser("facilitator", 760, 720)) {
      f.go(node.url() + "/");
      f.select("lang", "Cymraeg");
      String[] links = create(f, "Gofal yn y cartref");
      f.go(links[0]);
      f.waitText(".phase-name", "Rhan 1 o 3: Dechrau arni");
      f.waitText(".agenda-list", "Rhannu syniadau");
      f.waitText(".agenda-list", "Beth sydd bwysicaf i chi am bwnc heddiw?");
      assertThat(f.seriousViolations()).as("axe").isEmpty();
    }
  }

  /** Creates a workshop from the start page with the three-part template: {console link, join code}. */
  private static String[] create(Browser f, String title) {
    if (!f.driver.getCurrentUrl().startsWith(node.url())) f.go(node.url() + "/");
    f.type("create-title", title);
    f.driver.findElement(By.cssSelector("#create-template option[value='icic-3-phase']")).click();
    f.click("create-submit");
    f.waitJs("document.getElementById('link-facilitator').value.includes('#')");
    return new String[] {f.id("link-facilitator").getDomProperty("value"), f.id("created-code").getText()};
  }

  private static void acceptSuggestion(Browser who, String label) {
    who.click(By.xpath("//li[contains(@class,'suggestion')][p[text()='" + label + "']]//button"));
    who.waitJs("![...document.querySelectorAll('.suggestion-label')].some(p => p.textContent === '" + label + "')");
  }

  private static void post(Browser who, String text) {
    who.type("compose-text", text);
    who.click("compose-submit");
    who.waitText(".board .card .text", text);
    who.waitJs("document.getElementById('compose-text').value === ''");
  }

  static String cardId(Browser who, String text) {
    return (String) who.js("return [...document.querySelectorAll('.card')]"
        + ".find(c => c.querySelector('.text').textContent === arguments[0])?.dataset.id", text);
  }
}
