using Marketplace.Identity.Tests.Protocol;

namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>Account pages and their forms, the OAuth endpoints and the identity API.</summary>
    private static readonly Routes Identity = new()
    {
        ["PAGE /Account/SignIn"] = new("GET", "/Account/SignIn", Credential.Cookie, Everyone),
        ["PAGE /Account/SignUp"] = new("GET", "/Account/SignUp", Credential.Cookie, Everyone),
        ["PAGE /Account/SignOut"] = new("GET", "/Account/SignOut", Credential.Cookie, Everyone),
        ["PAGE /Account/SignedOut"] = new("GET", "/Account/SignedOut", Credential.Cookie, Everyone),
        ["PAGE /Account/CheckEmail"] = new("GET", "/Account/CheckEmail", Credential.Cookie, Everyone),
        ["PAGE /Account/ConfirmEmail"] = new("GET", "/Account/ConfirmEmail", Credential.Cookie, Everyone),
        ["PAGE /Account/ConfirmEmailChange"] = new("GET", "/Account/ConfirmEmailChange", Credential.Cookie, Everyone),
        ["PAGE /Account/ResendConfirmation"] = new("GET", "/Account/ResendConfirmation", Credential.Cookie, Everyone),
        ["PAGE /Account/ForgotPassword"] = new("GET", "/Account/ForgotPassword", Credential.Cookie, Everyone),
        ["PAGE /Account/ResetPassword"] = new("GET", "/Account/ResetPassword", Credential.Cookie, Everyone),
        ["PAGE /Account/AccessDenied"] = new("GET", "/Account/AccessDenied", Credential.Cookie, Everyone),
        ["PAGE /Account/AccountDeleted"] = new("GET", "/Account/AccountDeleted", Credential.Cookie, Everyone),
        ["PAGE /Account/Manage"] = new("GET", "/Account/Manage", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/Index"] = new("GET", "/Account/Manage/Index", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/PersonalData"] = new("GET", "/Account/Manage/PersonalData?handler=Download", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/ApiClients"] = new("GET", "/Account/Manage/ApiClients", Credential.Cookie, EmployersOnly),

        // Form posts: each is probed with the persona's antiforgery token, without one, and with a bearer token only.
        // A signed-in user's post of the sign-in form ends their session before the form is read (FreshSessionAtSignIn),
        // so the antiforgery token, issued to the signed-in user, no longer fits: refused, and they are signed out.
        ["PAGE POST /Account/SignIn"] = new("POST", "/Account/SignIn", Credential.Cookie, [A, R, R, R, R, R]) { EndsSession = true },
        ["PAGE POST /Account/SignUp"] = new("POST", "/Account/SignUp", Credential.Cookie, Everyone),
        ["PAGE POST /Account/SignOut"] = new("POST", "/Account/SignOut", Credential.Cookie, Everyone) { EndsSession = true },
        // A confirmation link's page posts its token: whoever holds the link confirms, signed in or not.
        ["PAGE POST /Account/ConfirmEmail"] = new("POST", "/Account/ConfirmEmail", Credential.Cookie, Everyone),
        ["PAGE POST /Account/ConfirmEmailChange"] = new("POST", "/Account/ConfirmEmailChange", Credential.Cookie, Everyone),
        ["PAGE POST /Account/ResendConfirmation"] = new("POST", "/Account/ResendConfirmation", Credential.Cookie, Everyone),
        ["PAGE POST /Account/ForgotPassword"] = new("POST", "/Account/ForgotPassword", Credential.Cookie, Everyone),
        ["PAGE POST /Account/ResetPassword"] = new("POST", "/Account/ResetPassword", Credential.Cookie, Everyone),
        ["PAGE POST /Account/Manage/Index?handler=ChangePassword"] = new("POST", "/Account/Manage/Index?handler=ChangePassword", Credential.Cookie, SignedIn),
        ["PAGE POST /Account/Manage/Index?handler=ChangeEmail"] = new("POST", "/Account/Manage/Index?handler=ChangeEmail", Credential.Cookie, SignedIn),
        ["PAGE POST /Account/Manage/PersonalData?handler=Delete"] = new("POST", "/Account/Manage/PersonalData?handler=Delete", Credential.Cookie, SignedIn),
        ["PAGE POST /Account/Manage/ApiClients?handler=Create"] = new("POST", "/Account/Manage/ApiClients?handler=Create", Credential.Cookie, EmployersOnly),
        // The second employer's spare client: the first employer cannot delete it (to them it does not exist); its owner can.
        ["PAGE POST /Account/Manage/ApiClients?handler=Delete"] = new("POST", "/Account/Manage/ApiClients?handler=Delete", Credential.Cookie, [S, F, F, N, A, F])
        {
            Form = new Dictionary<string, string> { ["clientId"] = "{spare-client}" },
        },

        // OAuth: the protocol decides (anonymous users are sent to sign in before a code is issued).
        ["GET /connect/authorize"] = new("GET", "/connect/authorize?" + AuthorizeQuery, Credential.Cookie, SignedIn),
        ["POST /connect/authorize"] = new("POST", "/connect/authorize", Credential.Cookie, Everyone),
        ["POST /connect/token"] = new("POST", "/connect/token", Credential.Cookie, Everyone),

        ["GET /api/v1/identity/me"] = new("GET", "/api/v1/identity/me", Credential.Bearer, SignedIn),
    };

    private static string AuthorizeQuery =>
        $"client_id={OAuth.PublicClient}&redirect_uri={Uri.EscapeDataString(OAuth.RedirectUri)}&response_type=code&scope=openid&code_challenge={OAuth.Pkce().Challenge}&code_challenge_method=S256";
}
