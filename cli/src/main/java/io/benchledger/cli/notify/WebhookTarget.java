package io.benchledger.cli.notify;

import io.benchledger.archive.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an alert goes and in which shape. The shape is picked by a prefix of the URL:
 * {@code slack+https://…} posts Slack-compatible JSON (also understood by Mattermost, Rocket.Chat and
 * Discord's {@code /slack} endpoint), {@code json+https://…} the plain alert document; a bare
 * {@code https://…} is Slack when the host is {@code hooks.slack.com} and plain JSON otherwise.
 *
 * @param uri the address posted to, without the prefix
 * @param display the address with its path hidden: webhook paths are secrets and must not reach a CI log
 */
public record WebhookTarget(URI uri, PayloadFormat format, String display) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * The target written as {@code spec}, with {@code ${NAME}} replaced from {@code env}; empty when a
     * variable is unset or blank (a forked pull request has no secrets: that is no reason to fail).
     *
     * @param where names the source in an error message (the option, or the file and line)
     */
    public static Optional<WebhookTarget> parse(String spec, Map<String, String> env, String where) {
        Matcher m = VARIABLE.matcher(spec);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value.trim()));
        }
        m.appendTail(sb);
        String text = sb.toString().trim();
        PayloadFormat format = null;
        if (text.startsWith("slack+")) {
            format = PayloadFormat.SLACK;
            text = text.substring("slack+".length());
        } else if (text.startsWith("json+")) {
            format = PayloadFormat.JSON;
            text = text.substring("json+".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadInputException(where + ": not a webhook URL: " + hide(spec) + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new BadInputException(where + ": not a webhook URL: " + hide(spec)
                    + " (expected http(s)://host/…, optionally prefixed slack+ or json+)");
        }
        if (format == null) {
            format = uri.getHost().equalsIgnoreCase("hooks.slack.com") ? PayloadFormat.SLACK : PayloadFormat.JSON;
        }
        String display = scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : "/…");
        return Optional.of(new WebhookTarget(uri, format, display));
    }

    /** The spec with everything after the host hidden, for error messages. */
    private static String hide(String spec) {
        int start = spec.indexOf("://");
        int slash = start < 0 ? -1 : spec.indexOf('/', start + 3);
        return slash < 0 ? spec : spec.substring(0, slash) + "/…";
    }
}
