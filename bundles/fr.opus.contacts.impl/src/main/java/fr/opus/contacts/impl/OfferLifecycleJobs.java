package fr.opus.contacts.impl;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.FollowUp;
import fr.opus.contacts.api.OfferFollowUps;
import fr.opus.contacts.api.ReferralState;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.platform.api.Inputs;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * France Travail's automatic rules on an offer's life (DOMAIN §3), run by Opus on a thread of its own:
 * <ol>
 *   <li>an offer without any act for {@code quietDays} — no candidate proposed, no application moved — makes its
 *       employer an alert (once per quiet stretch);</li>
 *   <li>an offer published {@code followUpDays} ago gets the follow-up letter: is it still to be filled?</li>
 *   <li>without an answer within {@code followUpAnswerDays} (8), Opus closes the offer — a {@code CLOSED} event
 *       through the feed, as France Travail's system would send — and every open act on it becomes obsolete, which
 *       tells the candidates.</li>
 * </ol>
 * France Travail's staff or the managing partner record the answer; "filled" closes at once, "still open" starts a
 * new cycle. All state is in {@code OFFER_FOLLOW_UP}: each step is a conditional update, each mail has a stable key,
 * so a run repeated after a crash does nothing twice.
 */
@Component(service = {OfferFollowUps.class, OfferLifecycleJobs.class}, immediate = true,
        configurationPid = ContactsConfig.PID) // the metatype is designated once, by ReferralJobs
public class OfferLifecycleJobs implements OfferFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(OfferLifecycleJobs.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    /** What one run did. */
    record Tally(int quietAlerts, int letters, int closures) {
    }

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final OfferFeed feed;
    private final MailOutbox mail;
    private final Notifier notifier;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Duration quiet;
    private volatile Duration followUp;
    private volatile Duration answer;
    private final ScheduledExecutorService scheduler;
    private java.util.concurrent.ScheduledFuture<?> schedule;

    @Activate
    public OfferLifecycleJobs(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=CONTACTS)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference OfferFeed feed, @Reference MailOutbox mail, @Reference EventOutbox events,
            @Reference OfferDocuments documents, @Reference PartnerDirectory partners, @Reference AuditTrail audit,
            ContactsConfig config) {
        this(dataSource, offers, feed, mail, new Notifier(mail, events, offers, documents), partners, audit,
                Clock.systemUTC(), config);
        schedule(config);
    }

    /**
     * New settings apply without deactivation: the follow-up service stays registered, so the REST resource that
     * uses it (and the JAX-RS application around it) is not rebuilt.
     */
    @Modified
    synchronized void modified(ContactsConfig config) {
        settings(config);
        schedule(config);
    }

    private synchronized void schedule(ContactsConfig config) {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        if (config.jobMinutes() > 0) {
            schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, 2, config.jobMinutes(), TimeUnit.MINUTES);
        }
    }

    private void settings(ContactsConfig config) {
        this.quiet = Duration.ofDays(Math.max(1, config.quietDays()));
        this.followUp = Duration.ofDays(Math.max(1, config.followUpDays()));
        this.answer = Duration.ofDays(Math.max(1, config.followUpAnswerDays()));
    }

    OfferLifecycleJobs(DataSource dataSource, OfferCatalog offers, OfferFeed feed, MailOutbox mail, Notifier notifier,
            PartnerDirectory partners, AuditTrail audit, Clock clock, ContactsConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.offers = offers;
        this.feed = feed;
        this.mail = mail;
        this.notifier = notifier;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
        settings(config);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opus-offer-life-cycle");
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
            if (tally.quietAlerts() + tally.letters() + tally.closures() > 0) {
                LOG.info("Offer life cycle: {} no-movement alert(s), {} follow-up letter(s), {} closure(s)",
                        tally.quietAlerts(), tally.letters(), tally.closures());
            }
        } catch (RuntimeException e) {
            LOG.warn("Offer life-cycle jobs failed", e);
        }
    }

    /** An offer's follow-up row, as the run's selection reads it. */
    private record Known(Instant quietAlertAt, Instant cycleFrom, boolean letterOutOrClosed) {
    }

    /**
     * One run of the three rules. Two grouped reads (each offer's last act, the follow-up rows) pick the offers
     * that may be due; only those are read and get a transaction, which checks again before acting.
     */
    synchronized Tally runOnce() {
        Instant now = clock.instant();
        Map<String, Instant> lastActs = new HashMap<>();
        Map<String, Known> known = new HashMap<>();
        jdbc.read(c -> {
            for (Object[] r : Jdbc.list(c, "SELECT OFFER_ID, MAX(UPDATED_AT) FROM CONTACTS.REFERRAL GROUP BY OFFER_ID",
                    rs -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()})) {
                lastActs.put((String) r[0], (Instant) r[1]);
            }
            for (Object[] r : Jdbc.list(c, "SELECT OFFER_ID, QUIET_ALERT_AT, CYCLE_FROM, LETTER_SENT_AT, CLOSED_AT"
                    + " FROM CONTACTS.OFFER_FOLLOW_UP", rs -> new Object[] {rs.getString(1),
                            new Known(Jdbc.instant(rs, "QUIET_ALERT_AT"), Jdbc.instant(rs, "CYCLE_FROM"),
                                    rs.getTimestamp(4) != null || rs.getTimestamp(5) != null)})) {
                known.put((String) r[0], (Known) r[1]);
            }
            return null;
        });
        int alerts = 0;
        for (String offerId : offers.activeOfferIds(now.minus(quiet))) {
            Instant lastAct = lastActs.get(offerId);
            Instant alerted = known.containsKey(offerId) ? known.get(offerId).quietAlertAt() : null;
            boolean maybeDue = lastAct == null ? alerted == null
                    : !lastAct.isAfter(now.minus(quiet)) && (alerted == null || !alerted.isAfter(lastAct));
            if (maybeDue) {
                alerts += onOffer(offerId, offer -> quietAlert(offer, now));
            }
        }
        int letters = 0;
        Set<String> letterDue = new TreeSet<>();
        for (String offerId : offers.activeOfferIds(now.minus(followUp))) {
            Known k = known.get(offerId);
            if (k == null || !k.letterOutOrClosed() && k.cycleFrom() == null) {
                letterDue.add(offerId); // its first cycle, from publication
            }
        }
        known.forEach((offerId, k) -> {
            if (!k.letterOutOrClosed() && k.cycleFrom() != null && !k.cycleFrom().plus(followUp).isAfter(now)) {
                letterDue.add(offerId); // a new cycle after a "still open" answer
            }
        });
        for (String offerId : letterDue) {
            letters += onOffer(offerId, offer -> followUpLetter(offer, now));
        }
        int closures = 0;
        List<String> due = jdbc.read(c -> Jdbc.list(c, "SELECT OFFER_ID FROM CONTACTS.OFFER_FOLLOW_UP"
                + " WHERE ANSWER_DUE_AT <= ? AND ANSWERED_AT IS NULL AND CLOSED_AT IS NULL", rs -> rs.getString(1),
                now));
        for (String offerId : due) {
            try {
                closures += close(offerId, now, "L'employeur n'a pas répondu à la relance dans les "
                        + answer.toDays() + " jours : offre close automatiquement.") ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Offer life cycle: offer {} not closed: {}", offerId, e.toString());
            }
        }
        return new Tally(alerts, letters, closures);
    }

    /** 1 when {@code rule} acted on the offer, still active; a failure is logged and leaves the offer as it is. */
    private int onOffer(String offerId, java.util.function.Predicate<Offer> rule) {
        try {
            Offer offer = offers.find(offerId).filter(Offer::visible).orElse(null);
            return offer != null && rule.test(offer) ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("Offer life cycle: offer {} left as it is: {}", offerId, e.toString());
            return 0;
        }
    }

    /** The no-movement alert: nothing happened on the offer for {@code quiet}, and no alert since. */
    private boolean quietAlert(Offer offer, Instant now) {
        Instant published = Optional.ofNullable(offer.content().createdAt()).orElse(offer.changedAt());
        return jdbc.tx(c -> {
            Instant lastAct = Jdbc.one(c, "SELECT MAX(UPDATED_AT) FROM CONTACTS.REFERRAL WHERE OFFER_ID = ?",
                    rs -> rs.getTimestamp(1) == null ? Instant.MIN : rs.getTimestamp(1).toInstant(), offer.id())
                    .orElse(Instant.MIN);
            Instant lastMove = lastAct.isBefore(published) ? published : lastAct;
            Instant alerted = row(c, offer.id()).map(FollowUp::quietAlertAt).orElse(null);
            if (lastMove.plus(quiet).isAfter(now) || alerted != null && alerted.isAfter(lastMove)) {
                return false;
            }
            Optional<Notifier.EmployerRecipient> to = Notifier.employerRecipient(offer);
            ensureRow(c, offer.id());
            Jdbc.update(c, "UPDATE CONTACTS.OFFER_FOLLOW_UP SET QUIET_ALERT_AT = ? WHERE OFFER_ID = ?", now,
                    offer.id());
            if (to.isPresent()) {
                mail.enqueue(c, new Mail(to.get().address(), "Votre offre " + offer.id() + " n'a pas reçu de"
                        + " candidature", to.get().greeting(offer.id()) + "\n\nVotre offre " + offer.id() + " – "
                                + title(offer) + " n'a connu aucun mouvement"
                                + " (candidature proposée ou suivie) depuis le " + DAY.format(lastMove) + ".\n"
                                + "Pour la rendre plus attractive (intitulé, salaire, conditions) ou nous dire qu'elle"
                                + " est pourvue, répondez à votre correspondant France Travail.\n\nCordialement,\n"
                                + "Opus, pour France Travail et ses partenaires\n",
                        "offer-quiet:" + offer.id() + ":" + lastMove.getEpochSecond()));
            }
            return true;
        });
    }

    /** The follow-up letter, {@code followUp} after publication (or after the last "still open" answer). */
    private boolean followUpLetter(Offer offer, Instant now) {
        Instant published = Optional.ofNullable(offer.content().createdAt()).orElse(offer.changedAt());
        return jdbc.tx(c -> {
            record Cycle(Instant from, boolean letterOut) {
            }
            Optional<Cycle> known = Jdbc.one(c, "SELECT CYCLE_FROM, LETTER_SENT_AT, CLOSED_AT FROM"
                    + " CONTACTS.OFFER_FOLLOW_UP WHERE OFFER_ID = ?", rs -> new Cycle(Jdbc.instant(rs, "CYCLE_FROM"),
                            rs.getTimestamp(2) != null || rs.getTimestamp(3) != null), offer.id());
            if (known.isPresent() && known.get().letterOut()) {
                return false;
            }
            Instant from = known.map(Cycle::from).orElse(null);
            if (from == null) {
                from = published;
            }
            if (from.plus(followUp).isAfter(now)) {
                return false;
            }
            Optional<Notifier.EmployerRecipient> to = Notifier.employerRecipient(offer);
            if (to.isEmpty()) {
                return false; // nobody to ask: France Travail follows the offer by its own means
            }
            ensureRow(c, offer.id());
            Instant due = now.plus(answer);
            if (Jdbc.update(c, "UPDATE CONTACTS.OFFER_FOLLOW_UP SET LETTER_SENT_AT = ?, ANSWER_DUE_AT = ?,"
                    + " ANSWERED_AT = NULL, ANSWERED_BY = NULL, STILL_OPEN = NULL WHERE OFFER_ID = ?"
                    + " AND LETTER_SENT_AT IS NULL", now, due, offer.id()) == 0) {
                return false;
            }
            mail.enqueue(c, new Mail(to.get().address(), "Relance : votre offre " + offer.id() + " est-elle toujours"
                    + " à pourvoir ?", to.get().greeting(offer.id()) + "\n\nVotre offre " + offer.id() + " – "
                            + title(offer) + " est diffusée depuis le "
                            + DAY.format(published) + ". Est-elle toujours à pourvoir ?\n\nRépondez à votre"
                            + " correspondant France Travail" + (offer.managingPartner() != null ? " ou à "
                                    + offer.managingPartner().name() : "") + " avant le " + DAY.format(due)
                            + " : sans réponse, l'offre sera close automatiquement et les candidats en seront"
                            + " informés.\n\nCordialement,\nOpus, pour France Travail et ses partenaires\n",
                    "offer-follow-up:" + offer.id() + ":" + now.getEpochSecond()));
            return true;
        });
    }

    /**
     * Closes the offer through the feed, as France Travail's system would, then makes every open act on it obsolete,
     * which tells the candidates. Whether this call closed it.
     */
    private boolean close(String offerId, Instant now, String why) {
        Offer offer = offers.find(offerId).orElse(null);
        boolean claimed = jdbc.tx(c -> {
            ensureRow(c, offerId);
            return Jdbc.update(c, "UPDATE CONTACTS.OFFER_FOLLOW_UP SET CLOSED_AT = ? WHERE OFFER_ID = ?"
                    + " AND CLOSED_AT IS NULL", now, offerId) == 1;
        });
        if (!claimed) {
            return false;
        }
        if (offer != null && offer.visible()) {
            // a stable event id: a repeat after a crash is a duplicate the feed ignores
            feed.accept(List.of(new OfferEvent("opus-closure:" + offerId, OfferEventType.CLOSED, offerId,
                    offer.version() + 1, now, null)));
        }
        List<String[]> open = jdbc.read(c -> Jdbc.list(c, "SELECT ID, STATE FROM CONTACTS.REFERRAL WHERE OFFER_ID = ?"
                + " AND OPEN_KEY IS NOT NULL", rs -> new String[] {rs.getString(1), rs.getString(2)}, offerId));
        for (String[] r : open) {
            jdbc.tx(c -> ContactsManager.close(c, notifier, r[0], ReferralState.valueOf(r[1]),
                    ReferralState.OBSOLETE, now, why));
        }
        return true;
    }

    @Override
    public FollowUp followUp(Caller by, String offerId) {
        Offer offer = followed(by, offerId);
        return jdbc.read(c -> row(c, offer.id())).orElse(new FollowUp(offer.id(), null, null, null, null, null, null,
                null));
    }

    @Override
    public FollowUp answer(Caller by, String offerId, boolean stillOpen, String comment) {
        Offer offer = followed(by, offerId);
        String note = Inputs.screened(comment, 1000, "comment");
        Instant now = clock.instant();
        jdbc.tx(c -> {
            ensureRow(c, offer.id());
            // a "still open" answer starts a new cycle: the next letter comes followUpDays from now
            Jdbc.update(c, "UPDATE CONTACTS.OFFER_FOLLOW_UP SET ANSWERED_AT = ?, ANSWERED_BY = ?, STILL_OPEN = ?,"
                    + " ANSWER_COMMENT = ?, CYCLE_FROM = ?, LETTER_SENT_AT = ?, ANSWER_DUE_AT = NULL"
                    + " WHERE OFFER_ID = ?", now, by.login(), stillOpen ? 1 : 0, note, stillOpen ? now : null,
                    stillOpen ? null : now, offer.id());
            return null;
        });
        audit.record(by, null, "offer.follow-up.answer", "offer", offer.id(), true, stillOpen ? "toujours à pourvoir"
                : "pourvue ou abandonnée");
        if (!stillOpen) {
            close(offer.id(), now, "L'employeur a répondu à la relance : l'offre n'est plus à pourvoir.");
        }
        return jdbc.read(c -> row(c, offer.id())).orElseThrow();
    }

    /** The offer, if the caller follows it: France Travail's staff, or its managing partner's people. */
    private Offer followed(Caller by, String offerId) {
        Offer offer = offerId == null ? null : offers.find(offerId.strip()).orElse(null);
        if (offer == null) {
            throw OpusException.notFound(OfferProblemCodes.OFFER_NOT_FOUND, "Offre « " + offerId + " » introuvable.");
        }
        if (by.is(Role.FT_AGENT, Role.REGIONAL_OPERATOR)) {
            return offer;
        }
        if (by.is(Role.ACCOUNT_MANAGER, Role.COUNSELLOR) && ContactsManager.manages(offers, partners, by, offer.id())) {
            return offer;
        }
        throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Le suivi d'une offre revient à France Travail"
                + " et à la structure qui la gère.");
    }

    private static void ensureRow(Connection c, String offerId) throws SQLException {
        Jdbc.update(c, "INSERT INTO CONTACTS.OFFER_FOLLOW_UP (OFFER_ID) SELECT ? FROM SYSIBM.SYSDUMMY1 WHERE NOT"
                + " EXISTS (SELECT 1 FROM CONTACTS.OFFER_FOLLOW_UP WHERE OFFER_ID = ?)", offerId, offerId);
    }

    private static Optional<FollowUp> row(Connection c, String offerId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM CONTACTS.OFFER_FOLLOW_UP WHERE OFFER_ID = ?", rs -> {
            int stillOpen = rs.getInt("STILL_OPEN");
            boolean answered = !rs.wasNull();
            return new FollowUp(offerId, Jdbc.instant(rs, "QUIET_ALERT_AT"), Jdbc.instant(rs, "LETTER_SENT_AT"),
                    Jdbc.instant(rs, "ANSWER_DUE_AT"), Jdbc.instant(rs, "ANSWERED_AT"), rs.getString("ANSWERED_BY"),
                    answered ? stillOpen == 1 : null, Jdbc.instant(rs, "CLOSED_AT"));
        }, offerId);
    }

    private static String title(Offer offer) {
        return offer.content().title() == null ? "" : offer.content().title();
    }
}
