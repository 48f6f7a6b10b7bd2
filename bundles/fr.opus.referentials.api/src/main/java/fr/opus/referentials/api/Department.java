package fr.opus.referentials.api;

/** A département ({@code 01}…{@code 95}, {@code 2A}, {@code 2B}, {@code 971}…{@code 976}) and its region. */
public record Department(String code, String name, String regionCode) {
}
