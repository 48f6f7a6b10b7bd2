package fr.opus.accounts.soap;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.Seat;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;
import javax.xml.bind.annotation.XmlType;

/** The SOAP shapes of accounts, with French element names like the other Opus SOAP contracts. */
final class SoapTypes {

    private SoapTypes() {
    }

    /** A person's role, in the words of the conventions. */
    @XmlType(name = "Role")
    @XmlEnum
    public enum RoleType {
        @XmlEnumValue("OPERATEUR_REGIONAL") OPERATEUR_REGIONAL(Role.REGIONAL_OPERATOR),
        @XmlEnumValue("AGENT_FRANCE_TRAVAIL") AGENT_FRANCE_TRAVAIL(Role.FT_AGENT),
        @XmlEnumValue("RGC") RGC(Role.ACCOUNT_MANAGER),
        @XmlEnumValue("CONSEILLER") CONSEILLER(Role.COUNSELLOR);

        final Role role;

        RoleType(Role role) {
            this.role = role;
        }

        static RoleType of(Role role) {
            for (RoleType t : values()) {
                if (t.role == role) {
                    return t;
                }
            }
            throw new IllegalArgumentException(String.valueOf(role));
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Compte", propOrder = {"id", "identifiant", "role", "partenaire", "region", "prenom", "nom",
            "email", "statut", "creeLe", "derniereConnexion", "statutModifieLe", "motifStatut"})
    public static class CompteType {
        @XmlElement(required = true)
        public String id;
        @XmlElement(required = true)
        public String identifiant;
        @XmlElement(required = true)
        public RoleType role;
        public String partenaire;
        public String region;
        @XmlElement(required = true)
        public String prenom;
        @XmlElement(required = true)
        public String nom;
        @XmlElement(required = true)
        public String email;
        /** PENDING_ACTIVATION, ACTIVE or DEACTIVATED. */
        @XmlElement(required = true)
        public String statut;
        public String creeLe;
        public String derniereConnexion;
        public String statutModifieLe;
        public String motifStatut;

        static CompteType of(Account a) {
            CompteType t = new CompteType();
            t.id = a.id();
            t.identifiant = a.login();
            t.role = RoleType.of(a.role());
            t.partenaire = a.partnerId();
            t.region = a.region();
            t.prenom = a.firstName();
            t.nom = a.lastName();
            t.email = a.email();
            t.statut = a.status().name();
            t.creeLe = text(a.createdAt());
            t.derniereConnexion = text(a.lastLoginAt());
            t.statutModifieLe = text(a.statusChangedAt());
            t.motifStatut = a.statusReason();
            return t;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NouveauCompte", propOrder = {"role", "partenaire", "prenom", "nom", "email"})
    public static class NouveauCompteType {
        @XmlElement(required = true)
        public RoleType role;
        /** The partner of an RGC or a counsellor; an RGC may leave it out (its own). */
        public String partenaire;
        @XmlElement(required = true)
        public String prenom;
        @XmlElement(required = true)
        public String nom;
        @XmlElement(required = true)
        public String email;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Siege", propOrder = {"compte", "identifiant", "prenom", "nom", "statut", "derniereConnexion"})
    public static class SiegeType {
        @XmlElement(required = true)
        public String compte;
        @XmlElement(required = true)
        public String identifiant;
        public String prenom;
        public String nom;
        public String statut;
        public String derniereConnexion;

        static SiegeType of(Seat s) {
            SiegeType t = new SiegeType();
            t.compte = s.accountId();
            t.identifiant = s.login();
            t.prenom = s.firstName();
            t.nom = s.lastName();
            t.statut = s.status().name();
            t.derniereConnexion = text(s.lastLoginAt());
            return t;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Sieges", propOrder = {"partenaire", "quota", "occupes", "siege"})
    public static class SiegesType {
        @XmlElement(required = true)
        public String partenaire;
        public int quota;
        public int occupes;
        public List<SiegeType> siege = new ArrayList<>();

        static SiegesType of(Seats seats) {
            SiegesType t = new SiegesType();
            t.partenaire = seats.partnerId();
            t.quota = seats.quota();
            t.occupes = seats.used();
            seats.holders().forEach(s -> t.siege.add(SiegeType.of(s)));
            return t;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
