package fr.opus.referentials.api;

/** An entry of a code list (contract types, NAF divisions, themes…). */
public record CodeLabel(String code, String label) {
}
