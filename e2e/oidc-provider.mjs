// A real OpenID Connect provider for the OIDC login test (issue 16),
// started by crates/web/tests/oidc.rs: the npm package `oidc-provider`
// (a certified OpenID provider implementation) with confidential
// clients, the authorization code flow with PKCE required, and signed ID
// tokens. Its own login and consent pages are the package's development
// interactions (any login name; the password is not checked): the test is
// about samspill's side of the protocol, not the provider's login form.
//
// Environment:
//   PORT           port to listen on (127.0.0.1)
//   CLIENTS        JSON: the clients samspill is registered as, each
//                  { client_id, client_secret, redirect_uri,
//                    token_endpoint_auth_method }
//   ACCOUNTS       JSON: login name -> { email, email_verified }
//
// Prints `oidc-provider listening on <issuer>` when ready.

import Provider from "oidc-provider";

const PORT = Number(process.env.PORT);
const ISSUER = `http://127.0.0.1:${PORT}`;
const ACCOUNTS = JSON.parse(process.env.ACCOUNTS || "{}");

const provider = new Provider(ISSUER, {
  clients: JSON.parse(process.env.CLIENTS).map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: [c.redirect_uri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: c.token_endpoint_auth_method,
  })),
  pkce: { required: () => true },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
  },
  // The claims go into the ID token itself (samspill reads no userinfo).
  conformIdTokenClaims: false,
  cookies: { keys: ["samspill-test-cookie-key"] },
  async findAccount(_ctx, id) {
    const extra = ACCOUNTS[id] || {};
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...extra };
      },
    };
  },
});

provider.on("server_error", (_ctx, err) => console.error("oidc-provider server_error:", err));

const server = provider.listen(PORT, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${ISSUER}`);
});

for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
