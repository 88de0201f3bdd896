package io.benchledger.site.render;

/** A link a page lists: its text and its address relative to the page. */
public record Link(String title, String href) {
}
