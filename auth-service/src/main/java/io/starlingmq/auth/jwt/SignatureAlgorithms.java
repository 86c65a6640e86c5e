package io.starlingmq.auth.jwt;

import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;

/** The only algorithms an issuer may be pinned to: asymmetric, so a public key can never sign. */
final class SignatureAlgorithms {

    static final Set<String> ALLOWED = Set.of(
            AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256);

    private SignatureAlgorithms() {
    }

    static boolean isAsymmetric(String algorithm) {
        return ALLOWED.contains(algorithm);
    }
}
