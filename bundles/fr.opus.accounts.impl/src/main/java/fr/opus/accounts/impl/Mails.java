package fr.opus.accounts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.Seat;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The accounts capability's mails, in French. */
final class Mails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(Store.PARIS);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final String SIGNATURE = "— Opus, l'extranet des partenaires de France Travail";

    private Mails() {
    }

    static Mail activation(Account account, String link, Instant expiresAt, int sequence) {
        String text = "Bonjour " + account.firstName() + " " + account.lastName() + ",\n\n"
                + "Un compte Opus a été créé pour vous (" + account.role().label() + ").\n\n"
                + "Votre identifiant : " + account.login() + "\n\n"
                + "Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien personnel :\n"
                + link + "\n\n"
                + "Ce lien ne sert qu'une fois et expire le " + WHEN.format(expiresAt) + ". Passé ce délai, demandez-en"
                + " un nouveau à la personne qui gère les comptes de votre structure.\n\n"
                + "Votre compte est strictement personnel : ne communiquez jamais votre mot de passe, pas même à"
                + " France Travail.\n\n"
                + "Si vous n'attendiez pas ce message, ignorez-le : sans activation, le compte reste inutilisable.\n\n"
                + "— Opus, l'extranet des partenaires de France Travail";
        return new Mail(account.email(), "Activez votre compte Opus", text,
                "account-activation:" + account.id() + ":" + sequence);
    }

    // ------------------------------------------------------------------------------------- life-cycle jobs

    /** "1er avril 2027", "21 février 2027". */
    static String day(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er " : date.getDayOfMonth() + " ") + MONTH_YEAR.format(date);
    }

    static String day(Instant instant) {
        return day(LocalDate.ofInstant(instant, Store.PARIS));
    }

    private static String hello(Account to) {
        return "Bonjour " + to.firstName() + " " + to.lastName() + ",\n\n";
    }

    private static String partnerName(Partner partner) {
        return partner.name() + " (code SAFIR " + partner.safirCode() + ")";
    }

    /**
     * To the holder of an account unused for a while, once per period of inactivity.
     *
     * @param lastUse       the last login, or the activation when the account never served
     * @param neverUsed     whether {@code lastUse} is an activation rather than a login
     * @param deactivatesOn the day the account will be switched off without a login
     */
    /** To the previous address, when an account's e-mail was corrected. */
    static Mail emailChanged(Account account, String newEmail, fr.opus.platform.api.security.Caller by,
            Instant at) {
        String text = "Bonjour " + account.firstName() + " " + account.lastName() + ",\n\n"
                + "L'adresse électronique de votre compte Opus (" + account.login() + ") a été remplacée le "
                + WHEN.format(at) + " par " + by.role().label().toLowerCase(Locale.FRENCH) + " " + by.login()
                + ".\nLes messages d'Opus iront désormais à : " + newEmail + "\n\n"
                + "Si vous n'êtes pas à l'origine de cette demande, prévenez sans attendre la personne qui gère les"
                + " comptes de votre structure ou votre correspondant France Travail.\n\n"
                + "— Opus, l'extranet des partenaires de France Travail";
        return new Mail(account.email(), "L'adresse de votre compte Opus a changé", text,
                "account-email-changed:" + account.id() + ":" + at.toEpochMilli());
    }

    static Mail inactivityWarning(Account to, Instant lastUse, boolean neverUsed, LocalDate deactivatesOn,
            int inactivityDays, String url, String key) {
        String since = neverUsed
                ? "Votre compte Opus (identifiant : " + to.login() + ") est activé depuis le " + day(lastUse)
                        + " mais n'a encore jamais servi."
                : "Votre dernière connexion à Opus (identifiant : " + to.login() + ") date du " + day(lastUse) + ".";
        String help = to.role() == Role.ACCOUNT_MANAGER
                ? "Si vous quittez vos fonctions de RGC ou devez vous absenter plus de trois mois, la convention"
                        + " demande que votre structure le signale à France Travail dans les 8 jours, afin qu'un"
                        + " nouveau RGC soit désigné."
                : "Si vous n'avez plus besoin d'Opus (changement de poste, départ), vous n'avez rien à faire : votre"
                        + " compte sera désactivé et sa place libérée pour un ou une collègue. En cas de difficulté,"
                        + " adressez-vous à la personne qui gère les comptes Opus de votre structure (RGC).";
        String text = hello(to)
                + since + "\n\n"
                + "Les comptes Opus sont personnels et réservés aux personnes qui s'en servent : un compte inutilisé"
                + " pendant plus de " + inactivityDays + " jours est désactivé automatiquement. Sans connexion de"
                + " votre part, le vôtre le sera le " + day(deactivatesOn) + ".\n\n"
                + "Pour le conserver, il suffit de vous connecter avant cette date :\n"
                + url + "\n\n"
                + help + "\n\n"
                + SIGNATURE;
        return new Mail(to.email(), "Votre compte Opus sera désactivé le " + day(deactivatesOn) + " faute d'utilisation",
                text, key);
    }

    /** To the holder of an account the inactivity job has just switched off. */
    static Mail inactivityDeactivated(Account to, Instant lastUse, boolean neverUsed, int inactivityDays, String key) {
        String why = neverUsed
                ? "il n'a jamais servi depuis son activation le " + day(lastUse)
                : "il n'a pas servi depuis le " + day(lastUse);
        String next = to.role() == Role.ACCOUNT_MANAGER
                ? "Seule la direction régionale de France Travail peut rétablir le compte d'un RGC : si vous exercez"
                        + " toujours cette fonction, adressez-vous à votre correspondant France Travail. La direction"
                        + " régionale est prévenue que votre structure n'a plus de RGC en fonction."
                : "Si vous avez encore besoin d'Opus, demandez à la personne qui gère les comptes de votre structure"
                        + " (RGC) de le réactiver, dans la limite des places prévues par la convention.";
        String text = hello(to)
                + "Votre compte Opus (identifiant : " + to.login() + ") a été désactivé ce jour : " + why
                + ", soit plus de " + inactivityDays + " jours. Un précédent message vous avait averti de cette"
                + " échéance.\n\n"
                + next + "\n\n"
                + SIGNATURE;
        return new Mail(to.email(), "Votre compte Opus a été désactivé", text, key);
    }

    /** Why a convention reminder is sent. */
    enum Milestone {
        THREE_MONTHS("3-months", 3, "dans trois mois"), ONE_MONTH("1-month", 1, "dans un mois");

        /** Part of the mail key: stable, independent of the convention's version. */
        final String id;
        final String when;
        private final int monthsBefore;

        Milestone(String id, int monthsBefore, String when) {
            this.id = id;
            this.monthsBefore = monthsBefore;
            this.when = when;
        }

        /** The day this reminder is due for a convention ending on {@code endsOn}. */
        LocalDate date(LocalDate endsOn) {
            return endsOn.minusMonths(monthsBefore);
        }
    }

    private static String recipientRole(Account to, Partner partner) {
        return to.role() == Role.ACCOUNT_MANAGER
                ? "Vous recevez ce message en tant que responsable de gestion de comptes (RGC) de " + partner.name() + "."
                : "Vous recevez ce message en tant qu'opérateur régional d'Opus pour la région de cette structure.";
    }

    /** To the RGC and the region's operators, three months and one month before a convention's end date. */
    static Mail conventionEnding(Account to, Partner partner, LocalDate endsOn, Milestone milestone, String url,
            String key) {
        String text = hello(to)
                + "La convention d'application qui ouvre Opus à " + partnerName(partner) + " prend fin le "
                + day(endsOn) + ", " + milestone.when + ".\n\n"
                + "Le lendemain, tous les accès de la structure à Opus seront fermés : comptes des conseillers, compte"
                + " du RGC et applications raccordées.\n\n"
                + "Si le partenariat se poursuit, la direction régionale de France Travail et la structure doivent"
                + " d'ici là convenir d'un avenant qui prolonge la convention ou signer une nouvelle convention (elle"
                + " ne peut pas dépasser la convention de partenariat locale sur laquelle elle repose). La date de fin"
                + " et les autres termes de la convention sont consultables dans Opus :\n"
                + url + "\n\n"
                + recipientRole(to, partner) + "\n\n"
                + SIGNATURE;
        return new Mail(to.email(), "La convention Opus de " + partner.name() + " prend fin le " + day(endsOn), text,
                key);
    }

    /** To the RGC and the region's operators, the day after the end date, when the job records the end. */
    static Mail conventionExpired(Account to, Partner partner, LocalDate endsOn, String url, String key) {
        String text = hello(to)
                + "La convention d'application qui ouvrait Opus à " + partnerName(partner) + " a pris fin le "
                + day(endsOn) + ". Depuis le " + day(endsOn.plusDays(1)) + ", tous les accès de la structure à Opus"
                + " sont fermés : comptes des conseillers, compte du RGC et applications raccordées.\n\n"
                + "Les comptes ne sont pas supprimés : ils redeviendront utilisables dès qu'une nouvelle convention"
                + " sera signée par la direction régionale de France Travail :\n"
                + url + "\n\n"
                + recipientRole(to, partner) + "\n\n"
                + SIGNATURE;
        return new Mail(to.email(), "La convention Opus de " + partner.name() + " a pris fin le " + day(endsOn), text,
                key);
    }

    private static String status(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> "actif";
            case PENDING_ACTIVATION -> "en attente d'activation";
            case DEACTIVATED -> "désactivé";
        };
    }

    /** To the RGC once a quarter: the partner's accounts, to be checked one by one. */
    static Mail accountsReview(Account rgc, Partner partner, Seats seats, String quarter, int inactivityDays,
            String url, String key) {
        StringBuilder list = new StringBuilder();
        for (Seat seat : seats.holders()) {
            list.append("- ").append(seat.firstName()).append(' ').append(seat.lastName())
                    .append(" (").append(seat.login()).append(") : ").append(status(seat.status())).append(", ")
                    .append(seat.lastLoginAt() == null ? "aucune connexion"
                            : "dernière connexion le " + day(seat.lastLoginAt()))
                    .append('\n');
        }
        if (seats.holders().isEmpty()) {
            list.append("Aucun compte de conseiller n'est ouvert.\n");
        }
        String text = hello(rgc)
                + "Comme chaque trimestre, merci de passer en revue les comptes Opus de " + partnerName(partner)
                + ". En tant que RGC, vous répondez de leur usage : chaque compte est strictement personnel et doit"
                + " être désactivé dès que la personne quitte la structure, change de poste ou s'absente plus de"
                + " trois mois.\n\n"
                + "Comptes des conseillers (" + seats.used() + " place" + (seats.used() > 1 ? "s" : "")
                + " utilisée" + (seats.used() > 1 ? "s" : "") + " sur " + seats.quota()
                + " prévue" + (seats.quota() > 1 ? "s" : "") + " par la convention, RGC non compris) :\n"
                + list + "\n"
                + "Pour désactiver un compte, renvoyer un lien d'activation ou ouvrir un compte :\n"
                + url + "\n\n"
                + "Un compte sans connexion pendant " + inactivityDays + " jours est de toute façon désactivé"
                + " automatiquement, après un avertissement envoyé à son titulaire.\n\n"
                + SIGNATURE;
        return new Mail(rgc.email(), "Revue des comptes Opus de " + partner.name() + " (" + quarter + ")", text, key);
    }

    /** To the region's operators: a convention in force whose partner has no RGC able to act. */
    static Mail rgcMissing(Account operator, Partner partner, String situation, String url, String key) {
        String text = hello(operator)
                + "La convention Opus de " + partnerName(partner) + ", région " + partner.region() + ", est en vigueur"
                + " mais la structure n'a pas de responsable de gestion de comptes (RGC) en fonction : " + situation
                + ".\n\n"
                + "Sans RGC, personne ne peut ouvrir ni désactiver les comptes des conseillers de la structure. La"
                + " convention prévoit que le départ ou l'absence de plus de trois mois du RGC soit signalé dans les"
                + " 8 jours et qu'un nouveau RGC soit désigné, puis agréé par écrit par France Travail.\n\n"
                + "Pour désigner le RGC, ou renvoyer son lien d'activation :\n"
                + url + "\n\n"
                + "Ce message n'est envoyé qu'une fois pour cette situation ; l'état de santé d'Opus la signale tant"
                + " qu'elle dure.\n\n"
                + SIGNATURE;
        return new Mail(operator.email(), partner.name() + " n'a pas de RGC en fonction dans Opus", text, key);
    }
}
