namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private static Outcome[] JobSeekersOnly => [S, A, A, F, F, F];

    /// <summary>A seeker's own profile only: the session or token names the seeker (Profiles' tests cover "never another's").</summary>
    private static readonly Routes Profiles = new()
    {
        ["PAGE /Profile"] = new("GET", "/Profile", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Profile/Index"] = new("GET", "/Profile/Index", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Profile/Edit"] = new("GET", "/Profile/Edit", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Profile/Import"] = new("GET", "/Profile/Import", Credential.Cookie, JobSeekersOnly),

        ["PAGE POST /Profile/Edit?handler=About"] = new("POST", "/Profile/Edit?handler=About", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Edit?handler=AddSkill"] = new("POST", "/Profile/Edit?handler=AddSkill", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Edit?handler=Preferences"] = new("POST", "/Profile/Edit?handler=Preferences", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Edit?handler=Skills"] = new("POST", "/Profile/Edit?handler=Skills", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Edit?handler=Undo"] = new("POST", "/Profile/Edit?handler=Undo", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Import?handler=Confirm"] = new("POST", "/Profile/Import?handler=Confirm", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Import?handler=Read"] = new("POST", "/Profile/Import?handler=Read", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Profile/Import?handler=ReadLast"] = new("POST", "/Profile/Import?handler=ReadLast", Credential.Cookie, JobSeekersOnly),

        ["GET /api/v1/me/profile/"] = new("GET", "/api/v1/me/profile", Credential.Bearer, JobSeekersOnly),
        ["PUT /api/v1/me/profile/"] = new("PUT", "/api/v1/me/profile", Credential.Bearer, JobSeekersOnly, """{"version":0}"""),
        ["GET /api/v1/skills/suggestions"] = new("GET", "/api/v1/skills/suggestions?q=postg", Credential.Bearer, Everyone),
    };
}
