package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.protocol.ServerFrames.You;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Role;
import org.commonground.workshop.Scenario;
import org.commonground.workshop.WorkshopState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("What clients see: views, ev frames and the welcome state")
class ViewsTest {

  private static JsonNode json(Buffer b) {
    try {
      return Json.MAPPER.readTree(b.toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode byId(JsonNode array, String id) {
    for (JsonNode n : array) if (n.path("id").asText().equals(id)) return n;
    return null;
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("id").asText()));
    return out;
  }

  /** Sam (carers) posts a named idea and an anonymous one; Alex reacts to the anonymous one. */
  private Scenario w;
  private Actor sam;
  private Actor alex;
  private String named;
  private String anonymous;

  @BeforeEach
  void workshop() {
    w = Scenario.workshop();
    sam = w.join("Sam", "carers");
    alex = w.join("Alex", "professionals");
    named = w.post(sam, "More peer support");
    anonymous = w.postAnonymously(sam, "I was not believed");
    w.accepted(new Command.ToggleReaction(anonymous, "heart"), alex);
  }

  private JsonNode stateFor(Actor actor) {
    Role role = actor.role();
    return ServerFrames.state(w.state(), new You(actor.participantId(), role, "whoever"), Set.of(sam.participantId()),
        Scenario.T0);
  }

  @Nested
  @DisplayName("a contribution's public view")
  class ContributionView {

    @Test
    @DisplayName("an anonymous contribution shows author:null and group:null, but the text and reactions")
    void anonymousView() {
      JsonNode v = Views.contribution(w.contribution(anonymous));

      assertThat(v.get("author").isNull()).isTrue();
      assertThat(v.get("group").isNull()).isTrue();
      assertThat(v.get("anonymous").asBoolean()).isTrue();
      assertThat(v.get("text").asText()).isEqualTo("I was not believed");
      assertThat(v.get("reactions").get("heart").asInt()).isEqualTo(1);
      assertThat(v.toString()).as("the author's id appears nowhere in the view")
          .doesNotContain(sam.participantId()).doesNotContain("carers");
    }

    @Test
    @DisplayName("a named contribution shows its author and group")
    void namedView() {
      JsonNode v = Views.contribution(w.contribution(named));

      assertThat(v.get("id").asText()).isEqualTo(named);
      assertThat(v.get("author").asText()).isEqualTo(sam.participantId());
      assertThat(v.get("group").asText()).isEqualTo("carers");
      assertThat(v.get("anonymous").asBoolean()).isFalse();
      assertThat(v.get("kind").asText()).isEqualTo("idea");
      assertThat(v.get("phase").asInt()).isZero();
      assertThat(v.get("themeId").isNull()).isTrue();
      assertThat(v.get("createdAt").asLong()).isEqualTo(Scenario.T0);
      assertThat(v.get("editedAt").isNull()).isTrue();
      assertThat(v.get("votes").asInt()).isZero();
      assertThat(v.get("onBehalfOf").isNull()).isTrue();
    }

    @Test
    @DisplayName("reactions are counts for all four reactions, never who gave them")
    void reactionsAreCounts() {
      JsonNode r = Views.contribution(w.contribution(anonymous)).get("reactions");

      assertThat(Json.MAPPER.convertValue(r, Map.class))
          .isEqualTo(Map.of("agree", 0, "heart", 1, "insight", 0, "question", 0));
      assertThat(r.toString()).doesNotContain(alex.participantId());
    }

    @Test
    @DisplayName("a scribe entry shows the person it was typed for and their group")
    void scribeView() {
      String id = (String) w.accepted(
          new Command.AddContribution("Transport", Kind.IDEA, null, "Mrs Khan", "community"), FACILITATOR)
          .result().get("id");

      JsonNode v = Views.contribution(w.contribution(id));

      assertThat(v.get("onBehalfOf").get("name").asText()).isEqualTo("Mrs Khan");
      assertThat(v.get("onBehalfOf").get("group").asText()).isEqualTo("community");
      assertThat(v.get("group").asText()).isEqualTo("community");
    }
  }

  @Nested
  @DisplayName("ev frames")
  class EvFrames {

    private JsonNode frame(long seq, Emitted e) {
      return json(EventFrames.encode(new SequencedEvent(seq, Scenario.T0 + seq, e.by(), e.event())));
    }

    @Test
    @DisplayName("an ev frame carries seq, ts, name, by and data")
    void envelope() {
      Emitted added = w.log().get(2);

      JsonNode f = frame(58, added);

      assertThat(f.get("t").asText()).isEqualTo("ev");
      assertThat(f.get("seq").asLong()).isEqualTo(58);
      assertThat(f.get("ts").asLong()).isEqualTo(Scenario.T0 + 58);
      assertThat(f.get("name").asText()).isEqualTo("contribution.added");
      assertThat(f.get("by").asText()).isEqualTo(sam.participantId());
      assertThat(f.get("data").get("contribution").get("id").asText()).isEqualTo(named);
    }

    @Test
    @DisplayName("no ev frame about an anonymous contribution reveals its author, group or the reactor")
    void anonymousEvents() {
      w.accepted(new Command.EditContribution(anonymous, "I was not believed, twice"), sam);
      w.accepted(new Command.HideContribution(anonymous, "check"), FACILITATOR);
      w.accepted(new Command.UnhideContribution(anonymous), FACILITATOR);
      w.accepted(new Command.WithdrawContribution(anonymous), sam);
      List<Emitted> about = w.log().stream().filter(e -> e.event().toString().contains(anonymous)).toList();
      assertThat(about).hasSize(6);

      long seq = 10;
      for (Emitted e : about) {
        JsonNode f = frame(seq++, e);
        assertThat(f.get("by").isNull()).as("by of %s", f).isTrue();
        assertThat(f.toString()).as("frame %s", f)
            .doesNotContain("\"" + sam.participantId() + "\"")
            .doesNotContain("carers");
        JsonNode c = f.get("data").get("contribution");
        if (c != null) {
          assertThat(c.get("author").isNull()).isTrue();
          assertThat(c.get("group").isNull()).isTrue();
        }
      }
    }

    @Test
    @DisplayName("a reacted frame gives the contribution id and all four counts")
    void reacted() {
      Emitted e = w.log().get(4);

      JsonNode f = frame(5, e);

      assertThat(f.get("name").asText()).isEqualTo("contribution.reacted");
      assertThat(f.get("data").get("id").asText()).isEqualTo(anonymous);
      assertThat(Json.MAPPER.convertValue(f.get("data").get("reactions"), Map.class))
          .isEqualTo(Map.of("agree", 0, "heart", 1, "insight", 0, "question", 0));
    }

    @Test
    @DisplayName("no frame says who reacted, voted, answered a poll or is ready, even one stored with a `by` before this was fixed")
    void privateActsHaveNoBy() {
      List<org.commonground.workshop.Event> acts = List.of(
          new org.commonground.workshop.Event.ContributionReacted(named, "agree", alex.participantId(), true,
              Map.of("agree", Set.of(alex.participantId()))),
          new org.commonground.workshop.Event.VotesChanged(named, alex.participantId(), 1, 1),
          new org.commonground.workshop.Event.ReadyChanged(Set.of(alex.participantId())),
          new org.commonground.workshop.Event.PollTallied("q1", Map.of(alex.participantId(), 0), List.of(1, 0)));
      for (org.commonground.workshop.Event act : acts) {
        JsonNode f = frame(9, new Emitted(alex.participantId(), act));
        assertThat(f.get("by").isNull()).as("by of %s", f).isTrue();
        assertThat(f.toString()).as("frame %s", f).doesNotContain("\"" + alex.participantId() + "\"");
      }
    }

    @Test
    @DisplayName("a removed frame says whether a facilitator hid it or its author withdrew it, without the reason")
    void removed() {
      w.accepted(new Command.HideContribution(named, "names a colleague"), FACILITATOR);
      JsonNode hidden = frame(6, w.log().get(w.log().size() - 1));
      w.accepted(new Command.UnhideContribution(named), FACILITATOR);
      w.accepted(new Command.WithdrawContribution(named), sam);
      JsonNode withdrawn = frame(8, w.log().get(w.log().size() - 1));

      assertThat(hidden.get("name").asText()).isEqualTo("contribution.removed");
      assertThat(hidden.get("data").get("id").asText()).isEqualTo(named);
      assertThat(hidden.get("data").get("hidden").asBoolean()).isTrue();
      assertThat(hidden.toString()).doesNotContain("names a colleague");
      assertThat(withdrawn.get("data").get("hidden").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("a participant.joined frame shows the new participant's id, role and group")
    void joined() {
      JsonNode f = frame(2, w.log().get(0));

      assertThat(f.get("name").asText()).isEqualTo("participant.joined");
      JsonNode p = f.get("data").get("participant");
      assertThat(p.get("id").asText()).isEqualTo(sam.participantId());
      assertThat(p.get("role").asText()).isEqualTo("participant");
      assertThat(p.get("group").asText()).isEqualTo("carers");
    }
  }

  @Nested
  @DisplayName("the welcome state")
  class WelcomeState {

    @Test
    @DisplayName("only the author's own state marks an anonymous contribution as mine")
    void mineOnlyForTheAuthor() {
      JsonNode forSam = stateFor(sam).get("contributions");
      JsonNode forAlex = stateFor(alex).get("contributions");
      JsonNode forFacilitator = stateFor(FACILITATOR).get("contributions");

      assertThat(byId(forSam, anonymous).get("mine").asBoolean()).isTrue();
      assertThat(byId(forSam, named).get("mine").asBoolean()).isTrue();
      assertThat(byId(forAlex, anonymous).get("mine").asBoolean()).isFalse();
      assertThat(byId(forFacilitator, anonymous).get("mine").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("an anonymous contribution never shows its author, not even to facilitators")
    void anonymousHiddenFromFacilitators() {
      for (Actor viewer : List.of(sam, alex, FACILITATOR)) {
        JsonNode c = byId(stateFor(viewer).get("contributions"), anonymous);
        assertThat(c.get("author").isNull()).as("author for %s", viewer).isTrue();
        assertThat(c.get("group").isNull()).as("group for %s", viewer).isTrue();
      }
    }

    @Test
    @DisplayName("a hidden contribution is absent for participants and present with hidden:true for facilitators")
    void hiddenContribution() {
      w.accepted(new Command.HideContribution(named, "off topic"), FACILITATOR);
      Actor priya = w.addCoFacilitator("Priya");

      assertThat(ids(stateFor(sam).get("contributions"))).as("even its author no longer sees it")
          .containsExactly(anonymous);
      assertThat(ids(stateFor(alex).get("contributions"))).containsExactly(anonymous);
      for (Actor fac : List.of(FACILITATOR, priya)) {
        JsonNode cs = stateFor(fac).get("contributions");
        assertThat(ids(cs)).containsExactly(named, anonymous);
        assertThat(byId(cs, named).get("hidden").asBoolean()).isTrue();
        assertThat(byId(cs, anonymous).has("hidden")).isFalse();
      }
    }

    @Test
    @DisplayName("an unhidden contribution is back for everyone")
    void unhidden() {
      w.accepted(new Command.HideContribution(named, null), FACILITATOR);
      w.accepted(new Command.UnhideContribution(named), FACILITATOR);

      assertThat(ids(stateFor(alex).get("contributions"))).containsExactly(named, anonymous);
      assertThat(byId(stateFor(FACILITATOR).get("contributions"), named).has("hidden")).isFalse();
    }

    @Test
    @DisplayName("a display sees what participants see: no hidden contributions, no authors of anonymous ones")
    void displayView() {
      w.accepted(new Command.HideContribution(named, null), FACILITATOR);

      JsonNode cs = stateFor(Scenario.DISPLAY).get("contributions");

      assertThat(ids(cs)).containsExactly(anonymous);
      assertThat(byId(cs, anonymous).get("author").isNull()).isTrue();
      assertThat(byId(cs, anonymous).get("mine").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("the parking lot lists visible parking-lot items only")
    void parking() {
      String parked = (String) w.accepted(new Command.AddContribution("Funding", Kind.PARKING, null, null, null), sam)
          .result().get("id");
      String hiddenParked = (String) w.accepted(
          new Command.AddContribution("Rant", Kind.PARKING, null, null, null), alex).result().get("id");
      w.accepted(new Command.HideContribution(hiddenParked, null), FACILITATOR);

      JsonNode parking = stateFor(FACILITATOR).get("parking");

      assertThat(parking).hasSize(1);
      assertThat(parking.get(0).asText()).isEqualTo(parked);
    }

    @Test
    @DisplayName("the state has the workshop, its agenda, phase, participants with presence, and every section")
    void shape() {
      JsonNode s = stateFor(sam);

      JsonNode ws = s.get("workshop");
      assertThat(ws.get("id").asText()).isEqualTo(Scenario.WORKSHOP_ID);
      assertThat(ws.get("joinCode").asText()).isEqualTo("ABC-234");
      assertThat(ws.get("status").asText()).isEqualTo("lobby");
      assertThat(ws.get("settings").get("anonymity").asText()).isEqualTo("optional");
      assertThat(ws.get("settings").get("votesPerParticipant").asInt()).isEqualTo(5);
      assertThat(ws.get("settings").get("stakeholderGroups")).hasSize(5);
      assertThat(s.get("phases")).hasSize(3);
      assertThat(s.get("phases").get(0).get("allow")).extracting(JsonNode::asText)
          .containsExactly("contribute", "react", "poll", "hand");
      assertThat(s.get("phase").get("status").asText()).isEqualTo("pending");
      assertThat(s.get("phase").get("remainingMs").asLong()).isEqualTo(600_000L);
      assertThat(ids(s.get("participants"))).containsExactly("p1", "p2", "p3");
      assertThat(byId(s.get("participants"), "p2").get("online").asBoolean()).isTrue();
      assertThat(byId(s.get("participants"), "p3").get("online").asBoolean()).isFalse();
      assertThat(byId(s.get("participants"), "p1").get("role").asText()).isEqualTo("facilitator");
      for (String key : List.of("themes", "suggestions", "polls", "hands", "parking")) {
        assertThat(s.get(key).isArray()).as(key).isTrue();
      }
      assertThat(s.get("spotlight").isNull()).isTrue();
      assertThat(s.get("readyCount").asInt()).isZero();
      assertThat(s.get("yourVotes").isObject()).isTrue();
      assertThat(s.get("yourReady").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("welcome carries protocol 1, who you are, epoch and seq; a resumed welcome has no state")
    void welcome() {
      You you = new You(sam.participantId(), Role.PARTICIPANT, "Sam");
      JsonNode fresh = json(ServerFrames.welcome(you, 123L, "ep", 57, false, w.state(), Set.of()));
      JsonNode resumed = json(ServerFrames.welcome(you, 123L, "ep", 41, true, w.state(), Set.of()));

      assertThat(fresh.get("t").asText()).isEqualTo("welcome");
      assertThat(fresh.get("protocol").asInt()).isEqualTo(1);
      assertThat(fresh.get("you").get("participantId").asText()).isEqualTo(sam.participantId());
      assertThat(fresh.get("you").get("role").asText()).isEqualTo("participant");
      assertThat(fresh.get("you").get("name").asText()).isEqualTo("Sam");
      assertThat(fresh.get("serverTime").asLong()).isEqualTo(123L);
      assertThat(fresh.get("epoch").asText()).isEqualTo("ep");
      assertThat(fresh.get("seq").asLong()).isEqualTo(57);
      assertThat(fresh.get("resumed").asBoolean()).isFalse();
      assertThat(fresh.get("state").get("contributions")).hasSize(2);
      assertThat(resumed.get("resumed").asBoolean()).isTrue();
      assertThat(resumed.get("seq").asLong()).isEqualTo(41);
      assertThat(resumed.has("state")).isFalse();
    }

    @Test
    @DisplayName("the state of an ended workshop says so")
    void endedStatus() {
      w.ended();
      WorkshopState s = w.state();

      assertThat(Views.workshop(s).get("status").asText()).isEqualTo("ended");
    }
  }

  @Nested
  @DisplayName("other server frames")
  class Others {

    @Test
    @DisplayName("ack, err, pong and presence frames have the protocol's shape")
    void shapes() {
      JsonNode ack = json(ServerFrames.ack("c-17", 58L, Map.of("id", "c3")));
      JsonNode nothing = json(ServerFrames.ack("c-18", null, Map.of()));
      JsonNode stored = json(ServerFrames.ack("c-\"19", 60L, "{\"remaining\":4}"));
      JsonNode err = json(ServerFrames.err(null, org.commonground.workshop.Code.INVALID, "not valid JSON"));
      JsonNode pong = json(ServerFrames.pong(99L));
      JsonNode presence = json(ServerFrames.presence(2, List.of("p2"), List.of("p3")));

      assertThat(ack.toString()).isEqualTo("{\"t\":\"ack\",\"ref\":\"c-17\",\"seq\":58,\"result\":{\"id\":\"c3\"}}");
      assertThat(nothing.get("seq").isNull()).as("a command that changed nothing acks seq:null").isTrue();
      assertThat(stored.get("ref").asText()).isEqualTo("c-\"19");
      assertThat(stored.get("result").get("remaining").asInt()).isEqualTo(4);
      assertThat(err.toString())
          .isEqualTo("{\"t\":\"err\",\"ref\":null,\"code\":\"INVALID\",\"message\":\"not valid JSON\"}");
      assertThat(pong.toString()).isEqualTo("{\"t\":\"pong\",\"serverTime\":99}");
      assertThat(presence.toString()).isEqualTo("{\"t\":\"presence\",\"online\":2,\"joined\":[\"p2\"],\"left\":[\"p3\"]}");
    }
  }

  @Test
  @DisplayName("Contribution records in the state keep the real author, which the views must drop")
  void domainKeepsAuthor() {
    Contribution c = w.contribution(anonymous);

    assertThat(c.author()).isEqualTo(sam.participantId());
    assertThat(Views.contribution(c).get("author").isNull()).isTrue();
  }
}
