package fr.opus.referentials.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** The SOAP shapes of reference data; element names follow France Travail's JSON ({@code code}, {@code libelle}). */
final class SoapTypes {

    private SoapTypes() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Region", propOrder = {"code", "libelle"})
    public static class RegionType {
        @XmlElement(required = true)
        public String code;
        @XmlElement(required = true)
        public String libelle;

        public RegionType() {
        }

        RegionType(String code, String libelle) {
            this.code = code;
            this.libelle = libelle;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Departement", propOrder = {"code", "libelle", "codeRegion"})
    public static class DepartementType {
        @XmlElement(required = true)
        public String code;
        @XmlElement(required = true)
        public String libelle;
        @XmlElement(required = true)
        public String codeRegion;

        public DepartementType() {
        }

        DepartementType(String code, String libelle, String codeRegion) {
            this.code = code;
            this.libelle = libelle;
            this.codeRegion = codeRegion;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Commune", propOrder = {"code", "libelle", "codePostal", "codeDepartement", "codeRegion"})
    public static class CommuneType {
        @XmlElement(required = true)
        public String code;
        @XmlElement(required = true)
        public String libelle;
        public String codePostal;
        @XmlElement(required = true)
        public String codeDepartement;
        @XmlElement(required = true)
        public String codeRegion;

        public CommuneType() {
        }

        CommuneType(String code, String libelle, String codePostal, String codeDepartement, String codeRegion) {
            this.code = code;
            this.libelle = libelle;
            this.codePostal = codePostal;
            this.codeDepartement = codeDepartement;
            this.codeRegion = codeRegion;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Referentiel", propOrder = {"code", "libelle"})
    public static class ReferentielType {
        @XmlElement(required = true)
        public String code;
        @XmlElement(required = true)
        public String libelle;

        public ReferentielType() {
        }

        ReferentielType(String code, String libelle) {
            this.code = code;
            this.libelle = libelle;
        }
    }
}
