package fr.opus.accounts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.platform.api.mail.Mail;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The accounts capability's mails, in French. */
final class Mails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(Store.PARIS);

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
}
