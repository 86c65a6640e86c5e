package io.starlingmq.gateway.auth;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which name of a verified TLS client certificate becomes the username the auth service judges
 * ({@code starling.gateway.auth.certificate-identity}).
 */
public enum CertificateIdentity {
    /** The username comes from the CONNECT, as without a certificate. */
    NONE,
    /** The most specific common name (CN) of the subject. */
    CN,
    /** The first DNS name among the subject alternative names. */
    SAN_DNS,
    /** The first e-mail address (rfc822Name) among the subject alternative names. */
    SAN_EMAIL;

    /** GeneralName tags of X.509 subject alternative names (RFC 5280 §4.2.1.6). */
    private static final int RFC822_NAME = 1;
    private static final int DNS_NAME = 2;

    /** This kind of name in the certificate; empty for {@link #NONE} or when the certificate has none. */
    public Optional<String> nameIn(X509Certificate certificate) {
        return switch (this) {
            case NONE -> Optional.empty();
            case CN -> commonName(certificate.getSubjectX500Principal().getName());
            case SAN_DNS -> alternativeName(certificate, DNS_NAME);
            case SAN_EMAIL -> alternativeName(certificate, RFC822_NAME);
        };
    }

    /** The most specific CN of an RFC 2253 name. */
    public static Optional<String> commonName(String rfc2253) {
        try {
            String cn = null;
            // LdapName lists RDNs from least to most specific, so the last CN wins.
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return Optional.ofNullable(cn);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> alternativeName(X509Certificate certificate, int tag) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        return names.stream()
                .filter(name -> name.size() == 2 && Integer.valueOf(tag).equals(name.get(0))
                        && name.get(1) instanceof String)
                .map(name -> (String) name.get(1))
                .findFirst();
    }
}
