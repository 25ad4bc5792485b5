package org.commonground.themes;

/** The embedding model could not be loaded, so theme suggestions are off; the rest of the server is not affected. */
public final class ThemeModelUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ThemeModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
