package org.gyrus.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** HTML building with escaping: every piece of stored text goes through {@link #esc}. */
public final class Html {
  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A query parameter value, percent-encoded (then escaped where it goes into an attribute). */
  public static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A whole page: the shared head, a title bar, and the given body. Scripts are files only. */
  public static String page(String title, String bodyAttrs, String body, boolean charts) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + esc(title)
        + " · gyrus</title><link rel=\"stylesheet\" href=\"/static/dashboard.css\">"
        + (charts
            ? "<script src=\"/static/echarts.min.js\"></script>"
                + "<script src=\"/static/study-charts.js\" defer></script>"
                + "<script src=\"/static/dashboard.js\" defer></script>"
            : "")
        + "</head><body"
        + bodyAttrs
        + "><header><a href=\"/\" class=\"brand\">gyrus</a> <span class=\"crumb\">"
        + esc(title)
        + "</span></header><main>"
        + body
        + "</main></body></html>\n";
  }

  public static String errorPage(int status, String title, String message) {
    return page(
        title,
        "",
        "<section class=\"error\"><h1>"
            + status
            + " · "
            + esc(title)
            + "</h1><p>"
            + esc(message)
            + "</p><p><a href=\"/\">Back to the studies</a></p></section>",
        false);
  }
}
