package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Who may join, from the console: stopping new people joining (the setting {@code joiningLocked}, through
 * {@code workshop.update}) and a new join code ({@code POST /api/workshops/{id}/join-code}), as the join page,
 * the display and the console show them.
 */
@InBrowsers
class JoiningInBrowsersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("the console says who may join, and a new code needs a confirmation that says the old one will stop")
  void theControls(Vertx vertx) {
    Api.Created w = new Api(vertx, node.port()).create("Partnership board");
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 1280, 900)) {
      f.go(node.url() + "/f/#" + w.facilitatorToken());
      f.click("tab-invite"); // the console's tools are one click away, in tabs
      f.waitText("#joining-status", "New people can join with the code, the link or the QR code.");
      f.waitText("#joining-lock", "Stop new people joining");
      f.waitText("#join-code-new", "Make a new join code");
      // The QR picture is the code's own (it is cached for an hour; a new code must not leave the old one).
      f.waitJs("document.getElementById('invite-qr').src.endsWith('?code=" + w.joinCode().replace("-", "") + "')");
      violations.addAll(f.seriousViolations());

      f.click("join-code-new");
      f.waitJs("document.getElementById('join-code-dialog').open");
      f.waitText("#join-code-dialog", "The code " + w.joinCode() + " will stop working straight away");
      f.waitText("#join-code-dialog", "People already in the workshop stay in.");
      assertThat(f.focusedId()).as("the safe choice has the focus").isEqualTo("join-code-cancel");
      violations.addAll(f.seriousViolations());
      f.screenshotViewport(WorkshopInBrowsersTest.SHOTS.resolve("facilitator-new-code-dialog.png"));
      f.press(Keys.ESCAPE);
      f.waitJs("!document.getElementById('join-code-dialog').open");
      f.waitJs("document.activeElement.id === 'join-code-new'");
      assertThat(f.id("invite-code").getText()).isEqualTo(w.joinCode());

      f.select("lang", "Cymraeg");
      f.waitText("#joining-lock", "Atal pobl newydd rhag ymuno");
      f.waitText("#join-code-new", "Gwneud cod ymuno newydd");
      f.waitText("#joining-heading", "Gadael i bobl newydd ymuno");
      f.select("lang", "English");
      f.waitText("#joining-lock", "Stop new people joining");
      f.resize(1280, 2400); // tall enough for the Invite tool's pane to hold it whole
      f.screenshotElement("#invite", WorkshopInBrowsersTest.SHOTS.resolve("facilitator-invite-joining.png"));
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  /**
   * Needs the server side of joining locks and new codes (another branch). Until it is merged the join-code
   * route is missing (404 "nothing here") and this test is skipped, saying so.
   */
  @Test
  @DisplayName("stopping new people joining shows on the join page and the display; a new code replaces the old one everywhere")
  void lockAndNewCode(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Community mental health forum");
    Api.Reply probe = api.post("/api/workshops/" + w.id() + "/join-code", new JsonObject(), null);
    assumeFalse(probe.status() == 404, "the server side of joining locks is not merged: POST …/join-code is " + probe.text());

    String oldCode = w.joinCode();
    List<String> violations = new ArrayList<>();
    try (Browser f = new Browser("facilitator", 1280, 900);
         Browser d = new Browser("display", 1280, 800);
         Browser p = new Browser("someone arriving late", 390, 844)) {
      f.go(node.url() + "/f/#" + w.facilitatorToken());
      d.go(node.url() + "/d/#" + w.displayToken());
      d.waitText("#d-code", oldCode);
      f.click("tab-invite");

      // Stop new people joining: the console says so, the display stops showing a code that would not work.
      f.click("joining-lock");
      f.waitText("#joining-status", "Joining is stopped. Nobody new can join, even with the code.");
      f.waitText("#joining-lock", "Let people join again");
      assertThat(f.focusedId()).as("focus stays on the button").isEqualTo("joining-lock");
      assertThat(f.id("joining-error").getText()).isEmpty();
      d.waitText("#d-join-closed", "New people cannot join just now.");
      assertThat(d.id("d-code").isDisplayed()).isFalse();
      violations.addAll(f.seriousViolations());
      violations.addAll(d.seriousViolations());

      // Someone arriving now is told, next to the form, in plain words, in English and in Welsh.
      p.go(node.url() + "/j/" + oldCode.replace("-", ""));
      p.type("join-name", "Jo");
      p.click("join-submit");
      p.waitText("#join-error", "This workshop is not letting new people join just now. Ask the facilitator.");
      assertThat(p.id("alert").getText()).isEmpty();
      violations.addAll(p.seriousViolations());
      p.screenshot(WorkshopInBrowsersTest.SHOTS.resolve("join-locked-phone.png"));
      p.select("lang", "Cymraeg");
      p.click("join-submit");
      p.waitText("#join-error", "Dydy’r gweithdy hwn ddim yn gadael i bobl newydd ymuno ar hyn o bryd.");
      p.select("lang", "English");

      // Let people join again; then a new code, confirmed: the old one stops working everywhere at once.
      f.click("joining-lock");
      f.waitText("#joining-status", "New people can join with the code");
      d.waitJs("document.getElementById('d-code').offsetParent !== null");
      f.click("join-code-new");
      f.waitJs("document.getElementById('join-code-dialog').open");
      f.click("join-code-confirm");
      f.waitJs("!document.getElementById('join-code-dialog').open");
      f.waitJs("document.getElementById('invite-code').textContent !== '" + oldCode + "'");
      String newCode = f.id("invite-code").getText();
      assertThat(newCode).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");
      f.waitJs("document.getElementById('invite-link').value.endsWith('/j/" + newCode.replace("-", "") + "')");
      f.waitJs("document.getElementById('invite-qr').src.endsWith('?code=" + newCode.replace("-", "") + "')");
      // The display learns it from the workshop.updated event: code, link and QR picture together.
      d.waitText("#d-code", newCode);
      d.waitJs("document.getElementById('d-qr').src.endsWith('?code=" + newCode.replace("-", "") + "')");
      d.waitJs("document.getElementById('d-qr').complete && document.getElementById('d-qr').naturalWidth > 0");

      p.go(node.url() + "/j/" + oldCode.replace("-", ""));
      p.type("join-name", "Jo");
      p.click("join-submit");
      p.waitText("#join-error", "No workshop has that code.");
      p.join(node.url() + "/j/" + newCode.replace("-", ""), "Jo");
      f.click("tab-people");
      f.waitText(".people", "Jo");
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }
}
