package io.cloudmq.api.credential;

/**
 * Answer of {@code POST /api/v1/instances/{id}/credentials}: the only time the SecretKey is shown.
 * {@link #toString()} masks it, so logging this record never leaks it.
 *
 * @param credential the credential
 * @param secretKey the SecretKey clients sign requests with: 40 characters {@code [A-Za-z0-9]}
 */
public record CreatedCredentialView(CredentialView credential, String secretKey) {
    @Override
    public String toString() {
        return "CreatedCredentialView[credential=" + credential + ", secretKey=****]";
    }
}
