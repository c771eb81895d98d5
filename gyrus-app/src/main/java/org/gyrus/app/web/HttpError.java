package org.gyrus.app.web;

import org.gyrus.core.SpecError;

/** A request the dashboard refuses, with the HTTP status to answer and why. */
public final class HttpError extends SpecError {
  private final int status;

  public HttpError(int status, String what, String message) {
    super(what, message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
