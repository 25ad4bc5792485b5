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
import org.openqa.selenium.Keys;

/**
 * The console is a cockpit: on a laptop (1280x720) and beside a video call (760x720), without scrolling the
 * page, the part and its time, the agenda and timer controls, the hands queue, "End spotlight" and the newest
 * posts are on the first screen together, and stay there while the board scrolls in its own pane. New posts
 * are signalled; every other tool is one click away in a tab. Every state reached is checked by axe.
 */
@InBrowsers
class CockpitInBrowsersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  /** Pictures to look at while working on the layout (never committed: docs/screenshots has its own). */
  private static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "cockpit");
  private static final String[] TOOLS = {"agenda", "write", "themes", "polls", "parking", "people", "invite", "finish"};

  @Test
  @DisplayName("a running workshop with 16 posts and 2 hands: the live controls, hands and newest post in view at 1280 and 760")
  void theLiveControlsStayInView(Vertx vertx) {
    Api api = new Api(vertx, node.port());
    Api.Created w = api.create("Getting home from hospital");
    List<String> violations = new ArrayList<>();
    try (WsClient fac = node.join(vertx, w.facilitatorToken());
         WsClient sam = node.join(vertx, api.join(w.joinCode(), "Sam", null));
         WsClient priya = node.join(vertx, api.join(w.joinCode(), "Priya", null));
         Browser f = new Browser("facilitator", 1280, 720)) {
      fac.call("phase.next", new JsonObject().put("from", -1));
      String first = null;
      for (int i = 1; i <= 16; i++) {
        JsonObject ack = (i % 2 == 0 ? sam : priya).call("contribution.add",
            new JsonObject().put("text", "Post " + i + ": the transport home came hours after the ward said it would"));
        if (first == null) first = ack.getJsonObject("result").getString("id");
      }
      sam.call("hand.raise", new JsonObject());
      priya.call("hand.raise", new JsonObject());
      fac.call("spotlight.set", new JsonObject().put("type", "contribution").put("id", first));

      f.go(node.url() + "/f/#" + w.facilitatorToken());
      f.waitText("#board-scroll", "Post 16:");
      f.waitText(".hands", "Priya");
      int post = 16;
      for (int[] size : new int[][] {{760, 720}, {1280, 720}}) {
        f.resize(size[0], size[1]);
        f.waitJs("window.innerWidth === " + size[0]);
        String at = size[0] + "x" + size[1];
        f.screenshotViewport(SHOTS.resolve("cockpit-" + size[0] + ".png"));
        liveControlsInView(f, at, "Post " + post + ":");
        violations.addAll(f.seriousViolations());

        // The board scrolls in its own pane; the controls and hands do not move.
        f.js("document.getElementById('board-scroll').scrollTop = 100000");
        f.waitJs("document.getElementById('board-scroll').scrollTop > 200");
        liveControlsInView(f, at + " with the board scrolled", null);

        // A post arriving now does not move what is being read: "Show newest" offers the way up.
        double before = ((Number) f.js("return document.getElementById('board-scroll').scrollTop")).doubleValue();
        post++;
        sam.call("contribution.add", new JsonObject().put("text", "Post " + post + ": nobody told my daughter I was home"));
        f.waitText("#show-newest", "Show the new post");
        f.waitText("#board-new", "1 new");
        assertThat(((Number) f.js("return document.getElementById('board-scroll').scrollTop")).doubleValue())
            .as(at + ": the pane stays where the facilitator was reading").isGreaterThanOrEqualTo(before - 1);
        f.waitJs("document.getElementById('announce').textContent.includes('Post " + post + ":')");
        assertThat(inView(f, "#show-newest")).as(at + ": Show newest in view").isTrue();
        violations.addAll(f.seriousViolations());
        f.click("show-newest");
        f.waitJs("document.getElementById('board-scroll').scrollTop === 0");
        f.waitJs("document.getElementById('show-newest').hidden");
        assertThat(f.js("return document.activeElement.id")).isEqualTo("loose-heading");
        String newest = ConsoleInBrowsersTest.cardId(f, "Post " + post + ": nobody told my daughter I was home");
        assertThat(f.js("return document.querySelector(\"li.card[data-id='" + newest + "']\").classList.contains('is-new')"))
            .as(at + ": the new card is highlighted").isEqualTo(true);
        liveControlsInView(f, at + " after Show newest", "Post " + post + ":");

        // Each tool is one click away and shows its content in view, with the live controls still there.
        for (String tool : TOOLS) {
          f.click("tab-" + tool);
          f.waitJs("document.getElementById('tab-" + tool + "').getAttribute('aria-selected') === 'true'");
          assertThat(inView(f, "#tool-" + tool + " h2")).as(at + ": the " + tool + " tool's heading in view").isTrue();
          liveControlsInView(f, at + " with the " + tool + " tool open", null);
          f.screenshotViewport(SHOTS.resolve("cockpit-" + size[0] + "-" + tool + ".png"));
          violations.addAll(f.seriousViolations());
        }
        // A proper tablist: arrow keys, Home and End move between the tools.
        f.click("tab-agenda");
        f.press(Keys.ARROW_RIGHT);
        f.waitJs("document.activeElement.id === 'tab-write' && !document.getElementById('tool-write').hidden");
        f.press(Keys.END);
        f.waitJs("document.activeElement.id === 'tab-finish' && !document.getElementById('tool-finish').hidden");
        f.press(Keys.ARROW_RIGHT);
        f.waitJs("document.activeElement.id === 'tab-agenda' && document.getElementById('tool-finish').hidden");
        assertThat(f.all("[role=tab][tabindex='0']")).hasSize(1);
      }

      // A new hand is signalled too (the row is highlighted, and it is said).
      priya.call("hand.lower", new JsonObject());
      f.waitJs("!document.querySelector('.hands').textContent.includes('Priya')");
      priya.call("hand.raise", new JsonObject());
      f.waitJs("document.querySelector(\".hands .hand.is-new\")?.textContent.includes('Priya')");
      f.waitJs("document.getElementById('announce').textContent.includes('Priya raised a hand.')");

      // On a phone the console is one column that scrolls as a page, and nothing runs off the right edge.
      f.resize(360, 740);
      f.waitJs("window.innerWidth === 360");
      assertThat(f.js("return Math.max(document.documentElement.scrollWidth, window.innerWidth)"))
          .as("the console scrolls sideways at 360px").isEqualTo(360L);
      violations.addAll(f.seriousViolations());
    }
    assertThat(violations).as("axe: serious or critical violations").isEmpty();
  }

  /** The part, its time, the moves, the hands and "End spotlight" (and a post, if named) in view; no page scroll. */
  private static void liveControlsInView(Browser f, String at, String newestPost) {
    assertThat(f.js("return document.scrollingElement.scrollHeight <= window.innerHeight + 1"))
        .as(at + ": the page itself does not scroll (height " + f.js("return document.scrollingElement.scrollHeight") + ")")
        .isEqualTo(true);
    for (String css : new String[] {"#phase-name", ".countdown", "#phase-next", "#phase-prev", "#timer-pause",
        "#hands-heading", ".hands .hand:nth-child(1) button", ".hands .hand:nth-child(2) button",
        "#end-spotlight"}) {
      assertThat(inView(f, css)).as(at + ": " + css + " in view").isTrue();
    }
    if (newestPost != null) {
      assertThat(f.js("return document.querySelector('#loose-list .card .text').textContent")).as(at + ": the newest post first")
          .asString().startsWith(newestPost);
      assertThat(inView(f, "#loose-list .card .text")).as(at + ": the newest post in view").isTrue();
    }
  }

  /** Shown, whole, inside the window and inside every pane that clips it. */
  static boolean inView(Browser f, String css) {
    return Boolean.TRUE.equals(f.js("const e = document.querySelector(arguments[0]); if (!e) return false;"
        + "const r = e.getBoundingClientRect(); if (!r.width || !r.height) return false;"
        + "const inside = (b) => r.top >= b.top - 1 && r.left >= b.left - 1 && r.bottom <= b.bottom + 1 && r.right <= b.right + 1;"
        + "if (!inside({top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth})) return false;"
        + "for (let p = e.parentElement; p; p = p.parentElement) {"
        + "  const o = getComputedStyle(p).overflowY; if (o !== 'auto' && o !== 'scroll' && o !== 'hidden') continue;"
        + "  if (!inside(p.getBoundingClientRect())) return false; }"
        + "return true;", css));
  }
}
