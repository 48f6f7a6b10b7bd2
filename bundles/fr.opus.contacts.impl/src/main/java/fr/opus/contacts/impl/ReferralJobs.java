package fr.opus.contacts.impl;

import fr.opus.contacts.api.ReferralState;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the acts nobody will act on any more, on a thread of its own: a transmitted act without news from the
 * employer for {@code noAnswerDays} becomes {@code NO_ANSWER} (reopenable if the employer answers late); an open act
 * on an offer no longer diffused (suspended, withdrawn, filled) becomes {@code OBSOLETE}. Each closure is a
 * conditional update on the state it saw, in its own transaction with its history line by {@code system}: a run is
 * idempotent, survives restarts (all state is in the database) and never overrides a person's concurrent move.
 */
@Component(service = ReferralJobs.class, immediate = true, configurationPid = ContactsConfig.PID)
@Designate(ocd = ContactsConfig.class)
public class ReferralJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralJobs.class);

    /** What one run did. */
    record Tally(int noAnswer, int obsolete) {
    }

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration noAnswer;
    private final ScheduledExecutorService scheduler;

    @Activate
    public ReferralJobs(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=CONTACTS)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference MailOutbox mail, @Reference EventOutbox events, @Reference OfferDocuments documents,
            ContactsConfig config) {
        this(dataSource, offers, new Notifier(mail, events, offers, documents), Clock.systemUTC(), config);
        if (config.jobMinutes() > 0) {
            scheduler.scheduleWithFixedDelay(this::runQuietly, 1, config.jobMinutes(), TimeUnit.MINUTES);
        }
    }

    ReferralJobs(DataSource dataSource, OfferCatalog offers, Notifier notifier, Clock clock, ContactsConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.notifier = notifier;
        this.offers = offers;
        this.clock = clock;
        this.noAnswer = Duration.ofDays(Math.max(1, config.noAnswerDays()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opus-contacts-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdown();
    }

    private void runQuietly() {
        try {
            Tally tally = runOnce();
            if (tally.noAnswer() + tally.obsolete() > 0) {
                LOG.info("Contacts jobs: {} act(s) closed without answer, {} obsolete", tally.noAnswer(),
                        tally.obsolete());
            }
        } catch (RuntimeException e) {
            LOG.warn("Contacts jobs failed", e);
        }
    }

    /** One run of both jobs. */
    synchronized Tally runOnce() {
        Instant now = clock.instant();
        record Open(String id, String offerId, ReferralState state, Instant updatedAt) {
        }
        List<Open> open = jdbc.read(c -> Jdbc.list(c, "SELECT ID, OFFER_ID, STATE, UPDATED_AT FROM CONTACTS.REFERRAL"
                + " WHERE OPEN_KEY IS NOT NULL ORDER BY OFFER_ID", rs -> new Open(rs.getString(1), rs.getString(2),
                        ReferralState.valueOf(rs.getString(3)), Jdbc.instant(rs, "UPDATED_AT"))));
        int silent = 0;
        int obsolete = 0;
        String lastOffer = null;
        boolean diffused = true;
        for (Open r : open) {
            if (!r.offerId().equals(lastOffer)) {
                lastOffer = r.offerId();
                Optional<Offer> offer = offers.find(r.offerId());
                diffused = offer.map(Offer::visible).orElse(false);
            }
            try {
                if (!diffused) {
                    obsolete += closes(r.id(), r.state(), ReferralState.OBSOLETE, now,
                            "L'offre " + r.offerId() + " n'est plus diffusée.") ? 1 : 0;
                } else if (r.state() != ReferralState.PROPOSED && !r.updatedAt().plus(noAnswer).isAfter(now)) {
                    silent += closes(r.id(), r.state(), ReferralState.NO_ANSWER, now, "Sans nouvelle de l'employeur"
                            + " depuis " + noAnswer.toDays() + " jours : clôturée automatiquement.") ? 1 : 0;
                }
            } catch (RuntimeException e) {
                LOG.warn("Contacts jobs: act {} left as it is: {}", r.id(), e.toString());
            }
        }
        return new Tally(silent, obsolete);
    }

    private boolean closes(String id, ReferralState from, ReferralState to, Instant now, String why) {
        return jdbc.tx(c -> ContactsManager.close(c, notifier, id, from, to, now, why));
    }
}
