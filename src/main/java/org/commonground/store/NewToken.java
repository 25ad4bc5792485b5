package org.commonground.store;

import java.util.Objects;

/** A token to create together with an append: the secret (returned once to its holder) and its grant. */
public record NewToken(String token, TokenGrant grant) {
  public NewToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(grant, "grant");
  }

  public static NewToken mint(String workshopId, String participantId, org.commonground.workshop.Role role) {
    return new NewToken(Tokens.mint(workshopId), new TokenGrant(workshopId, participantId, role));
  }
}
