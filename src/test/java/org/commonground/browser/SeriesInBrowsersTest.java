package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A series in browsers: a facilitator records an action, starts the next meeting from the console and lands
 * in its console with the unfinished action carried; the participant, on the same phone, joins the next
 * meeting as the same person without typing, and reads "you said, we did" in English and Welsh.
 */
@InBrowsers
class SeriesInBrowsersTest {
  static final Path SHOTS = WorkshopInBrowsersTest.SHOTS;
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  void theNextMeetingAndComingBack() {
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 760, 900);
         Browser a = new Browser("participant Sam", 390, 844)) {
      f.go(node.url() + "/");
      f.type("create-title", "March meeting");
      f.click("create-submit");
      f.waitJs("document.getElementById('link-facilitator').value.includes('#')");
      String code = f.id("created-code").getText().replace("-", "");
      f.click("open-console");
      f.waitText("#agenda-heading", "Agenda");

      a.go(node.url() + "/j/" + code);
      a.type("join-name", "Sam");
      a.select("join-group", "Carers and family");
      a.click("join-submit");
      a.waitText(".phase-name", "Part 1 of 3");

      // An action, with a mistake first: the words are missing, said beside the box.
      f.click("tab-actions");
      f.click("action-add");
      f.waitText("#action-text-error", "Write what will be done");
      f.type("action-text", "Ask about taxis to meetings");
      f.type("action-owner", "Jo");
      f.click("action-add");
      f.waitText("#action-list", "Ask about taxis to meetings");
      a.waitText("#action-list", "Ask about taxis to meetings");
      violations.addAll(f.seriousViolations());

      // The next meeting, from the console: the browser opens its console at once.
      f.click("tab-meetings");
      f.click("series-start");
      f.waitText("#series-title-error", "Give the next meeting a title");
      f.type("series-title", "April meeting");
      f.click("series-start");
      f.waitText("#ws-title", "April meeting");
      f.click("tab-meetings");
      f.waitText("#series-list", "April meeting");
      f.waitText("#series-list", "this meeting");
      assertThat(f.texts("#series-list")).contains("March meeting");
      assertThat(f.all("#series-list button[data-workshop]")).as("the first meeting's console is a click away").hasSize(1);
      f.screenshotElement("#series", SHOTS.resolve("facilitator-series.png"));
      f.click("tab-actions");
      f.waitText("#action-list", "From the meeting before");
      f.screenshotElement("#actions", SHOTS.resolve("facilitator-actions.png"));
      f.click("tab-invite");
      String code2 = f.css("#invite-code").getText().replace("-", "");
      assertThat(code2).isNotEqualTo(code);
      violations.addAll(f.seriousViolations());

      // Sam's phone knows them: no name to type, the same group.
      a.go(node.url() + "/j/" + code2);
      a.waitText("#join-returning", "March meeting");
      violations.addAll(a.seriousViolations());
      a.click("join-returning-btn");
      a.waitText(".phase-name", "Part 1 of 3");
      f.click("tab-people");
      f.waitText(".people", "Sam");
      f.waitText(".people", "Carers and family");

      // "You said, we did", from the participant's view.
      a.waitJs("!document.getElementById('outcomes-link').parentElement.hidden");
      a.click("outcomes-link");
      a.waitText("#outcomes", "Ask about taxis to meetings");
      a.waitText("#outcomes", "March meeting");
      assertThat(a.texts("#outcomes")).doesNotContain("Sam").doesNotContain("Jo");
      violations.addAll(a.seriousViolations());
      a.screenshot(SHOTS.resolve("outcomes-phone.png"));
      a.select("lang", "Cymraeg");
      a.waitText("#outcomes", "Dywedoch chi, gwnaethon ni");
      a.screenshot(SHOTS.resolve("outcomes-phone-cy.png"));
      violations.addAll(a.seriousViolations());
    }
    assertThat(violations).isEmpty();
  }
}
