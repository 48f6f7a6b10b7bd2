package fr.opus.referentials.api;

/** A French region (INSEE code: {@code 84}, or {@code 01}–{@code 06} overseas). */
public record Region(String code, String name, boolean overseas) {
}
