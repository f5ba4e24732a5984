package io.github.mobileid.selfservice.ca.ocsp;

/** Lets tests of the CA package name the package-private OCSP configuration. */
public final class OcspTestAccess {

    public static final Class<?> CONFIGURATION = OcspConfiguration.class;

    private OcspTestAccess() {}
}
