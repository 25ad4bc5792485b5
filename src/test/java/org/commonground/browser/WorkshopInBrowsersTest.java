package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A short workshop run by real people in real browsers: a facilitator on a laptop, two participants on
 * phones and the room's display. They join, post, change phase, group, vote, answer a poll; a co-facilitator
 * is invited from the console and merges two themes; one participant drops off and comes back with nothing
 * lost, and is then removed; the workshop ends. Along the way every view (and each dialog) is checked by axe
 * and photographed at phone and desktop width (see {@link #SHOTS}).
 */
@InBrowsers
class WorkshopInBrowsersTest {
  /**
   * Under target/ by default, so a test run leaves the work tree clean; the committed pictures are refreshed
   * with {@code mvn verify -Dcg.screenshots=docs/screenshots}.
   */
  static final Path SHOTS = Path.of(System.getProperty("cg.screenshots", "target/screenshots"));
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  void aShortWorkshopEndToEnd() {
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 1280, 900);
         Browser a = new Browser("participant Sam", 390, 844);
         Browser b = new Browser("participant Priya", 390, 844);
         Browser d = new Browser("display", 1280, 800)) {

      // The organiser creates the workshop from the home page, with a template.
      f.go(node.url() + "/");
      f.waitText("h1", "Common Ground workshops");
      views(f, "home", violations);
      f.type("create-title", "Better hospital discharge");
      f.select("create-template", "Co-production workshop in three parts");
      f.click("create-submit");
      // The facilitator's and display's links are there to copy (SharedDeviceInBrowsersTest: never to follow).
      f.waitJs("document.getElementById('link-facilitator').value.includes('#')");
      String facilitatorLink = f.id("link-facilitator").getDomProperty("value");
      String displayLink = f.id("link-display").getDomProperty("value");
      String code = f.id("created-code").getText();
      assertThat(code).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");

      f.go(facilitatorLink);
      f.waitText("#agenda-heading", "Agenda");
      f.waitText(".phase-name", "Part 1 of 3");
      // The display link, shown once at creation, is still there in the console (kept by this browser).
      f.waitJs("document.getElementById('display-link').value === '" + displayLink + "'");
      f.click("tab-invite"); // the console's tools are one click away, in tabs
      assertThat(f.id("display-open").isDisplayed()).isTrue();
      assertThat(f.id("display-unknown").isDisplayed()).isFalse();
      f.click("display-link-copy");
      f.waitText("#display-link-status", "Link copied.");
      f.waitJs("document.getElementById('invite-link').value.endsWith('/j/" + code.replace("-", "") + "')");
      d.go(displayLink);
      d.waitText("#d-code", code);
      d.waitJs("document.getElementById('d-qr').complete && document.getElementById('d-qr').naturalWidth > 0");

      // Two participants join: one by the /j/ link, one by typing the code.
      a.go(node.url() + "/j/" + code.replace("-", ""));
      a.type("join-name", "Sam");
      a.select("join-group", "Carers and family");
      a.click("join-submit");
      a.waitText(".phase-name", "Part 1 of 3");
      b.go(node.url() + "/");
      b.type("join-code", code.toLowerCase());
      b.type("join-name", "Priya");
      b.select("join-group", "Professionals");
      b.click("join-submit");
      b.waitText(".phase-name", "Part 1 of 3");
      f.waitText("#room", "2 of 2 participants online");

      // The facilitator starts; everyone sees the phase and its countdown.
      f.click("phase-start");
      a.waitText(".phase-status", "In progress");
      a.waitText(".countdown", "left");
      b.waitText(".phase-status", "In progress");
      d.waitText(".d-countdown", "left");

      post(a, "Discharge letters arrive weeks late");
      post(a, "Discharge dates change without warning");
      b.click("compose-anon");
      post(b, "Carers are not asked before the date is set");
      f.waitText("#loose-list .card", "Carers are not asked");
      assertThat(f.waitText("#loose-list .card", "Carers are not asked")).contains("Anonymous").doesNotContain("Priya");
      a.waitText("#loose-list", "Carers are not asked");
      d.waitText("#d-recent", "Discharge dates change");
      assertThat(d.texts("#d-recent")).doesNotContain("Sam");

      // A phase change in the middle of typing loses nothing.
      a.type("compose-text", "Half a thought about transport");
      f.click("phase-next");
      a.waitText(".phase-name", "Part 2 of 3");
      d.waitText("#d-phase", "Part 2 of 3");
      assertThat(a.id("compose-text").getAttribute("value")).isEqualTo("Half a thought about transport");

      // Grouping: Sam makes a theme and files Priya's note with the card's theme menu (keyboard).
      a.type("new-theme", "Carers' voice");
      a.clickCss(".new-theme button[type=submit]");
      a.waitText(".theme-label", "Carers' voice");
      String carersNote = cardId(a, "Carers are not asked before the date is set");
      a.select("theme-" + carersNote, "Carers' voice");
      f.waitText(".theme", "Carers are not asked");
      // The facilitator asks for suggestions (the test engine groups by first word) and accepts one.
      f.click("tab-themes");
      f.click("suggest-btn");
      f.waitText(".suggestion-label", "discharge");
      f.click(By.xpath("//li[contains(@class,'suggestion')][p[text()='discharge']]//button"));
      f.waitText(".theme-label", "discharge");
      a.waitText(".theme", "Discharge letters arrive weeks late");
      d.waitText(".d-theme-label", "discharge");

      // Voting in the last part: votes left are shown and counted down.
      f.click("phase-next");
      a.waitText(".phase-name", "Part 3 of 3");
      a.waitText("#votes-left", "5 votes left");
      // The room's screen draws a vote without redrawing the rest: the same cards and theme rows stay.
      d.js("window.keptRows = [...document.querySelectorAll('#d-recent li, .d-theme')]");
      a.click(By.xpath("//li[contains(@class,'theme')][h3[text()='discharge']]//button[text()='Vote']"));
      a.waitText("#votes-left", "4 votes left");
      d.waitText(".d-theme", "1 vote");
      assertThat(d.js("return window.keptRows.length > 3 && window.keptRows.every((e) => e.isConnected)")).isEqualTo(true);

      // The ladder poll, one click away; Sam answers; the display draws it.
      f.click("tab-polls");
      // A poll of their own with only one answer: said in the form, the answers box to fix focused.
      f.type("poll-question", "Which first?");
      f.type("poll-options", "Transport");
      f.clickCss("form.poll-new button[type=submit]");
      f.waitText("#poll-new-error", "A poll needs a question and 2 to 10 answers.");
      assertThat(f.focusedId()).isEqualTo("poll-options");
      assertThat(f.id("poll-options").getDomAttribute("aria-invalid")).isEqualTo("true");
      assertThat(f.id("alert").getText()).isEmpty();
      f.screenshotElement("form.poll-new", SHOTS.resolve("facilitator-poll-form-error.png"));
      f.js("document.getElementById('poll-question').value = ''; document.getElementById('poll-options').value = ''");
      f.click("ladder-btn");
      a.waitText(".poll-form legend", "How much are people like you involved in decisions here?");
      d.waitText(".d-poll .poll-count", "0 (0%)");
      d.js("window.keptRows = [...document.querySelectorAll('.d-poll .poll-row')]");
      a.click(By.xpath("//form[contains(@class,'poll-form')]//label[starts-with(text(),'Co-designing:')]"));
      a.clickCss(".poll-form button[type=submit]");
      d.waitText(".poll-count", "1 (100%)");
      assertThat(d.js("return window.keptRows.length > 3 && window.keptRows.every((e) => e.isConnected)")).isEqualTo(true);
      a.waitText(".poll-row.yours", "Co-designing");
      a.click("hand-btn");
      f.waitText(".hands", "Sam");

      // Spotlight, hide and the parking lot.
      f.click(By.xpath("//li[contains(@class,'theme')][h3[text()='discharge']]//button[text()='Spotlight']"));
      d.waitText(".d-spotlight", "discharge");
      d.screenshotElement(".d-main", SHOTS.resolve("display-spotlight.png"));
      a.waitText(".spotlight-box", "discharge");
      String hidden = cardId(f, "Carers are not asked before the date is set");
      f.click(By.xpath("//li[@data-id='" + hidden + "']//button[text()='Hide']"));
      a.waitJs("!document.querySelector(\"li.card[data-id='" + hidden + "']\")");
      f.click(By.xpath("//li[@data-id='" + hidden + "']//button[text()='Show again']"));
      a.waitText(".theme", "Carers are not asked");
      a.select("compose-kind", "Something to come back to later (parking lot)");
      post(a, "Transport home for people without family");
      String parked = cardId(f, "Transport home for people without family");
      f.click("tab-parking");
      f.select("park-" + parked, "Handed on");
      f.type("owner-" + parked, "Patient transport lead");
      f.clickCss("li[data-id='" + parked + "'] .parking-form button[type=submit]");
      a.waitText(".parking .card", "Owner: Patient transport lead");
      a.waitText(".parking .card", "Handed on");

      // Sam edits a post of theirs.
      String mine = cardId(a, "Discharge dates change without warning");
      a.click(By.xpath("//li[@data-id='" + mine + "']//button[text()='Edit']"));
      a.type("edit-" + mine, "Discharge dates change with no warning at all");
      a.clickCss("li[data-id='" + mine + "'] form.edit button[type=submit]");
      f.waitText(".theme", "Discharge dates change with no warning at all");

      // A co-facilitator is invited from the console: the link is shown once, focused, and can be copied.
      f.click("tab-invite");
      f.click("cofac-create");
      f.waitText("#cofac-error", "Please give the co-facilitator’s name.");
      assertThat(f.focusedId()).isEqualTo("cofac-name");
      f.type("cofac-name", "Alex");
      f.waitJs("document.getElementById('cofac-error').textContent === ''");
      f.click("cofac-create");
      f.waitJs("(document.getElementById('cofac-link-1') || {}).value?.includes('/f/#')");
      String cofacLink = f.id("cofac-link-1").getAttribute("value");
      assertThat(f.focusedId()).isEqualTo("cofac-link-1");
      f.click("cofac-link-1-copy");
      f.waitText("#cofac-link-1-status", "Link copied.");
      f.click("tab-people");
      f.waitText(".people", "Alex");
      f.click("tab-invite");
      // Tall enough for the Invite tool's pane to hold it whole (the console's panes scroll by themselves).
      f.resize(1280, 2400);
      f.screenshotElement("#cofac", SHOTS.resolve("facilitator-cofacilitator.png"));
      f.screenshotElement("#invite", SHOTS.resolve("facilitator-invite.png"));
      f.resize(1280, 900);

      // Alex opens it on their own laptop (where the display link is not kept) and merges two themes.
      try (Browser c = new Browser("co-facilitator Alex", 1280, 900)) {
        c.go(cofacLink);
        c.waitText("#agenda-heading", "Agenda");
        c.click("tab-invite");
        c.waitText("#display-unknown", "kept only in the browser that created the workshop");
        // The server makes Alex a new display link; it is shown, focused, and kept in this browser.
        c.click("display-make");
        c.waitJs("document.activeElement.id === 'display-link'");
        assertThat(c.id("display-link").getAttribute("value")).contains("/d/#");
        assertThat(c.id("display-unknown").isDisplayed()).isFalse();
        c.click("tab-people");
        c.waitText(".people", "Alex (you)");
        c.select("lang", "Cymraeg");
        c.waitText("#merge-open", "Cyfuno themâu…");
        c.waitText("#people-heading", "Pobl (4)");
        c.click("tab-invite");
        c.waitText("#cofac-heading", "Cyd-hwyluswyr");
        c.select("lang", "English");
        c.waitText("#merge-open", "Merge themes…");
        String discharge = themeId(c, "discharge");
        String carers = themeId(c, "Carers' voice");
        // Escape backs out, and focus goes back to the button that opened the dialog.
        c.click("merge-open");
        c.waitJs("document.getElementById('merge-dialog').open");
        assertThat(c.focusedId()).isEqualTo("merge-" + carers);
        c.press(Keys.ESCAPE);
        c.waitJs("!document.getElementById('merge-dialog').open");
        c.waitJs("document.activeElement.id === 'merge-open'");
        c.press(Keys.ENTER);
        c.waitJs("document.getElementById('merge-dialog').open");
        c.click("merge-" + discharge);
        c.click("merge-submit");
        c.waitText("#merge-dialog-error", "Choose at least two themes");
        c.click("merge-" + carers);
        assertThat(c.id("merge-label").getAttribute("value")).as("named after the first chosen").isEqualTo("Carers' voice");
        violations.addAll(c.seriousViolations());
        c.screenshotViewport(SHOTS.resolve("facilitator-merge-dialog.png"));
        c.type("merge-label", "Discharge and carers");
        c.click("merge-submit");
        c.waitJs("!document.getElementById('merge-dialog').open");
        c.waitJs("document.activeElement.classList.contains('theme-label')"
            + " && document.activeElement.textContent === 'Discharge and carers'");

        // Alex was only needed for that: the facilitator removes them, and their console says so calmly.
        f.click("tab-people");
        f.click(By.cssSelector(".person[data-id='" + personId(f, "Alex") + "'] button"));
        f.waitText("#remove-dialog", "Alex is a facilitator: they lose all facilitator powers.");
        f.click("remove-confirm");
        c.waitText("#removed-heading", "You have been removed from this workshop");
        c.waitJs("document.activeElement.id === 'removed-heading'");
        assertThat(c.id("alert").getText()).isEmpty();
        f.waitJs("!document.getElementById('remove-dialog').open");
        f.waitJs("!document.getElementById('cofac-link-1')"); // their link opens nothing any more
      }
      a.waitText(".theme-label", "Discharge and carers");
      f.waitText(".theme-label", "Discharge and carers");
      d.waitText(".d-theme-label", "Discharge and carers");
      a.waitText(".theme", "Carers are not asked before the date is set");
      a.waitText("#votes-left", "5 votes left"); // the vote on "discharge" went back to Sam
      assertThat(a.texts(".theme-label")).doesNotContain("discharge", "Carers' voice");

      // Every view, checked and photographed in the middle of the workshop.
      views(a, "participant", violations);
      views(f, "facilitator", violations);
      views(d, "display", violations);
      f.click("tab-agenda");
      shots(a, "participant", new int[][] {{390, 844}}, violations);
      shots(f, "facilitator", new int[][] {{1280, 720}, {760, 720}}, violations);

      // Priya drops off (the server goes away), posts and keeps typing; nothing is lost.
      node.stop();
      b.waitText("#conn-status", "Reconnecting");
      b.type("compose-text", "The ward was too busy to explain");
      b.click("compose-submit");
      b.waitText("#compose-pending", "1 post is waiting to be sent");
      b.type("compose-text", "I was never given a number to call");
      assertThat((String) b.js("return Object.keys(localStorage).filter(k => k.startsWith('cg.outbox.'))"
          + ".map(k => localStorage.getItem(k)).join()")).contains("The ward was too busy to explain");
      node.start();
      b.waitText("#conn-status", "Online");
      f.waitText(".board", "The ward was too busy to explain");
      a.waitText(".board", "The ward was too busy to explain");
      b.waitJs("document.getElementById('compose-pending').hidden");
      assertThat(f.all(".card .text").stream().filter(e -> e.getText().equals("The ward was too busy to explain")))
          .as("resent with its ref, applied once").hasSize(1);
      assertThat(b.id("compose-text").getAttribute("value")).isEqualTo("I was never given a number to call");
      b.driver.navigate().refresh();
      b.waitText(".phase-name", "Part 3 of 3");
      assertThat(b.id("compose-text").getAttribute("value")).isEqualTo("I was never given a number to call");

      // The facilitator removes Priya: a confirmation first (Escape backs out, Cancel has the focus).
      String priya = personId(f, "Priya");
      By removePriya = By.cssSelector(".person[data-id='" + priya + "'] button");
      f.click("tab-people");
      f.click(removePriya);
      f.waitJs("document.getElementById('remove-dialog').open");
      f.waitText("#remove-dialog-title", "Remove Priya from the workshop?");
      assertThat(f.focusedId()).isEqualTo("remove-cancel");
      f.press(Keys.ESCAPE);
      f.waitJs("!document.getElementById('remove-dialog').open");
      f.waitJs("document.activeElement.closest('.person')?.dataset.id === '" + priya + "'");
      f.click(removePriya);
      f.waitJs("document.getElementById('remove-dialog').open");
      f.waitText("#remove-dialog", "This cannot be undone.");
      violations.addAll(f.seriousViolations());
      f.screenshotViewport(SHOTS.resolve("facilitator-remove-dialog.png"));
      f.click("remove-confirm");
      // Priya is told, calmly, in place of the workshop (no error box), with focus on the message.
      b.waitText("#removed-heading", "You have been removed from this workshop");
      b.waitJs("document.activeElement.id === 'removed-heading'");
      assertThat(b.id("alert").getText()).isEmpty();
      assertThat(b.driver.getTitle()).startsWith("You have been removed from this workshop");
      b.screenshot(SHOTS.resolve("participant-removed-phone.png"));
      violations.addAll(b.seriousViolations());
      b.select("lang", "Cymraeg");
      b.waitText("#removed-heading", "Rydych chi wedi cael eich tynnu o’r gweithdy hwn");
      b.select("lang", "English");
      f.waitJs("!document.querySelector(\".person[data-id='" + priya + "']\")");
      f.waitJs("document.activeElement.id === 'people-heading'");
      f.waitText("#room", "1 of 1 participants online");
      a.waitText(".board", "The ward was too busy to explain"); // what she posted stays
      b.driver.navigate().refresh();
      b.waitText("h1", "Common Ground workshops"); // her session is gone; the start page again

      // The facilitator ends the workshop, after a confirmation whose safe choice has the focus; everyone sees it.
      f.click("tab-finish");
      f.click("end-btn");
      f.waitJs("document.getElementById('end-dialog').open");
      assertThat(f.focusedId()).isEqualTo("end-cancel");
      assertThat(f.id("end-dialog").getText()).contains("End the workshop for everyone?", "This cannot be undone.");
      violations.addAll(f.seriousViolations());
      f.screenshotViewport(SHOTS.resolve("facilitator-end-dialog.png"));
      f.press(Keys.ESCAPE);
      f.waitJs("!document.getElementById('end-dialog').open");
      assertThat(f.focusedId()).isEqualTo("end-btn");
      assertThat(f.js("return document.getElementById('end-btn').hidden")).isEqualTo(false);
      f.click("end-btn");
      f.waitJs("document.getElementById('end-dialog').open");
      f.click("end-confirm");
      f.waitJs("document.activeElement.id === 'wrapup-heading'");
      a.waitText(".phase-area .note", "has ended");
      d.waitText(".d-note", "has ended");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  private static void post(Browser who, String text) {
    who.type("compose-text", text);
    who.click("compose-submit");
    who.waitText(".board .card .text", text);
    who.waitJs("document.getElementById('compose-text').value === ''");
  }

  private static String themeId(Browser who, String label) {
    return (String) who.waitFor(drv -> who.js("return [...document.querySelectorAll('.theme')]"
        + ".find(t => t.querySelector('.theme-label').textContent === arguments[0])?.dataset.id", label));
  }

  private static String personId(Browser who, String name) {
    return (String) who.waitFor(drv -> who.js("return [...document.querySelectorAll('.person')]"
        + ".find(li => li.querySelector('.person-name').textContent === arguments[0])?.dataset.id", name));
  }

  private static String cardId(Browser who, String text) {
    return (String) who.js("return [...document.querySelectorAll('.card')]"
        + ".find(c => c.querySelector('.text').textContent === arguments[0])?.dataset.id", text);
  }

  /**
   * The first screen as a person sees it, for docs/screenshots ({view}-{width}-{en|cy}.png): at each size, in
   * English and in Welsh, checked by axe; then back to the browser's own size and English.
   */
  private static void shots(Browser who, String view, int[][] sizes, List<String> violations) {
    for (String lang : new String[] {"en", "cy"}) {
      who.select("lang", lang.equals("cy") ? "Cymraeg" : "English");
      who.waitJs("document.documentElement.lang === '" + lang + "'");
      who.waitText(".phase-name", lang.equals("cy") ? "Rhan 3 o 3" : "Part 3 of 3");
      for (int[] size : sizes) {
        who.resize(size[0], size[1]);
        who.waitJs("window.innerWidth === " + size[0] + " && document.readyState === 'complete'");
        // The board from its top; cards that just came are highlighted for a few seconds: the pictures
        // show the calm state.
        who.js("window.scrollTo(0, 0); const b = document.getElementById('board-scroll'); if (b) b.scrollTop = 0;");
        who.waitJs("!document.querySelector('.is-new') && document.getElementById('board-new')?.hidden !== false");
        who.screenshotViewport(SHOTS.resolve(view + "-" + size[0] + "-" + lang + ".png"));
        violations.addAll(who.seriousViolations());
      }
    }
    who.select("lang", "English");
    who.waitJs("document.documentElement.lang === 'en'");
    boolean phone = view.equals("participant");
    who.resize(phone ? 390 : 1280, phone ? 844 : 900);
  }

  /** axe at phone and desktop width (a screenshot of each for home and display), and no sideways scrolling. */
  private static void views(Browser who, String view, List<String> violations) {
    int[][] sizes = {{390, 844}, {1280, 900}};
    String[] names = {"phone", "desktop"};
    boolean shoot = view.equals("home") || view.equals("display");
    for (int i = 0; i < sizes.length; i++) {
      who.resize(sizes[i][0], sizes[i][1]);
      who.waitJs("document.readyState === 'complete'");
      if (shoot) who.screenshot(SHOTS.resolve(view + "-" + names[i] + ".png"));
      violations.addAll(who.seriousViolations());
      // Reflow: nothing wider than the screen, so nobody scrolls sideways (also what 200% zoom needs).
      if (!Boolean.TRUE.equals(who.js("return document.documentElement.scrollWidth <= window.innerWidth"))) {
        violations.add(who.name + ": " + view + " scrolls sideways at " + sizes[i][0] + "px");
      }
    }
    who.resize(360, 740); // the narrowest phone we promise
    if (!Boolean.TRUE.equals(who.js("return document.documentElement.scrollWidth <= window.innerWidth"))) {
      violations.add(who.name + ": " + view + " scrolls sideways at 360px");
    }
    boolean phone = view.equals("participant");
    who.resize(phone ? 390 : 1280, phone ? 844 : 900);
  }
}
