package fr.opus.preselection.impl;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.Inputs;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.PreselectionProblemCodes;
import fr.opus.preselection.api.Preselections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Preselection in the PRESELECTION schema, on top of the core capabilities' APIs only: the offer and its level come
 * from {@link OfferCatalog}; a candidacy rests on a mise en relation (or, for a partner without the delegation, a
 * convocation) that {@link Referrals} keeps, so that the job seeker's file, the notifications, the webhooks and the
 * placement indicators of core see it like any other act.
 *
 * <p><b>Two stores, one truth.</b> The act and its state are core's; the module keeps what only preselection knows
 * (checklist, synthesis, scores, assessments, review, the employer's feedback) and mirrors the act's state. Each step
 * changes the module's row and the act in one module transaction: core's move runs first inside it, so a refused
 * move leaves nothing behind; a failed commit after an accepted move is reconciled by {@link ReferralStateHandler},
 * which also follows moves made elsewhere (a counsellor withdrawing through core, an offer closing).
 */
@Component(service = {Preselections.class, PreselectionManager.class}, configurationPid = PreselectionConfig.PID)
@Designate(ocd = PreselectionConfig.class)
public class PreselectionManager implements Preselections {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int MAX_PREREQUISITES = 20;
    static final int MAX_CRITERIA = 10;
    private static final int MAX_ITEM = 200;
    private static final int MIN_SYNTHESIS = 50;
    private static final int MAX_SYNTHESIS = 4000;
    /** The longest comment core keeps on an act's step. */
    static final int CORE_COMMENT = 1000;

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final Referrals referrals;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final EventOutbox events;
    private final Clock clock;
    private volatile Duration feedbackDelay;

    @Activate
    public PreselectionManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=PRESELECTION)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference Referrals referrals, @Reference PartnerDirectory partners, @Reference AuditTrail audit,
            @Reference EventOutbox events, PreselectionConfig config) {
        this(dataSource, offers, referrals, partners, audit, events, Clock.systemUTC(), config.feedbackDays());
    }

    PreselectionManager(DataSource dataSource, OfferCatalog offers, Referrals referrals, PartnerDirectory partners,
            AuditTrail audit, EventOutbox events, Clock clock, int feedbackDays) {
        this.jdbc = new Jdbc(dataSource);
        this.offers = offers;
        this.referrals = referrals;
        this.partners = partners;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.feedbackDelay = Duration.ofDays(feedbackDays);
    }

    @Modified
    void modified(PreselectionConfig config) {
        this.feedbackDelay = Duration.ofDays(config.feedbackDays());
    }

    // ------------------------------------------------------------------------------------------------ the offer

    @Override
    public OfferPreselection preselection(Caller by, String offerId) {
        Offer offer = preselectedOffer(offerId);
        return jdbc.read(c -> view(c, offer));
    }

    @Override
    public OfferPreselection define(Caller by, String offerId, PreselectionDraft draft) {
        requireFranceTravail(by);
        Offer offer = preselectedOffer(offerId);
        Spec spec = validate(offer.preselection(), draft);
        Instant now = clock.instant();
        OfferPreselection defined = jdbc.tx(c -> {
            int n = Jdbc.update(c, "UPDATE PRESELECTION.OFFER_PRESELECTION SET PREREQUISITES = ?, CRITERIA = ?,"
                            + " TOOLS = ?, CANDIDATES_WANTED = ?, UPDATED_BY = ?, UPDATED_AT = ? WHERE OFFER_ID = ?",
                    lines(spec.prerequisites()), criteriaText(spec.criteria()), toolsText(spec.tools()),
                    spec.candidatesWanted(), by.login(), now, offer.id());
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO PRESELECTION.OFFER_PRESELECTION (OFFER_ID, PREREQUISITES, CRITERIA,"
                                + " TOOLS, CANDIDATES_WANTED, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        offer.id(), lines(spec.prerequisites()), criteriaText(spec.criteria()),
                        toolsText(spec.tools()), spec.candidatesWanted(), by.login(), now);
            }
            return view(c, offer);
        });
        audit.record(by, null, "preselection.define", "offer", offer.id(), true, offer.preselection().name());
        return defined;
    }

    // ------------------------------------------------------------------------------------------------ candidacies

    @Override
    public Candidacy propose(Caller by, String offerId, CandidacyDraft draft) {
        if (!by.is(Role.COUNSELLOR, Role.ACCOUNT_MANAGER)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Seuls les conseillers et le RGC d'une"
                    + " structure partenaire proposent des candidats.");
        }
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "La proposition est absente.", null);
        }
        Offer offer = preselectedOffer(offerId);
        Spec spec = jdbc.read(c -> spec(c, offer.id())).orElse(Spec.EMPTY);
        Proposal proposal = validate(offer.preselection(), spec, draft);
        ReferralKind kind = by.mayUse(ServiceDefinition.DELEGATION_MER) ? ReferralKind.RELATION
                : ReferralKind.SUMMONS;
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Referral act = referrals.create(by, offer.id(), draft.jobSeekerId().strip(), kind, false, proposal.note());
        try {
            Candidacy created = jdbc.tx(c -> {
                Jdbc.update(c, "INSERT INTO PRESELECTION.CANDIDACY (ID, OFFER_ID, REFERRAL_ID, JOB_SEEKER_ID,"
                                + " PARTNER_ID, COUNSELLOR, PRESELECTION_LEVEL, STATE, AVAILABLE_FROM, PREREQUISITES,"
                                + " SYNTHESIS, SCORES, WEIGHTED_SCORE, NOTE, CREATED_AT, UPDATED_AT)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, offer.id(), act.id(), act.jobSeekerId(), act.partnerId(), by.login(),
                        offer.preselection(), CandidacyState.PROPOSED, proposal.availableFrom(),
                        lines(spec.prerequisites()), proposal.synthesis(), scoresText(proposal.scores()),
                        weighted(spec.criteria(), proposal.scores()), proposal.note(), now, now);
                for (Assessment a : proposal.assessments()) {
                    Jdbc.update(c, "INSERT INTO PRESELECTION.ASSESSMENT (CANDIDACY_ID, TOOL, ASSESSED_ON, FAVOURABLE,"
                            + " COMMENTS) VALUES (?, ?, ?, ?, ?)", id, a.tool(), a.on(), a.favourable(), a.comment());
                }
                Candidacy candidacy = candidacy(c, id).orElseThrow();
                publish(c, candidacy, "preselection.candidacy-proposed", now);
                return candidacy;
            });
            audit.record(by, null, "preselection.propose", "candidacy", id, true, offer.id());
            return created;
        } catch (RuntimeException e) {
            // the act must not outlive a proposal that was not stored
            referrals.move(by, act.id(), ReferralState.WITHDRAWN, null, "Proposition de présélection non enregistrée.");
            throw e;
        }
    }

    @Override
    public List<Candidacy> candidacies(Caller by, String offerId) {
        Offer offer = preselectedOffer(offerId);
        boolean all = !by.role().partnerBound() || manages(by, offer);
        List<Candidacy> found = jdbc.read(c -> {
            List<Row> rows = all
                    ? Jdbc.list(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE OFFER_ID = ? ORDER BY CREATED_AT",
                            PreselectionManager::row, offer.id())
                    : Jdbc.list(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE OFFER_ID = ? AND PARTNER_ID = ?"
                            + " ORDER BY CREATED_AT", PreselectionManager::row, offer.id(), by.partnerId());
            List<Candidacy> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(candidacy(c, r));
            }
            return list;
        });
        audit.record(by, null, "preselection.list", "offer", offer.id(), true, found.size() + " candidature(s)");
        return found;
    }

    @Override
    public Candidacy candidacy(Caller by, String candidacyId) {
        Candidacy found = jdbc.read(c -> visible(c, by, candidacyId));
        audit.record(by, null, "preselection.read", "candidacy", found.id(), true, null);
        return found;
    }

    @Override
    public Candidacy review(Caller by, String candidacyId, boolean transmit, String note) {
        requireFranceTravail(by);
        String why = Inputs.screened(note, 1000, "note");
        if (!transmit && why == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez pourquoi la candidature n'est pas"
                    + " transmise : le conseiller et le candidat en sont informés.", "note");
        }
        CandidacyState to = transmit ? CandidacyState.TRANSMITTED : CandidacyState.DECLINED;
        Instant now = clock.instant();
        Candidacy reviewed = step(by, candidacyId, EnumSet.of(CandidacyState.PROPOSED), to, now, (c, row) -> {
            Jdbc.update(c, "UPDATE PRESELECTION.CANDIDACY SET REVIEWED_BY = ?, REVIEW_NOTE = ?, REVIEWED_AT = ?,"
                    + " TRANSMITTED_AT = ? WHERE ID = ?", by.login(), why, now, transmit ? now : null, row.id());
            referrals.move(by, row.referralId(), transmit ? ReferralState.SENT : ReferralState.WITHDRAWN, null,
                    transmit ? prefixed("Candidature transmise à l'employeur par le correspondant France Travail", why)
                            : prefixed("Candidature non transmise par le correspondant France Travail", why));
            return transmit ? "preselection.candidacy-transmitted" : "preselection.candidacy-declined";
        });
        audit.record(by, null, "preselection.review", "candidacy", candidacyId, true, to.name());
        return reviewed;
    }

    @Override
    public Candidacy feedback(Caller by, String candidacyId, EmployerFeedback feedback) {
        requireFranceTravail(by);
        if (feedback == null || (feedback.received() == null && feedback.hired() == null)) {
            throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "Indiquez au moins si l'employeur"
                    + " a reçu le candidat (received) ou s'il l'a recruté (hired).", "received");
        }
        String comment = Inputs.screened(feedback.comment(), 2000, "comment");
        Boolean hired = feedback.hired();
        if (Boolean.FALSE.equals(hired) && feedback.reason() == null) {
            throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "Le motif est obligatoire pour un"
                    + " candidat non retenu (liste : GET /api/v1/referrals/reasons).", "reason");
        }
        if (!Boolean.FALSE.equals(hired) && feedback.reason() != null) {
            throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "Un motif ne s'indique que pour un"
                    + " candidat non retenu.", "reason");
        }
        if (Boolean.TRUE.equals(hired) && Boolean.FALSE.equals(feedback.received())) {
            throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "Un candidat recruté a forcément"
                    + " été reçu par l'employeur.", "received");
        }
        CandidacyState to = hired == null ? CandidacyState.RECEIVED
                : hired ? CandidacyState.HIRED : CandidacyState.NOT_RETAINED;
        if (to == CandidacyState.RECEIVED && !Boolean.TRUE.equals(feedback.received())) {
            throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "Sans décision de l'employeur,"
                    + " le retour dit que le candidat a été reçu (received: true).", "received");
        }
        Instant now = clock.instant();
        Set<CandidacyState> from = to == CandidacyState.RECEIVED ? EnumSet.of(CandidacyState.TRANSMITTED)
                : EnumSet.of(CandidacyState.TRANSMITTED, CandidacyState.RECEIVED);
        Candidacy recorded = step(by, candidacyId, from, to, now, (c, row) -> {
            if (hired != null && row.level() != PreselectionLevel.VERIFICATION && comment == null) {
                throw OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK, "En " + levelLabel(row.level())
                        + ", l'employeur s'est engagé à un retour qualitatif sur chaque candidature : indiquez-le.",
                        "comment");
            }
            Boolean received = feedback.received() != null ? feedback.received()
                    : (row.feedbackReceived() != null ? row.feedbackReceived() : hired ? Boolean.TRUE : null);
            Jdbc.update(c, "UPDATE PRESELECTION.CANDIDACY SET FEEDBACK_RECEIVED = ?, FEEDBACK_HIRED = ?,"
                            + " FEEDBACK_REASON = ?, FEEDBACK_COMMENT = ?, FEEDBACK_BY = ?, FEEDBACK_AT = ?,"
                            + " HIRED_AT = ? WHERE ID = ?", received, hired, feedback.reason(),
                    comment != null ? comment : row.feedbackComment(), by.login(), now,
                    Boolean.TRUE.equals(hired) ? now : null, row.id());
            moveAct(by, row.referralId(), to, feedback.reason(), prefixed("Retour de l'employeur", comment));
            return "preselection.feedback-recorded";
        });
        audit.record(by, null, "preselection.feedback", "candidacy", candidacyId, true, to.name());
        return recorded;
    }

    @Override
    public Candidacy withdraw(Caller by, String candidacyId, String note) {
        String why = Inputs.screened(note, 1000, "note");
        Instant now = clock.instant();
        Candidacy withdrawn = step(by, candidacyId, EnumSet.of(CandidacyState.PROPOSED, CandidacyState.TRANSMITTED,
                CandidacyState.RECEIVED), CandidacyState.WITHDRAWN, now, (c, row) -> {
                    if (!by.mayActFor(row.partnerId())) {
                        // the managing partner reads every candidacy on its offer; it withdraws only its own
                        throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Seuls la structure qui a"
                                + " proposé le candidat et France Travail retirent une candidature.");
                    }
                    Referral act = referrals.referral(by, row.referralId());
                    if (act.state().mayMoveTo(ReferralState.WITHDRAWN)) {
                        referrals.move(by, row.referralId(), ReferralState.WITHDRAWN, null,
                                prefixed("Candidature de présélection retirée", why));
                    }
                    return "preselection.candidacy-withdrawn";
                });
        audit.record(by, null, "preselection.withdraw", "candidacy", candidacyId, true, null);
        return withdrawn;
    }

    /**
     * Follows a move of a candidacy's act made outside the module (the counsellor withdrew it through core, the
     * offer closed, the employer's answer was recorded on the act): the candidacy takes the matching state. Moves the
     * module made itself find the candidacy already there. Idempotent.
     */
    void actMoved(String referralId, ReferralState actState) {
        CandidacyState mirrored = switch (actState) {
            case SENT, CV_REQUESTED -> CandidacyState.TRANSMITTED;
            case SUMMONED -> CandidacyState.RECEIVED;
            case HIRED -> CandidacyState.HIRED;
            case NOT_RETAINED -> CandidacyState.NOT_RETAINED;
            case WITHDRAWN, OBSOLETE, NO_ANSWER -> CandidacyState.WITHDRAWN;
            case PROPOSED -> null;
        };
        if (mirrored == null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.tx(c -> {
            Optional<Row> found = Jdbc.one(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE REFERRAL_ID = ?",
                    PreselectionManager::row, referralId);
            if (found.isEmpty() || found.get().state() == mirrored || !follows(found.get().state(), mirrored)) {
                return null;
            }
            Row row = found.get();
            Jdbc.update(c, "UPDATE PRESELECTION.CANDIDACY SET STATE = ?, UPDATED_AT = ?,"
                            + " TRANSMITTED_AT = COALESCE(TRANSMITTED_AT, ?), HIRED_AT = ? WHERE ID = ? AND STATE = ?",
                    mirrored, now, mirrored.transmitted() ? now : null,
                    mirrored == CandidacyState.HIRED ? now : null, row.id(), row.state());
            return null;
        });
    }

    /** Whether a candidacy in {@code from} may take {@code to} from its act: only forward, never out of a final state. */
    private static boolean follows(CandidacyState from, CandidacyState to) {
        if (!from.open()) {
            return false;
        }
        return switch (to) {
            case TRANSMITTED -> from == CandidacyState.PROPOSED;
            case RECEIVED -> from == CandidacyState.PROPOSED || from == CandidacyState.TRANSMITTED;
            default -> true;
        };
    }

    @Override
    public PreselectionIndicators indicators(Caller by, LocalDate from, LocalDate to, String partnerId) {
        if (from == null || to == null || to.isBefore(from)) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez une période : du (from) au (to),"
                    + " le second au plus tôt le premier.", from == null ? "from" : "to");
        }
        if (to.isAfter(from.plusYears(5))) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "La période tient en 5 ans au plus.", "to");
        }
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        if (by.role().partnerBound()) {
            if (partner != null && !partner.equals(by.partnerId())) {
                throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Une structure ne consulte que ses"
                        + " propres indicateurs.");
            }
            partner = by.partnerId();
        } else if (!by.is(Role.REGIONAL_OPERATOR, Role.FT_AGENT)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Indicateurs réservés à France Travail et"
                    + " aux structures partenaires.");
        }
        Instant start = from.atStartOfDay(PARIS).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(PARIS).toInstant();
        String who = partner;
        // only the columns the figures need (not the texts): measured 3x faster than whole rows on a year of 100,000
        String columns = "SELECT OFFER_ID, CREATED_AT, HIRED_AT, TRANSMITTED_AT, STATE, PRESELECTION_LEVEL,"
                + " FEEDBACK_RECEIVED, FEEDBACK_HIRED, CASE WHEN FEEDBACK_COMMENT IS NULL THEN 0 ELSE 1 END AS COMMENTED"
                + " FROM PRESELECTION.CANDIDACY WHERE ";
        Jdbc.RowMapper<Figure> figure = rs -> new Figure(rs.getString("OFFER_ID"), Jdbc.instant(rs, "CREATED_AT"),
                Jdbc.instant(rs, "HIRED_AT"), rs.getTimestamp("TRANSMITTED_AT") != null
                        || CandidacyState.valueOf(rs.getString("STATE")).transmitted(),
                answered(PreselectionLevel.valueOf(rs.getString("PRESELECTION_LEVEL")),
                        (Boolean) rs.getObject("FEEDBACK_RECEIVED"), (Boolean) rs.getObject("FEEDBACK_HIRED"),
                        rs.getInt("COMMENTED") == 1));
        List<Figure> rows = jdbc.read(c -> who == null
                ? Jdbc.list(c, columns + "CREATED_AT >= ? AND CREATED_AT < ?", figure, start, end)
                : Jdbc.list(c, columns + "PARTNER_ID = ? AND CREATED_AT >= ? AND CREATED_AT < ?", figure, who, start,
                        end));
        Map<String, Instant> firstProposal = new HashMap<>();
        Map<String, Instant> firstHire = new HashMap<>();
        int transmitted = 0;
        int hired = 0;
        int answered = 0;
        for (Figure r : rows) {
            firstProposal.merge(r.offerId(), r.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            if (r.transmitted()) {
                transmitted++;
                if (r.answered()) {
                    answered++;
                }
            }
            if (r.hiredAt() != null) {
                hired++;
                firstHire.merge(r.offerId(), r.hiredAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        int offerCount = firstProposal.size();
        double days = 0;
        for (Map.Entry<String, Instant> e : firstHire.entrySet()) {
            days += Duration.between(firstProposal.get(e.getKey()), e.getValue()).toMinutes() / 1440.0;
        }
        audit.record(by, null, "preselection.indicators", "partner", who, true, from + ".." + to);
        return new PreselectionIndicators(from, to, who, offerCount, firstHire.size(),
                offerCount == 0 ? null : round((double) firstHire.size() / offerCount),
                firstHire.isEmpty() ? null : round(days / firstHire.size()), rows.size(), transmitted, hired,
                transmitted == 0 ? null : round((double) answered / transmitted));
    }

    // ------------------------------------------------------------------------------------------------ steps

    @FunctionalInterface
    private interface Step {
        /** Does the step's own writes and core's move; answers the event type to publish. */
        String apply(Connection c, Row row) throws SQLException;
    }

    /**
     * One step of a candidacy: claims the transition on the module's row, applies the step (core's act moves inside
     * the transaction, before the commit), publishes the event; a refused move rolls everything back.
     */
    private Candidacy step(Caller by, String candidacyId, Set<CandidacyState> from, CandidacyState to, Instant now,
            Step step) {
        return jdbc.tx(c -> {
            Row row = visibleRow(c, by, candidacyId);
            if (!from.contains(row.state())) {
                throw OpusException.conflict(PreselectionProblemCodes.CANDIDACY_STATE, "La candidature est « "
                        + row.state().label() + " » : cette étape demande qu'elle soit "
                        + from.stream().map(CandidacyState::label).collect(Collectors.joining(" ou ")) + ".", "state");
            }
            int n = Jdbc.update(c, "UPDATE PRESELECTION.CANDIDACY SET STATE = ?, UPDATED_AT = ? WHERE ID = ?"
                    + " AND STATE = ?", to, now, row.id(), row.state());
            if (n == 0) {
                throw OpusException.conflict(PreselectionProblemCodes.CANDIDACY_STATE, "La candidature vient d'être"
                        + " modifiée par quelqu'un d'autre : rechargez-la.", "state");
            }
            String type = step.apply(c, row);
            Candidacy changed = candidacy(c, row.id()).orElseThrow();
            publish(c, changed, type, now);
            return changed;
        });
    }

    /** Moves the act to the state matching the employer's feedback, through the states core requires. */
    private void moveAct(Caller by, String referralId, CandidacyState to, RejectionReason reason, String comment) {
        Referral act = referrals.referral(by, referralId);
        ReferralState target = switch (to) {
            case RECEIVED -> ReferralState.SUMMONED;
            case HIRED -> ReferralState.HIRED;
            case NOT_RETAINED -> ReferralState.NOT_RETAINED;
            default -> throw new IllegalArgumentException(to.name());
        };
        if (act.state() == target) {
            return;
        }
        referrals.move(by, referralId, target, target == ReferralState.NOT_RETAINED ? reason : null, comment);
    }

    private void publish(Connection c, Candidacy candidacy, String type, Instant now) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("candidacyId", candidacy.id());
        data.put("offerId", candidacy.offerId());
        data.put("referralId", candidacy.referralId());
        data.put("jobSeekerId", candidacy.jobSeekerId());
        data.put("level", candidacy.level().name());
        data.put("state", candidacy.state().name());
        events.publish(c, new DomainEvent("candidacy:" + candidacy.id() + ":" + candidacy.state() + ":"
                + now.toEpochMilli(), type, now, Set.of(candidacy.partnerId()), candidacy.id(), data));
    }

    // ------------------------------------------------------------------------------------------------ reads

    private OfferPreselection view(Connection c, Offer offer) throws SQLException {
        Optional<Spec> stored = spec(c, offer.id());
        Spec spec = stored.orElse(Spec.EMPTY);
        List<Row> rows = Jdbc.list(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE OFFER_ID = ?",
                PreselectionManager::row, offer.id());
        int proposed = (int) rows.stream().filter(r -> r.state() == CandidacyState.PROPOSED).count();
        return new OfferPreselection(offer.id(), offer.preselection(), stored.isPresent(), spec.prerequisites(),
                spec.criteria(), spec.tools(), spec.candidatesWanted(), proposed,
                commitments(offer.preselection(), rows), spec.updatedBy(), spec.updatedAt());
    }

    /** What the employer committed to under the level, and how far it is kept (DOMAIN §5). */
    Commitments commitments(PreselectionLevel level, List<Row> rows) {
        Instant due = clock.instant().minus(feedbackDelay);
        int transmitted = 0;
        int answered = 0;
        int overdue = 0;
        for (Row r : rows) {
            if (r.transmittedAt() == null && !r.state().transmitted()) {
                continue;
            }
            transmitted++;
            if (answered(r)) {
                answered++;
            } else if (r.transmittedAt() != null && r.transmittedAt().isBefore(due)) {
                overdue++;
            }
        }
        return new Commitments(expected(level), transmitted, answered, overdue, answered == transmitted);
    }

    static List<String> expected(PreselectionLevel level) {
        return switch (level) {
            case VERIFICATION -> List.of("Indiquer, pour chaque candidat transmis, s'il a été reçu et s'il a été"
                    + " recruté.");
            case ENDORSEMENT -> List.of("Indiquer, pour chaque candidat transmis, s'il a été reçu et s'il a été"
                    + " recruté.", "Donner un retour qualitatif sur chaque candidature.");
            case ASSESSMENT -> List.of("Recevoir chaque candidat transmis.", "Indiquer s'il a été recruté et"
                    + " donner un retour sur chaque candidature.");
        };
    }

    /** Whether a transmitted candidate has the feedback the level requires. */
    static boolean answered(Row r) {
        return answered(r.level(), r.feedbackReceived(), r.feedbackHired(), r.feedbackComment() != null);
    }

    static boolean answered(PreselectionLevel level, Boolean received, Boolean hired, boolean commented) {
        boolean decided = hired != null && received != null;
        return switch (level) {
            case VERIFICATION -> decided;
            case ENDORSEMENT -> decided && commented;
            case ASSESSMENT -> decided && Boolean.TRUE.equals(received) && commented;
        };
    }

    private Candidacy visible(Connection c, Caller by, String id) throws SQLException {
        return candidacy(c, visibleRow(c, by, id));
    }

    private Row visibleRow(Connection c, Caller by, String id) throws SQLException {
        Optional<Row> row = id == null ? Optional.empty()
                : Jdbc.one(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE ID = ?", PreselectionManager::row,
                        id.strip());
        if (row.isEmpty() || !(by.mayActFor(row.get().partnerId()) || manages(by, row.get().offerId()))) {
            throw OpusException.notFound(PreselectionProblemCodes.CANDIDACY_NOT_FOUND, "Candidature « " + id
                    + " » introuvable.");
        }
        return row.get();
    }

    private Optional<Candidacy> candidacy(Connection c, String id) throws SQLException {
        Optional<Row> row = Jdbc.one(c, "SELECT * FROM PRESELECTION.CANDIDACY WHERE ID = ?", PreselectionManager::row,
                id);
        return row.isEmpty() ? Optional.empty() : Optional.of(candidacy(c, row.get()));
    }

    private static Candidacy candidacy(Connection c, Row r) throws SQLException {
        List<Assessment> assessments = Jdbc.list(c, "SELECT * FROM PRESELECTION.ASSESSMENT WHERE CANDIDACY_ID = ?"
                + " ORDER BY TOOL", rs -> new Assessment(AssessmentTool.valueOf(rs.getString("TOOL")),
                        Jdbc.date(rs, "ASSESSED_ON"), rs.getBoolean("FAVOURABLE"), rs.getString("COMMENTS")), r.id());
        Map<String, Boolean> checked = new LinkedHashMap<>();
        for (String p : split(r.prerequisites())) {
            checked.put(p, Boolean.TRUE);
        }
        EmployerFeedback feedback = r.feedbackAt() == null ? null : new EmployerFeedback(r.feedbackReceived(),
                r.feedbackHired(), r.feedbackReason(), r.feedbackComment(), r.feedbackBy(), r.feedbackAt());
        return new Candidacy(r.id(), r.offerId(), r.referralId(), r.jobSeekerId(), r.partnerId(), r.counsellor(),
                r.level(), r.state(), r.availableFrom(), checked, r.synthesis(), scores(r.scores()), r.weightedScore(),
                assessments, r.note(), r.reviewedBy(), r.reviewNote(), r.reviewedAt(), feedback, r.createdAt(),
                r.updatedAt());
    }

    private static Optional<Spec> spec(Connection c, String offerId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM PRESELECTION.OFFER_PRESELECTION WHERE OFFER_ID = ?", rs -> new Spec(
                split(rs.getString("PREREQUISITES")), criteria(rs.getString("CRITERIA")), tools(rs.getString("TOOLS")),
                (Integer) rs.getObject("CANDIDATES_WANTED"), rs.getString("UPDATED_BY"),
                Jdbc.instant(rs, "UPDATED_AT")), offerId);
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** An active offer carrying a preselection level (anyone's step on a closed offer goes through its candidacy). */
    private Offer preselectedOffer(String offerId) {
        Offer offer = offerId == null || offerId.isBlank() ? null : offers.find(offerId.strip()).orElse(null);
        if (offer == null || !offer.visible()) {
            throw OpusException.notFound(PreselectionProblemCodes.OFFER_NOT_PRESELECTED, "Offre « " + offerId
                    + " » introuvable, suspendue ou retirée.");
        }
        if (offer.preselection() == null) {
            throw OpusException.conflict(PreselectionProblemCodes.OFFER_NOT_PRESELECTED, "L'offre " + offer.id()
                    + " est sans présélection : les candidats y sont mis en contact directement.", "offerId");
        }
        return offer;
    }

    private boolean manages(Caller by, Offer offer) {
        if (!by.role().partnerBound() || offer.managingPartner() == null
                || offer.managingPartner().safirCode() == null) {
            return false;
        }
        return offer.managingPartner().safirCode().equals(partners.partner(by, by.partnerId()).safirCode());
    }

    private boolean manages(Caller by, String offerId) {
        return by.role().partnerBound() && offers.find(offerId).map(o -> manages(by, o)).orElse(false);
    }

    private static void requireFranceTravail(Caller by) {
        if (!by.is(Role.FT_AGENT, Role.REGIONAL_OPERATOR)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Cette étape revient au correspondant"
                    + " France Travail de l'offre.");
        }
    }

    /** The requirements, validated against the level. */
    static Spec validate(PreselectionLevel level, PreselectionDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "La présélection est absente.", null);
        }
        if (draft.prerequisites().size() > MAX_PREREQUISITES) {
            throw invalid("Au plus " + MAX_PREREQUISITES + " prérequis.", "prerequisites");
        }
        List<String> prerequisites = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p : draft.prerequisites()) {
            String item = item(p, "prerequisites", "Un prérequis");
            if (!seen.add(item.toLowerCase(Locale.ROOT))) {
                throw invalid("Le prérequis « " + item + " » figure deux fois.", "prerequisites");
            }
            prerequisites.add(item);
        }
        if (!draft.criteria().isEmpty() && level == PreselectionLevel.VERIFICATION) {
            throw invalid("Les critères complémentaires pondérés relèvent de la valorisation ou de l'évaluation ;"
                    + " cette offre est en vérification.", "criteria");
        }
        if (level == PreselectionLevel.ENDORSEMENT && draft.criteria().isEmpty()) {
            throw invalid("Une valorisation repose sur au moins un critère complémentaire pondéré.", "criteria");
        }
        if (draft.criteria().size() > MAX_CRITERIA) {
            throw invalid("Au plus " + MAX_CRITERIA + " critères.", "criteria");
        }
        List<Criterion> criteria = new ArrayList<>();
        seen.clear();
        for (Criterion k : draft.criteria()) {
            if (k == null) {
                throw invalid("Un critère est vide.", "criteria");
            }
            String name = item(k.name(), "criteria", "Le nom d'un critère");
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid("Le critère « " + name + " » figure deux fois.", "criteria");
            }
            if (k.weight() < 1 || k.weight() > 5) {
                throw invalid("Le poids du critère « " + name + " » va de 1 à 5.", "criteria");
            }
            criteria.add(new Criterion(name, k.weight()));
        }
        if (!draft.tools().isEmpty() && level != PreselectionLevel.ASSESSMENT) {
            throw invalid("Les outils d'évaluation (MRS, EMT, ECCP) relèvent de l'évaluation.", "tools");
        }
        if (level == PreselectionLevel.ASSESSMENT && draft.tools().isEmpty()) {
            throw invalid("Une évaluation repose sur au moins un outil : MRS, EMT ou ECCP.", "tools");
        }
        if (new HashSet<>(draft.tools()).size() != draft.tools().size()) {
            throw invalid("Chaque outil (MRS, EMT, ECCP) figure une fois au plus.", "tools");
        }
        Integer wanted = draft.candidatesWanted();
        if (wanted != null && (wanted < 1 || wanted > 50)) {
            throw invalid("Le nombre de candidats souhaités va de 1 à 50.", "candidatesWanted");
        }
        return new Spec(prerequisites, criteria, List.copyOf(draft.tools()), wanted, null, null);
    }

    /** A proposal, validated against the level and the offer's requirements. */
    Proposal validate(PreselectionLevel level, Spec spec, CandidacyDraft draft) {
        if (draft.jobSeekerId() == null || draft.jobSeekerId().isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Le demandeur d'emploi est obligatoire.",
                    "jobSeekerId");
        }
        if ((level == PreselectionLevel.ENDORSEMENT && spec.criteria().isEmpty())
                || (level == PreselectionLevel.ASSESSMENT && spec.tools().isEmpty())) {
            throw OpusException.conflict(PreselectionProblemCodes.NOT_DEFINED, "Le correspondant France Travail n'a"
                    + " pas encore défini " + (level == PreselectionLevel.ASSESSMENT ? "les outils d'évaluation"
                            : "les critères de valorisation") + " de cette offre : les propositions attendent.", null);
        }
        if (!Boolean.TRUE.equals(draft.interested())) {
            throw unmet("Une présélection ne propose que des candidats intéressés par l'offre (DOMAIN §4).",
                    "interested");
        }
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        if (draft.availableFrom() == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez à partir de quand le candidat est"
                    + " disponible.", "availableFrom");
        }
        if (draft.availableFrom().isAfter(today.plusYears(1))) {
            throw unmet("Le candidat doit être disponible dans l'année.", "availableFrom");
        }
        for (String answered : draft.prerequisites().keySet()) {
            if (!spec.prerequisites().contains(answered)) {
                throw invalid("« " + answered + " » n'est pas un prérequis de cette offre.", "prerequisites");
            }
        }
        for (String p : spec.prerequisites()) {
            if (!Boolean.TRUE.equals(draft.prerequisites().get(p))) {
                throw unmet("Le prérequis « " + p + " » doit être vérifié et rempli.", "prerequisites");
            }
        }
        String synthesis = null;
        if (level != PreselectionLevel.VERIFICATION) {
            synthesis = Inputs.screened(draft.synthesis(), MAX_SYNTHESIS, "synthesis");
            if (synthesis == null || synthesis.length() < MIN_SYNTHESIS) {
                throw unmet("En " + levelLabel(level) + ", la synthèse argumentée du conseiller est obligatoire ("
                        + MIN_SYNTHESIS + " caractères au moins).", "synthesis");
            }
        } else if (draft.synthesis() != null && !draft.synthesis().isBlank()) {
            synthesis = Inputs.screened(draft.synthesis(), MAX_SYNTHESIS, "synthesis");
        }
        Map<String, Integer> scores = new TreeMap<>();
        Set<String> names = spec.criteria().stream().map(Criterion::name).collect(Collectors.toSet());
        for (Map.Entry<String, Integer> s : draft.scores().entrySet()) {
            if (!names.contains(s.getKey())) {
                throw invalid("« " + s.getKey() + " » n'est pas un critère de cette offre.", "scores");
            }
            if (s.getValue() == null || s.getValue() < 0 || s.getValue() > 5) {
                throw invalid("La note du critère « " + s.getKey() + " » va de 0 à 5.", "scores");
            }
            scores.put(s.getKey(), s.getValue());
        }
        for (String name : names) {
            if (!scores.containsKey(name)) {
                throw unmet("Notez le candidat sur le critère « " + name + " » (0 à 5).", "scores");
            }
        }
        Map<AssessmentTool, Assessment> results = new LinkedHashMap<>();
        for (Assessment a : draft.assessments()) {
            if (a == null || a.tool() == null || a.on() == null) {
                throw invalid("Chaque résultat d'évaluation indique son outil (MRS, EMT, ECCP) et sa date.",
                        "assessments");
            }
            if (!spec.tools().contains(a.tool())) {
                throw invalid("L'outil " + a.tool() + " n'est pas retenu pour cette offre.", "assessments");
            }
            if (a.on().isAfter(today)) {
                throw invalid("Un résultat d'évaluation porte sur une date passée.", "assessments");
            }
            if (results.put(a.tool(), new Assessment(a.tool(), a.on(), a.favourable(),
                    Inputs.screened(a.comment(), 1000, "assessments"))) != null) {
                throw invalid("Un seul résultat par outil.", "assessments");
            }
            if (!a.favourable()) {
                throw unmet("Le résultat " + a.tool() + " est défavorable : l'évaluation ne retient pas ce candidat.",
                        "assessments");
            }
        }
        for (AssessmentTool tool : spec.tools()) {
            if (!results.containsKey(tool)) {
                throw unmet("Indiquez le résultat de l'évaluation " + tool.label() + ".", "assessments");
            }
        }
        return new Proposal(draft.availableFrom(), synthesis, scores, List.copyOf(results.values()),
                Inputs.screened(draft.comment(), 1000, "comment"));
    }

    static Double weighted(List<Criterion> criteria, Map<String, Integer> scores) {
        if (criteria.isEmpty()) {
            return null;
        }
        double sum = 0;
        int weights = 0;
        for (Criterion k : criteria) {
            sum += k.weight() * scores.getOrDefault(k.name(), 0);
            weights += k.weight();
        }
        return round(sum / weights);
    }

    static String levelLabel(PreselectionLevel level) {
        return switch (level) {
            case VERIFICATION -> "vérification";
            case ENDORSEMENT -> "valorisation";
            case ASSESSMENT -> "évaluation";
        };
    }

    private static String item(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " est vide.", field);
        }
        String v = value.strip();
        if (v.length() > MAX_ITEM || v.contains("\n") || v.contains("\r") || v.contains("\t")) {
            throw invalid(what + " tient sur une ligne de " + MAX_ITEM + " caractères au plus.", field);
        }
        SensitiveText.check(v, field);
        return v;
    }

    private static OpusException invalid(String detail, String field) {
        return OpusException.invalid(PreselectionProblemCodes.INVALID_PRESELECTION, detail, field);
    }

    private static OpusException unmet(String detail, String field) {
        return new OpusException(422, PreselectionProblemCodes.REQUIREMENTS_NOT_MET, detail, field);
    }

    /**
     * The comment written on core's act: a prefix saying what happened, then the note. Core keeps 1,000 characters;
     * a longer note (the employer's feedback holds 2,000) is cut there, whole in the candidacy.
     */
    static String prefixed(String prefix, String text) {
        String comment = text == null ? prefix + "." : prefix + " : " + text;
        return comment.length() <= CORE_COMMENT ? comment : comment.substring(0, CORE_COMMENT - 1) + "…";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ------------------------------------------------------------------------------------------------ storage

    record Spec(List<String> prerequisites, List<Criterion> criteria, List<AssessmentTool> tools,
            Integer candidatesWanted, String updatedBy, Instant updatedAt) {
        static final Spec EMPTY = new Spec(List.of(), List.of(), List.of(), null, null, null);
    }

    /** What the indicators read of a candidacy. */
    record Figure(String offerId, Instant createdAt, Instant hiredAt, boolean transmitted, boolean answered) {
    }

    record Proposal(LocalDate availableFrom, String synthesis, Map<String, Integer> scores,
            List<Assessment> assessments, String note) {
    }

    record Row(String id, String offerId, String referralId, String jobSeekerId, String partnerId, String counsellor,
            PreselectionLevel level, CandidacyState state, LocalDate availableFrom, String prerequisites,
            String synthesis, String scores, Double weightedScore, String note, String reviewedBy, String reviewNote,
            Instant reviewedAt, Instant transmittedAt, Boolean feedbackReceived, Boolean feedbackHired,
            RejectionReason feedbackReason, String feedbackComment, String feedbackBy, Instant feedbackAt,
            Instant hiredAt, Instant createdAt, Instant updatedAt) {
    }

    static Row row(ResultSet rs) throws SQLException {
        String reason = rs.getString("FEEDBACK_REASON");
        return new Row(rs.getString("ID"), rs.getString("OFFER_ID"), rs.getString("REFERRAL_ID"),
                rs.getString("JOB_SEEKER_ID"), rs.getString("PARTNER_ID"), rs.getString("COUNSELLOR"),
                PreselectionLevel.valueOf(rs.getString("PRESELECTION_LEVEL")),
                CandidacyState.valueOf(rs.getString("STATE")), Jdbc.date(rs, "AVAILABLE_FROM"),
                rs.getString("PREREQUISITES"), rs.getString("SYNTHESIS"), rs.getString("SCORES"),
                (Double) rs.getObject("WEIGHTED_SCORE"), rs.getString("NOTE"), rs.getString("REVIEWED_BY"),
                rs.getString("REVIEW_NOTE"), Jdbc.instant(rs, "REVIEWED_AT"), Jdbc.instant(rs, "TRANSMITTED_AT"),
                (Boolean) rs.getObject("FEEDBACK_RECEIVED"), (Boolean) rs.getObject("FEEDBACK_HIRED"),
                reason == null ? null : RejectionReason.valueOf(reason), rs.getString("FEEDBACK_COMMENT"),
                rs.getString("FEEDBACK_BY"), Jdbc.instant(rs, "FEEDBACK_AT"), Jdbc.instant(rs, "HIRED_AT"),
                Jdbc.instant(rs, "CREATED_AT"), Jdbc.instant(rs, "UPDATED_AT"));
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String criteriaText(List<Criterion> criteria) {
        return criteria.stream().map(k -> k.weight() + "\t" + k.name()).collect(Collectors.joining("\n"));
    }

    private static List<Criterion> criteria(String text) {
        return split(text).stream().map(l -> l.split("\t", 2))
                .map(p -> new Criterion(p[1], Integer.parseInt(p[0]))).toList();
    }

    private static String toolsText(List<AssessmentTool> tools) {
        return tools.stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static List<AssessmentTool> tools(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(" ")).map(AssessmentTool::valueOf).toList();
    }

    private static String scoresText(Map<String, Integer> scores) {
        return scores.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Integer> scores(String text) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String l : split(text)) {
            String[] p = l.split("\t", 2);
            scores.put(p[1], Integer.parseInt(p[0]));
        }
        return scores;
    }
}
