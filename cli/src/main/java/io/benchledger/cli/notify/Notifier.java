package io.benchledger.cli.notify;

import io.benchledger.collector.config.NotifyConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a nightly run's {@link Alert} to every configured webhook. Delivery is best effort: a failure
 * is one line on stderr and never changes the command's exit code, which belongs to the gate.
 */
public final class Notifier {
    private final WebhookClient client;
    private final PrintStream err;

    public Notifier(WebhookClient client, PrintStream err) {
        this.client = client;
        this.err = err;
    }

    /**
     * The webhooks of the command line ({@code --notify}) and of the configuration, checked now so that
     * a mistyped address fails before an hour of measuring. An address whose {@code ${VARIABLE}} is unset
     * is skipped with a note (a forked pull request gets no secrets).
     */
    public static List<WebhookTarget> targets(List<String> options, List<NotifyConfig.Entry> configured,
                                              Map<String, String> env, PrintStream err) {
        List<WebhookTarget> out = new ArrayList<>();
        List<NotifyConfig.Entry> all = new ArrayList<>();
        options.forEach(o -> all.add(new NotifyConfig.Entry(o, "--notify")));
        all.addAll(configured);
        for (NotifyConfig.Entry e : all) {
            Optional<WebhookTarget> t = WebhookTarget.parse(e.url(), env, e.where());
            if (t.isPresent()) {
                out.add(t.get());
            } else {
                err.println("benchledger: note: " + e.where() + ": webhook skipped, its variable is unset or empty");
            }
        }
        return out;
    }

    /** @return how many targets got the alert (0 on a quiet night: nothing is posted) */
    public int send(List<WebhookTarget> targets, Alert alert) {
        if (targets.isEmpty() || alert.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (WebhookTarget t : targets) {
            WebhookClient.Delivery d = client.post(t, AlertPayload.body(alert, t.format()));
            if (d.delivered()) {
                delivered++;
                err.println("benchledger: notified " + t.display() + " (" + t.format().name().toLowerCase(java.util.Locale.ROOT) + ")");
            } else {
                err.println("benchledger: warning: could not notify " + t.display() + ": " + d.problem() + " (after "
                        + d.attempts() + (d.attempts() == 1 ? " attempt" : " attempts") + "; the gate's result is unchanged)");
            }
        }
        return delivered;
    }
}
