package org.gyrus.search.store;

/** A storage operation failed (disk full, lock timeout, connection lost); nothing was written. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
